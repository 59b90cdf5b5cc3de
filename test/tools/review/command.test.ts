import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { reviewCommand } from "../../../tools/review/command";
import { regionStack, sharedStack } from "../../policies/fixture";
import { account, change, plan } from "./fixtures";
import { runCommand } from "../../helpers";

/** Plans as the workflow keeps them (plans/<stack>.json), beside a minimal cdktf output. */
function workspace() {
  const root = mkdtempSync(join(tmpdir(), "aoai-review-"));
  const plans = join(root, "plans");
  mkdirSync(plans);
  writeFileSync(
    join(plans, "prod-swedencentral.json"),
    JSON.stringify(
      plan({
        resource_changes: [
          change(
            "azurerm_cognitive_account.openai",
            ["delete", "create"],
            account(),
            account({ name: "oai-renamed" }),
            {
              change: { replace_paths: [["name"]] },
            },
          ),
        ],
      }),
    ),
  );
  writeFileSync(join(plans, "prod-shared.json"), JSON.stringify(plan()));
  const synth = join(root, "cdktf.out");
  mkdirSync(join(synth, "stacks", "prod-swedencentral"), { recursive: true });
  writeFileSync(
    join(synth, "manifest.json"),
    JSON.stringify({
      stacks: {
        "prod-swedencentral": { dependencies: ["prod-shared"] },
        "prod-shared": { dependencies: [] },
      },
    }),
  );
  writeFileSync(
    join(synth, "stacks", "prod-swedencentral", "cdk.tf.json"),
    JSON.stringify(
      {
        resource: {
          azurerm_cognitive_account: {
            openai: { "//": { metadata: { path: "prod-swedencentral/openai" } } },
          },
        },
      },
      null,
      2,
    ),
  );
  return { root, plans, synth };
}

const run = (argv: string[]) => runCommand(reviewCommand, argv);

describe("npm run review", () => {
  const ws = workspace();

  it("reviews a directory of plans in stack order, with construct paths, and exits 0 by default", () => {
    const r = run([ws.plans, "--synth-dir", ws.synth]);
    expect(r.code).toBe(0);
    expect(r.text.indexOf("| prod-shared |")).toBeLessThan(r.text.indexOf("| prod-swedencentral |"));
    expect(r.text).toContain(
      "- **high** prod-swedencentral `azurerm_cognitive_account.openai` — prod-swedencentral/openai: replaced:",
    );
  });

  it("exits 1 when a risk reaches --fail-on", () => {
    expect(run([ws.plans, "--synth-dir", ws.synth, "--fail-on", "high"]).code).toBe(1);
    expect(run([join(ws.plans, "prod-shared.json"), "--fail-on", "medium"]).code).toBe(0);
  });

  it("writes the markdown to --output", () => {
    const out = join(ws.root, "review.md");
    expect(run([ws.plans, "--output", out]).code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^<!-- azure-openai-platform:plan-review -->/);
  });

  it.each([
    [["--fail-on", "low", "x.json"], 'review: --fail-on takes high, medium or none (got "low")'],
    [[], "review: name at least one plan file or directory; see --help"],
    [["nope.json"], "review: nope.json: no such file or directory"],
  ])("refuses %j in one line", (argv, message) => {
    const r = run(argv);
    expect(r.code).toBe(2);
    expect(r.errors).toEqual([message]);
  });

  it("refuses a 2.x plan naming the file", () => {
    const file = join(ws.root, "future.json");
    writeFileSync(file, JSON.stringify(plan({ format_version: "2.0" })));
    expect(run([file]).errors[0]).toMatch(/^review: .*future\.json: plan format 2\.0 is not supported/);
  });

  it("lists the waived guardrails of the reviewed stacks with their reasons, and guardrail errors apart", () => {
    const root = mkdtempSync(join(tmpdir(), "aoai-review-"));
    const region = regionStack();
    region.resource.azurerm_cognitive_account.openai.network_acls.bypass = "AzureServices";
    region["//"] = {
      guardrails: {
        environment: "test",
        waivers: [
          {
            rule: "AOAI-ACC6",
            resource: "azurerm_cognitive_account.openai",
            reason: "AI Search reads the account by managed identity",
            expires: "2099-01-31",
            source: "test.yaml: waivers[0]",
          },
        ],
      },
    };
    for (const [name, json] of [
      ["test-region", region],
      ["test-shared", { ...sharedStack(), "//": { guardrails: { environment: "test" } } }],
    ] as const) {
      mkdirSync(join(root, "cdktf.out", "stacks", name), { recursive: true });
      writeFileSync(join(root, "cdktf.out", "stacks", name, "cdk.tf.json"), JSON.stringify(json));
    }
    writeFileSync(join(root, "test-region.json"), JSON.stringify(plan()));
    const r = run([join(root, "test-region.json"), "--synth-dir", join(root, "cdktf.out")]);
    expect(r.text).toContain(
      "### Waived guardrails (1)\n\n- **AOAI-ACC6** test-region `azurerm_cognitive_account.openai`: " +
        'network_acls.bypass is "AzureServices". Waived until 2099-01-31: AI Search reads the account by managed identity (test.yaml: waivers[0])',
    );
    expect(r.text).not.toContain("Guardrail errors");

    // The minimal output of the other workspace would never pass synth: the review says so.
    expect(run([ws.plans, "--synth-dir", ws.synth]).text).toContain(
      "### Guardrail errors: this output did not pass synth",
    );
  });
});
