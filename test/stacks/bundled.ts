/** The bundled example estate, synthesized once per test file as `npm run synth` does it. */
import { loadEnvironments } from "../../config/load";
import { resolveEstate } from "../../estate/resolve";
import { buildStacks } from "../../stacks/estate-app";
import { synthStacks, testApp } from "../helpers";

export function synthBundledEstate() {
  const estate = resolveEstate(loadEnvironments("config/environments"));
  const stacks = buildStacks(testApp(), estate);
  const synthesized = synthStacks([...stacks.shared, ...stacks.regions, ...stacks.gateways]);
  const json = (stack: string) => synthesized.get(stack)!;
  const resources = (stack: string, type: string): [string, any][] =>
    Object.entries(json(stack).resource?.[type] ?? {});
  return { estate, stacks, synthesized, json, resources, regionStacks: stacks.regions.map((s) => s.node.id) };
}
