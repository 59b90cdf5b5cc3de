/**
 * The review as markdown for a pull-request comment and the job summary. Risks come first and are never
 * cut; when the text is over the limit, attribute tables go first, then the per-change lines, and the
 * comment says so.
 */
import type { Finding } from "../../policies/evaluate";
import type { Kind } from "./changes";
import type { ReviewedChange, StackReview } from "./review";

/** GitHub refuses comment bodies over 65,536 characters. */
export const COMMENT_LIMIT = 65_536;
/** Marks the comment, so the workflow updates one comment per pull request. */
export const MARKER = "<!-- azure-openai-platform:plan-review -->";

const COLUMNS: readonly [Kind, string][] = [
  ["create", "create"],
  ["update", "update"],
  ["replace", "replace"],
  ["delete", "delete"],
  ["import", "import"],
  ["move", "move"],
  ["forget", "forget"],
];
const SIGN: Partial<Record<Kind, string>> = {
  create: "+",
  update: "~",
  replace: "-/+",
  delete: "-",
  import: "<=",
  move: "->",
  forget: "x",
  read: "<=",
  unknown: "?",
};

type Detail = "attributes" | "changes" | "none";

/** Guardrail findings of the reviewed stacks, from the synthesized output beside the plans. */
export interface ReviewGuardrails {
  /** Findings accepted by a waiver: every deliberate departure, with its reason, in every review. */
  readonly waived: readonly Finding[];
  /** Unwaived errors: the output did not come from a passing synth. */
  readonly errors: readonly Finding[];
}

export function renderReview(
  stacks: readonly StackReview[],
  limit = COMMENT_LIMIT,
  guardrails?: ReviewGuardrails,
): string {
  for (const detail of ["attributes", "changes", "none"] as Detail[]) {
    const text = render(stacks, detail, guardrails);
    if (text.length <= limit || detail === "none") return text;
  }
  return "";
}

function render(stacks: readonly StackReview[], detail: Detail, guardrails?: ReviewGuardrails): string {
  const risks = stacks.flatMap((s) => s.risks.map((r) => ({ ...r, stack: s.stack })));
  const high = risks.filter((r) => r.severity === "high").length;
  const changed = stacks.filter((s) => s.changes.length > 0 || s.drift.relevant.length > 0);
  const out: string[] = [
    MARKER,
    `## Plan review: ${stacks.length} stack${stacks.length === 1 ? "" : "s"}, ${changed.length} with changes, ` +
      `${risks.length} risk${risks.length === 1 ? "" : "s"}${risks.length ? ` (${high} high)` : ""}`,
    "",
    `| stack | ${COLUMNS.map(([, h]) => h).join(" | ")} | drift |`,
    `| --- | ${COLUMNS.map(() => "---:").join(" | ")} | ---: |`,
    ...stacks.map(
      (s) =>
        `| ${s.stack}${s.errored ? " (plan errored)" : ""}${s.incomplete ? " (incomplete)" : ""} | ` +
        `${COLUMNS.map(([k]) => s.counts[k] || "").join(" | ")} | ${s.drift.relevant.length + s.drift.unrelated.length || ""} |`,
    ),
    "",
  ];
  if (risks.length) {
    out.push("### Risks", "");
    for (const r of [...risks].sort((a, b) =>
      a.severity === b.severity ? 0 : a.severity === "high" ? -1 : 1,
    ))
      out.push(`- **${r.severity}** ${r.stack} \`${r.address}\`${path(r.constructPath)}: ${escape(r.what)}`);
    out.push("");
  }
  if (guardrails?.errors.length) {
    out.push("### Guardrail errors: this output did not pass synth", "");
    for (const f of guardrails.errors)
      out.push(`- **${f.rule}** ${f.stack} \`${f.address}\`${path(f.path)}: ${escape(f.detail)}`);
    out.push("");
  }
  if (guardrails?.waived.length) {
    out.push(`### Waived guardrails (${guardrails.waived.length})`, "");
    for (const f of guardrails.waived) {
      const w = f.waiver!;
      out.push(
        `- **${f.rule}** ${f.stack} \`${f.address}\`: ${escape(f.detail)}. ` +
          `Waived${w.expires ? ` until ${w.expires}` : ""}: ${escape(w.reason)}${w.source ? ` (${escape(w.source)})` : ""}`,
      );
    }
    out.push("");
  }
  const unknown = stacks.flatMap((s) =>
    s.changes.filter((c) => c.kind === "unknown").map((c) => `${s.stack} \`${c.address}\``),
  );
  if (unknown.length)
    out.push("### Needs a human: actions this review does not know", "", ...unknown.map((u) => `- ${u}`), "");

  for (const s of changed) {
    out.push(`### ${s.stack}`, "");
    if (detail !== "none") for (const c of s.changes) out.push(...changeLines(c, detail === "attributes"));
    if (s.drift.relevant.length) {
      out.push("", "Drift that this plan acts on (changed outside Terraform):", "");
      for (const c of s.drift.relevant) out.push(...changeLines(c, detail === "attributes"));
    }
    if (s.drift.unrelated.length)
      out.push(
        "",
        `Other drift: ${summarizeTypes(s.drift.unrelated)} (changed outside Terraform; not part of this plan)`,
      );
    if (s.outputs.length) out.push("", `Outputs: ${s.outputs.join(", ")}`);
    out.push("");
  }
  if (detail !== "attributes")
    out.push(
      `_Details trimmed to fit ${COMMENT_LIMIT.toLocaleString("en")} characters: ` +
        `${detail === "changes" ? "attribute tables" : "per-change lines"} are in the job summary and the plan artifacts._`,
    );
  return out.join("\n");
}

function changeLines(c: ReviewedChange, withAttributes: boolean): string[] {
  const notes = [
    c.replaceOrder === "delete-first" && "destroyed first",
    c.replaceOrder === "create-first" && "created first",
    c.movedFrom && `moved from \`${c.movedFrom}\``,
    c.imported && `imported${c.importId ? ` from \`${c.importId}\`` : ""}`,
    c.actionReason,
    c.deposed && `deposed object ${c.deposed}`,
  ].filter(Boolean);
  const head = `${SIGN[c.kind] ?? "?"} \`${c.address}\` ${c.kind}${notes.length ? ` (${notes.join("; ")})` : ""}${path(c.constructPath)}`;
  if (!withAttributes || c.diffs.length === 0) return [`- ${head}`];
  return [
    `<details><summary>${head}</summary>`,
    "",
    "| attribute | before | after |",
    "| --- | --- | --- |",
    ...c.diffs.map((d) => `| ${escape(d.path)} | ${cell(d.before)} | ${cell(d.after)} |`),
    "",
    "</details>",
  ];
}

function path(constructPath: string | undefined): string {
  return constructPath ? ` — ${constructPath}` : "";
}

function cell(v: string): string {
  if (v === "") return "";
  return v.startsWith("(") && v.endsWith(")") ? `_${v}_` : `\`${escape(v).replace(/`/g, "'")}\``;
}

function escape(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function summarizeTypes(changes: readonly ReviewedChange[]): string {
  const byType = new Map<string, number>();
  for (const c of changes) byType.set(c.type, (byType.get(c.type) ?? 0) + 1);
  return [...byType].map(([t, n]) => `${n} × ${t}`).join(", ");
}
