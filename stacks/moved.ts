/**
 * Terraform addresses are construct paths (ADR 0001), so moving a construct renames its resources. When a
 * refactor must, the stack declares where the state was: Terraform plans a move (a `moved` block), not a
 * destroy and a create. Keep a move until every environment has applied it; test/stacks/moved.test.ts
 * proves with Terraform that a move plans as a move.
 *
 * The blocks are written as a stack override rather than with cdktf's moveFromId: for every stack with a
 * move, cdktf 0.21 runs `terraform version` during synth (0.1 s per stack, and a failed synth on a machine
 * without Terraform). Moved blocks need Terraform 1.5; this project's toolchain is 1.9 or later.
 */
import { TerraformStack, type TerraformResource } from "cdktf";

const moves = new WeakMap<TerraformStack, { from: string; to: string }[]>();

/** `previousPath`: the construct IDs below the stack, joined by "_", as the old address was built from them. */
export function movedFrom(resource: TerraformResource, previousPath: string): void {
  const stack = TerraformStack.of(resource);
  const type = resource.terraformResourceType;
  const list = moves.get(stack) ?? [];
  list.push({
    from: `${type}.${previousPath.replace(/[^A-Za-z0-9_]/g, "_")}`,
    to: `${type}.${resource.friendlyUniqueId}`,
  });
  moves.set(stack, list);
  stack.addOverride("moved", list);
}
