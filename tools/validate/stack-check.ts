/**
 * One stack through Terraform: `init -backend=false`, then `validate -json`, in a scratch copy, so the
 * stack's own `.terraform/` and lock file (which `cdktf plan` uses with the registry's hashes) are
 * never touched.
 *
 * When a provider cannot be had, init still parses the whole configuration before it looks for
 * providers, so syntax errors are found; the stack is then validated without that provider's blocks,
 * and what was left out is said.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TerraformJson } from "./terraform-json";
import type { TerraformCli } from "./toolchain";
import { withoutProviders } from "./without-providers";

export interface Diagnostic {
  readonly severity: "error" | "warning";
  readonly summary: string;
  readonly detail?: string;
  readonly line?: number;
  /** Terraform's name for the block, e.g. `resource.azurerm_cognitive_account.openai.fqdns`. */
  readonly context?: string;
}

export type StackVerdict =
  /** Read and validated by Terraform with every provider it needs. */
  | { readonly outcome: "valid"; readonly diagnostics: Diagnostic[] }
  /** Read by Terraform; validated without the blocks of providers that could not be had. */
  | { readonly outcome: "partial"; readonly diagnostics: Diagnostic[]; readonly leftOut: string[] }
  /** Read by Terraform, nothing validated: no provider it needs could be had. */
  | { readonly outcome: "parsed"; readonly diagnostics: Diagnostic[] }
  | { readonly outcome: "invalid"; readonly diagnostics: Diagnostic[] };

/** What init says when a provider is not in the mirror: expected for an unavailable provider. */
const PROVIDER_INSTALL = [
  /^Failed to query available provider packages/,
  /^Failed to install provider/,
  /^Failed to resolve provider packages/,
  /^Incompatible provider version/,
];

/** init's closing summary only repeats that the other diagnostics exist. */
const INIT_SUMMARY = /^(Terraform|OpenTofu) encountered problems during initiali[sz]ation/;

export function checkStack(
  cli: TerraformCli,
  config: TerraformJson,
  cliConfigFile: string,
  unavailable: ReadonlySet<string>,
): StackVerdict {
  const full = initAndValidate(cli, config, cliConfigFile);
  if (full.stage === "validate")
    return { outcome: full.valid ? "valid" : "invalid", diagnostics: full.diagnostics };
  const configErrors = full.diagnostics.filter(
    (d) => d.severity === "error" && !PROVIDER_INSTALL.some((p) => p.test(d.summary)),
  );
  if (configErrors.length > 0 || unavailable.size === 0)
    return { outcome: "invalid", diagnostics: full.diagnostics };

  const reduced = withoutProviders(config, unavailable);
  if (!reduced.anyLeft) return { outcome: "parsed", diagnostics: [] };
  const rest = initAndValidate(cli, reduced.config, cliConfigFile);
  if (rest.stage === "validate" && rest.valid)
    return { outcome: "partial", diagnostics: rest.diagnostics, leftOut: reduced.removed };
  return { outcome: "invalid", diagnostics: rest.diagnostics };
}

type RunResult =
  | { readonly stage: "init"; readonly diagnostics: Diagnostic[] }
  | { readonly stage: "validate"; readonly valid: boolean; readonly diagnostics: Diagnostic[] };

function initAndValidate(cli: TerraformCli, config: object, cliConfigFile: string): RunResult {
  const dir = mkdtempSync(join(tmpdir(), "aoai-validate-"));
  try {
    writeFileSync(join(dir, "cdk.tf.json"), JSON.stringify(config, null, 2));
    const env = terraformEnv(cliConfigFile);
    const init = spawnSync(cli.path, ["init", "-backend=false", "-input=false", "-no-color", "-json"], {
      cwd: dir,
      env,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (init.status !== 0) return { stage: "init", diagnostics: jsonLines(init.stdout, init.stderr) };
    const validate = spawnSync(cli.path, ["validate", "-json", "-no-color"], {
      cwd: dir,
      env,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    const report = JSON.parse(validate.stdout) as { valid: boolean; diagnostics: RawDiagnostic[] };
    return { stage: "validate", valid: report.valid, diagnostics: report.diagnostics.map(toDiagnostic) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Only what validation needs: no checkpoint calls, no prompts, no arguments from the user's shell. */
function terraformEnv(cliConfigFile: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!key.startsWith("TF_") && !key.startsWith("ARM_")) env[key] = value;
  return {
    ...env,
    TF_CLI_CONFIG_FILE: cliConfigFile,
    TF_IN_AUTOMATION: "1",
    TF_INPUT: "0",
    CHECKPOINT_DISABLE: "1",
  };
}

interface RawDiagnostic {
  severity: "error" | "warning";
  summary: string;
  detail?: string;
  range?: { start?: { line?: number } };
  snippet?: { context?: string | null };
}

function toDiagnostic(raw: RawDiagnostic): Diagnostic {
  return {
    severity: raw.severity,
    summary: raw.summary,
    detail: raw.detail || undefined,
    line: raw.range?.start?.line,
    context: raw.snippet?.context ?? undefined,
  };
}

/**
 * `init -json` writes one JSON message a line (Terraform 1.9+, OpenTofu 1.9+). An older CLI answers the
 * flag with a usage error, which is reported as it is.
 */
function jsonLines(stdout: string, stderr: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    const message = JSON.parse(line) as { diagnostic?: RawDiagnostic };
    if (message.diagnostic) diagnostics.push(toDiagnostic(message.diagnostic));
  }
  const specific = diagnostics.filter((d) => !INIT_SUMMARY.test(d.summary));
  if (specific.length > 0) return specific;
  return [{ severity: "error", summary: "terraform init failed", detail: `${stdout}${stderr}`.trim() }];
}
