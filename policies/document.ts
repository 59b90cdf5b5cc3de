/**
 * A synthesized stack (`cdk.tf.json`) as the guardrail rules read it: resources with their Terraform
 * address and construct path, the blocks Terraform JSON may write as an object or a list, and the
 * references between resources. Nothing here knows cdktf: the same view reads any Terraform JSON.
 */
import type { Waiver } from "./waiver";

/** A block of the configuration a finding can point at: a resource, data source, output, variable, provider or backend. */
export interface TfBlock {
  readonly stack: string;
  /** `azurerm_cognitive_account`, or `output`, `variable`, `provider`, `backend`, `data.<type>`. */
  readonly type: string;
  readonly name: string;
  /** Terraform's address: `azurerm_cognitive_account.openai`, `output.endpoint`, `provider.azurerm`. */
  readonly address: string;
  /** The construct path from cdktf's metadata; for other output, `<stack>/<address>`. */
  readonly path: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/** What a stack says about itself for the guardrails, under `//.guardrails` (Terraform ignores `//`). */
export interface GuardrailMetadata {
  readonly environment?: string;
  /** Protected environments must keep accounts and vaults recoverable. Default for unmarked output: true. */
  readonly protected?: boolean;
  /** Ranges of networks the environment connects to (hub, on-premises). */
  readonly peerRanges?: readonly string[];
  readonly waivers?: readonly Waiver[];
}

export interface StackDocument {
  readonly name: string;
  readonly json: Readonly<Record<string, unknown>>;
  readonly resources: readonly TfBlock[];
  readonly data: readonly TfBlock[];
  readonly outputs: readonly TfBlock[];
  readonly variables: readonly TfBlock[];
  readonly providers: readonly TfBlock[];
  readonly backends: readonly TfBlock[];
  readonly metadata: GuardrailMetadata;
  readonly protected: boolean;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** A nested block written as an object or as a list of objects: always a list. */
export function blocks(value: unknown): Json[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

/** The first of a nested block, or undefined. */
export const block = (value: unknown): Json | undefined => blocks(value)[0];

function metadataPath(values: Json): string | undefined {
  const meta = block(values["//"]);
  const inner = meta && block(meta["metadata"]);
  return typeof inner?.["path"] === "string" ? inner["path"] : undefined;
}

/** The entries of a label level, which Terraform JSON may also write as a list of objects. */
const entriesOf = (level: unknown): [string, unknown][] => blocks(level).flatMap((o) => Object.entries(o));

function named(stack: string, type: string, entries: unknown, prefix = `${type}.`): TfBlock[] {
  return entriesOf(entries).flatMap(([name, raw]) =>
    blocks(raw).map((values) => {
      const address = `${prefix}${name}`;
      return { stack, type, name, address, path: metadataPath(values) ?? `${stack}/${address}`, values };
    }),
  );
}

function typed(stack: string, section: unknown, data = false): TfBlock[] {
  return entriesOf(section).flatMap(([type, entries]) =>
    named(stack, data ? `data.${type}` : type, entries, data ? `data.${type}.` : `${type}.`),
  );
}

/** Reads one stack's Terraform JSON. */
export function stackDocument(name: string, json: Json, overrides: GuardrailMetadata = {}): StackDocument {
  const comment = block(json["//"]);
  const metadata: GuardrailMetadata = { ...(block(comment?.["guardrails"]) ?? {}), ...overrides };
  const terraform = block(json["terraform"]);
  const backendSection = block(terraform?.["backend"]);
  return {
    name,
    json,
    resources: typed(name, json["resource"]),
    data: typed(name, json["data"], true),
    outputs: named(name, "output", json["output"]),
    variables: named(name, "variable", json["variable"]),
    providers: named(name, "provider", json["provider"]),
    backends: backendSection ? named(name, "backend", backendSection, "terraform.backend.") : [],
    metadata,
    protected: metadata.protected ?? true,
  };
}

/** The resources of one type. */
export const ofType = (doc: StackDocument, type: string): TfBlock[] =>
  doc.resources.filter((r) => r.type === type);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether any string inside `value` references `target` (`${type.name.attr}`, also inside functions). */
export function references(value: unknown, target: TfBlock): boolean {
  const pattern = new RegExp(`(?<![\\w.])${escape(target.address)}(?![\\w-])`);
  return strings(value).some((s) => s.includes("${") && pattern.test(s));
}

/** Every string inside a value, depth first. */
export function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (isObject(value)) return Object.entries(value).flatMap(([k, v]) => (k === "//" ? [] : strings(v)));
  return [];
}

/** The resource a single-reference expression such as `${azurerm_x.y.id}` points at, in this stack. */
export function referencedResource(doc: StackDocument, expression: unknown): TfBlock | undefined {
  if (typeof expression !== "string") return undefined;
  const m = /^\$\{([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)\.[a-z_]+\}$/.exec(expression);
  return m ? doc.resources.find((r) => r.type === m[1] && r.name === m[2]) : undefined;
}
