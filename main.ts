/**
 * load → resolve → stacks → synth. Every check runs before the App exists, so a bad config writes
 * no stack at all.
 *
 *   npm run synth                      all environments
 *   npm run synth -- --env dev         one (or --env dev,prod)
 *   AOAI_ENVIRONMENTS=dev cdktf synth  the same through the cdktf CLI
 *   --config-dir <dir>                 environment files elsewhere (default config/environments)
 *   AOAI_TODAY=2026-11-30              judge model lifecycles as of that day (reproducible runs)
 *
 * Beside the output directory it writes estate-report/<env>.md: deployments, quota, filters, lifecycle.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { App } from "cdktf";
import { ConfigError, formatIssue } from "./config/errors";
import { loadEnvironments, ENVIRONMENTS_DIR } from "./config/load";
import { resolveEstate } from "./estate/resolve";
import { buildStacks } from "./stacks/estate-app";
import { renderEstateReport } from "./tools/estate-report";

function options(): { configDir: string; environments: string[] } {
  const { values } = parseArgs({
    options: { env: { type: "string", multiple: true }, "config-dir": { type: "string" } },
    strict: true,
  });
  const raw = [...(values.env ?? []), process.env.AOAI_ENVIRONMENTS ?? ""];
  const environments = raw
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  return { configDir: values["config-dir"] ?? ENVIRONMENTS_DIR, environments };
}

function main(): void {
  // The cdktf CLI passes its output directory in CDKTF_OUTDIR.
  const outdir = process.env.CDKTF_OUTDIR ?? "cdktf.out";
  const reportDir = join(dirname(resolve(outdir)), "estate-report");
  // Output of an earlier run must not outlive a failed or narrower one: CI would plan stale stacks.
  rmSync(outdir, { recursive: true, force: true });
  rmSync(reportDir, { recursive: true, force: true });
  const { configDir, environments } = options();
  const today = process.env.AOAI_TODAY ?? new Date().toISOString().slice(0, 10);
  const estate = resolveEstate(loadEnvironments(configDir, environments), { today });
  for (const warning of estate.warnings) process.stderr.write(`warning: ${formatIssue(warning)}\n`);
  const app = new App({ outdir });
  buildStacks(app, estate);
  app.synth();
  mkdirSync(reportDir, { recursive: true });
  for (const env of estate.environments) {
    writeFileSync(join(reportDir, `${env.name}.md`), renderEstateReport(estate, env, today));
  }
}

try {
  main();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
