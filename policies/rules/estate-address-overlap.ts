import { overlaps, parseCidr, type Cidr } from "../../catalog/cidr";
import { ofType, type StackDocument } from "../document";
import type { Rule, Violation } from "../rule";

type Range = { text: string; cidr: Cidr };
/** Parsed once per list: the rule compares every VNet with every other connected one. */
const parsed = new WeakMap<readonly unknown[], Range[]>();
function ranges(texts: readonly unknown[]): Range[] {
  let out = parsed.get(texts);
  if (!out) {
    out = texts.flatMap((t) => {
      const cidr = typeof t === "string" ? parseCidr(t) : "not a range";
      return typeof cidr === "string" ? [] : [{ text: t as string, cidr }];
    });
    parsed.set(texts, out);
  }
  return out;
}

const NONE: readonly string[] = [];
const peerRanges = (doc: StackDocument) => ranges(doc.metadata.peerRanges ?? NONE);

const spaceOf = (values: Readonly<Record<string, unknown>>) =>
  Array.isArray(values["address_space"]) ? ranges(values["address_space"]) : [];

/**
 * Two stacks are connected when they belong to the same environment, or their environments reach a
 * common network (a peer range of one overlaps a peer range of the other: the same hub or on-premises).
 * Output without guardrail metadata is treated as connected to everything it is audited with.
 */
function connected(a: StackDocument, b: StackDocument): boolean {
  if (a.metadata.environment === undefined || b.metadata.environment === undefined) return true;
  if (a.metadata.environment === b.metadata.environment) return true;
  return peerRanges(a).some((p) => peerRanges(b).some((q) => overlaps(p.cidr, q.cidr)));
}

export const estateAddressOverlap: Rule = {
  id: "AOAI-EST1",
  level: "error",
  title: "Address spaces do not overlap across connected environments",
  rationale:
    "Environments that share a hub or on-premises network are routed together; a VNet that reuses another's " +
    "range (a region pasted from one environment into another) cannot be peered and breaks routing for both.",
  fix: "Give the VNet a range of its own (config: regions[].network.addressSpace), outside every connected environment's VNets and peer ranges.",
  sources: {
    guidance: [
      "learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview (no overlapping address spaces)",
    ],
  },
  check({ stack, stacks }) {
    const found: Violation[] = [];
    const key = (doc: StackDocument, address: string) => `${doc.name}/${address}`;
    for (const vnet of ofType(stack, "azurerm_virtual_network")) {
      const own = spaceOf(vnet.values);
      const clashes = new Set<string>();
      for (const other of stacks.filter((s) => connected(stack, s))) {
        for (const theirs of ofType(other, "azurerm_virtual_network")) {
          // One finding per overlapping pair, on the VNet that sorts first: one fix, one waiver.
          if (theirs === vnet || key(other, theirs.address) < key(stack, vnet.address)) continue;
          for (const r of spaceOf(theirs.values))
            for (const o of own)
              if (overlaps(o.cidr, r.cidr))
                clashes.add(`${o.text} overlaps ${r.text} of ${other.name}/${theirs.address}`);
        }
        for (const p of peerRanges(other))
          for (const o of own)
            if (overlaps(o.cidr, p.cidr))
              clashes.add(
                `${o.text} overlaps peer range ${p.text} of ${other.metadata.environment ?? other.name}`,
              );
      }
      for (const detail of clashes) found.push({ target: vnet, detail });
    }
    return found;
  },
};
