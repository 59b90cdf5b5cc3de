/**
 * What each planned change is, in a reviewer's words, and which attributes it changes. Terraform writes a
 * replacement as two actions and an import as a no-op with `importing`, so the whole actions list and the
 * extra fields are read, never actions[0] alone.
 */
import type { ResourceChange } from "./plan";

export type Kind =
  "create" | "update" | "replace" | "delete" | "import" | "move" | "read" | "forget" | "no-op" | "unknown";

export interface Classified {
  readonly kind: Kind;
  /** For a replacement: the old object goes first (downtime) or last (create_before_destroy). */
  readonly replaceOrder?: "delete-first" | "create-first";
  readonly imported: boolean;
  readonly movedFrom?: string;
}

export function classify(rc: ResourceChange): Classified {
  const a = rc.change.actions.join(",");
  const imported = rc.change.importing !== undefined;
  const movedFrom =
    rc.previous_address && rc.previous_address !== rc.address ? rc.previous_address : undefined;
  const base = { imported, movedFrom };
  switch (a) {
    case "delete,create":
      return { ...base, kind: "replace", replaceOrder: "delete-first" };
    case "create,delete":
      return { ...base, kind: "replace", replaceOrder: "create-first" };
    case "create,forget":
      return { ...base, kind: "replace", replaceOrder: "create-first" };
    case "no-op":
      return { ...base, kind: imported ? "import" : movedFrom ? "move" : "no-op" };
    case "create":
    case "update":
    case "delete":
    case "read":
    case "forget":
      return { ...base, kind: a };
    default:
      return { ...base, kind: "unknown" };
  }
}

export interface AttributeDiff {
  readonly path: string;
  readonly before: string;
  readonly after: string;
}

const SENSITIVE = "(sensitive)";
const UNKNOWN = "(known after apply)";

/**
 * Leaf-level differences between before and after. A leaf marked sensitive on either side is masked on
 * both; a leaf unknown until apply says so.
 */
export function attributeDiffs(rc: ResourceChange): AttributeDiff[] {
  const out: AttributeDiff[] = [];
  const c = rc.change;
  walk(c.before, c.after, c.after_unknown, c.before_sensitive, c.after_sensitive, "", out);
  return out;
}

function walk(
  before: unknown,
  after: unknown,
  unknown: unknown,
  sensitiveBefore: unknown,
  sensitiveAfter: unknown,
  path: string,
  out: AttributeDiff[],
): void {
  if (sensitiveBefore === true || sensitiveAfter === true) {
    if (unknown === true) out.push({ path, before: before === undefined ? "" : SENSITIVE, after: UNKNOWN });
    else if (JSON.stringify(before) !== JSON.stringify(after))
      out.push({ path, before: before === undefined || before === null ? "" : SENSITIVE, after: SENSITIVE });
    return;
  }
  if (unknown === true) {
    out.push({ path, before: show(before), after: UNKNOWN });
    return;
  }
  const container = (v: unknown) => typeof v === "object" && v !== null;
  if (container(before) || container(after) || container(unknown)) {
    const keys = new Set([...keysOf(before), ...keysOf(after), ...keysOf(unknown)]);
    for (const key of keys) {
      const step = Array.isArray(before) || Array.isArray(after) ? `[${key}]` : path ? `.${key}` : key;
      walk(
        at(before, key),
        at(after, key),
        at(unknown, key),
        at(sensitiveBefore, key),
        at(sensitiveAfter, key),
        `${path}${step}`,
        out,
      );
    }
    return;
  }
  if (before !== after) out.push({ path, before: show(before), after: show(after) });
}

function keysOf(v: unknown): string[] {
  return typeof v === "object" && v !== null ? Object.keys(v) : [];
}

function at(v: unknown, key: string): unknown {
  return typeof v === "object" && v !== null ? (v as Record<string, unknown>)[key] : undefined;
}

function show(v: unknown): string {
  if (v === undefined || v === null) return "";
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** A replace_paths entry as an attribute path: ["sku", 0, "name"] → sku[0].name. */
export function pathText(steps: readonly (string | number)[]): string {
  return steps.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}
