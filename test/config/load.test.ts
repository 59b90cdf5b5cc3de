import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { stringify } from "yaml";
import { ConfigError, formatIssue } from "../../config/errors";
import { environmentFiles, loadEnvironments } from "../../config/load";
import { environmentDir, issuesOf, load, validEnvironment } from "../helpers";

/** The one issue a config produces; fails when there are none or several. */
function onlyIssue(config: string | object, name = "dev") {
  const issues = issuesOf(() => load({ [name]: config }));
  expect(issues).toHaveLength(1);
  return issues[0]!;
}

/** A valid environment file up to its first deployment's name (line 9), one line per entry. */
const DEPLOYMENT_YAML = [
  "name: dev",
  "subscriptionId: 11111111-1111-1111-1111-111111111111",
  "owner: team@contoso.com",
  "costCenter: CC-1",
  "regions:",
  "  - location: swedencentral",
  "    network: { addressSpace: 10.30.0.0/24, privateEndpointSubnet: 10.30.0.0/27 }",
  "    deployments:",
  "      - name: chat",
];

function withDeployment(change: Record<string, unknown>) {
  const env = validEnvironment() as any;
  Object.assign(env.regions[0].deployments[0], change);
  return env;
}

describe("loading environment files", () => {
  it("accepts a valid environment and fills defaults", () => {
    const [env] = load({ dev: validEnvironment() });
    expect(env!.config.workload).toBe("aoai");
    expect(env!.config.logAnalytics.retentionDays).toBe(90);
    expect(env!.config.regions[0]!.kind).toBe("OpenAI");
    const deployment = env!.config.regions[0]!.deployments[0]!;
    expect(deployment.versionUpgrade).toBe("NoAutoUpgrade");
    expect(deployment.contentFilter).toBe("Microsoft.DefaultV2");
    expect(deployment.model.format).toBe("OpenAI");
  });

  it("defaults an environment to protected", () => {
    const env = validEnvironment();
    delete env.protected;
    expect(load({ dev: env })[0]!.config.protected).toBe(true);
  });

  it("rejects an unknown key, naming the key and its line", () => {
    const issue = onlyIssue(
      [
        "name: dev",
        "subscriptionId: 11111111-1111-1111-1111-111111111111",
        "owner: team",
        "costCenter: CC-1",
        "regions:",
        "  - location: swedencentral",
        "    deploymnets: []",
      ].join("\n"),
    );
    expect(issue.path).toEqual(["regions", 0]);
    expect(issue.message).toBe('unknown key "deploymnets": did you mean "deployments"?');
    expect(issue.line).toBe(7);
    expect(formatIssue(issue)).toMatch(/^.*dev\.yaml:7:5: regions\[0\]: unknown key "deploymnets"/);
  });

  it("suggests only keys that belong where the typo is, and otherwise points at the schema", () => {
    const nested = issuesOf(() =>
      load({ dev: withDeployment({ model: { name: "gpt-5.1", versoin: "2025-11-13" } }) }),
    );
    expect(nested.map((i) => i.message)).toEqual([
      'is required: pin the version, e.g. "2025-11-13" (unpinned, Azure picks one at create time)',
      'unknown key "versoin": did you mean "version"?',
    ]);
    const unrelated = onlyIssue(withDeployment({ colour: "blue" }));
    expect(unrelated.message).toBe('unknown key "colour": check the spelling against config/schema.json');
  });

  it("suggests keys inside named entries and inside either form of a setting", () => {
    const filter = onlyIssue({ ...validEnvironment(), contentFilters: { chat: { presett: "strict" } } });
    expect(filter).toMatchObject({
      path: ["contentFilters", "chat"],
      message: 'unknown key "presett": did you mean "preset"?',
    });
    const backend = issuesOf(() =>
      load({
        dev: {
          ...validEnvironment(),
          stateBackend: { resourceGroupName: "rg", storageAcountName: "sttf001", containerName: "tfstate" },
        },
      }),
    ).map((i) => i.message);
    expect(backend).toContain('unknown key "storageAcountName": did you mean "storageAccountName"?');
  });

  it("explains a version YAML read as a number instead of saying only that it expected text", () => {
    const issue = onlyIssue(withDeployment({ model: { name: "gpt-5.1", version: 1 } }));
    expect(issue.path).toEqual(["regions", 0, "deployments", 0, "model", "version"]);
    expect(issue.message).toBe(
      'must be text in quotes: YAML reads an unquoted version such as 1 or 0613 as a number (613); write version: "1"',
    );
  });

  it("rejects a value of the wrong type, with the value", () => {
    const issue = onlyIssue(withDeployment({ capacity: "ten" }));
    expect(issue.path).toEqual(["regions", 0, "deployments", 0, "capacity"]);
    expect(issue.message).toMatch(/expected number/);
    expect(issue.value).toBe("ten");
  });

  it("rejects a region without Azure OpenAI, listing the allowed ones", () => {
    const env = validEnvironment() as any;
    env.regions[0].location = "mars-north";
    const issue = onlyIssue(env);
    expect(issue.path).toEqual(["regions", 0, "location"]);
    expect(issue.message).toMatch(/must be an Azure OpenAI region: .*swedencentral/);
    expect(formatIssue(issue)).toContain('(got "mars-north")');
  });

  it("rejects a duplicate deployment name on one account, case-insensitively", () => {
    const env = validEnvironment() as any;
    env.regions[0].deployments.push({ ...env.regions[0].deployments[0], name: "Chat" });
    const issue = onlyIssue(env);
    expect(issue.path).toEqual(["regions", 0, "deployments", 1, "name"]);
    expect(issue.message).toMatch(/duplicate deployment name \(also at deployments\[0\]\)/);
  });

  it("rejects the same region twice in one environment", () => {
    const env = validEnvironment() as any;
    env.regions.push({ location: "swedencentral" });
    const issue = onlyIssue(env);
    expect(issue.path).toEqual(["regions", 1, "location"]);
    expect(issue.message).toMatch(/duplicate region/);
  });

  it.each([0, -5])("rejects capacity %p, explaining the unit", (capacity) => {
    const issue = onlyIssue(withDeployment({ capacity }));
    expect(issue.message).toMatch(/must be at least 1 .*1,000 tokens per minute/);
    expect(issue.value).toBe(capacity);
  });

  it("rejects a fractional capacity", () => {
    expect(onlyIssue(withDeployment({ capacity: 1.5 })).message).toMatch(/whole number/);
  });

  it("rejects a malformed subscription GUID", () => {
    const env = validEnvironment();
    env.subscriptionId = "not-a-guid";
    const issue = onlyIssue(env);
    expect(issue.path).toEqual(["subscriptionId"]);
    expect(issue.message).toMatch(/must be a subscription GUID such as 00000000-/);
  });

  it("explains why DeveloperTier cannot be managed", () => {
    const issue = onlyIssue(withDeployment({ type: "DeveloperTier" }));
    expect(issue.message).toMatch(/DeveloperTier .* 24 hours .*azurerm 4\.55 rejects/);
  });

  it("rejects an unknown deployment type, listing the allowed ones", () => {
    expect(onlyIssue(withDeployment({ type: "Global" })).message).toMatch(
      /must be one of: Standard, GlobalStandard/,
    );
  });

  it("rejects a deployment name Azure would refuse", () => {
    const issue = onlyIssue(withDeployment({ name: "chat bot" }));
    expect(issue.message).toMatch(/must be 2-64 letters, digits/);
  });

  it("rejects a workload name that cannot be part of resource names", () => {
    const env = validEnvironment();
    env.workload = "My_Workload";
    expect(onlyIssue(env).message).toMatch(/lower-case letters or digits/);
  });

  it("requires the file name to match the environment name", () => {
    const issue = onlyIssue(validEnvironment(), "staging");
    expect(issue).toMatchObject({
      path: ["name"],
      value: "dev",
      message: "must match the file name: rename the file to dev.yaml or set name: staging",
      line: 1,
    });
  });

  it("names the file relative to the working directory", () => {
    const dir = environmentDir({ dev: { ...validEnvironment(), owner: 3 } });
    const [issue] = issuesOf(() => loadEnvironments(dir));
    expect(issue!.file).toBe(relative(process.cwd(), join(dir, "dev.yaml")));
  });

  it("points a missing key at the nearest line that exists, and an unknown top-level key at itself", () => {
    const missing = onlyIssue(
      [...DEPLOYMENT_YAML, "        type: GlobalStandard", "        capacity: 1"].join("\n"),
    );
    expect(missing).toMatchObject({ path: ["regions", 0, "deployments", 0, "model"], line: 9, column: 9 });
    const unknown = onlyIssue(`${stringify(validEnvironment())}colour: blue\n`);
    expect(unknown).toMatchObject({
      path: [],
      message: 'unknown key "colour": check the spelling against config/schema.json',
    });
    expect(unknown.line).toBe(stringify(validEnvironment()).split("\n").length);
    expect(unknown.column).toBe(1);
  });

  it("passes on a failure that is not a config problem instead of reporting it as one", () => {
    const dir = environmentDir({});
    mkdirSync(join(dir, "dev.yaml"));
    expect(() => loadEnvironments(dir)).toThrow(/EISDIR/);
  });

  it("says when a directory has no environment to choose from", () => {
    const dir = environmentDir({});
    expect(issuesOf(() => loadEnvironments(dir, ["qa"]))[0]!.message).toBe(
      `unknown environment "qa"; ${dir} has: none`,
    );
  });

  it("reports YAML syntax errors with their line", () => {
    const issue = onlyIssue("name: dev\nowner: team\nregions: [\n");
    // The position is in line and column, not repeated in the message.
    expect(issue.message).toMatch(/^not valid YAML: \S/);
    expect(issue.message).not.toMatch(/at line \d+, column \d+/);
    expect(issue).toMatchObject({ path: [], line: 4, column: 1 });
  });

  it("refuses a key written twice, at the second one, instead of keeping either silently", () => {
    const text = stringify(validEnvironment());
    const lines = text.split("\n").length;
    const issue = onlyIssue(`${text}owner: someone-else@contoso.com\n`);
    expect(issue.message).toBe("not valid YAML: Map keys must be unique");
    expect(issue.path).toEqual([]);
    expect(issue.line).toBe(lines);
  });

  it("reads an empty file as an environment with nothing in it, and says what is missing", () => {
    const issues = issuesOf(() => load({ dev: "" }));
    expect(issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["name", "subscriptionId", "regions"]),
    );
  });

  it("refuses a directory without environment files, naming it", () => {
    const dir = environmentDir({});
    writeFileSync(join(dir, "README.md"), "not an environment");
    expect(issuesOf(() => loadEnvironments(dir))).toEqual([
      { file: dir, path: [], message: "no environment files (<name>.yaml) found" },
    ]);
  });

  it("reads .yml files too, and ignores other files beside them", () => {
    const dir = environmentDir({});
    writeFileSync(join(dir, "dev.yml"), stringify(validEnvironment()));
    writeFileSync(join(dir, "notes.txt"), "name: nope");
    expect([...environmentFiles(dir).keys()]).toEqual(["dev"]);
    expect(loadEnvironments(dir).map((e) => e.config.name)).toEqual(["dev"]);
  });

  it("refuses one environment in two files (dev.yaml and dev.yml) instead of dropping one", () => {
    const dir = environmentDir({ dev: validEnvironment() });
    writeFileSync(join(dir, "dev.yml"), stringify(validEnvironment()));
    expect(issuesOf(() => loadEnvironments(dir))).toEqual([
      {
        file: join(dir, "dev.yml"),
        path: [],
        message: `defines environment dev again, as ${join(dir, "dev.yaml")} does: keep one`,
      },
    ]);
  });

  it("names every unknown key at once when there are several, without guessing", () => {
    const issue = onlyIssue(withDeployment({ colour: "blue", size: 3 }));
    expect(issue.message).toBe(
      'unknown keys "colour", "size": check the spelling against config/schema.json',
    );
    expect(issue.path).toEqual(["regions", 0, "deployments", 0]);
  });

  it("locates a wrong value at its own line and column", () => {
    const issue = onlyIssue(
      [
        ...DEPLOYMENT_YAML,
        "        model: { name: gpt-5.1, version: '2025-11-13' }",
        "        type: GlobalStandard",
        "        capacity: ten",
      ].join("\n"),
    );
    expect(issue).toMatchObject({
      path: ["regions", 0, "deployments", 0, "capacity"],
      value: "ten",
      line: 12,
      column: 19,
    });
  });

  it("reports problems in every file at once", () => {
    const bad = validEnvironment();
    bad.subscriptionId = "x";
    const issues = issuesOf(() => load({ dev: bad, prod: { ...bad, name: "prod" } }));
    expect(issues.map((i) => i.file)).toEqual([
      expect.stringMatching(/dev\.yaml$/),
      expect.stringMatching(/prod\.yaml$/),
    ]);
  });

  it("rejects an unknown environment name, listing the known ones", () => {
    const dir = environmentDir({ dev: validEnvironment() });
    const issues = issuesOf(() => loadEnvironments(dir, ["qa"]));
    expect(issues[0]!.message).toBe(`unknown environment "qa"; ${dir} has: dev`);
  });

  it("loads only the environments asked for", () => {
    const envs = load({ dev: validEnvironment(), prod: { ...validEnvironment(), name: "prod" } }, ["prod"]);
    expect(envs.map((e) => e.config.name)).toEqual(["prod"]);
  });

  it("summarises every problem in the error message", () => {
    const env = validEnvironment() as any;
    env.subscriptionId = "x";
    env.regions[0].deployments[0].capacity = 0;
    try {
      load({ dev: env });
      throw new Error("expected failure");
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as Error).message).toMatch(/invalid configuration \(2 problems\)/);
    }
  });
});
