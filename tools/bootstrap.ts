/**
 * `npm run bootstrap -- --env <name>`: synthesizes `<env>-bootstrap` (state storage and the CI
 * identities' rights) into cdktf.out.bootstrap/, for an administrator to apply once with local state.
 * The estate's own stacks are not written: CI never sees this stack.
 */
import { App } from "cdktf";
import { parseArgs } from "node:util";
import { ConfigError } from "../config/errors";
import { ENVIRONMENTS_DIR, loadEnvironments } from "../config/load";
import { resolveEstate } from "../estate/resolve";
import type { EnvironmentEstate } from "../estate/types";
import { BootstrapStack } from "../stacks/bootstrap-stack";
import { parseArgsProblem, UsageError } from "./usage-error";

export const BOOTSTRAP_OUTDIR = "cdktf.out.bootstrap";

/** What the bootstrap needs that a normal synth does not; each problem names the file and the key. */
export function bootstrapProblems(env: EnvironmentEstate): string[] {
  const problems: string[] = [];
  const backend = env.stateBackend;
  if (!backend && !env.ci) problems.push("has neither stateBackend nor ci: there is nothing to bootstrap");
  if (backend?.type === "azurerm" && env.protected && !backend.privateEndpointSubnetId)
    problems.push(
      "stateBackend.privateEndpointSubnetId: required in a protected environment, whose state storage has no " +
        "public endpoint; name the subnet where the CI runners reach it",
    );
  return problems.map((p) => `${env.sourceFile}: ${p}`);
}

function main(): void {
  const { values } = parseArgs({
    options: {
      env: { type: "string", multiple: true },
      "config-dir": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help || !values.env?.length) {
    console.log(`usage: npm run bootstrap -- --env <name> [--config-dir <dir>]

Writes ${BOOTSTRAP_OUTDIR}/stacks/<env>-bootstrap: the state storage that stateBackend names and the
rights of the ci identities. Apply it once, as Owner or User Access Administrator, with local state.`);
    if (!values.help) throw new UsageError("--env is required");
    return;
  }
  // Lifecycles are judged on $AOAI_TODAY or today, as in synth (resolveEstate's default).
  const estate = resolveEstate(loadEnvironments(values["config-dir"] ?? ENVIRONMENTS_DIR, values.env));
  const problems = estate.environments.flatMap(bootstrapProblems);
  if (problems.length) throw new UsageError(`cannot bootstrap:\n  - ${problems.join("\n  - ")}`);
  const app = new App({ outdir: BOOTSTRAP_OUTDIR });
  for (const env of estate.environments) new BootstrapStack(app, `${env.name}-bootstrap`, env);
  app.synth();
  for (const env of estate.environments) {
    const dir = `${BOOTSTRAP_OUTDIR}/stacks/${env.name}-bootstrap`;
    console.log(
      `${env.name}: az login as an administrator of subscription ${env.subscriptionId}, then\n` +
        `  terraform -chdir=${dir} init\n  terraform -chdir=${dir} apply`,
    );
  }
}

if (require.main === module) run();

function run(): void {
  try {
    main();
  } catch (error) {
    const problem = error instanceof UsageError ? error.message : parseArgsProblem(error);
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    if (problem === undefined) throw error;
    process.stderr.write(`bootstrap: ${problem}\n`);
    process.exit(2);
  }
}
