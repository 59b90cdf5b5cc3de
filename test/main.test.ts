/**
 * The app as users run it: `node dist/main.js` after the esbuild transpile (`npm run synth`).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { environmentDir, validEnvironment } from "./helpers";

const root = join(__dirname, "..");

beforeAll(() => {
  execFileSync(process.execPath, ["tools/build.mjs"], { cwd: root });
});

function run(args: string[], env: Record<string, string> = {}) {
  const outdir = join(mkdtempSync(join(tmpdir(), "aoai-out-")), "cdktf.out");
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
      "| swedencentral | chat | gpt-5.1 2025-11-13 | reasoning | DataZoneStandard | 400 × 1K TPM | 40% of 1000 (declared) | prod-chat | GA | 2027-05-15 |",
    );
    expect(prod).toContain("| prod-chat | Microsoft.DefaultV2 | Default | no | internal-codenames |");
    expect(existsSync(join(reports, "dev.md"))).toBe(true);
    expect(existsSync(join(reports, "lz.md"))).toBe(true);
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

  it("removes the output of an earlier run when the config fails", () => {
    const outdir = join(mkdtempSync(join(tmpdir(), "aoai-out-")), "cdktf.out");
    mkdirSync(join(outdir, "stacks", "old"), { recursive: true });
    writeFileSync(join(outdir, "manifest.json"), "{}");
    const r = spawnSync(process.execPath, ["dist/main.js", "--env", "nope"], {
      cwd: root,
      env: { ...process.env, CDKTF_OUTDIR: outdir },
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/unknown environment "nope"; config\/environments has: dev, lz, prod/);
    expect(existsSync(outdir)).toBe(false);
  });
});
