/**
 * The Terraform step against the machine's Terraform, with no provider in the mirror: what a machine
 * that cannot build the providers still proves. (The full run with providers is `npm run validate`.)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkStack } from "../../../tools/validate/stack-check";
import type { TerraformJson } from "../../../tools/validate/terraform-json";
import { writeCliConfig, type TerraformCli } from "../../../tools/validate/toolchain";

const version = spawnSync("terraform", ["version", "-json"], { encoding: "utf8" });
const cli: TerraformCli | undefined =
  version.status === 0
    ? { path: "terraform", name: "terraform", version: JSON.parse(version.stdout).terraform_version }
    : undefined;
const dir = mkdtempSync(join(tmpdir(), "aoai-stack-check-"));
const cliConfig = join(dir, "terraform.rc");
writeCliConfig(cliConfig, join(dir, "empty-mirror"));

const stack = (replaceTriggeredBy: string): TerraformJson => ({
  terraform: { required_providers: { azurerm: { source: "azurerm", version: "4.55.0" } } },
  provider: { azurerm: [{ features: [{}] }] },
  resource: {
    azurerm_resource_group: {
      rg: { name: "rg", location: "swedencentral" },
      other: {
        name: "rg2",
        location: "swedencentral",
        lifecycle: { replace_triggered_by: [replaceTriggeredBy] },
      },
    },
  },
});

(cli ? describe : describe.skip)(`checkStack (${cli?.version ?? "no terraform on this machine"})`, () => {
  it("finds a syntax error in a meta-argument before any provider is needed, and names the block", () => {
    const verdict = checkStack(cli!, stack("${azurerm_resource_group.rg}"), cliConfig, new Set(["azurerm"]));
    expect(verdict.outcome).toBe("invalid");
    expect(verdict.diagnostics).toContainEqual(
      expect.objectContaining({
        severity: "error",
        summary: "Invalid character",
        context: "resource.azurerm_resource_group.other.lifecycle.replace_triggered_by",
      }),
    );
    // init's closing summary repeats that errors exist; only the specific ones are reported.
    expect(verdict.diagnostics.map((d) => d.summary)).not.toContainEqual(
      expect.stringMatching(/encountered problems during initiali[sz]ation/),
    );
  });

  it("reads a sound configuration and says that nothing was validated without the provider", () => {
    const verdict = checkStack(cli!, stack("azurerm_resource_group.rg"), cliConfig, new Set(["azurerm"]));
    expect(verdict).toEqual({ outcome: "parsed", diagnostics: [] });
  });

  it("calls a missing provider an error when it was expected to be there", () => {
    const verdict = checkStack(cli!, stack("azurerm_resource_group.rg"), cliConfig, new Set());
    expect(verdict.outcome).toBe("invalid");
    expect(verdict.diagnostics.map((d) => d.summary)).toContain(
      "Failed to query available provider packages",
    );
  });
});
