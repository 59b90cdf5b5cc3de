/**
 * Terraform addresses are construct paths (ADR 0001), so moving a construct renames its resources. When a
 * refactor must, the new resource declares where its state was: Terraform plans a move (`moved` block,
 * cdktf's moveFromId), not a destroy and a create. Keep a move until every environment has applied it;
 * test/stacks/moved.test.ts proves with Terraform that a move plans as a move.
 */
import type { TerraformResource } from "cdktf";

/** `previousPath`: the construct IDs below the stack, joined by "_", as the address was built from them. */
export function movedFrom(resource: TerraformResource, previousPath: string): void {
  const name = previousPath.replace(/[^A-Za-z0-9_]/g, "_");
  resource.moveFromId(`${resource.terraformResourceType}.${name}`);
}
