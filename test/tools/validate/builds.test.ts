import { readFileSync } from "node:fs";
import { AZAPI_PROVIDER_VERSION } from "../../../constructs/azapi";
import { canonicalSource, PROVIDER_BUILDS, providerBuild } from "../../../tools/validate/builds";

describe("pinned provider builds", () => {
  it("builds the azurerm version the bindings were generated for, and the azapi version the stacks pin", () => {
    const bindings = JSON.parse(readFileSync("node_modules/@cdktf/provider-azurerm/package.json", "utf8"))
      .cdktf.provider as { name: string; version: string };
    expect(providerBuild(bindings.name, bindings.version)?.release).toBe(`v${bindings.version}`);
    expect(providerBuild("Azure/azapi", AZAPI_PROVIDER_VERSION)?.release).toBe(`v${AZAPI_PROVIDER_VERSION}`);
  });

  it("names each release by a pseudo-version of its tag's commit (the modules lack a /vN suffix)", () => {
    for (const b of PROVIDER_BUILDS) {
      expect(b.moduleVersion).toMatch(/^v1\.\d+\.\d+-0\.\d{14}-[0-9a-f]{12}$/);
      expect(b.ldflags).toContain(b.version);
    }
  });

  it.each([
    ["azurerm", "registry.terraform.io/hashicorp/azurerm"],
    ["hashicorp/azurerm", "registry.terraform.io/hashicorp/azurerm"],
    ["Azure/azapi", "registry.terraform.io/azure/azapi"],
    ["registry.terraform.io/Azure/azapi", "registry.terraform.io/azure/azapi"],
  ])("reads the provider source %s as %s", (source, canonical) => {
    expect(canonicalSource(source)).toBe(canonical);
  });

  it("reads an unqualified source as the CLI's own registry, whose builds are the same", () => {
    expect(canonicalSource("azurerm", "registry.opentofu.org")).toBe(
      "registry.opentofu.org/hashicorp/azurerm",
    );
    expect(providerBuild("registry.opentofu.org/hashicorp/azurerm", "4.55.0")?.release).toBe("v4.55.0");
  });

  it("has no build for a version nobody pinned", () => {
    expect(providerBuild("azurerm", "4.56.0")).toBeUndefined();
  });
});
