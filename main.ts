/**
 * load → resolve → stacks → synth. Every check runs before the App exists, so a bad config writes
 * no stack at all.
 *
 *   npm run synth                      all environments
 *   npm run synth -- --env dev         one (or --env dev,prod)
 *   AOAI_ENVIRONMENTS=dev cdktf synth  the same through the cdktf CLI
 *   --config-dir <dir>                 environment files elsewhere (default config/environments)
 */
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { App } from "cdktf";
import { ConfigError } from "./config/errors";
import { loadEnvironments, ENVIRONMENTS_DIR } from "./config/load";
import { resolveEstate } from "./estate/resolve";
import { buildStacks } from "./stacks/estate-app";

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
  // Output of an earlier run must not outlive a failed or narrower one: CI would plan stale stacks.
  rmSync(outdir, { recursive: true, force: true });
  const { configDir, environments } = options();
  const estate = resolveEstate(loadEnvironments(configDir, environments));
  const app = new App({ outdir });
  buildStacks(app, estate);
  app.synth();
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
