import fc from "fast-check";
import { checkName, NAME_RULES } from "../../catalog/name-rules";
import { REGIONS } from "../../catalog/regions";
import { nameProblems, regionNames, sharedNames, uniqueSuffix } from "../../estate/naming";

const parts = {
  workload: "aoai",
  environment: "prod",
  subscriptionId: "33333333-3333-3333-3333-333333333333",
};

describe("resource names", () => {
  it("follow <abbreviation>-<workload>-<environment>-<region> with CAF abbreviations", () => {
    const names = regionNames(parts, "sdc", "OpenAI");
    expect(names.resourceGroup.name).toBe("rg-aoai-prod-sdc");
    expect(names.account.name).toMatch(/^oai-aoai-prod-sdc-[0-9a-f]{6}$/);
    expect(names.virtualNetwork.name).toBe("vnet-aoai-prod-sdc");
    expect(names.privateEndpointSubnet.name).toBe("snet-pep");
    expect(names.accountPrivateEndpoint.name).toBe(`pep-${names.account.name}`);
    expect(names.accountNetworkInterface.name).toBe(`nic-pep-${names.account.name}`);
    expect(names.keyVaultPrivateEndpoint.name).toBe(`pep-${names.keyVault.name}`);
    expect(names.keyVaultNetworkInterface.name).toBe(`nic-pep-${names.keyVault.name}`);
    expect(names.storagePrivateEndpoint.name).toBe(`pep-${names.storageAccount.name}`);
    expect(names.storageNetworkInterface.name).toBe(`nic-pep-${names.storageAccount.name}`);
    expect(names.networkSecurityGroup.name).toBe("nsg-pep-aoai-prod-sdc");
    expect(names.keyVault.name).toMatch(/^kv-aoai-prod-sdc-[0-9a-f]{4}$/);
    expect(names.storageAccount.name).toMatch(/^staoaiprodsdc[0-9a-f]{6}$/);
    expect(names.userAssignedIdentity.name).toBe("id-aoai-prod-sdc");
    expect(sharedNames(parts, "sdc")).toEqual({
      resourceGroup: { kind: "resourceGroup", name: "rg-aoai-prod-shared" },
      logAnalyticsWorkspace: { kind: "logAnalyticsWorkspace", name: "log-aoai-prod-sdc" },
    });
  });

  it("use the AI services abbreviation for AIServices accounts", () => {
    expect(regionNames(parts, "sdc", "AIServices").account.name).toMatch(/^ais-aoai-prod-sdc-/);
  });

  it("give globally unique names a suffix that is stable and differs per subscription and region", () => {
    expect(uniqueSuffix(parts, "sdc", 6)).toBe(uniqueSuffix({ ...parts }, "sdc", 6));
    expect(uniqueSuffix(parts, "sdc", 6)).not.toBe(uniqueSuffix(parts, "frc", 6));
    expect(uniqueSuffix(parts, "sdc", 6)).not.toBe(
      uniqueSuffix({ ...parts, subscriptionId: "44444444-4444-4444-4444-444444444444" }, "sdc", 6),
    );
    // The subscription ID's case must not change the account's name (that would replace it); the ID
    // needs hex letters for its case to differ.
    const lettered = { ...parts, subscriptionId: "aaaabbbb-cccc-4ddd-8eee-ffff00001111" };
    expect(
      uniqueSuffix({ ...lettered, subscriptionId: lettered.subscriptionId.toUpperCase() }, "sdc", 6),
    ).toBe(uniqueSuffix(lettered, "sdc", 6));
    // Pinned: the suffix hashes the lower-case ID.
    expect(uniqueSuffix(lettered, "sdc", 6)).toBe("0ffd67");
  });

  it("pins the bundled production account name (a change replaces the account)", () => {
    // Pinned literally: a change to the suffix scheme would rename, and so replace, every account.
    expect(regionNames(parts, "sdc", "OpenAI").account.name).toBe("oai-aoai-prod-sdc-569806");
  });

  it("report the names a long workload and environment push past Azure's limits, and only those", () => {
    const p = { workload: "longworkld", environment: "longenv1", subscriptionId: parts.subscriptionId };
    const names = { ...regionNames(p, "sdc", "OpenAI"), ...sharedNames(p, "sdc") };
    expect(nameProblems(names)).toEqual([
      'key vault name "kv-longworkld-longenv1-sdc-e23b" is 31 characters; Azure allows 3-24',
      'storage account name "stlongworkldlongenv1sdce23bbe" is 29 characters; Azure allows 3-24',
    ]);
    expect(nameProblems({ ...regionNames(parts, "sdc", "OpenAI"), ...sharedNames(parts, "sdc") })).toEqual(
      [],
    );
  });

  it("are valid for every region and every workload and environment the schema allows, or reported", () => {
    const workload = fc.stringMatching(/^[a-z][a-z0-9]{1,9}$/);
    const environment = fc.stringMatching(/^[a-z][a-z0-9]{1,7}$/);
    const region = fc.constantFrom(...[...REGIONS.values()].map((r) => r.shortCode));
    fc.assert(
      fc.property(workload, environment, region, (w, e, code) => {
        const p = { workload: w, environment: e, subscriptionId: parts.subscriptionId };
        const names = { ...regionNames(p, code, "OpenAI"), ...sharedNames(p, code) };
        const problems = nameProblems(names);
        const invalid = Object.values(names).filter((n) => checkName(n.kind, n.name) !== undefined);
        // Every invalid name is reported, and only those.
        expect(problems).toHaveLength(invalid.length);
        // Only the 24-character global names can overflow within the schema's limits.
        for (const n of invalid) expect(["keyVault", "storageAccount"]).toContain(n.kind);
      }),
    );
  });
});

describe("name rules", () => {
  it.each([
    ["storageAccount", "st-has-hyphen", /lower-case letters and digits only/],
    ["storageAccount", "s".repeat(25), /25 characters; Azure allows 3-24/],
    ["keyVault", "kv--double", /no '--'/],
    ["keyVault", "1kv", /starts with a letter/],
    ["openAiAccount", "oai-ends-", /starts and ends with a letter or digit/],
    ["resourceGroup", "rg-ends-with.", /cannot end with '.'/],
    ["logAnalyticsWorkspace", "log", /3 characters; Azure allows 4-63/],
  ] as const)("reject %s name %p", (kind, name, message) => {
    expect(checkName(kind, name)).toMatch(message);
  });

  it("accept names at the length limits", () => {
    for (const [kind, rule] of Object.entries(NAME_RULES)) {
      const name = (kind === "keyVault" ? "k" : "a").repeat(rule.max);
      expect(checkName(kind as keyof typeof NAME_RULES, name)).toBeUndefined();
    }
  });
});
