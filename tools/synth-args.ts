/**
 * The synth command line, read before anything else happens: `--help` answers with the usage and a
 * mistyped flag is refused in one line, with the output of earlier runs untouched.
 */
import { parseArgs } from "node:util";
import { ENVIRONMENTS_DIR } from "../config/load";
import { parseArgsProblem, UsageError } from "./usage-error";

export const SYNTH_USAGE = `usage: npm run synth -- [--env <name>[,<name>…]] [--config-dir <dir>]

Validates config/environments/*.yaml and synthesizes every environment into cdktf.out/
(or $CDKTF_OUTDIR), with estate-report/<env>.md beside it.

  --env <names>        only these environments (repeatable or comma-separated; also AOAI_ENVIRONMENTS)
  --config-dir <dir>   environment files elsewhere (default ${ENVIRONMENTS_DIR})
  -h, --help           this text

  AOAI_TODAY=YYYY-MM-DD judges model lifecycles as of that day (reproducible runs).`;

export type SynthArgs =
  | { readonly help: true }
  | { readonly help: false; readonly configDir: string; readonly environments: readonly string[] };

const OPTIONS = {
  env: { type: "string", multiple: true },
  "config-dir": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export function parseSynthArgs(argv: readonly string[], variables: NodeJS.ProcessEnv): SynthArgs {
  let values: { env?: string[]; "config-dir"?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    const problem = parseArgsProblem(error);
    if (problem === undefined) throw error;
    throw new UsageError(`${problem} (options: --env, --config-dir, --help)`);
  }
  if (values.help) return { help: true };
  const environments = [...(values.env ?? []), variables.AOAI_ENVIRONMENTS ?? ""]
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  return { help: false, configDir: values["config-dir"] ?? ENVIRONMENTS_DIR, environments };
}
