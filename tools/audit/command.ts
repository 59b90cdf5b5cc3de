/**
 * `npm run audit -- <cdktf.out | stacks dir | stack dir | *.tf.json>… [options]`: the guardrail pack
 * over any synthesized Terraform JSON, this project's or not. Stacks this project wrote carry their
 * environment's waivers and protection (`//.guardrails`), so the audit of cdktf.out judges as synth did.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { z } from "zod";
import { ConfigError } from "../../config/errors";
import { waiverSchema } from "../../config/waivers-schema";
import { isCalendarDate, today } from "../../estate/today";
import { stackDocument } from "../../policies/document";
import { evaluate, type GuardrailReport } from "../../policies/evaluate";
import { formatReport } from "../../policies/format";
import { glob } from "../../policies/glob";
import { StackLocator } from "../validate/locate";
import { parseArgsProblem, UsageError } from "../usage-error";
import { findStacks } from "./inputs";
import { toSarif } from "./sarif";

export const AUDIT_USAGE = `usage: npm run audit -- <cdktf.out | stacks dir | stack dir | file.tf.json>… [options]

Runs the guardrail pack (docs/guardrails.md) over synthesized Terraform JSON and exits 1 when an
unwaived error (or, with --fail-on warning, a warning) is found.

  --format <text|json|sarif>   report format (default text)
  --output <file>              write the report there instead of standard output
  --waivers <file.yaml>        more waivers (a list, or { waivers: [...] }), for every stack
  --unprotected <stack glob>   judge these stacks as unprotected (repeatable); stacks this project
                               wrote say it themselves, other output counts as protected
  --today <YYYY-MM-DD>         judge waiver expiries on this day (default: AOAI_TODAY or today)
  --fail-on <error|warning>    the lowest level that fails the run (default error)
  -h, --help                   this text`;

const waiverFile = z.union([z.array(waiverSchema), z.strictObject({ waivers: z.array(waiverSchema) })]);

function loadWaivers(file: string) {
  const parsed = waiverFile.safeParse(parse(readFileSync(file, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${file}: ${issue.path.join(".") || "(top)"} ${issue.message}`);
  }
  const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.waivers;
  return list.map((w, i) => ({ ...w, source: `${file}: waivers[${i}]` }));
}

export function auditCommand(argv: readonly string[], print: (text: string) => void = console.log): number {
  try {
    return audit(argv, print);
  } catch (error) {
    const problem =
      error instanceof UsageError || error instanceof ConfigError ? error.message : parseArgsProblem(error);
    if (problem === undefined) throw error;
    console.error(`audit: ${problem}`);
    return 2;
  }
}

function audit(argv: readonly string[], print: (text: string) => void): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      format: { type: "string", default: "text" },
      output: { type: "string" },
      waivers: { type: "string" },
      unprotected: { type: "string", multiple: true, default: [] },
      today: { type: "string" },
      "fail-on": { type: "string", default: "error" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (values.help) {
    print(AUDIT_USAGE);
    return 0;
  }
  const format = values.format!;
  if (!["text", "json", "sarif"].includes(format))
    throw new UsageError(`--format takes text, json or sarif (got "${format}")`);
  const failOn = values["fail-on"]!;
  if (!["error", "warning"].includes(failOn))
    throw new UsageError(`--fail-on takes error or warning (got "${failOn}")`);
  if (values.today !== undefined && !isCalendarDate(values.today))
    throw new UsageError(`--today takes a day as YYYY-MM-DD (got "${values.today}")`);
  if (positionals.length === 0)
    throw new UsageError("name at least one cdktf output, stacks directory or Terraform JSON file");

  const inputs = positionals.flatMap(findStacks);
  const seen = new Set<string>();
  for (const i of inputs) {
    if (seen.has(i.name)) throw new UsageError(`two stacks are named ${i.name}; audit them separately`);
    seen.add(i.name);
  }
  const unprotected = values.unprotected!.map(glob);
  const docs = inputs.map((i) =>
    stackDocument(i.name, i.json, unprotected.some((g) => g.test(i.name)) ? { protected: false } : {}),
  );
  const report = evaluate(docs, {
    today: values.today ?? today(),
    waivers: values.waivers ? loadWaivers(values.waivers) : [],
  });

  const text = render(format, report, inputs);
  if (values.output) writeFileSync(values.output, text);
  else print(text);
  if (values.output && format !== "text") console.error(formatReport(report));
  const failing = failOn === "warning" ? report.errors.length + report.warnings.length : report.errors.length;
  return failing > 0 ? 1 : 0;
}

/** This project's version, from the package.json above this file (in dist/ or in the sources). */
function packageVersion(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
  }
  return "0.0.0";
}

function render(format: string, report: GuardrailReport, inputs: ReturnType<typeof findStacks>): string {
  if (format === "text") return formatReport(report);
  if (format === "json") return JSON.stringify(report, null, 2);
  const locators = new Map<string, StackLocator>();
  const files = new Map(inputs.map((i) => [i.name, i.file]));
  const lineOf = (stack: string, address: string) => {
    const file = files.get(stack);
    if (!file) return undefined;
    if (!locators.has(file)) locators.set(file, StackLocator.ofFile(file));
    return locators.get(file)!.lineOf(address);
  };
  return JSON.stringify(
    toSarif({ report, files, lineOf, root: process.cwd(), version: packageVersion() }),
    null,
    2,
  );
}
