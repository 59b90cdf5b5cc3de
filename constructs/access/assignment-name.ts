/**
 * Role assignment names are GUIDs. Deriving them from scope, role and principal (an RFC 4122
 * version-5, name-based UUID) makes them the same on every synth and on every machine, so an
 * assignment made by hand or by another tool can be imported, and a re-created one keeps its name.
 */
import { createHash } from "node:crypto";

/** A fixed namespace for this project's assignment names (itself a random v4 UUID). */
const NAMESPACE = "3d3f1b8e-5a1c-4f0e-9b5e-6f2a7c9d4e10";

export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ""), "hex");
  const hash = createHash("sha1").update(ns).update(name, "utf8").digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Case-insensitive in every part, because Azure resource IDs and GUIDs are. */
export function roleAssignmentName(scopeId: string, roleId: string, principalId: string): string {
  return uuidV5([scopeId, roleId, principalId].map((s) => s.toLowerCase()).join("|"), NAMESPACE);
}
