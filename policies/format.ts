/**
 * The guardrail report as text for a terminal or a CI log: errors first, then warnings, each with its
 * place (construct path, address), the rule and the fix.
 */
import type { Finding, GuardrailReport } from "./evaluate";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function formatFinding(f: Finding): string {
  return `  ${f.level} ${f.rule} at ${f.path} (${f.stack}/${f.address}): ${f.detail}\n    ${f.title}. Fix: ${f.fix}`;
}

export function formatReport(report: GuardrailReport): string {
  const lines = [
    `guardrails: ${plural(report.errors.length, "error")}, ${plural(report.warnings.length, "warning")}, ` +
      `${plural(report.waived.length, "waived finding")} (rules and waivers: docs/guardrails.md)`,
    ...report.errors.map(formatFinding),
    ...report.warnings.map(formatFinding),
  ];
  return lines.join("\n");
}

/** Synthesis stopped by unwaived guardrail errors. */
export class GuardrailError extends Error {
  constructor(readonly report: GuardrailReport) {
    super(formatReport(report));
    this.name = "GuardrailError";
  }
}
