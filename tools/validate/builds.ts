/**
 * Where `npm run validate` gets the exact Terraform plugins and CLI: each is built from its public Go
 * module at the commit of its release tag.
 *
 * The providers tag major versions (v4.55.0, v2.7.0) on modules whose go.mod has no /v4 or /v2 suffix,
 * so the Go module proxy serves those tags only as pseudo-versions of the commit. Each pseudo-version
 * below is derived from the tag's commit (hash and committer time, UTC) and was checked against the
 * repository on 2026-12-02. A new provider version is a new row here, reviewed like code.
 */

export interface GoBuild {
  /** Go module path. */
  readonly module: string;
  /** Module version the Go module proxy serves; for a pseudo-version, the release it stands for. */
  readonly moduleVersion: string;
  /** The upstream release this build is (the tag). */
  readonly release: string;
  /** Package to build, relative to the module root. */
  readonly package: string;
  /** Linker flags the upstream release build sets. */
  readonly ldflags: string;
}

export interface ProviderBuild extends GoBuild {
  /** Registry address as `required_providers` names it. */
  readonly source: string;
  /** Version as `required_providers` pins it. */
  readonly version: string;
}

export const PROVIDER_BUILDS: readonly ProviderBuild[] = [
  {
    source: "registry.terraform.io/hashicorp/azurerm",
    version: "4.55.0",
    module: "github.com/hashicorp/terraform-provider-azurerm",
    // tag v4.55.0 = commit 37bf7f03b661b804a59fd62fd6f6e6b8ee4a69df, committed 2025-12-04T16:51:52Z
    moduleVersion: "v1.44.1-0.20251204165152-37bf7f03b661",
    release: "v4.55.0",
    package: ".",
    ldflags: "-s -w -X github.com/hashicorp/terraform-provider-azurerm/version.ProviderVersion=4.55.0",
  },
  {
    source: "registry.terraform.io/azure/azapi",
    version: "2.7.0",
    module: "github.com/Azure/terraform-provider-azapi",
    // tag v2.7.0 = commit ce5f59c39b3fd8e937e1908ba9bd4c33192a76a6, committed 2025-09-29T15:25:27Z
    moduleVersion: "v1.15.1-0.20250929152527-ce5f59c39b3f",
    release: "v2.7.0",
    package: ".",
    ldflags: "-s -w -X 'github.com/Azure/terraform-provider-azapi/version.ProviderVersion=v2.7.0'",
  },
];

/**
 * OpenTofu, built when the machine has no `terraform` 1.5 or later. Its go.mod replaces a dependency,
 * which `go install module@version` refuses, so it is built inside a copy of the downloaded module.
 */
export const TOFU_BUILD: GoBuild = {
  module: "github.com/opentofu/opentofu",
  moduleVersion: "v1.10.6",
  release: "v1.10.6",
  package: "./cmd/tofu",
  ldflags: "-s -w -X github.com/opentofu/opentofu/version.dev=no",
};

/**
 * `registry.terraform.io/hashicorp/azurerm` for any spelling `required_providers` uses (`azurerm` too).
 * An unqualified source means the CLI's own registry: OpenTofu reads `azurerm` as
 * `registry.opentofu.org/hashicorp/azurerm`, which serves the same releases.
 */
export function canonicalSource(source: string, registry = "registry.terraform.io"): string {
  const parts = source.toLowerCase().split("/");
  if (parts.length === 1) parts.unshift("hashicorp");
  if (parts.length === 2) parts.unshift(registry);
  return parts.join("/");
}

/** The pinned build of a provider release, whichever registry host names it. */
export function providerBuild(source: string, version: string): ProviderBuild | undefined {
  const wanted = canonicalSource(source).split("/").slice(1).join("/");
  return PROVIDER_BUILDS.find(
    (b) => canonicalSource(b.source).split("/").slice(1).join("/") === wanted && b.version === version,
  );
}
