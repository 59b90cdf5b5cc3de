/**
 * Following a value to what it names, across stacks: cdktf passes a value from one stack to another as
 * an output of the first read through `terraform_remote_state` in the second.
 */
import { block, referencedResource, type StackDocument, type TfBlock } from "./document";

export type Resolved =
  | { readonly kind: "resource"; readonly doc: StackDocument; readonly block: TfBlock }
  | { readonly kind: "literal"; readonly value: string }
  | { readonly kind: "unknown" };

const REMOTE = /^\$\{data\.terraform_remote_state\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)\}$/;

/** JSON text with keys sorted at every level, so equal objects compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
/** Stacks by their backend (type and canonical configuration), per audited set: built once. */
const byBackend = new WeakMap<readonly StackDocument[], Map<string, StackDocument>>();

function backendIndex(stacks: readonly StackDocument[]): Map<string, StackDocument> {
  let index = byBackend.get(stacks);
  if (!index) {
    index = new Map();
    for (const s of stacks) for (const b of s.backends) index.set(`${b.name}|${canonical(b.values)}`, s);
    byBackend.set(stacks, index);
  }
  return index;
}

/** The stack a remote-state data source reads: the one whose backend has the same configuration. */
function producer(
  doc: StackDocument,
  stacks: readonly StackDocument[],
  dataName: string,
): StackDocument | undefined {
  const remote = doc.data.find((d) => d.type === "data.terraform_remote_state" && d.name === dataName);
  if (!remote) return undefined;
  const config = block(remote.values["config"]);
  return backendIndex(stacks).get(`${String(remote.values["backend"])}|${canonical(config)}`);
}

/** What `expression`, written in `doc`, names. */
export function resolve(doc: StackDocument, stacks: readonly StackDocument[], expression: unknown): Resolved {
  if (typeof expression !== "string") return { kind: "unknown" };
  if (!expression.includes("${")) return { kind: "literal", value: expression };
  const local = referencedResource(doc, expression);
  if (local) return { kind: "resource", doc, block: local };
  const remote = REMOTE.exec(expression);
  if (remote) {
    const source = producer(doc, stacks, remote[1]!);
    const output = source?.outputs.find((o) => o.name === remote[2]);
    if (source && output) return resolve(source, stacks, output.values["value"]);
  }
  return { kind: "unknown" };
}
