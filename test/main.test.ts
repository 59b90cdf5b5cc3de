/**
 * The app as users run it: `node dist/main.js` after the esbuild transpile (`npm run synth`).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { environmentDir, validEnvironment } from "./helpers";

const root = join(__dirname, "..");

beforeAll(() => {
  execFileSync(process.execPath, ["tools/build.mjs"], { cwd: root });
});

function run(args: string[], env: Record<string, string> = {}) {
  const outdir = env.CDKTF_OUTDIR ?? join(mkdtempSync(join(tmpdir(), "aoai-out-")), "cdktf.out");
  const result = spawnSync(process.execPath, ["dist/main.js", ...args], {
    cwd: root,
    env: { ...process.env, CDKTF_OUTDIR: outdir, AOAI_ENVIRONMENTS: "", ...env },
    encoding: "utf8",
  });
  const manifest = join(outdir, "manifest.json");
  const stacks = existsSync(manifest)
    ? Object.keys(JSON.parse(readFileSync(manifest, "utf8")).stacks).sort()
    : undefined;
  return { ...result, outdir, stacks };
}

describe("main", () => {
  it("synthesizes every bundled environment", () => {
    const r = run([]);
    expect(r.status).toBe(0);
    expect(r.stacks).toEqual([
      "dev-shared",
      "dev-swedencentral",
      "lz-shared",
      "lz-swedencentral",
      "prod-francecentral",
      "prod-gateway",
      "prod-shared",
      "prod-swedencentral",
    ]);
  });

  it("writes an estate report per environment beside the output directory", () => {
    const r = run([]);
    const reports = join(r.outdir, "..", "estate-report");
    const prod = readFileSync(join(reports, "prod.md"), "utf8");
    expect(prod).toContain("# Estate report: prod");
    expect(prod).toContain(
      "| swedencentral | chat | gpt-5.1 2025-11-13 | reasoning | DataZoneStandard | 400 × 1K TPM | 50% of 1000 (declared) | prod-chat | GA | 2027-05-15 |",
    );
    expect(prod).toContain("| prod-chat | Microsoft.DefaultV2 | Default | no | internal-codenames |");
    expect(existsSync(join(reports, "dev.md"))).toBe(true);
    expect(existsSync(join(reports, "lz.md"))).toBe(true);
  });

  it("places prod's workloads across two EU regions with failover: report with diagram and tables, endpoints file, outputs", () => {
    const r = run(["--env", "prod"]);
    expect(r.status).toBe(0);
    const reports = join(r.outdir, "..", "estate-report");
    const prod = readFileSync(join(reports, "prod.md"), "utf8");
    expect(prod).toContain("```mermaid\nflowchart LR");
    expect(prod).toContain('d0_2["reasoning: gpt-5.1 DataZoneStandard 100"]');
    expect(prod).toContain(
      "### reasoning: gpt-5.1 2025-11-13, 200K TPM, EU boundary, active-active, losing any one region keeps ≥ 50%",
    );
    expect(prod).toContain("| francecentral | DataZoneStandard | 100 | active | 100 | 300 | no |");
    expect(prod).toContain("| francecentral | gpt-5.1 | DataZoneStandard | 300 | 300 | 0 |");
    const endpoints = JSON.parse(readFileSync(join(reports, "prod.endpoints.json"), "utf8"));
    expect(Object.keys(endpoints.workloads)).toEqual(["reasoning", "search-embeddings"]);
    for (const w of Object.values<any>(endpoints.workloads)) {
      expect(w.targets.map((t: any) => t.region)).toEqual(["swedencentral", "francecentral"]);
      expect(w.targets[0].endpoint).toMatch(/^https:\/\/oai-aoai-prod-sdc-[0-9a-f]+\.openai\.azure\.com\/$/);
    }
    expect(endpoints.workloads["search-embeddings"].targets.map((t: any) => t.role)).toEqual([
      "primary",
      "secondary",
    ]);
    const shared = JSON.parse(readFileSync(join(r.outdir, "stacks", "prod-shared", "cdk.tf.json"), "utf8"));
    expect(shared.output.workload_search_embeddings_targets.value).toEqual(
      endpoints.workloads["search-embeddings"].targets,
    );
  });

  it("prints warnings (a model retiring within 90 days) and still synthesizes", () => {
    const env = validEnvironment() as any;
    env.regions[0].deployments[0].model = { name: "gpt-5-mini", version: "2025-08-07" };
    const r = run(["--config-dir", environmentDir({ dev: env })]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /^warning: .*dev\.yaml:\d+:\d+: regions\[0\]\.deployments\[0\]\.model: gpt-5-mini 2025-08-07 retires on 2027-02-06, in 68 days/m,
    );
    expect(readFileSync(join(r.outdir, "..", "estate-report", "dev.md"), "utf8")).toContain("## Warnings");
  });

  it("synthesizes only the environments asked for, by argument or variable", () => {
    expect(run(["--env", "dev"]).stacks).toEqual(["dev-shared", "dev-swedencentral"]);
    expect(run([], { AOAI_ENVIRONMENTS: "prod" }).stacks).toEqual([
      "prod-francecentral",
      "prod-gateway",
      "prod-shared",
      "prod-swedencentral",
    ]);
  });

  it("stops before synth on an invalid config: non-zero exit, a located message, no stack written", () => {
    const bad = validEnvironment() as any;
    bad.regions[0].deployments[0].capacity = 0;
    const dir = environmentDir({ dev: bad, prod: { ...validEnvironment(), name: "prod" } });
    const r = run(["--config-dir", dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /dev\.yaml:\d+:\d+: regions\[0\]\.deployments\[0\]\.capacity: must be at least 1 .*\(got 0\)/,
    );
    expect(existsSync(r.outdir)).toBe(false);
  });

  it("stops on unwaived guardrail errors, listing every stack's findings, and writes nothing", () => {
    const open = (name: string) => {
      // Another subscription each: subscription-wide resources have one owner.
      const subscriptionId =
        name === "dev" ? "11111111-1111-1111-1111-111111111111" : "44444444-4444-4444-4444-444444444444";
      const env = { ...validEnvironment(), name, subscriptionId } as any;
      env.network = { publicAccess: { allowedIpRanges: ["203.0.113.0/28"] } };
      return env;
    };
    const { outdir } = run(["--env", "dev"]);
    const r = spawnSync(
      process.execPath,
      ["dist/main.js", "--config-dir", environmentDir({ dev: open("dev"), test: open("test") })],
      {
        cwd: root,
        env: { ...process.env, CDKTF_OUTDIR: outdir, AOAI_ENVIRONMENTS: "" },
        encoding: "utf8",
      },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^guardrails: 2 errors, 0 warnings/m);
    // cdktf stops at the first failing stack; the report names both.
    for (const env of ["dev", "test"])
      expect(r.stderr).toContain(
        `error AOAI-ACC1 at ${env}-swedencentral/openai/Resource (${env}-swedencentral/azurerm_cognitive_account.openai): public_network_access_enabled is true`,
      );
    expect(r.stderr).toContain("Fix: Set public_network_access_enabled = false");
    expect(existsSync(join(outdir, "manifest.json"))).toBe(false);
    expect(existsSync(join(outdir, "stacks", "dev-shared", "cdk.tf.json"))).toBe(false);
  });

  it("retracts the generated output of an earlier run when the config fails, and keeps Terraform's files", () => {
    const { outdir } = run(["--env", "dev"]);
    const terraformDir = join(outdir, "stacks", "dev-shared", ".terraform");
    mkdirSync(terraformDir);
    const r = spawnSync(process.execPath, ["dist/main.js", "--env", "nope"], {
      cwd: root,
      env: { ...process.env, CDKTF_OUTDIR: outdir },
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/unknown environment "nope"; config\/environments has: dev, lz, prod/);
    expect(existsSync(join(outdir, "manifest.json"))).toBe(false);
    expect(existsSync(join(outdir, "stacks", "dev-shared", "cdk.tf.json"))).toBe(false);
    expect(existsSync(join(outdir, "..", "estate-report"))).toBe(false);
    expect(existsSync(terraformDir)).toBe(true);
  });
});

describe("main, run again over its own output", () => {
  /** What `terraform init` leaves in a stack's directory. */
  function initialize(outdir: string, stack: string) {
    mkdirSync(join(outdir, "stacks", stack, ".terraform", "providers"), { recursive: true });
    writeFileSync(join(outdir, "stacks", stack, ".terraform.lock.hcl"), "# lock\n");
  }
  const initialized = (outdir: string, stack: string) =>
    existsSync(join(outdir, "stacks", stack, ".terraform", "providers")) &&
    existsSync(join(outdir, "stacks", stack, ".terraform.lock.hcl"));

  it("keeps each stack's Terraform working files and removes only stacks that no longer exist", () => {
    const first = run([]);
    initialize(first.outdir, "dev-swedencentral");
    initialize(first.outdir, "prod-shared");
    const second = run(["--env", "dev"], { CDKTF_OUTDIR: first.outdir });
    expect(second.status).toBe(0);
    expect(second.stacks).toEqual(["dev-shared", "dev-swedencentral"]);
    expect(readdirSync(join(first.outdir, "stacks")).sort()).toEqual(["dev-shared", "dev-swedencentral"]);
    expect(initialized(first.outdir, "dev-swedencentral")).toBe(true);
  });

  it("works through the cdktf CLI after a wider run, on the first try", () => {
    const first = run(["--env", "dev,lz"]);
    initialize(first.outdir, "dev-shared");
    const r = spawnSync("npx", ["cdktf", "synth", "--output", first.outdir], {
      cwd: root,
      env: { ...process.env, AOAI_ENVIRONMENTS: "dev", CHECKPOINT_DISABLE: "1", CI: "1" },
      encoding: "utf8",
    });
    expect(r.stderr + r.stdout).not.toMatch(/ENOENT/);
    expect(r.status).toBe(0);
    expect(readdirSync(join(first.outdir, "stacks")).sort()).toEqual(["dev-shared", "dev-swedencentral"]);
    expect(initialized(first.outdir, "dev-shared")).toBe(true);
  }, 60_000);
});

describe("main, command line", () => {
  let earlier: ReturnType<typeof run>;
  beforeAll(() => {
    earlier = run(["--env", "dev"]);
  });

  it.each([
    [["-e", "dev"], "unknown option '-e'"],
    [["dev"], "unexpected argument 'dev'"],
    [["--env"], "option '--env <value>' argument missing"],
  ])("refuses %j in one line before touching the output", (args, message) => {
    const r = run(args, { CDKTF_OUTDIR: earlier.outdir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`synth: ${message} (options: --env, --config-dir, --help); see --help\n`);
    expect(r.stacks).toEqual(["dev-shared", "dev-swedencentral"]);
    expect(existsSync(join(earlier.outdir, "stacks", "dev-shared", "cdk.tf.json"))).toBe(true);
  });

  it("answers --help with the usage and synthesizes nothing", () => {
    const r = run(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run synth -- \[--env <name>/);
    expect(r.stdout).toContain("--config-dir <dir>");
    expect(r.stacks).toBeUndefined();
  });
});
