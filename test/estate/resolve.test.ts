import { resolveEstate } from "../../estate/resolve";
import { issuesOf, load, resolveObjects, validEnvironment } from "../helpers";

const DEPLOYER = "0d4f5162-7e80-4f91-9c23-d4e5f6071829";
const resolve = (...envs: Record<string, unknown>[]) => resolveObjects(envs);

describe("resolving an environment", () => {
  it("names stacks <env>-shared and <env>-<region>", () => {
    const env = validEnvironment() as any;
    env.regions.push({
      location: "francecentral",
      network: { addressSpace: "10.31.0.0/24", privateEndpointSubnet: "10.31.0.0/27" },
    });
    const [dev] = resolve(env).environments;
    expect(dev!.shared.stackName).toBe("dev-shared");
    expect(dev!.regions.map((r) => r.stackName)).toEqual(["dev-swedencentral", "dev-francecentral"]);
  });

  it("places shared resources in the first region unless primaryRegion says otherwise", () => {
    const env = validEnvironment() as any;
    env.regions.push({
      location: "francecentral",
      network: { addressSpace: "10.31.0.0/24", privateEndpointSubnet: "10.31.0.0/27" },
    });
    expect(resolve(env).environments[0]!.shared.location).toBe("swedencentral");
    env.primaryRegion = "francecentral";
    const shared = resolve(env).environments[0]!.shared;
    expect(shared.location).toBe("francecentral");
    expect(shared.logAnalytics.name).toBe("log-aoai-dev-frc");
  });

  it("rejects a primary region that is not one of the environment's regions", () => {
    const env = validEnvironment();
    env.primaryRegion = "francecentral";
    const [issue] = issuesOf(() => resolve(env));
    expect(issue!.path).toEqual(["primaryRegion"]);
    expect(issue!.message).toMatch(/must be one of the environment's regions: swedencentral/);
  });

  it("keeps deployments in config order with every setting explicit", () => {
    const env = validEnvironment() as any;
    env.regions[0].deployments.push({
      name: "embed",
      model: { name: "text-embedding-3-large", version: "1" },
      type: "Standard",
      capacity: 5,
      versionUpgrade: "OnceCurrentVersionExpired",
      contentFilter: "strict",
    });
    env.contentFilters = { strict: { preset: "strict" } };
    const account = resolve(env).environments[0]!.regions[0]!.account;
    expect(account.customSubdomainName).toBe(account.name);
    expect(account.deployments).toEqual([
      {
        name: "chat",
        model: { format: "OpenAI", name: "gpt-5.1", version: "2025-11-13" },
        type: "GlobalStandard",
        capacity: 10,
        versionUpgradeOption: "NoAutoUpgrade",
        raiPolicyName: "Microsoft.DefaultV2",
        catalog: {
          capability: "reasoning",
          lifecycle: { status: "GA", retires: "2027-05-15" },
          unit: "1K TPM",
        },
      },
      {
        name: "embed",
        model: { format: "OpenAI", name: "text-embedding-3-large", version: "1" },
        type: "Standard",
        capacity: 5,
        versionUpgradeOption: "OnceCurrentVersionExpired",
        raiPolicyName: "strict",
        catalog: {
          capability: "embeddings",
          lifecycle: { status: "GA", retires: "2027-04-15" },
          unit: "1K TPM",
        },
      },
    ]);
  });

  it("merges the platform's tags over the config's", () => {
    const env = validEnvironment();
    env.tags = { "data-classification": "internal" };
    expect(resolve(env).environments[0]!.tags).toEqual({
      "data-classification": "internal",
      environment: "dev",
      workload: "aoai",
      owner: "team@contoso.com",
      "cost-center": "CC-1",
      "managed-by": "azure-openai-platform",
    });
  });

  it("refuses a config tag that would override a platform tag, whatever its case", () => {
    const env = validEnvironment();
    env.tags = { Owner: "someone-else" };
    const [issue] = issuesOf(() => resolve(env));
    expect(issue!.path).toEqual(["tags", "Owner"]);
    expect(issue!.message).toBe(
      '"Owner" is set by the platform from the environment (environment, workload, owner, cost-center, managed-by); remove it from tags',
    );
    expect(issue!.line).toBeGreaterThan(0);
  });

  it("refuses more tags than a private DNS zone takes", () => {
    const env = validEnvironment();
    env.tags = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`t${i}`, "x"]));
    expect(issuesOf(() => resolve(env))[0]!.message).toBe(
      "16 tags in all; at most 15 (private DNS zones take no more), of which 5 are the platform's",
    );
    env.tags = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`t${i}`, "x"]));
    expect(Object.keys(resolve(env).environments[0]!.tags)).toHaveLength(15);
  });

  it("reports a derived name that breaks Azure's rules, with the fix", () => {
    const env = validEnvironment() as any;
    env.workload = "longworkld";
    env.name = "longenv1";
    const issues = issuesOf(() => resolveEstate(load({ longenv1: env })));
    expect(issues.map((i) => i.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /key vault name "kv-longworkld-longenv1-sdc-[0-9a-f]{4}" is \d+ characters; Azure allows 3-24: shorten workload or the environment name/,
        ),
      ]),
    );
    expect(issues[0]!.path).toEqual(["regions", 0, "location"]);
  });

  it("marks protected environments, and only those", () => {
    const env = validEnvironment();
    env.protected = true;
    env.customerManagedKey = { keyAdministrators: [{ objectId: DEPLOYER, displayName: "sp-deploy" }] };
    expect(resolve(env).environments[0]!.protected).toBe(true);
    expect(resolve(validEnvironment()).environments[0]!.protected).toBe(false);
  });

  it("alerts on PTU utilization when the account has provisioned deployments, and on usage of pay-per-token ones", () => {
    const env = validEnvironment() as any;
    const chat = env.regions[0].deployments[0];
    env.regions[0].deployments = [
      { ...chat, name: "ptu", type: "GlobalProvisionedManaged", capacity: 15 },
      { ...chat, name: "batch", type: "GlobalBatch", capacity: 100 },
      { ...chat, name: "paygo", type: "GlobalStandard", capacity: 10 },
    ];
    const account = resolve(env).environments[0]!.regions[0]!.account;
    // PTUs and enqueued batch tokens are not K tokens per minute: no usage alert for them.
    expect(account.alerted).toEqual({ provisioned: true, usage: [{ name: "paygo", capacityK: 10 }] });
    expect(resolve(validEnvironment()).environments[0]!.regions[0]!.account.alerted).toEqual({
      provisioned: false,
      usage: [{ name: "chat", capacityK: 10 }],
    });
  });

  it("records the region's data zone", () => {
    const env = validEnvironment() as any;
    env.regions = [
      { location: "eastus2", network: { addressSpace: "10.1.0.0/24", privateEndpointSubnet: "10.1.0.0/27" } },
      { location: "uksouth", network: { addressSpace: "10.2.0.0/24", privateEndpointSubnet: "10.2.0.0/27" } },
    ];
    const regions = resolve(env).environments[0]!.regions;
    expect(regions.map((r) => [r.shortCode, r.dataZone])).toEqual([
      ["eus2", "US"],
      ["uks", undefined],
    ]);
  });
});

describe("an adopted account", () => {
  const adopting = (adopt: object) => {
    const env = validEnvironment() as any;
    env.regions[0].adopt = adopt;
    return env;
  };

  it("keeps its names, its subdomain defaulting to its name, and the derived resource group unless given", () => {
    const region = resolve(adopting({ accountName: "contoso-openai" })).environments[0]!.regions[0]!;
    expect(region.account.name).toBe("contoso-openai");
    expect(region.account.customSubdomainName).toBe("contoso-openai");
    expect(region.resourceGroupName).toBe("rg-aoai-dev-sdc");
    const all = resolve(
      adopting({
        accountName: "contoso-openai",
        customSubdomainName: "contoso-ai",
        resourceGroupName: "rg-ai",
      }),
    ).environments[0]!.regions[0]!;
    expect([all.account.customSubdomainName, all.resourceGroupName]).toEqual(["contoso-ai", "rg-ai"]);
  });

  it("has each adopted name checked at its own key", () => {
    const problems = issuesOf(() =>
      resolve(
        adopting({ accountName: "ok-name", customSubdomainName: "Bad_Sub", resourceGroupName: "rg ai?" }),
      ),
    ).map((i) => [i.path.join("."), i.value]);
    expect(problems).toEqual([
      ["regions.0.adopt.resourceGroupName", "rg ai?"],
      ["regions.0.adopt.customSubdomainName", "Bad_Sub"],
    ]);
  });
});

describe("what an environment resolves to", () => {
  const one = (extra: Record<string, unknown> = {}) =>
    resolve({ ...validEnvironment(), ...extra }).environments[0]!;
  const SUB = "11111111-1111-1111-1111-111111111111";

  it("notifies an action group named after it, with a short name of at most 12 characters, only with e-mails", () => {
    // Key vault names keep workload and environment to 11 characters together, inside the 12.
    expect(
      one({ workload: "aoaiplat", monitoring: { emails: ["ops@contoso.com"] } }).shared.actionGroup,
    ).toEqual({
      name: "ag-aoaiplat-dev",
      shortName: "aoaiplatdev",
      emails: ["ops@contoso.com"],
    });
    expect(one().shared.actionGroup).toBeUndefined();
  });

  it("carries every alert threshold, defaults and overrides", () => {
    expect(one({ monitoring: { alerts: { throttledRequests: 50 } } }).alertThresholds).toEqual({
      throttledRequests: 50,
      availabilityPercent: 99,
      timeToResponseMs: 10_000,
      provisionedUtilizationPercent: 90,
      tokenUsagePercent: 90,
    });
  });

  it("keeps Azure state in the first region unless told, and knows its container's ID for the CI roles", () => {
    const backend = {
      resourceGroupName: "rg-tfstate",
      storageAccountName: "sttfstate001",
      containerName: "tfstate",
    };
    expect(one({ stateBackend: backend }).stateBackend).toEqual({
      type: "azurerm",
      ...backend,
      location: "swedencentral",
      containerScopeId: `/subscriptions/${SUB}/resourceGroups/rg-tfstate/providers/Microsoft.Storage/storageAccounts/sttfstate001/blobServices/default/containers/tfstate`,
    });
    expect(one({ stateBackend: { ...backend, location: "francecentral" } }).stateBackend).toMatchObject({
      location: "francecentral",
    });
    expect(one({ stateBackend: { type: "hcp", organization: "contoso" } }).stateBackend).toEqual({
      type: "hcp",
      organization: "contoso",
      hostname: "app.terraform.io",
      workspacePrefix: "",
    });
    expect(one().stateBackend).toBeUndefined();
  });

  it("records the DNS mode, with the zone IDs in existing mode only", () => {
    expect(one().dns).toEqual({ mode: "managed" });
    const SUBNET_ID =
      "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/snet-pe";
    const lz = (dns: Record<string, unknown>) =>
      one({
        network: { mode: "landingZone", dns },
        regions: [
          { location: "swedencentral", network: { privateEndpointSubnetId: SUBNET_ID }, deployments: [] },
        ],
      }).dns;
    expect(lz({ mode: "policy" })).toEqual({ mode: "policy" });
    const zoneIds = Object.fromEntries(
      ["privatelink.openai.azure.com", "privatelink.cognitiveservices.azure.com"].map((z) => [
        z,
        `/subscriptions/${SUB}/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/${z}`,
      ]),
    );
    expect(lz({ mode: "existing", zoneIds })).toEqual({ mode: "existing", zoneIds });
  });

  it("lets clients and the VNet itself reach the endpoints through the NSG", () => {
    const region = one({ network: { clientRanges: ["192.168.0.0/16"] } }).regions[0]!;
    expect(region.network).toMatchObject({
      networkSecurityGroup: { allowedInboundRanges: ["10.30.0.0/24", "192.168.0.0/16"] },
    });
  });

  it("gives fine-tuning storage its containers and a blob endpoint in the blob zone, or none under DNS policy", () => {
    const e = validEnvironment() as any;
    e.regions[0].fineTuning = { baseModels: ["gpt-4.1-mini"], containers: ["train", "eval"] };
    const ft = one(e).regions[0]!.fineTuning!;
    expect(ft.containers).toEqual(["train", "eval"]);
    expect(ft.privateEndpoint.zoneNames).toEqual(["privatelink.blob.core.windows.net"]);
  });

  it("reports too many tags at tags itself", () => {
    const env = validEnvironment();
    env.tags = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`t${i}`, "x"]));
    expect(issuesOf(() => resolve(env))[0]!.path).toEqual(["tags"]);
  });
});

describe("environments together", () => {
  it("refuses two environments of one name loaded from different directories, naming the other file", () => {
    const dev = validEnvironment();
    const [issue] = issuesOf(() => resolveEstate([...load({ dev }), ...load({ dev })]));
    expect(issue!.path).toEqual(["name"]);
    expect(issue!.message).toMatch(/^environment name also used by .*dev\.yaml$/);
  });

  it("treats one subscription written in two cases as one, for Defender and for grants", () => {
    const principal = { objectId: "aaaabbbb-cccc-4ddd-8eee-ffff00001111", type: "Group", displayName: "ops" };
    const grant = (objectId: string) => [
      { name: "ops", principal: { ...principal, objectId }, roles: ["Reader"], scope: "environment" },
    ];
    const dev = {
      ...validEnvironment(),
      subscriptionId: "aaaa1111-bbbb-4ccc-8ddd-eeee22223333",
      defenderForAI: true,
      azurePolicy: { assign: false },
      access: grant(principal.objectId),
    };
    const test = {
      ...dev,
      name: "test",
      subscriptionId: dev.subscriptionId.toUpperCase(),
      access: grant(principal.objectId.toUpperCase()),
    };
    const found = issuesOf(() => resolve(dev, test)).map((i) => [i.path.join("."), i.message]);
    expect(found).toEqual([
      [
        "defenderForAI",
        expect.stringMatching(/^the subscription's Defender for AI plan is already managed by .*dev\.yaml/),
      ],
      ["access", expect.stringMatching(/^ops already holds Reader on this subscription through .*dev\.yaml/)],
    ]);
  });
});
