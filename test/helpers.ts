import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Testing, type TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { stringify } from "yaml";
import { ConfigError, type ConfigIssue } from "../config/errors";
import { ModelDeployment } from "../constructs/model-deployment";
import type { OpenAiAccount } from "../constructs/openai-account";
import { loadEnvironments, type LoadedEnvironment } from "../config/load";
import { resolveEstate, type ResolveOptions } from "../estate/resolve";
import type { Estate } from "../estate/types";
import { buildStacks } from "../stacks/estate-app";
import { ReadableAddressStack } from "../stacks/platform-stack";

/** A small valid environment; tests change one thing at a time. */
export function validEnvironment(): Record<string, unknown> {
  return {
    name: "dev",
    subscriptionId: "11111111-1111-1111-1111-111111111111",
    protected: false,
    owner: "team@contoso.com",
    costCenter: "CC-1",
    regions: [
      {
        location: "swedencentral",
        network: { addressSpace: "10.30.0.0/24", privateEndpointSubnet: "10.30.0.0/27" },
        deployments: [
          {
            name: "chat",
            model: { name: "gpt-5.1", version: "2025-11-13" },
            type: "GlobalStandard",
            capacity: 10,
          },
        ],
      },
    ],
  };
}

/** A quota grant as an environment declares it under `quotas:`; gpt-5.1 in swedencentral unless told. */
export function grantedQuota(
  type: string,
  capacity: number,
  where: { readonly region?: string; readonly model?: string } = {},
) {
  return {
    region: where.region ?? "swedencentral",
    model: where.model ?? "gpt-5.1",
    type,
    capacity,
    reason: "Granted by support request 123456",
  };
}

/** Writes environment files (YAML text or objects) to a fresh directory. */
export function environmentDir(files: Record<string, string | object>): string {
  const dir = mkdtempSync(join(tmpdir(), "aoai-env-"));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, `${name}.yaml`), typeof content === "string" ? content : stringify(content));
  }
  return dir;
}

export function load(files: Record<string, string | object>, names: string[] = []): LoadedEnvironment[] {
  return loadEnvironments(environmentDir(files), names);
}

/** The issues a failing load or step reports; fails the test when nothing is thrown. */
export function issuesOf(fn: () => unknown): readonly ConfigIssue[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e.issues;
    throw e;
  }
  throw new Error("expected a ConfigError, but nothing was thrown");
}

/**
 * Synthesized JSON of each stack, keyed by stack name, with cross-stack references wired as
 * `cdktf synth` wires them: every stack is prepared before any is synthesized, because a consumer
 * adds outputs to its producer while it is prepared.
 */
export function synthStacks(stacks: readonly TerraformStack[]): Map<string, Record<string, any>> {
  for (const stack of stacks) stack.prepareStack();
  return new Map(stacks.map((s) => [s.node.id, JSON.parse(Testing.synth(s))]));
}

/** Every stack of a resolved estate (shared, regions, gateways), synthesized, keyed by stack name. */
export function synthEstate(estate: Estate): Map<string, Record<string, any>> {
  const stacks = buildStacks(testApp(), estate);
  return synthStacks([...stacks.shared, ...stacks.regions, ...stacks.gateways]);
}

/** Stack JSON without what depends on the machine (the local backend's absolute paths). */
export function machineIndependent(json: Record<string, any>): Record<string, any> {
  const copy = JSON.parse(JSON.stringify(json));
  delete copy.terraform?.backend?.local;
  if (copy.terraform?.backend && Object.keys(copy.terraform.backend).length === 0)
    delete copy.terraform.backend;
  for (const state of Object.values<any>(copy.data?.terraform_remote_state ?? {})) {
    if (state.backend === "local") state.config.path = "<local state path>";
  }
  return copy;
}

export function testApp(): App {
  return Testing.app();
}

/** Synthesizes constructs in a stack with the project's readable addresses (`cmk_key`, not a hash). */
export function synthReadable(build: (stack: Construct) => void): Record<string, any> {
  const stack = new ReadableAddressStack(Testing.app(), "test");
  build(stack);
  return JSON.parse(Testing.synth(stack));
}

/** Resolves environments given as objects (each written to <name>.yaml), as the app does. */
export function resolveObjects(
  envs: readonly Record<string, unknown>[],
  options: ResolveOptions = {},
): Estate {
  return resolveEstate(load(Object.fromEntries(envs.map((e) => [e.name as string, e]))), options);
}

/** The problems resolving reports, as path (dotted) and message, plus the line when asked. */
export function problemsOf(
  envs: readonly Record<string, unknown>[],
  options: ResolveOptions = {},
): { path: string; message: string }[] {
  return issuesOf(() => resolveObjects(envs, options)).map((i) => ({
    path: i.path.join("."),
    message: i.message,
  }));
}

/** A small chat deployment on an account (construct tests that need one to order against). */
export function chatDeployment(
  scope: Construct,
  account: OpenAiAccount,
  raiPolicyName = "Microsoft.DefaultV2",
) {
  return new ModelDeployment(scope, "deployment_chat", {
    account,
    name: "chat",
    modelName: "gpt-5.1",
    modelVersion: "2025-11-13",
    sku: "GlobalStandard",
    capacity: 1,
    versionUpgradeOption: "NoAutoUpgrade",
    raiPolicyName,
  });
}

/**
 * Runs a CLI command function (`reviewCommand`, `auditCommand`) as its main does: what it prints, what it
 * writes to standard error, and its exit code.
 */
export function runCommand(
  command: (argv: readonly string[], print: (text: string) => void) => number,
  argv: string[],
): { code: number; text: string; errors: string[] } {
  const printed: string[] = [];
  const errors: string[] = [];
  const spy = jest.spyOn(console, "error").mockImplementation((l: string) => void errors.push(l));
  try {
    return { code: command(argv, (t) => printed.push(t)), text: printed.join("\n"), errors };
  } finally {
    spy.mockRestore();
  }
}
