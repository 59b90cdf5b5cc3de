/**
 * Runs the pack over synthesized stacks and settles each finding against the waivers: the stacks' own
 * (from `//.guardrails`, where the estate writes its config's waivers) and any given for the audit.
 */
import type { StackDocument } from "./document";
import { RULES, RULE_IDS, WAIVER_RULE } from "./pack";
import type { Rule, RuleLevel } from "./rule";
import { waiverCovers, waiverExpired, waiverKey, type Waiver } from "./waiver";

export interface Finding {
  readonly rule: string;
  readonly level: RuleLevel;
  readonly title: string;
  readonly fix: string;
  readonly stack: string;
  readonly address: string;
  /** Construct path (cdktf output) or `<stack>/<address>`. */
  readonly path: string;
  readonly detail: string;
  /** The waiver that accepts this finding, when one does. */
  readonly waiver?: Waiver;
}

export interface WaiverUse {
  readonly waiver: Waiver;
  readonly stacks: readonly string[];
  readonly findings: number;
}

export interface GuardrailReport {
  /** Every finding, waived or not, in stack then rule order. */
  readonly findings: readonly Finding[];
  readonly errors: readonly Finding[];
  readonly warnings: readonly Finding[];
  readonly waived: readonly Finding[];
  readonly waivers: readonly WaiverUse[];
}

export interface EvaluateOptions {
  /** YYYY-MM-DD; waivers that expired before it are errors. */
  readonly today: string;
  /** Waivers for every stack, besides each stack's own. */
  readonly waivers?: readonly Waiver[];
  readonly rules?: readonly Rule[];
}

const waiverFinding = (stack: StackDocument, level: RuleLevel, detail: string, fix: string): Finding => ({
  rule: WAIVER_RULE,
  level,
  title: "Waivers are current and name a rule",
  fix,
  stack: stack.name,
  address: "waivers",
  path: stack.name,
  detail,
});

/** What is wrong with a waiver read from output or a file, which no schema checked; undefined if nothing. */
function malformed(w: Waiver): string | undefined {
  if (typeof w !== "object" || w === null) return "is not an object";
  if (typeof w.rule !== "string") return "has no rule";
  if (typeof w.resource !== "string" || w.resource === "") return "has no resource pattern";
  if (typeof w.reason !== "string" || w.reason.trim().length < 10) return "has no reason";
  if (w.expires !== undefined && (typeof w.expires !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(w.expires)))
    return `has expires ${JSON.stringify(w.expires)}, not a date YYYY-MM-DD`;
  return undefined;
}

const describe = (w: Waiver) => `${w.rule} on ${w.resource}${w.source ? ` (${w.source})` : ""}`;

export function evaluate(stacks: readonly StackDocument[], options: EvaluateOptions): GuardrailReport {
  const rules = options.rules ?? RULES;
  const findings: Finding[] = [];
  const uses = new Map<string, { waiver: Waiver; stacks: Set<string>; findings: number }>();
  for (const stack of stacks) {
    const declared = [...(stack.metadata.waivers ?? []), ...(options.waivers ?? [])];
    // A malformed waiver accepts nothing; it is reported below.
    const waivers = declared.filter((w) => malformed(w) === undefined);
    for (const w of declared.filter((x) => malformed(x) !== undefined)) {
      const detail = `waiver ${JSON.stringify(w)} ${malformed(w)}`;
      if (!findings.some((f) => f.rule === WAIVER_RULE && f.detail === detail))
        findings.push(
          waiverFinding(
            stack,
            "error",
            detail,
            "Write it as { rule, resource, reason, expires? } (docs/guardrails.md).",
          ),
        );
    }
    for (const w of waivers) {
      const use = uses.get(waiverKey(w)) ?? { waiver: w, stacks: new Set<string>(), findings: 0 };
      use.stacks.add(stack.name);
      uses.set(waiverKey(w), use);
    }
    const current = waivers.filter((w) => !waiverExpired(w, options.today));
    for (const rule of rules) {
      if (rule.protectedOnly && !stack.protected) continue;
      for (const v of rule.check({ stack, stacks })) {
        const target = { stack: stack.name, address: v.target.address, path: v.target.path };
        const waiver = current.find((w) => w.rule === rule.id && waiverCovers(w, target));
        if (waiver) uses.get(waiverKey(waiver))!.findings++;
        findings.push({
          rule: rule.id,
          level: rule.level,
          title: rule.title,
          fix: rule.fix,
          ...target,
          detail: v.detail,
          waiver,
        });
      }
    }
  }
  // Problems with the waivers themselves, reported once each, on the first stack that carries them.
  for (const use of uses.values()) {
    const w = use.waiver;
    const first = stacks.find((s) => s.name === [...use.stacks][0])!;
    if (!RULE_IDS.includes(w.rule))
      findings.push(
        waiverFinding(
          first,
          "error",
          `waiver ${describe(w)} names no rule`,
          `Use one of: ${RULE_IDS.join(", ")}.`,
        ),
      );
    else if (waiverExpired(w, options.today))
      findings.push(
        waiverFinding(
          first,
          "error",
          `waiver ${describe(w)} expired on ${w.expires}`,
          "Fix the finding, or renew the waiver with a new expiry and a current reason.",
        ),
      );
    else if (use.findings === 0)
      findings.push(
        waiverFinding(
          first,
          "warning",
          `waiver ${describe(w)} matches no finding`,
          "Remove the waiver, or correct its rule or resource pattern.",
        ),
      );
  }
  const open = findings.filter((f) => !f.waiver);
  return {
    findings,
    errors: open.filter((f) => f.level === "error"),
    warnings: open.filter((f) => f.level === "warning"),
    waived: findings.filter((f) => f.waiver),
    waivers: [...uses.values()].map((u) => ({
      waiver: u.waiver,
      stacks: [...u.stacks],
      findings: u.findings,
    })),
  };
}
