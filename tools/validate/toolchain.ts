/**
 * The Terraform CLI and provider plugins that validation runs with, kept in a versioned cache outside the
 * repository (a second run takes seconds) and handed to Terraform through a generated CLI configuration:
 * the user's own ~/.terraformrc is never read or written.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { canonicalSource, providerBuild, TOFU_BUILD, type ProviderBuild } from "./builds";
import { BuildError, goAvailable, goBuild } from "./go-build";

export interface RequiredProvider {
  readonly source: string;
  readonly version: string;
}

export type ProviderState =
  | { readonly status: "ready"; readonly provider: RequiredProvider; readonly how: string }
  | { readonly status: "unavailable"; readonly provider: RequiredProvider; readonly why: string };

export interface TerraformCli {
  readonly path: string;
  readonly name: "terraform" | "tofu";
  readonly version: string;
}

/** `$AOAI_TOOLS_CACHE`, else `$XDG_CACHE_HOME/azure-openai-platform`, else `~/.cache/azure-openai-platform`. */
export function cacheRoot(variables: NodeJS.ProcessEnv = process.env): string {
  if (variables.AOAI_TOOLS_CACHE) return variables.AOAI_TOOLS_CACHE;
  return join(variables.XDG_CACHE_HOME || join(homedir(), ".cache"), "azure-openai-platform");
}

export function platform(): string {
  const arch = { x64: "amd64", arm64: "arm64" }[process.arch as string] ?? process.arch;
  return `${process.platform}_${arch}`;
}

/** The host an unqualified provider source means to this CLI. */
export function defaultRegistry(cli: TerraformCli): string {
  return cli.name === "tofu" ? "registry.opentofu.org" : "registry.terraform.io";
}

/** Where a provider sits in the filesystem mirror (Terraform's "unpacked" layout). */
export function mirrorPath(mirror: string, provider: RequiredProvider, registry: string): string {
  const source = canonicalSource(provider.source, registry);
  const name = source.split("/")[2]!;
  return join(
    mirror,
    source,
    provider.version,
    platform(),
    `terraform-provider-${name}_v${provider.version}`,
  );
}

/**
 * Each provider from the mirror, or else built into it from its Go module. A provider that cannot be had
 * is reported with the command that failed and its output, never replaced by another version.
 */
export function ensureProviders(
  mirror: string,
  registry: string,
  required: readonly RequiredProvider[],
  log: (line: string) => void,
): ProviderState[] {
  return required.map((provider): ProviderState => {
    const binary = mirrorPath(mirror, provider, registry);
    if (existsSync(binary)) return { status: "ready", provider, how: "cached" };
    const build: ProviderBuild | undefined = providerBuild(provider.source, provider.version);
    if (!build)
      return {
        status: "unavailable",
        provider,
        why: `no Go module build is pinned for ${provider.source} ${provider.version}: add one to tools/validate/builds.ts`,
      };
    if (!goAvailable())
      return { status: "unavailable", provider, why: "Go is not installed (`go version` failed)" };
    const started = Date.now();
    try {
      goBuild(build, binary, log);
      return {
        status: "ready",
        provider,
        how: `built from ${build.module}@${build.moduleVersion} in ${seconds(started)}`,
      };
    } catch (error) {
      if (!(error instanceof BuildError)) throw error;
      return {
        status: "unavailable",
        provider,
        why: `\`${error.command}\` failed:\n${indent(error.output)}`,
      };
    }
  });
}

/** The machine's `terraform` when it is 1.9 or later, else `tofu` on the PATH, else OpenTofu built into the cache. */
export function ensureTerraform(cache: string, log: (line: string) => void): TerraformCli {
  const found = findTerraform(cache);
  if (found) return found;
  const binary = builtTofuPath(cache);
  if (!goAvailable())
    throw new Error("no terraform 1.9+ or tofu on the PATH, and no Go to build OpenTofu with");
  log(`no terraform 1.9+ or tofu on the PATH: building OpenTofu ${TOFU_BUILD.release} once into ${binary}`);
  goBuild(TOFU_BUILD, binary, log);
  const built = probe(binary);
  if (!built) throw new Error(`${binary} does not run`);
  return built;
}

/** A Terraform 1.9+ or OpenTofu CLI this machine already has (never builds one). */
export function findTerraform(cache: string): TerraformCli | undefined {
  // cdktf's own variable for the CLI it runs: when it is set, that CLI or nothing.
  const explicit = process.env.TERRAFORM_BINARY_NAME;
  if (explicit) {
    const found = probe(explicit);
    if (!found) throw new Error(`TERRAFORM_BINARY_NAME=${explicit} is not Terraform 1.9+ or OpenTofu`);
    return found;
  }
  const binary = builtTofuPath(cache);
  return probe("terraform") ?? probe("tofu") ?? (existsSync(binary) ? probe(binary) : undefined);
}

const builtTofuPath = (cache: string) => join(cache, "opentofu", TOFU_BUILD.release, platform(), "tofu");

/** A CLI configuration that installs providers from the mirror only: no registry, no user settings. */
export function writeCliConfig(path: string, mirror: string): void {
  mkdirSync(mirror, { recursive: true });
  writeFileSync(
    path,
    `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirror)}\n  }\n}\n`,
  );
}

function probe(command: string): TerraformCli | undefined {
  const result = spawnSync(command, ["version", "-json"], {
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1" },
  });
  if (result.status !== 0 || !result.stdout.startsWith("{")) return undefined;
  const version = (JSON.parse(result.stdout) as { terraform_version?: string }).terraform_version ?? "";
  const [major = 0, minor = 0] = version.split(".").map(Number);
  const name = /tofu/.test(command) || /opentofu/i.test(result.stdout) ? "tofu" : "terraform";
  // `init -json`, which maps init-time errors to blocks, came in Terraform 1.9.
  if (name === "terraform" && major === 1 && minor < 9) return undefined;
  return { path: command, name, version };
}

function seconds(started: number): string {
  return `${Math.round((Date.now() - started) / 1000)} s`;
}

function indent(text: string): string {
  return text
    .split("\n")
    .slice(-20)
    .map((l) => `    ${l}`)
    .join("\n");
}
