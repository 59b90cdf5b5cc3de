/**
 * Workloads through the estate: placed inside their boundary and quota, written as deployments (in new
 * regions from the address pool when needed), and infeasible demands refused before synth with the
 * constraint and the numbers.
 */
import { grantedQuota, problemsOf, resolveObjects, validEnvironment } from "../../helpers";

const TODAY = { today: "2026-12-02" };
const workload = (w: Record<string, unknown> = {}) => ({
  name: "reasoning",
  model: { name: "gpt-5.1", version: "2025-11-13" },
  demand: 200,
  boundary: "EU",
  ...w,
});
/** validEnvironment with a second EU region, no hand-placed deployments, and these workloads. */
function env(workloads: unknown[], extra: Record<string, unknown> = {}) {
  const e = validEnvironment() as any;
  e.regions[0].deployments = [];
  e.regions.push({
    location: "francecentral",
    network: { addressSpace: "10.31.0.0/24", privateEndpointSubnet: "10.31.0.0/27" },
  });
  return { ...e, workloads, ...extra };
}
const placed = (e: Record<string, unknown>) => resolveObjects([e], TODAY).environments[0]!;

describe("workloads", () => {
  it("become deployments of the workload's name in each placed region, and record the placement", () => {
    const estate = placed(env([workload({ strategy: "active-active" })]));
    const chat = estate.regions.map((r) => [
      r.location,
      r.account.deployments.map((d) => [d.name, d.type, d.capacity]),
    ]);
    expect(chat).toEqual([
      ["swedencentral", [["reasoning", "DataZoneStandard", 100]]],
      ["francecentral", [["reasoning", "DataZoneStandard", 100]]],
    ]);
    expect(estate.workloads[0]).toMatchObject({
      strategy: "active-active",
      minimumShare: 0.5,
      worstLoss: { remaining: 100 },
    });
    expect(estate.workloads[0]!.targets.map((t) => t.endpoint)).toEqual(
      estate.regions.map((r) => `https://${r.account.customSubdomainName}.openai.azure.com/`),
    );
  });

  it("count what the subscription already places against the quota", () => {
    const e = env([workload({ demand: 300, regions: ["swedencentral"], strategy: "single" })]);
    e.regions[0].deployments = [
      {
        name: "chat",
        model: { name: "gpt-5.1", version: "2025-11-13" },
        type: "DataZoneStandard",
        capacity: 100,
      },
    ];
    expect(problemsOf([e], TODAY)).toEqual([
      {
        path: "workloads.0.demand",
        message:
          "needs 300 1K TPM of gpt-5.1 in one region; the most any EU region has left is 200 (swedencentral 200): lower demand, declare granted quota under quotas:, or use spread",
      },
    ]);
  });

  it("refuse a demand beyond the boundary's quota, naming the quota and the shortfall", () => {
    expect(problemsOf([env([workload({ demand: 700, types: ["DataZoneStandard"] })])], TODAY)).toEqual([
      {
        path: "workloads.0.demand",
        message:
          "the EU boundary offers 600 1K TPM of gpt-5.1 DataZoneStandard quota (swedencentral 300, francecentral 300); the demand needs 700: declare granted quota under quotas:, allow more regions or types, or lower demand",
      },
    ]);
  });

  it("refuse a model offered in no region of the boundary, saying where each candidate fell short", () => {
    // gpt-5.4-mini is Global standard only in the catalog: no data-zone or regional offer in the EU.
    expect(
      problemsOf([env([workload({ model: { name: "gpt-5.4-mini", version: "2026-03-17" } })])], TODAY),
    ).toEqual([
      {
        path: "workloads.0",
        message:
          "gpt-5.4-mini 2026-03-17 is offered in no EU region as DataZoneStandard or Standard (swedencentral: gpt-5.4-mini is not offered here as DataZoneStandard or Standard; francecentral: gpt-5.4-mini is not offered here as DataZoneStandard or Standard)",
      },
    ]);
  });

  it("refuse a failover requirement one region cannot meet", () => {
    expect(
      problemsOf([env([workload({ regions: ["swedencentral"], strategy: "primary-secondary" })])], TODAY),
    ).toEqual([
      {
        path: "workloads.0.demand",
        message:
          "losing any one region must keep 100% of 200 1K TPM, but the candidates can only place 0 of 200 that way (swedencentral 300 available): add regions, or declare granted quota under quotas:",
      },
    ]);
  });

  it("keep data in the boundary: no Global type, no region outside it", () => {
    expect(problemsOf([env([workload({ types: ["GlobalStandard"] })])], TODAY)[0]?.message).toBe(
      "GlobalStandard processes data anywhere: it is outside the EU boundary",
    );
    expect(problemsOf([env([workload({ regions: ["eastus2"] })])], TODAY)[0]).toEqual({
      path: "workloads.0.regions.0",
      message: expect.stringMatching(/^is outside the EU boundary/),
    });
  });

  it("refuse a model not in the catalog, and a mix of provisioned and standard types", () => {
    expect(problemsOf([env([workload({ model: { name: "gpt-9", version: "2030-01-01" } })])], TODAY)).toEqual(
      [{ path: "workloads.0.model", message: "gpt-9 2030-01-01 is not in the model catalog" }],
    );
    expect(
      problemsOf([env([workload({ types: ["DataZoneStandard", "DataZoneProvisionedManaged"] })])], TODAY),
    ).toEqual([
      {
        path: "workloads.0.types",
        message: "mixes provisioned and standard types: one demand cannot be both PTUs and tokens per minute",
      },
    ]);
  });

  it("refuse a workload whose name a region already uses for a deployment", () => {
    const e = env([workload({ name: "chat" })]);
    e.regions[1].deployments = [
      {
        name: "Chat",
        model: { name: "gpt-5.1", version: "2025-11-13" },
        type: "DataZoneStandard",
        capacity: 10,
      },
    ];
    expect(problemsOf([e], TODAY)).toEqual([
      {
        path: "workloads.0.name",
        message: "francecentral already has a deployment named chat: rename the workload or the deployment",
      },
    ]);
  });

  it("pass over a region outside regions: without an address pool, saying why", () => {
    const e = env([workload({ regions: ["germanywestcentral", "swedencentral"], strategy: "single" })]);
    const w = placed(e).workloads[0]!;
    expect(w.regions.map((r) => r.region)).not.toContain("germanywestcentral");
    expect(w.passedOver).toContainEqual({
      region: "germanywestcentral",
      why: "not in regions: and no network.addressPool",
    });
  });

  it("refuse to add a region when the address pool has no /22 left outside the peers", () => {
    const model = { name: "gpt-5-mini", version: "2025-08-07" };
    const e = env([workload({ model, demand: 800, types: ["DataZoneStandard"] })], {
      network: { addressPool: "10.60.0.0/22", peerRanges: ["10.60.0.0/22"] },
    });
    expect(problemsOf([e], TODAY)).toEqual([
      {
        path: "workloads.0",
        message: "network.addressPool 10.60.0.0/22 has no free /22 left for germanywestcentral",
      },
    ]);
  });

  it("add a region from network.addressPool when the listed ones are not enough", () => {
    // gpt-5-mini: 300K TPM of data-zone quota per region by default, offered in seven EU regions.
    const model = { name: "gpt-5-mini", version: "2025-08-07" };
    const e = env([workload({ model, demand: 800, types: ["DataZoneStandard"] })], {
      network: { addressPool: "10.60.0.0/16", peerRanges: ["10.60.0.0/22"] },
    });
    const estate = placed(e);
    const added = estate.workloads[0]!.regions.filter((r) => r.added);
    // The listed regions hold 600; one region from the pool (the boundary's first, alphabetically) adds the rest.
    expect(estate.workloads[0]!.regions.map((r) => [r.region, r.capacity, r.added])).toEqual([
      ["swedencentral", 267, false],
      ["francecentral", 267, false],
      ["germanywestcentral", 266, true],
    ]);
    expect(estate.regions.map((r) => r.location)).toEqual([
      "swedencentral",
      "francecentral",
      "germanywestcentral",
    ]);
    const region = estate.regions.find((r) => r.location === added[0]!.region)!;
    // The first /22 of the pool overlaps a peer range, so the next one is taken; the region is a stack.
    expect(region.network).toMatchObject({
      virtualNetwork: { addressSpace: "10.60.4.0/22" },
      privateEndpointSubnet: { addressPrefix: "10.60.4.0/26" },
    });
    expect(region.stackName).toBe("dev-germanywestcentral");
    expect(estate.workloads[0]!.regions.reduce((s, r) => s + r.capacity, 0)).toBe(800);
  });
});

describe("workloads: what placement records and where it draws the line", () => {
  const dzs = (name: string, capacity: number) => ({
    name,
    model: { name: "gpt-5.1", version: "2025-11-13" },
    type: "DataZoneStandard",
    capacity,
  });

  it("records what each placed region had, and why the others were passed over", () => {
    // swedencentral has 250 of its 300 left; francecentral all 300; single needs 280 in one region.
    const e = env([workload({ demand: 280, strategy: "single" })]);
    e.regions[0].deployments = [dzs("chat", 50)];
    const w = placed(e).workloads[0]!;
    expect(w.regions).toEqual([
      {
        region: "francecentral",
        capacity: 280,
        role: "active",
        type: "DataZoneStandard",
        available: 300,
        quota: 300,
        added: false,
      },
    ]);
    expect(w.passedOver).toEqual([{ region: "swedencentral", why: "not needed" }]);
    expect(w.worstLoss).toBeUndefined();
    expect(w.unit).toBe("1K TPM");
  });

  it("says a region's quota is used up, with the numbers", () => {
    const e = env([workload({ demand: 100, strategy: "single" })]);
    e.regions[0].deployments = [dzs("chat", 300)];
    expect(placed(e).workloads[0]!.passedOver).toEqual([
      { region: "swedencentral", why: "no quota left (0 of 300)" },
    ]);
  });

  it("names the region whose loss costs most, and what remains", () => {
    // swedencentral can take only 50, so francecentral holds the larger part.
    const e = env([workload({ demand: 200, strategy: "spread" })]);
    e.regions[0].deployments = [dzs("chat", 250)];
    const w = placed(e).workloads[0]!;
    expect(w.regions.map((r) => [r.region, r.capacity, r.available])).toEqual([
      ["swedencentral", 50, 50],
      ["francecentral", 150, 300],
    ]);
    expect(w.worstLoss).toEqual({ region: "francecentral", remaining: 50 });
    // Clients try the larger region first.
    expect(w.targets.map((t) => [t.region, t.role, t.capacity])).toEqual([
      ["francecentral", "active", 150],
      ["swedencentral", "active", 50],
    ]);
  });

  it("puts the primary first for clients, then the standby", () => {
    const w = placed(env([workload({ demand: 100, strategy: "primary-secondary" })])).workloads[0]!;
    expect(w.targets.map((t) => [t.region, t.role, t.deployment])).toEqual([
      ["swedencentral", "primary", "reasoning"],
      ["francecentral", "secondary", "reasoning"],
    ]);
    expect(w.worstLoss).toEqual({ region: "swedencentral", remaining: 100 });
  });

  it("keeps the preference order between regions of equal capacity", () => {
    const w = placed(env([workload({ demand: 200, regions: ["francecentral", "swedencentral"] })]))
      .workloads[0]!;
    expect(w.targets.map((t) => t.region)).toEqual(["francecentral", "swedencentral"]);
  });

  it("takes the share to keep from failover.minimumShare", () => {
    const w = placed(
      env([workload({ demand: 100, strategy: "active-active", failover: { minimumShare: 30 } })]),
    ).workloads[0]!;
    expect(w.minimumShare).toBe(0.3);
    expect(w.regions.every((r) => r.capacity <= 70)).toBe(true);
  });

  it("uses Global types first for a Global workload, and refuses every Global type inside EU", () => {
    const w = placed(env([workload({ boundary: "Global", demand: 100, strategy: "single" })])).workloads[0]!;
    expect(w.regions.map((r) => [r.region, r.type, r.quota])).toEqual([
      ["swedencentral", "GlobalStandard", 1000],
    ]);
    for (const type of ["GlobalProvisionedManaged", "GlobalBatch"])
      expect(problemsOf([env([workload({ types: [type] })])], TODAY)).toEqual([
        {
          path: "workloads.0.types",
          message: `${type} processes data anywhere: it is outside the EU boundary`,
        },
      ]);
  });

  it("says so when the boundary holds none of the environment's regions", () => {
    expect(problemsOf([env([workload({ boundary: "US" })])], TODAY)).toEqual([
      {
        path: "workloads.0",
        message: "gpt-5.1 2025-11-13 is offered in no US region as DataZoneStandard or Standard",
      },
    ]);
  });

  it("places provisioned demand in PTUs, at the model's minimum and step, against declared quota", () => {
    const quotas = [grantedQuota("DataZoneProvisionedManaged", 100), grantedQuota("ProvisionedManaged", 200)];
    const ptu = (types: string[], demand: number) =>
      placed(env([workload({ types, demand, strategy: "single", regions: ["swedencentral"] })], { quotas }))
        .workloads[0]!;
    const dataZone = ptu(["DataZoneProvisionedManaged"], 12);
    expect(dataZone.unit).toBe("PTU");
    expect(dataZone.regions.map((r) => [r.type, r.capacity, r.quota])).toEqual([
      ["DataZoneProvisionedManaged", 15, 100],
    ]);
    // Regional PTUs: at least 50, in steps of 50.
    expect(ptu(["ProvisionedManaged"], 60).regions.map((r) => [r.type, r.capacity])).toEqual([
      ["ProvisionedManaged", 100],
    ]);
  });

  it("passes over a region with no known quota for the type, saying where to declare it", () => {
    expect(
      problemsOf(
        [env([workload({ types: ["DataZoneProvisionedManaged"], regions: ["swedencentral"] })])],
        TODAY,
      ),
    ).toEqual([
      {
        path: "workloads.0",
        message:
          "gpt-5.1 2025-11-13 is offered in no EU region as DataZoneProvisionedManaged (swedencentral: no known quota for gpt-5.1 DataZoneProvisionedManaged: declare it under quotas:)",
      },
    ]);
  });

  it("in a landing zone, passes over regions it does not have: it cannot add networks there", () => {
    const e = env(
      [workload({ demand: 100, strategy: "single", regions: ["swedencentral", "francecentral"] })],
      {
        network: { mode: "landingZone", dns: { mode: "policy" } },
      },
    );
    e.regions = [
      {
        location: "swedencentral",
        network: {
          privateEndpointSubnetId:
            "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-spoke/providers/Microsoft.Network/virtualNetworks/vnet-spoke/subnets/snet-pe",
        },
        deployments: [],
      },
    ];
    expect(placed(e).workloads[0]!.passedOver).toEqual([
      { region: "francecentral", why: "not in regions: (landing zone)" },
    ]);
  });

  it("passes over an account at Azure's deployment limit", () => {
    const e = env([workload({ demand: 100, strategy: "single" })]);
    e.regions[0].deployments = Array.from({ length: 32 }, (_, i) => ({
      ...dzs(`d${i}`, 1),
      model: { name: "gpt-5-nano", version: "2025-08-07" },
    }));
    const w = placed(e).workloads[0]!;
    expect(w.regions.map((r) => r.region)).toEqual(["francecentral"]);
    expect(w.passedOver).toContainEqual({
      region: "swedencentral",
      why: "its account has 32 deployments, Azure's limit",
    });
  });

  /** 500 of gpt-5-mini: more than swedencentral holds, so germanywestcentral is added from the pool. */
  const addingGermany = (addressPool: string) =>
    placed(
      env(
        [
          workload({
            demand: 500,
            regions: ["swedencentral", "germanywestcentral"],
            model: { name: "gpt-5-mini", version: "2025-08-07" },
          }),
        ],
        { network: { addressPool } },
      ),
    );
  const germany = (estate: ReturnType<typeof placed>) =>
    estate.regions.find((r) => r.location === "germanywestcentral")!.network;

  it("adds the last listed region outside the environment when every one is needed", () => {
    const estate = addingGermany("10.60.0.0/22");
    expect(estate.workloads[0]!.regions.map((r) => [r.region, r.added])).toEqual([
      ["swedencentral", false],
      ["germanywestcentral", true],
    ]);
    // A pool of exactly one /22 gives that /22.
    expect(germany(estate)).toMatchObject({ virtualNetwork: { addressSpace: "10.60.0.0/22" } });
  });

  it("keeps an added region's /22 clear of the environment's own VNets", () => {
    // 10.30.0.0/22 holds swedencentral's 10.30.0.0/24.
    expect(germany(addingGermany("10.30.0.0/16"))).toMatchObject({
      virtualNetwork: { addressSpace: "10.30.4.0/22" },
    });
  });
});
