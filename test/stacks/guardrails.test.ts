/**
 * The guardrails on the bundled estate, through the app's own path (load → resolve → stacks → synth):
 * it synthesizes clean, and turning any single secure default off in a bundled config stops the synth
 * with the rule named.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { parse, stringify } from "yaml";
import { loadEnvironments } from "../../config/load";
import { resolveEstate } from "../../estate/resolve";
import { guardrailReport } from "../../policies/aspect";
import type { GuardrailReport } from "../../policies/evaluate";
import { buildStacks } from "../../stacks/estate-app";

const BUNDLED = join(__dirname, "..", "..", "config", "environments");
const TODAY = "2026-12-02";

type Env = Record<string, any>;

/** Synthesizes the named bundled environments, each edited first; the report, and synth's error if any. */
function synth(names: string[], edit: (envs: Record<string, Env>) => void = () => {}) {
  const dir = mkdtempSync(join(tmpdir(), "aoai-guardrails-"));
  try {
    const envs: Record<string, Env> = {};
    for (const file of readdirSync(BUNDLED).filter((f) => f.endsWith(".yaml")))
      envs[file.replace(/\.yaml$/, "")] = parse(readFileSync(join(BUNDLED, file), "utf8"));
    edit(envs);
    for (const [name, env] of Object.entries(envs)) writeFileSync(join(dir, `${name}.yaml`), stringify(env));
    const estate = resolveEstate(loadEnvironments(dir, names), { today: TODAY });
    const app = new App({ outdir: join(dir, "cdktf.out") });
    buildStacks(app, estate);
    let error: Error | undefined;
    try {
      app.synth();
    } catch (e) {
      error = e as Error;
    }
    return { report: guardrailReport(app) as GuardrailReport, error, warnings: estate.warnings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("guardrails on the bundled estate", () => {
  it("synthesize with no error and no unwaived warning; every waiver is used", () => {
    const { report, error } = synth(["dev", "prod", "lz"]);
    expect(error).toBeUndefined();
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.waived.map((f) => [f.rule, f.stack])).toEqual([
      ["AOAI-ACC6", "lz-swedencentral"],
      ["AOAI-DEF1", "lz-swedencentral"],
    ]);
  });

  const region = (env: Env, i = 0) => env.regions[i];
  it.each<[string, string, string[], (envs: Record<string, Env>) => void]>([
    [
      "public access",
      "AOAI-ACC1",
      ["prod"],
      (e) => (e.prod!.network.publicAccess = { allowedIpRanges: ["203.0.113.0/28"] }),
    ],
    [
      "the trusted-services bypass",
      "AOAI-ACC6",
      ["prod"],
      (e) => (e.prod!.network.trustedServicesBypass = true),
    ],
    ["the customer-managed key", "AOAI-ACC8", ["prod"], (e) => (e.prod!.customerManagedKey.enabled = false)],
    ["the HSM-backed key", "AOAI-KEY1", ["prod"], (e) => (e.prod!.customerManagedKey.keyType = "RSA")],
    ["Defender for AI", "AOAI-DEF1", ["prod"], (e) => (e.prod!.defenderForAI = false)],
    [
      "a content filter at Microsoft's default or stricter",
      "AOAI-RAI2",
      ["prod"],
      (e) => (e.prod!.contentFilters["prod-chat"].severity = { hate: { prompt: "High" } }),
    ],
    [
      "least-privilege roles",
      "AOAI-IAM1",
      ["prod"],
      (e) => (e.prod!.access[0].roles = ["inference", "Cognitive Services Contributor"]),
    ],
    [
      "an address space of its own (prod's region pasted into dev)",
      "AOAI-EST1",
      ["dev", "prod"],
      (e) => (region(e.dev!).network = { ...region(e.prod!).network }),
    ],
    ["the landing zone's waiver", "AOAI-ACC6", ["lz"], (e) => (e.lz!.waivers = e.lz!.waivers.slice(1))],
    ["a current waiver", "AOAI-WAIVER", ["lz"], (e) => (e.lz!.waivers[0].expires = "2026-12-01")],
  ])("turning off %s fails synth and names %s", (_what, rule, names, edit) => {
    const { report, error } = synth(names, edit);
    expect(report.errors.map((f) => f.rule)).toContain(rule);
    expect(error?.message).toContain(rule);
  });

  it("waives the private DNS zones rule where a landing zone's policy writes the records (dns mode policy)", () => {
    const { report, error } = synth(["lz"], (e) => (e.lz!.network.dns = { mode: "policy" }));
    expect(error).toBeUndefined();
    expect(report.waived.map((f) => [f.rule, f.waiver!.source])).toContainEqual([
      "AOAI-NET2",
      expect.stringMatching(/lz\.yaml: network\.dns\.mode$/),
    ]);
  });

  it("reads a legacy reason as its waiver: a privileged grant with a reason synthesizes, with a warning", () => {
    const { report, error, warnings } = synth(["prod"], (e) => {
      e.prod!.access[0].roles = ["inference", "Cognitive Services Contributor"];
      e.prod!.access[0].reason = "The chat app rotates its own deployment during releases";
    });
    expect(error).toBeUndefined();
    expect(report.waived.map((f) => [f.rule, f.stack, f.address])).toEqual(
      ["prod-swedencentral", "prod-francecentral"].map((stack) => [
        "AOAI-IAM1",
        stack,
        "azurerm_role_assignment.openai_access_chat_app_cognitive_services_contributor",
      ]),
    );
    expect(warnings.map((w) => w.path)).toContainEqual(["access", 0, "reason"]);
  });
});
