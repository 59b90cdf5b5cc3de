/**
 * Delete protection shared by every stateful construct: a CanNotDelete management lock on the resource.
 * (prevent_destroy goes on the resource itself through its lifecycle.) The lock's construct ID is
 * "Lock", so its Terraform address is <construct>_Lock.
 */
import type { Construct } from "constructs";
import { ManagementLock } from "./azurerm";

export function addDeleteLock(scope: Construct, resourceId: string, notes: string): ManagementLock {
  return new ManagementLock(scope, "Lock", {
    name: "lock-cannot-delete",
    scope: resourceId,
    lockLevel: "CanNotDelete",
    notes,
  });
}
