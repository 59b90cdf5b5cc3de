/**
 * load → resolve → stacks → synth. The command line is read first and every check runs before the App
 * exists, so a mistyped flag or a bad config writes no stack at all.
 *
 *   npm run synth                      all environments
 *   npm run synth -- --env dev         one (or --env dev,prod)
 *   AOAI_ENVIRONMENTS=dev cdktf synth  the same through the cdktf CLI
 *   --config-dir <dir>                 environment files elsewhere (default config/environments)
 *   AOAI_TODAY=2026-11-30              judge model lifecycles as of that day (reproducible runs)
 *
 * Every stack passes the guardrail pack (policies/, docs/guardrails.md): an unwaived error stops the
 * synth with every finding listed, and leaves no output; warnings are printed.
 * Beside the output directory it writes estate-report/<env>.md: deployments, quota, filters, lifecycle,
 * placement with a diagram; and <env>.endpoints.json: each placed workload's endpoints in the order to try.
 * Terraform's working files in cdktf.out (providers, lock files) survive every run.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { App } from "cdktf";
import { ConfigError, formatIssue } from "./config/errors";
import { loadEnvironments } from "./config/load";
import { resolveEstate } from "./estate/resolve";
import { guardrailReport } from "./policies/aspect";
import { formatReport, GuardrailError } from "./policies/format";
import { today } from "./estate/today";
import { buildStacks } from "./stacks/estate-app";
import { renderEstateReport } from "./tools/estate-report";
import { workloadEndpoints } from "./tools/placement-report";
import { withoutStackTraces } from "./tools/stack-traces";
import { parseSynthArgs, SYNTH_USAGE } from "./tools/synth-args";
import { UsageError } from "./tools/usage-error";
import {
  cdktfCliOwnsOutput,
  manifestStacks,
  removeStaleStacks,
  retractGeneratedOutput,
} from "./tools/synth-output";

function main(outdir: string, reportDir: string): void {
  const args = parseSynthArgs(process.argv.slice(2), process.env);
  if (args.help) {
    process.stdout.write(`${SYNTH_USAGE}\n`);
    return;
  }
  const day = today();
  const estate = resolveEstate(loadEnvironments(args.configDir, args.environments), { today: day });
  for (const warning of estate.warnings) process.stderr.write(`warning: ${formatIssue(warning)}\n`);
  const app = new App({ outdir });
  withoutStackTraces(() => {
    buildStacks(app, estate);
    try {
      app.synth();
    } catch (error) {
      // cdktf stops at the first stack with an error; the report lists every stack's findings.
      const report = guardrailReport(app);
      if (report && report.errors.length > 0) throw new GuardrailError(report);
      throw error;
    }
  });
  const report = guardrailReport(app);
  if (report && report.warnings.length > 0) process.stderr.write(`${formatReport(report)}\n`);
  if (!cdktfCliOwnsOutput(process.env)) removeStaleStacks(outdir, manifestStacks(outdir));
  rmSync(reportDir, { recursive: true, force: true });
  mkdirSync(reportDir, { recursive: true });
  for (const env of estate.environments) {
    writeFileSync(join(reportDir, `${env.name}.md`), renderEstateReport(estate, env, day, report));
    if (env.workloads.length > 0)
      writeFileSync(
        join(reportDir, `${env.name}.endpoints.json`),
        `${JSON.stringify(workloadEndpoints(env), null, 2)}\n`,
      );
  }
}

// The cdktf CLI passes its output directory in CDKTF_OUTDIR.
const outdir = process.env.CDKTF_OUTDIR ?? "cdktf.out";
const reportDir = join(dirname(resolve(outdir)), "estate-report");
try {
  main(outdir, reportDir);
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`synth: ${error.message}; see --help\n`);
    process.exit(2);
  }
  if (error instanceof ConfigError || error instanceof GuardrailError) {
    // Nothing may plan the output of an earlier config once this one has failed.
    retractGeneratedOutput(outdir);
    rmSync(reportDir, { recursive: true, force: true });
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
