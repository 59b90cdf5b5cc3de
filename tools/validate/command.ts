/**
 * `npm run validate`: proof by the real toolchain. Every synthesized stack is read and validated by
 * Terraform with the exact provider builds the bindings were generated for, and scanned by Checkov.
 *
 *   npm run validate [-- <cdktf.out>] [--stack <name>] [--skip-checkov] [--allow-missing-providers]
 *
 * Exits 1 on any Terraform error, failed Checkov check or stale skip, and on a provider that cannot be
 * had unless --allow-missing-providers says that a partial proof is acceptable for this run.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { checkovCopy } from "./checkov-input";
import { ensureCheckov, loadSkips, scan, type Scan } from "./checkov";
import { StackLocator } from "./locate";
import { checkStack, type Diagnostic, type StackVerdict } from "./stack-check";
import type { TerraformJson } from "./terraform-json";
import { parseArgsProblem, UsageError } from "../usage-error";
import {
  cacheRoot,
  defaultRegistry,
  ensureProviders,
  ensureTerraform,
  writeCliConfig,
  type ProviderState,
  type RequiredProvider,
} from "./toolchain";

const USAGE = `usage: npm run validate -- [<outdir>…] [options]

Reads every stack in each <outdir> (default cdktf.out; run npm run synth first, and npm run bootstrap
for cdktf.out.bootstrap) with Terraform and the
exact azurerm and azapi builds the stacks pin, then scans it with Checkov.

  --stack <name>              only this stack (repeatable)
  --skip-checkov              Terraform only
  --allow-missing-providers   a provider that cannot be built is reported, not fatal: its blocks are
                              left out of validation (the configuration is still parsed)
  --provider-mirror <dir>     take providers from this filesystem mirror instead of the cache
  -h, --help                  this text

Cache: $AOAI_TOOLS_CACHE or ~/.cache/azure-openai-platform (providers and OpenTofu, built once).`;

interface Stack {
  readonly name: string;
  readonly config: TerraformJson;
  readonly locator: StackLocator;
}

/** Runs the whole validation; returns the exit code (2: the command line or the output directory is wrong). */
export function validateCommand(argv: readonly string[]): number {
  try {
    return validate(argv);
  } catch (error) {
    const problem = error instanceof UsageError ? error.message : parseArgsProblem(error);
    if (problem === undefined) throw error;
    console.error(`validate: ${problem}; see --help`);
    return 2;
  }
}

function validate(argv: readonly string[]): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      stack: { type: "string", multiple: true },
      "skip-checkov": { type: "boolean" },
      "allow-missing-providers": { type: "boolean" },
      "provider-mirror": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const outdirs = positionals.length ? positionals : ["cdktf.out"];
  const all = outdirs.flatMap(readStacks);
  const stacks = selectStacks(all, values.stack ?? [], outdirs);
  const cache = cacheRoot();
  const terraform = runTerraform(
    stacks,
    cache,
    values["provider-mirror"] ?? join(cache, "terraform-providers"),
  );
  const checkov = values["skip-checkov"] ? undefined : runCheckov(all, stacks, outdirs);
  return summarize(
    stacks,
    terraform.verdicts,
    terraform.providers,
    checkov,
    values["allow-missing-providers"] ?? false,
  );
}

const log = (line: string) => console.log(`  ${line}`);

/** Every stack of the output directories, or the ones --stack names. */
function selectStacks(all: readonly Stack[], only: readonly string[], outdirs: readonly string[]): Stack[] {
  const duplicate = all.find((s, i) => all.findIndex((t) => t.name === s.name) !== i);
  if (duplicate) throw new UsageError(`stack ${duplicate.name} is in more than one output directory`);
  const unknown = only.filter((n) => !all.some((s) => s.name === n));
  if (unknown.length)
    throw new UsageError(
      `no stack ${unknown.join(", ")} in ${outdirs.join(", ")}; there are ${all.map((s) => s.name).join(", ")}`,
    );
  return only.length ? all.filter((s) => only.includes(s.name)) : [...all];
}

/** The CLI and providers, then init and validate of each stack, printed as they go. */
function runTerraform(
  stacks: readonly Stack[],
  cache: string,
  mirror: string,
): { verdicts: Map<string, StackVerdict>; providers: ProviderState[] } {
  const cli = ensureTerraform(cache, log);
  console.log(`${cli.name} ${cli.version} (${cli.path}); providers from ${mirror}`);
  const required = requiredProviders(stacks);
  const providers = ensureProviders(mirror, defaultRegistry(cli), [...required.values()], log);
  for (const s of providers)
    console.log(`  ${s.provider.source} ${s.provider.version}: ${describeProvider(s)}`);
  const unavailable = new Set(
    [...required]
      .filter(([, p]) => providers.some((s) => s.status === "unavailable" && s.provider === p))
      .map(([n]) => n),
  );
  const scratch = mkdtempSync(join(tmpdir(), "aoai-tfrc-"));
  const cliConfig = join(scratch, "terraform.rc");
  writeCliConfig(cliConfig, mirror);
  const verdicts = new Map<string, StackVerdict>();
  try {
    console.log(`\n${cli.name} init + validate`);
    for (const stack of stacks) {
      const verdict = checkStack(cli, stack.config, cliConfig, unavailable);
      verdicts.set(stack.name, verdict);
      console.log(`  ${stack.name.padEnd(24)} ${describeVerdict(verdict)}`);
      for (const d of verdict.diagnostics) console.log(`    ${formatDiagnostic(stack, d)}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { verdicts, providers };
}

/** Checkov over the output directories; results for the selected stacks, skips matched against all. */
function runCheckov(all: readonly Stack[], stacks: readonly Stack[], outdirs: readonly string[]): Scan {
  const copies = outdirs.map((o) => checkovCopy(join(o, "stacks")));
  let checkov: Scan;
  try {
    checkov = scan(
      ensureCheckov(".venv", log),
      copies,
      new Map(all.map((s) => [s.name, s.locator])),
      loadSkips(),
      stacks.map((s) => s.name),
    );
  } finally {
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
  }
  console.log(`\ncheckov ${checkov.version}`);
  for (const stack of stacks) {
    const s = checkov.stacks.get(stack.name)!;
    console.log(
      `  ${stack.name.padEnd(24)} ${s.passed} passed, ${s.failed.length} failed, ${s.skipped.length} skipped`,
    );
    for (const f of s.failed)
      console.log(
        `    FAILED ${f.check} ${f.address}${f.constructPath ? ` (${f.constructPath})` : ""}: ${f.title}`,
      );
  }
  for (const e of checkov.parsingErrors) console.log(`  parsing error: ${e}`);
  for (const k of checkov.staleSkips)
    console.log(
      `  stale skip in tools/validate/checkov-skips.yaml: ${k.check} on ${k.stacks} ${k.resources} matches nothing`,
    );
  return checkov;
}

function readStacks(outdir: string): Stack[] {
  let manifest: { stacks: Record<string, { synthesizedStackPath: string }> };
  try {
    manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8"));
  } catch {
    throw new UsageError(`no ${join(outdir, "manifest.json")}: run npm run synth first`);
  }
  return Object.entries(manifest.stacks)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, stack]) => {
      const text = readFileSync(join(outdir, stack.synthesizedStackPath), "utf8");
      return { name, config: JSON.parse(text), locator: new StackLocator(text) };
    });
}

/** Local name (azurerm, azapi) → source and version, as the stacks' required_providers pin them. */
function requiredProviders(stacks: readonly Stack[]): Map<string, RequiredProvider> {
  const required = new Map<string, RequiredProvider>();
  for (const stack of stacks)
    for (const [name, p] of Object.entries(stack.config.terraform?.required_providers ?? {})) {
      const seen = required.get(name);
      if (seen && seen.version !== p.version)
        throw new Error(`stacks pin ${name} at ${seen.version} and ${p.version}; one version per provider`);
      required.set(name, seen ?? { source: p.source, version: p.version });
    }
  return required;
}

function describeProvider(s: ProviderState): string {
  return s.status === "ready" ? s.how : `UNAVAILABLE\n    ${s.why.split("\n").join("\n    ")}`;
}

function describeVerdict(v: StackVerdict): string {
  const counts = (d: Diagnostic[]) => {
    const e = d.filter((x) => x.severity === "error").length;
    const w = d.length - e;
    return [e && `${e} error${e > 1 ? "s" : ""}`, w && `${w} warning${w > 1 ? "s" : ""}`]
      .filter(Boolean)
      .join(", ");
  };
  switch (v.outcome) {
    case "valid":
      return `valid${v.diagnostics.length ? ` (${counts(v.diagnostics)})` : ""}`;
    case "partial":
      return `valid without ${v.leftOut.length} block(s) of unavailable providers: ${v.leftOut.join(", ")}`;
    case "parsed":
      return "read by Terraform (syntax); not validated: no provider it needs is available";
    case "invalid":
      return `INVALID (${counts(v.diagnostics)})`;
  }
}

function formatDiagnostic(stack: Stack, d: Diagnostic): string {
  const where = stack.locator.inContext(d.context) ?? (d.line ? stack.locator.atLine(d.line) : undefined);
  const place = where ? `${where.address}${where.constructPath ? ` (${where.constructPath})` : ""}` : "";
  const line = d.line ? ` [${stack.name}/cdk.tf.json:${d.line}]` : "";
  const detail = d.detail ? `: ${d.detail.replace(/\s+/g, " ")}` : "";
  return `${d.severity} in ${stack.name} ${place}: ${d.summary}${detail}${line}`;
}

function summarize(
  stacks: readonly Stack[],
  verdicts: ReadonlyMap<string, StackVerdict>,
  providers: readonly ProviderState[],
  checkov: Scan | undefined,
  allowMissingProviders: boolean,
): number {
  const count = (outcome: StackVerdict["outcome"]) =>
    [...verdicts.values()].filter((v) => v.outcome === outcome).length;
  const invalid = count("invalid");
  const missing = providers.filter((p) => p.status === "unavailable");
  const lines = [
    `terraform: ${stacks.length} stacks; ${count("valid")} valid, ${count("partial")} valid without unavailable providers, ${count("parsed")} parsed only, ${invalid} invalid`,
  ];
  let failed = invalid > 0;
  if (missing.length) {
    lines.push(
      `providers unavailable: ${missing.map((p) => `${p.provider.source} ${p.provider.version}`).join(", ")}` +
        (allowMissingProviders ? " (allowed by --allow-missing-providers: the proof is partial)" : ""),
    );
    failed ||= !allowMissingProviders;
  }
  if (checkov) {
    const all = [...checkov.stacks.values()];
    const sum = (f: (s: (typeof all)[number]) => number) => all.reduce((n, s) => n + f(s), 0);
    lines.push(
      `checkov: ${sum((s) => s.passed)} passed, ${sum((s) => s.failed.length)} failed, ${sum((s) => s.skipped.length)} skipped` +
        (checkov.staleSkips.length ? `, ${checkov.staleSkips.length} stale skip(s)` : ""),
    );
    failed ||=
      sum((s) => s.failed.length) > 0 || checkov.staleSkips.length > 0 || checkov.parsingErrors.length > 0;
  }
  console.log(`\n${lines.join("\n")}\n${failed ? "validate: FAILED" : "validate: passed"}`);
  return failed ? 1 : 0;
}
