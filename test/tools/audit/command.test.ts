/**
 * npm run audit over output on disk: the project's own (with its waivers), a stacks directory, and
 * hand-written Terraform JSON; exit codes, and the JSON and SARIF reports.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { auditCommand } from "../../../tools/audit/command";
import { toSarif } from "../../../tools/audit/sarif";
import { regionStack, sharedStack } from "../../policies/fixture";
import { runCommand } from "../../helpers";

const run = (argv: string[]) => runCommand(auditCommand, argv);

/** cdktf output with the fixture's two stacks; `edit` changes the region stack. */
function output(edit: (region: Record<string, any>) => void = () => {}) {
  const root = mkdtempSync(join(tmpdir(), "aoai-audit-"));
  const region = regionStack();
  edit(region);
  for (const [name, json] of [
    ["test-shared", sharedStack()],
    ["test-region", region],
  ] as const) {
    mkdirSync(join(root, "cdktf.out", "stacks", name), { recursive: true });
    writeFileSync(join(root, "cdktf.out", "stacks", name, "cdk.tf.json"), JSON.stringify(json, null, 2));
  }
  return { root, out: join(root, "cdktf.out") };
}
const bypass = (r: Record<string, any>) =>
  (r.resource.azurerm_cognitive_account.openai.network_acls.bypass = "AzureServices");

describe("npm run audit", () => {
  it("passes compliant output, exit 0", () => {
    const r = run([output().out]);
    expect(r.code).toBe(0);
    expect(r.text).toBe(
      "guardrails: 0 errors, 0 warnings, 0 waived findings (rules and waivers: docs/guardrails.md)",
    );
  });

  it("exits 1 on an error, naming the stack, the address, the rule and the fix", () => {
    const r = run([output(bypass).out]);
    expect(r.code).toBe(1);
    expect(r.text).toContain(
      'error AOAI-ACC6 at test-region/openai/Resource (test-region/azurerm_cognitive_account.openai): network_acls.bypass is "AzureServices"',
    );
    expect(r.text).toContain("Fix: Set network_acls.bypass");
  });

  it("reads a stacks directory, one stack's directory, and a directory of hand-written *.tf.json", () => {
    const { out, root } = output(bypass);
    expect(run([join(out, "stacks")]).code).toBe(1);
    expect(run([join(out, "stacks", "test-shared")]).code).toBe(0);
    const module = join(root, "module");
    mkdirSync(module);
    const region = regionStack();
    bypass(region);
    // Terraform merges a module's files: the account in one, everything else in another.
    const { azurerm_cognitive_account, ...rest } = region.resource;
    writeFileSync(
      join(module, "account.tf.json"),
      JSON.stringify({ resource: { azurerm_cognitive_account } }),
    );
    writeFileSync(join(module, "main.tf.json"), JSON.stringify({ ...region, resource: rest }));
    const r = run([module, "--format", "json"]);
    const report = JSON.parse(r.text);
    // Without the shared stack, the zones and Defender's plan are out of sight.
    expect(report.errors.map((f: { rule: string }) => f.rule)).toEqual(["AOAI-ACC6", "AOAI-DEF1"]);
  });

  it("takes waivers from a file, and judges expiry on --today", () => {
    const { out, root } = output(bypass);
    const file = join(root, "waivers.yaml");
    writeFileSync(
      file,
      "waivers:\n  - rule: AOAI-ACC6\n    resource: azurerm_cognitive_account.openai\n    reason: AI Search reads it by managed identity\n    expires: 2027-01-31\n",
    );
    expect(run([out, "--waivers", file, "--today", "2027-01-31"]).code).toBe(0);
    const late = run([out, "--waivers", file, "--today", "2027-02-01"]);
    expect(late.code).toBe(1);
    expect(late.text).toContain("expired on 2027-01-31");
  });

  it("refuses a --today or AOAI_TODAY that is not a day, exit 2", () => {
    const { out } = output();
    const flag = run([out, "--today", "2027-02-30"]);
    expect(flag.code).toBe(2);
    expect(flag.errors).toEqual(['audit: --today takes a day as YYYY-MM-DD (got "2027-02-30")']);
    const saved = process.env.AOAI_TODAY;
    process.env.AOAI_TODAY = "next week";
    try {
      const variable = run([out]);
      expect(variable.code).toBe(2);
      expect(variable.errors.join("\n")).toContain(
        "AOAI_TODAY (environment variable): must be a day as YYYY-MM-DD",
      );
      // An explicit --today does not need the variable.
      expect(run([out, "--today", "2027-01-31"]).code).toBe(0);
    } finally {
      process.env.AOAI_TODAY = saved;
    }
  });

  it("judges stacks named by --unprotected without the protected-only rules", () => {
    const { out } = output((r) => delete r.resource.azurerm_management_lock);
    expect(run([out]).code).toBe(1);
    expect(run([out, "--unprotected", "test-*"]).code).toBe(0);
  });

  it("fails on warnings only with --fail-on warning", () => {
    const { out } = output((r) => delete r.resource.azurerm_storage_account.st.blob_properties);
    expect(run([out]).code).toBe(0);
    expect(run([out, "--fail-on", "warning"]).code).toBe(1);
  });

  it("writes SARIF 2.1.0 for code scanning: rules with sources, results at the block's line, waivers as suppressions", () => {
    const { out, root } = output(bypass);
    const file = join(root, "waivers.yaml");
    writeFileSync(
      file,
      "- rule: AOAI-ACC6\n  resource: azurerm_cognitive_account.openai\n  reason: AI Search reads it by managed identity\n",
    );
    const sarifFile = join(root, "guardrails.sarif");
    const withWaiver = run([out, "--waivers", file, "--format", "sarif", "--output", sarifFile]);
    expect(withWaiver.code).toBe(0);
    const sarif = JSON.parse(readFileSync(sarifFile, "utf8"));
    expect(sarif.version).toBe("2.1.0");
    const run0 = sarif.runs[0];
    expect(
      run0.tool.driver.rules.find((r: { id: string }) => r.id === "AOAI-ACC1").properties.checkov,
    ).toEqual(["CKV_AZURE_134"]);
    expect(run0.results).toHaveLength(1);
    const [result] = run0.results;
    expect(result).toMatchObject({
      ruleId: "AOAI-ACC6",
      level: "error",
      suppressions: [{ kind: "external", justification: "AI Search reads it by managed identity" }],
    });
    const location = result.locations[0].physicalLocation;
    // Outside the working directory (a temp dir here): an absolute file URI; inside, relative to %SRCROOT%.
    expect(location.artifactLocation.uri).toBe(
      pathToFileURL(join(out, "stacks", "test-region", "cdk.tf.json")).href,
    );
    const lines = readFileSync(join(out, "stacks", "test-region", "cdk.tf.json"), "utf8").split("\n");
    expect(lines[location.region.startLine - 1]).toContain('"openai": {');
    expect(withWaiver.errors.join("\n")).toContain("1 waived finding");
  });

  it("refuses bad arguments with exit 2", () => {
    expect(run([]).code).toBe(2);
    expect(run([output().out, "--format", "xml"]).errors).toEqual([
      'audit: --format takes text, json or sarif (got "xml")',
    ]);
    expect(run(["/nonexistent"]).code).toBe(2);
    const { root } = output();
    const bad = join(root, "waivers.yaml");
    writeFileSync(bad, "- rule: AOAI-ACC66\n  resource: x\n  reason: because of reasons\n");
    const r = run([join(root, "cdktf.out"), "--waivers", bad]);
    expect(r.code).toBe(2);
    expect(r.errors[0]).toMatch(/waivers\.yaml: 0\.rule is not a guardrail rule; did you mean AOAI-ACC6\?/);
  });

  it("prints its usage with --help", () => {
    const r = run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.text).toMatch(/^usage: npm run audit/);
  });
});

describe("the SARIF report", () => {
  it("places files under the repository root relative to %SRCROOT%", () => {
    const finding = {
      rule: "AOAI-ACC6",
      level: "error" as const,
      title: "t",
      fix: "f",
      stack: "s",
      address: "azurerm_cognitive_account.openai",
      path: "s/openai",
      detail: "d",
    };
    const report = { findings: [finding], errors: [finding], warnings: [], waived: [], waivers: [] };
    const sarif = toSarif({
      report,
      files: new Map([["s", "/repo/cdktf.out/stacks/s/cdk.tf.json"]]),
      lineOf: () => 7,
      root: "/repo",
      version: "1.0.0",
    }) as any;
    expect(sarif.runs[0].originalUriBaseIds).toEqual({ "%SRCROOT%": { uri: "file:///repo/" } });
    expect(sarif.runs[0].results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "cdktf.out/stacks/s/cdk.tf.json", uriBaseId: "%SRCROOT%" },
      region: { startLine: 7 },
    });
  });
});
