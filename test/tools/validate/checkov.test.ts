import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { glob } from "../../../policies/glob";
import { loadSkips, scan, type Skip } from "../../../tools/validate/checkov";
import { StackLocator } from "../../../tools/validate/locate";

/** A stand-in for the checkov binary that prints a report in Checkov's JSON shape. */
function fakeCheckov(report: object): string {
  const dir = mkdtempSync(join(tmpdir(), "aoai-fake-checkov-"));
  writeFileSync(join(dir, "report.json"), JSON.stringify(report));
  const bin = join(dir, "checkov");
  writeFileSync(bin, `#!/bin/sh\ncat "${join(dir, "report.json")}"\nexit 1\n`);
  chmodSync(bin, 0o755);
  return bin;
}

const stackText = JSON.stringify(
  {
    resource: {
      azurerm_storage_account: { st: { "//": { metadata: { path: "prod-sdc/st" } }, name: "st" } },
      azurerm_cognitive_account: {
        openai: { "//": { metadata: { path: "prod-sdc/openai" } }, kind: "OpenAI" },
      },
    },
  },
  null,
  2,
);
const lineOf = (needle: string) => stackText.split("\n").findIndex((l) => l.includes(needle)) + 1;
const locators = new Map([
  ["prod-sdc", new StackLocator(stackText)],
  ["dev-sdc", new StackLocator(stackText)],
]);
const failed = (stack: string, check: string, needle: string) => ({
  check_id: check,
  check_name: `title of ${check}`,
  file_path: `/${stack}/cdk.tf.json`,
  file_line_range: [lineOf(needle), lineOf(needle) + 2],
  resource: "resource.x",
});
const report = {
  summary: { checkov_version: "3.3.30" },
  results: {
    passed_checks: [{ file_path: "/prod-sdc/cdk.tf.json" }, { file_path: "/dev-sdc/cdk.tf.json" }],
    failed_checks: [
      failed("prod-sdc", "CKV_AZURE_33", '"st"'),
      failed("dev-sdc", "CKV2_AZURE_22", '"openai"'),
      failed("prod-sdc", "CKV2_AZURE_22", '"openai"'),
    ],
    parsing_errors: [],
  },
};
const skip = (s: Partial<Skip>): Skip => ({
  check: "",
  stacks: "*",
  resources: "*",
  reason: "r".repeat(40),
  ...s,
});

describe("Checkov scan", () => {
  const skips = [
    skip({ check: "CKV_AZURE_33", resources: "azurerm_storage_account.*" }),
    skip({ check: "CKV2_AZURE_22", stacks: "dev-*" }),
    skip({ check: "CKV_AZURE_999" }),
  ];
  const result = scan(fakeCheckov(report), ["unused"], locators, skips);

  it("splits results by stack and names each failure by address and construct path", () => {
    expect(result.version).toBe("3.3.30");
    expect(result.stacks.get("prod-sdc")!.passed).toBe(1);
    expect(result.stacks.get("prod-sdc")!.failed).toEqual([
      {
        check: "CKV2_AZURE_22",
        title: "title of CKV2_AZURE_22",
        stack: "prod-sdc",
        address: "azurerm_cognitive_account.openai",
        constructPath: "prod-sdc/openai",
      },
    ]);
  });

  it("counts a failure matched by a skip as skipped, with the skip's reason, only where it matches", () => {
    expect(result.stacks.get("prod-sdc")!.skipped.map((s) => [s.check, s.address])).toEqual([
      ["CKV_AZURE_33", "azurerm_storage_account.st"],
    ]);
    expect(result.stacks.get("dev-sdc")!.skipped.map((s) => s.check)).toEqual(["CKV2_AZURE_22"]);
    expect(result.stacks.get("dev-sdc")!.failed).toEqual([]);
  });

  it("reports a skip that matches nothing as stale", () => {
    expect(result.staleSkips.map((s) => s.check)).toEqual(["CKV_AZURE_999"]);
  });

  it("keeps results for the selected stacks only, and still sees skips used by the others", () => {
    const devOnly = scan(fakeCheckov(report), ["unused"], locators, skips, ["dev-sdc"]);
    expect([...devOnly.stacks.keys()]).toEqual(["dev-sdc"]);
    expect(devOnly.staleSkips.map((s) => s.check)).toEqual(["CKV_AZURE_999"]);
  });
});

describe("Checkov failing", () => {
  it("says which directory gave no report, with Checkov's own last words, instead of a JSON error", () => {
    const dir = mkdtempSync(join(tmpdir(), "aoai-fake-checkov-"));
    const bin = join(dir, "checkov");
    writeFileSync(bin, "#!/bin/sh\necho 'No such directory' >&2\nexit 0\n");
    chmodSync(bin, 0o755);
    expect(() => scan(bin, ["cdktf.out/stacks"], locators, [])).toThrow(
      /^checkov on cdktf\.out\/stacks printed no JSON report:\nNo such directory/,
    );
  });
});

describe("checkov-skips.yaml", () => {
  it("gives every skip a Checkov ID and a reason of a sentence", () => {
    const skips = loadSkips();
    expect(skips.length).toBeGreaterThan(0);
    for (const s of skips) {
      expect(s.check).toMatch(/^CKV2?_AZURE_\d+$/);
      expect(s.reason.length).toBeGreaterThanOrEqual(40);
    }
  });

  it("refuses a skip without a reason", () => {
    const dir = mkdtempSync(join(tmpdir(), "aoai-skips-"));
    writeFileSync(join(dir, "s.yaml"), "- check: CKV_AZURE_1\n  reason: because\n");
    expect(() => loadSkips(join(dir, "s.yaml"))).toThrow(/\[0\.reason\] a sentence a reviewer can verify/);
  });

  it.each([
    ["dev-*", "dev-swedencentral", true],
    ["dev-*", "prod-dev", false],
    [
      "azurerm_storage_container.fine_tuning_storage_container_*",
      "azurerm_storage_container.fine_tuning_storage_container_training",
      true,
    ],
    ["a.b", "aXb", false],
  ])("pattern %s matches %s: %s", (pattern, text, matches) => {
    expect(glob(pattern).test(text)).toBe(matches);
  });
});
