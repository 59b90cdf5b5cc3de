/**
 * `npm run review -- <plan.json | directory> … [options]`: Terraform plans (`terraform show -json`) of
 * one or more stacks → one markdown review, risks first.
 *
 * A plan's stack is its file name (`<stack>.json`, `<stack>.plan.json`) or, for `<stack>/plan.json`, its
 * directory. Construct paths come from the synthesized stacks in --synth-dir.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { stackLevels, type ManifestStacks } from "../ci/stack-matrix";
import { StackLocator } from "../validate/locate";
import { parseArgsProblem, UsageError } from "../usage-error";
import { parsePlan, PlanError } from "./plan";
import { renderReview, COMMENT_LIMIT, type ReviewGuardrails } from "./render";
import { ConfigError } from "../../config/errors";
import { today } from "../../estate/today";
import { stackDocument } from "../../policies/document";
import { evaluate } from "../../policies/evaluate";
import { findStacks } from "../audit/inputs";
import { reviewStack, type StackPlan, type StackReview } from "./review";

const USAGE = `usage: npm run review -- <plan.json | directory>… [options]

Reads plans written by \`terraform show -json <planfile>\` (format 1.x), one per stack, and prints a
markdown review: counts per stack, risks first, then each change with its attributes and drift.

  --synth-dir <dir>    cdktf output for construct paths and stack order (default cdktf.out)
  --output <file>      write the markdown there instead of standard output
  --limit <chars>      fit the text into this many characters (default ${COMMENT_LIMIT}, GitHub's comment limit)
  --fail-on <level>    exit 1 when a risk of this level or higher is found: high, medium or none (default none)
  -h, --help           this text`;

export function reviewCommand(argv: readonly string[], print: (text: string) => void = console.log): number {
  try {
    return review(argv, print);
  } catch (error) {
    const problem =
      error instanceof UsageError || error instanceof PlanError || error instanceof ConfigError
        ? error.message
        : parseArgsProblem(error);
    if (problem === undefined) throw error;
    console.error(`review: ${problem}`);
    return 2;
  }
}

function review(argv: readonly string[], print: (text: string) => void): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      "synth-dir": { type: "string", default: "cdktf.out" },
      output: { type: "string" },
      limit: { type: "string", default: String(COMMENT_LIMIT) },
      "fail-on": { type: "string", default: "none" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (values.help) {
    print(USAGE);
    return 0;
  }
  const failOn = values["fail-on"]!;
  if (!["high", "medium", "none"].includes(failOn))
    throw new UsageError(`--fail-on takes high, medium or none (got "${failOn}")`);
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1000)
    throw new UsageError(`--limit takes a number of characters ≥ 1000`);
  if (positionals.length === 0) throw new UsageError("name at least one plan file or directory; see --help");

  const files = positionals.flatMap(planFiles);
  const synthDir = values["synth-dir"]!;
  const order = stackOrder(synthDir);
  const plans: StackPlan[] = files
    .map((file) => {
      const stack = stackName(file);
      const cdk = join(synthDir, "stacks", stack, "cdk.tf.json");
      const locator = existsSync(cdk) ? StackLocator.ofFile(cdk) : undefined;
      return {
        stack,
        plan: parsePlan(readFileSync(file, "utf8"), file),
        constructPath: locator && ((address: string) => locator.get(address)?.constructPath),
      };
    })
    .sort((a, b) => rank(order, a.stack) - rank(order, b.stack) || a.stack.localeCompare(b.stack));
  const reviews: StackReview[] = plans.map(reviewStack);
  const text = renderReview(reviews, limit, guardrailsOf(synthDir, new Set(plans.map((p) => p.stack))));
  if (values.output) writeFileSync(values.output, `${text}\n`);
  else print(text);

  const risks = reviews.flatMap((r) => r.risks);
  const failing = failOn === "none" ? [] : risks.filter((r) => failOn === "medium" || r.severity === "high");
  return failing.length > 0 || reviews.some((r) => r.errored) ? 1 : 0;
}

/** The guardrail pack over the synthesized stacks (all of them, for relations), for the reviewed ones. */
function guardrailsOf(synthDir: string, reviewed: ReadonlySet<string>): ReviewGuardrails | undefined {
  const stacksDir = join(synthDir, "stacks");
  if (!existsSync(stacksDir)) return undefined;
  const docs = findStacks(synthDir).map((s) => stackDocument(s.name, s.json));
  const report = evaluate(docs, { today: today() });
  return {
    waived: report.waived.filter((f) => reviewed.has(f.stack)),
    errors: report.errors.filter((f) => reviewed.has(f.stack)),
  };
}

function planFiles(path: string): string[] {
  if (!existsSync(path)) throw new UsageError(`${path}: no such file or directory`);
  if (!statSync(path).isDirectory()) return [path];
  const found = readdirSync(path, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? existsSync(join(path, e.name, "plan.json"))
        ? [join(path, e.name, "plan.json")]
        : []
      : e.name.endsWith(".json")
        ? [join(path, e.name)]
        : [],
  );
  if (found.length === 0) throw new UsageError(`${path}: no <stack>.json or <stack>/plan.json in it`);
  return found;
}

function stackName(file: string): string {
  const name = basename(file);
  return name === "plan.json" ? basename(dirname(file)) : name.replace(/(\.plan)?\.json$/, "");
}

/** Stacks in dependency order (shared stacks first), as CI plans them, when there is a manifest. */
function stackOrder(synthDir: string): string[] {
  const manifest = join(synthDir, "manifest.json");
  if (!existsSync(manifest)) return [];
  return stackLevels(JSON.parse(readFileSync(manifest, "utf8")).stacks as ManifestStacks).flat();
}

function rank(order: readonly string[], stack: string): number {
  const i = order.indexOf(stack);
  return i < 0 ? order.length : i;
}
