/**
 * Deployments against the model catalog: each rule fails a bad config with its message and location,
 * and passes a good one. Lifecycle is judged on 2026-11-30.
 */
import { modelFacts } from "../../catalog/models";
import { liveReplacement } from "../../estate/model-checks";
import { resolveEstate } from "../../estate/resolve";
import { grantedQuota, load, problemsOf, resolveObjects, validEnvironment } from "../helpers";

const TODAY = "2026-11-30";
type Deployment = Record<string, unknown>;
const chat = (extra: Deployment = {}): Deployment => ({
  name: "chat",
  model: { name: "gpt-5.1", version: "2025-11-13" },
  type: "GlobalStandard",
  capacity: 10,
  ...extra,
});

function env(
  deployments: Deployment[],
  region: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) {
  const e = validEnvironment() as any;
  Object.assign(e.regions[0], { deployments, ...region });
  return { ...e, ...extra };
}
const resolve = (...envs: Record<string, unknown>[]) => resolveObjects(envs, { today: TODAY });
const problems = (...envs: Record<string, unknown>[]) => problemsOf(envs, { today: TODAY });
const ok = (...envs: Record<string, unknown>[]) => expect(() => resolve(...envs)).not.toThrow();

describe("model and version", () => {
  it("accept a catalogued model and version", () => ok(env([chat()])));

  it("suggest the model meant when a name is a typo of one with the same numbers", () => {
    expect(problems(env([chat({ model: { name: "gpt5.1", version: "2025-11-13" } })]))).toEqual([
      expect.objectContaining({
        path: "regions.0.deployments.0.model.name",
        message: "is not in the model catalog (catalog/models.ts): did you mean gpt-5.1?",
      }),
    ]);
  });

  it("reject a model the catalog does not know, listing known ones", () => {
    expect(problems(env([chat({ model: { name: "gpt-6", version: "2027-01-01" } })]))).toEqual([
      {
        path: "regions.0.deployments.0.model.name",
        message: expect.stringMatching(/^is not in the model catalog .*known: .*gpt-5\.1/),
      },
    ]);
  });

  it("reject an unknown version, listing the known ones", () => {
    expect(problems(env([chat({ model: { name: "gpt-5.1", version: "2025-01-01" } })]))).toEqual([
      {
        path: "regions.0.deployments.0.model.version",
        message:
          "is not a version of gpt-5.1 in the catalog; known: 2025-11-13. A version newer than the catalog is deployed with uncatalogued: { reason }",
      },
    ]);
  });
});

describe("regional availability", () => {
  it("rejects a type the model is not offered as", () => {
    expect(
      problems(
        env([chat({ model: { name: "gpt-image-2", version: "2026-04-21" }, type: "DataZoneStandard" })]),
      ),
    ).toEqual([
      {
        path: "regions.0.deployments.0.type",
        message:
          "gpt-image-2 2026-04-21 is not offered as DataZoneStandard; it is offered as: GlobalStandard",
      },
    ]);
  });

  it("rejects a region the type does not offer, naming regions in the same data zone", () => {
    const images = {
      name: "images",
      model: { name: "gpt-image-1.5", version: "2025-12-16" },
      type: "DataZoneStandard",
      capacity: 1,
    };
    const frc = {
      location: "francecentral",
      network: { addressSpace: "10.31.0.0/24", privateEndpointSubnet: "10.31.0.0/27" },
    };
    expect(problems(env([images], frc))).toEqual([
      {
        path: "regions.0.deployments.0.type",
        message:
          "gpt-image-1.5 2025-12-16 is not offered as DataZoneStandard in francecentral; as DataZoneStandard in the EU data zone: polandcentral, swedencentral",
      },
    ]);
    ok(env([images]));
  });

  it("says when a data-zone type is not offered in the region's zone at all, rather than naming other zones", () => {
    expect(
      problems(env([chat({ model: { name: "gpt-5.2", version: "2025-12-11" }, type: "DataZoneStandard" })])),
    ).toEqual([
      {
        path: "regions.0.deployments.0.type",
        message:
          "gpt-5.2 2025-12-11 is not offered as DataZoneStandard in swedencentral; swedencentral offers it as GlobalStandard, GlobalProvisionedManaged, DataZoneProvisionedManaged; as DataZoneStandard it is not offered in the EU data zone at all",
      },
    ]);
  });

  it("rejects data-zone types in a region outside any data zone", () => {
    const uks = { location: "uksouth" };
    expect(problems(env([chat({ type: "DataZoneStandard" })], uks))).toEqual([
      {
        path: "regions.0.deployments.0.type",
        message: "uksouth is in no Microsoft data zone (US or EU), so it has no DataZoneStandard deployments",
      },
    ]);
    ok(env([chat({ type: "DataZoneStandard" })]));
  });

  it("explains DeveloperTier before anything else runs", () => {
    expect(problems(env([chat({ type: "DeveloperTier" })]))).toEqual([
      {
        path: "regions.0.deployments.0.type",
        message: expect.stringMatching(/^DeveloperTier is for fine-tuned model evaluation only/),
      },
    ]);
  });
});

describe("capacity", () => {
  it.each([
    [
      "GlobalProvisionedManaged",
      10,
      "GlobalProvisionedManaged gpt-5.1 in swedencentral takes at least 15 PTUs, in steps of 5 (15, 20, 25, ...)",
    ],
    [
      "GlobalProvisionedManaged",
      17,
      "GlobalProvisionedManaged gpt-5.1 in swedencentral takes at least 15 PTUs, in steps of 5 (15, 20, 25, ...)",
    ],
    [
      "ProvisionedManaged",
      60,
      "ProvisionedManaged gpt-5.1 in swedencentral takes at least 50 PTUs, in steps of 50 (50, 100, 150, ...)",
    ],
  ])("rejects %s with %i PTUs", (type, capacity, message) => {
    expect(problems(env([chat({ type, capacity })]))).toEqual([
      { path: "regions.0.deployments.0.capacity", message },
    ]);
  });

  it.each([
    ["GlobalProvisionedManaged", 20],
    ["DataZoneProvisionedManaged", 15],
    ["ProvisionedManaged", 100],
  ])("accepts %s with %i PTUs", (type, capacity) => ok(env([chat({ type, capacity })])));

  it("caps a deployment at 100,000 PTUs", () => {
    expect(problems(env([chat({ type: "GlobalProvisionedManaged", capacity: 100_005 })]))).toEqual([
      { path: "regions.0.deployments.0.capacity", message: "a deployment holds at most 100000 PTUs" },
    ]);
    const quotas = [grantedQuota("GlobalProvisionedManaged", 100_000)];
    ok(env([chat({ type: "GlobalProvisionedManaged", capacity: 100_000 })], {}, { quotas }));
  });

  it("allows at most 32 standard deployments per account", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => chat({ name: `chat-${i}`, capacity: 1 }));
    expect(problems(env(many(33)))).toEqual([
      {
        path: "regions.0.deployments",
        message: "has 33 standard deployments; an account takes at most 32: move some to another region",
      },
    ]);
    ok(env(many(32)));
  });
});

describe("quota", () => {
  const dzs = (capacity: number) => chat({ type: "DataZoneStandard", capacity });

  it("rejects capacity beyond the catalog's default quota, with the fix", () => {
    expect(problems(env([dzs(400)]))).toEqual([
      {
        path: "regions.0.deployments.0.capacity",
        message:
          "gpt-5.1 DataZoneStandard in swedencentral needs 400 units (dev 400) but the subscription's quota is 300 (catalog default): lower capacity, or declare the subscription's granted quota under quotas: with its reason",
      },
    ]);
    ok(env([dzs(300)]));
  });

  it("sums every deployment of a model and type in the region", () => {
    expect(problems(env([dzs(200), { ...dzs(200), name: "chat-2" }])).map((p) => p.path)).toEqual([
      "regions.0.deployments.1.capacity",
    ]);
  });

  it("takes a declared grant instead, with its reason", () => {
    const quotas = [
      {
        region: "swedencentral",
        model: "gpt-5.1",
        type: "DataZoneStandard",
        capacity: 1000,
        reason: "Approved in support request 123456",
      },
    ];
    ok(env([dzs(400)], {}, { quotas }));
    const estate = resolve(env([dzs(400)], {}, { quotas }));
    expect(estate.quotas).toEqual([
      expect.objectContaining({
        region: "swedencentral",
        model: "gpt-5.1",
        used: 400,
        limit: 1000,
        source: "config",
      }),
    ]);
    expect(problems(env([dzs(400)], {}, { quotas: [{ ...quotas[0], reason: "more" }] }))).toEqual([
      { path: "quotas.0.reason", message: "must say why, in at least 10 characters" },
    ]);
  });

  it("sums across environments that share a subscription", () => {
    const dev = env([dzs(200)], {}, { azurePolicy: { assign: false } });
    const test = { ...env([dzs(200)]), name: "test" };
    expect(problems(dev, test)).toEqual([
      {
        path: "regions.0.deployments.0.capacity",
        message: expect.stringMatching(
          /needs 400 units \(dev 200 \+ test 200\) but the subscription's quota is 300/,
        ),
      },
    ]);
  });

  it("counts provisioned quota per shape, across models, and needs it declared", () => {
    const ptu = (name: string, model: Record<string, string>) =>
      chat({ name, model, type: "GlobalProvisionedManaged", capacity: 100 });
    const deployments = [
      ptu("ptu-a", { name: "gpt-5.1", version: "2025-11-13" }),
      ptu("ptu-b", { name: "gpt-5", version: "2025-08-07" }),
    ];
    const quotas = [
      {
        region: "swedencentral",
        model: "gpt-5.1",
        type: "GlobalProvisionedManaged",
        capacity: 150,
        reason: "PTU reservation RSV-2026-0042",
      },
    ];
    expect(problems(env(deployments, {}, { quotas }))).toEqual([
      {
        path: "regions.0.deployments.1.capacity",
        message: expect.stringMatching(
          /^\(all models\) GlobalProvisionedManaged in swedencentral needs 200 units \(dev gpt-5\.1 100 \+ dev gpt-5 100\) but the subscription's quota is 150 \(declared\)/,
        ),
      },
    ]);
    // Without a declared grant the catalog knows no PTU quota: not checked, and the report says so.
    const estate = resolve(env(deployments));
    expect(estate.quotas).toEqual([
      expect.objectContaining({ model: "(all models)", used: 200, limit: undefined }),
    ]);
  });

  it("refuses two environments declaring different quotas for one subscription", () => {
    const grant = (capacity: number) => [
      {
        region: "swedencentral",
        model: "gpt-5.1",
        type: "GlobalStandard",
        capacity,
        reason: "Approved in support request 42",
      },
    ];
    const dev = env([chat()], {}, { quotas: grant(2000), azurePolicy: { assign: false } });
    const test = { ...env([chat()], {}, { quotas: grant(3000) }), name: "test" };
    expect(problems(dev, test)).toEqual([
      {
        path: "quotas.0.capacity",
        message: expect.stringMatching(
          /dev\.yaml declares 2000 for the same subscription, region, model and type; the subscription has one quota$/,
        ),
      },
    ]);
  });

  it("rejects a declared quota for a model the catalog does not know", () => {
    const quotas = [
      {
        region: "swedencentral",
        model: "gpt-6",
        type: "GlobalStandard",
        capacity: 10,
        reason: "Approved in support request 1",
      },
    ];
    expect(problems(env([chat()], {}, { quotas }))).toEqual([
      { path: "quotas.0.model", message: "is not in the model catalog" },
    ]);
  });
});

describe("lifecycle", () => {
  it("rejects a retired model and names Microsoft's replacement as Microsoft's", () => {
    expect(problems(env([chat({ model: { name: "gpt-4o", version: "2024-08-06" } })]))).toEqual([
      {
        path: "regions.0.deployments.0.model",
        message:
          "gpt-4o 2024-08-06 retired on 2026-10-01: Azure no longer serves it; Microsoft's replacement: gpt-5.1",
      },
    ]);
  });

  it("calls a replacement the schedule does not name a suggestion", () => {
    expect(problems(env([chat({ model: { name: "o4-mini", version: "2025-04-16" } })]))[0]!.message).toMatch(
      /^o4-mini 2025-04-16 retired on 2026-10-16: .*; suggested replacement \(Microsoft names none\): gpt-5\.1$/,
    );
  });

  it("accepts a Legacy model with a warning that a newer model exists (gpt-4.1, Legacy until 2027-04-14)", () => {
    const legacy = (name: string, version: string) =>
      resolve(env([chat({ model: { name, version } })])).warnings.map((w) => [w.path.join("."), w.message]);
    expect(legacy("gpt-4.1", "2025-04-14")).toEqual([
      [
        "regions.0.deployments.0.model",
        "gpt-4.1 2025-04-14 is Legacy: a newer model exists, so plan the move before it retires on 2027-04-14; suggested replacement (Microsoft names none): gpt-5.1",
      ],
    ]);
    expect(legacy("gpt-4o", "2024-11-20")[0]![1]).toMatch(
      /is Legacy: .*; Microsoft's replacement: gpt-5\.1$/,
    );
    // Inside the last 90 days the retirement warning takes over, once.
    const late = resolveObjects([env([chat({ model: { name: "gpt-4.1", version: "2025-04-14" } })])], {
      today: "2027-03-01",
    }).warnings.map((w) => w.message);
    expect(late).toEqual([expect.stringMatching(/^gpt-4\.1 2025-04-14 retires on 2027-04-14, in 44 days;/)]);
  });

  it("warns about a deprecated model more than 90 days before it retires", () => {
    const early = resolveObjects([env([chat({ model: { name: "o4-mini", version: "2025-04-16" } })])], {
      today: "2026-03-01",
    }).warnings.map((w) => w.message);
    expect(early).toEqual([
      "o4-mini 2025-04-16 is deprecated: only subscriptions that already deploy it can create deployments, until it retires on 2026-10-16; suggested replacement (Microsoft names none): gpt-5.1",
    ]);
  });

  it("warns, without failing, about a model retiring within 90 days", () => {
    const estate = resolve(env([chat({ model: { name: "gpt-5-mini", version: "2025-08-07" } })]));
    expect(estate.warnings.map((w) => [w.path.join("."), w.message])).toEqual([
      ["regions.0.deployments.0.model", "gpt-5-mini 2025-08-07 retires on 2027-02-06, in 68 days"],
    ]);
    expect(resolve(env([chat()])).warnings).toEqual([]);
  });

  it("warns from 90 days before retirement, not before", () => {
    const mini = env([chat({ model: { name: "gpt-5-mini", version: "2025-08-07" } })]);
    expect(resolveEstate(load({ dev: mini }), { today: "2026-11-08" }).warnings).toHaveLength(1); // 90 days
    expect(resolveEstate(load({ dev: mini }), { today: "2026-11-07" }).warnings).toEqual([]); // 91 days
  });

  it("names a replacement that is still served, following the chain past retired ones", () => {
    expect(problems(env([chat({ model: { name: "o3-mini", version: "2025-01-31" } })]))).toEqual([
      {
        path: "regions.0.deployments.0.model",
        // o3-mini → o4-mini is Microsoft's; o4-mini → gpt-5.1 is the catalog's: the chain is a suggestion.
        message:
          "o3-mini 2025-01-31 retired on 2026-10-01: Azure no longer serves it; suggested replacement (Microsoft names none): gpt-5.1",
      },
    ]);
  });

  it("judges on the given day: the same model is an error after its retirement", () => {
    const mini = env([chat({ model: { name: "gpt-5-mini", version: "2025-08-07" } })]);
    expect(() => resolveEstate(load({ dev: mini }), { today: "2027-02-06" })).toThrow(
      /retired on 2027-02-06/,
    );
    expect(resolveEstate(load({ dev: mini }), { today: "2026-06-01" }).warnings).toEqual([]);
  });
});

describe("fine-tuned models", () => {
  const fineTuning = { baseModels: ["gpt-4.1-mini"] };
  const ft = (extra: Deployment = {}) =>
    chat({
      name: "support",
      model: { name: "gpt-4.1-mini-2025-04-14.ft-0123abcd", version: "1" },
      type: "Standard",
      capacity: 5,
      ...extra,
    });

  it("deploy on the account that trained them, with the base model's facts", () => {
    const estate = resolve(env([ft()], { fineTuning }));
    expect(estate.environments[0]!.regions[0]!.account.deployments[0]!.catalog).toEqual({
      capability: "chat",
      lifecycle: { status: "GA", retires: "2027-10-14" },
      unit: "1K TPM",
      fineTunedFrom: "gpt-4.1-mini-2025-04-14",
      jobId: "0123abcd",
    });
    expect(estate.environments[0]!.regions[0]!.fineTuning?.baseModels).toEqual(["gpt-4.1-mini"]);
  });

  it("need version 1", () => {
    expect(
      problems(
        env([ft({ model: { name: "gpt-4.1-mini-2025-04-14.ft-0123abcd", version: "2" } })], { fineTuning }),
      ),
    ).toEqual([
      {
        path: "regions.0.deployments.0.model.version",
        message: 'must be "1": Azure versions fine-tuned models as 1',
      },
    ]);
  });

  it("need the region to fine-tune their base model", () => {
    expect(problems(env([ft()]))).toEqual([
      {
        path: "regions.0.deployments.0.model.name",
        message:
          "a fine-tuned model is deployed on the account that trained it: add fineTuning with baseModels: [gpt-4.1-mini] to this region",
      },
    ]);
  });

  it("deploy only as the types Azure allows for fine-tuned models there", () => {
    expect(problems(env([ft({ type: "GlobalProvisionedManaged", capacity: 15 })], { fineTuning }))).toEqual([
      expect.objectContaining({
        path: "regions.0.deployments.0.type",
        message:
          "fine-tuned gpt-4.1-mini cannot be deployed as GlobalProvisionedManaged in swedencentral; here it can be: Standard, GlobalStandard",
      }),
    ]);
  });

  it("name a fine-tunable base model", () => {
    expect(
      problems(env([ft({ model: { name: "gpt-5.1-2025-11-13.ft-abc", version: "1" } })], { fineTuning })),
    ).toEqual([
      {
        path: "regions.0.deployments.0.model.name",
        message: expect.stringMatching(
          /^names no fine-tunable base model; fine-tuned names start with one of: .*gpt-4\.1-mini-2025-04-14/,
        ),
      },
    ]);
  });

  it("train only where the base model trains with data residency", () => {
    const frc = {
      location: "francecentral",
      network: { addressSpace: "10.31.0.0/24", privateEndpointSubnet: "10.31.0.0/27" },
    };
    expect(problems(env([chat()], { ...frc, fineTuning }))).toEqual([
      {
        path: "regions.0.fineTuning.baseModels.0",
        message:
          "is not trained in francecentral; regional training is offered in: northcentralus, swedencentral",
      },
    ]);
    expect(problems(env([chat()], { fineTuning: { baseModels: ["gpt-5.1"] } }))).toEqual([
      {
        path: "regions.0.fineTuning.baseModels.0",
        message: expect.stringMatching(/^cannot be fine-tuned; fine-tunable models: /),
      },
    ]);
  });

  it("are at most 10 per account", () => {
    const many = Array.from({ length: 11 }, (_, i) => ft({ name: `ft-${i}`, capacity: 1 }));
    expect(problems(env(many, { fineTuning }))).toEqual([
      {
        path: "regions.0.deployments",
        message: "has 11 fine-tuned deployments; an account takes at most 10",
      },
    ]);
    ok(env(many.slice(1), { fineTuning }));
  });

  it("train on a Legacy base without a warning, then warn within 90 days of its retirement and after it", () => {
    const warningsOn = (today: string) =>
      resolveObjects([env([chat()], { fineTuning })], { today })
        .warnings.filter((w) => w.path.includes("fineTuning"))
        .map((w) => [w.path.join("."), w.message]);
    expect(warningsOn(TODAY)).toEqual([]);
    expect(warningsOn("2027-03-01")).toEqual([
      [
        "regions.0.fineTuning.baseModels.0",
        "base model gpt-4.1-mini retires on 2027-04-14, in 44 days; fine-tuned deployments run until 2027-10-14",
      ],
    ]);
    expect(warningsOn("2027-05-01")).toEqual([
      [
        "regions.0.fineTuning.baseModels.0",
        "base model gpt-4.1-mini retired on 2027-04-14; fine-tuned deployments run until 2027-10-14, but check that Azure still starts training jobs for it",
      ],
    ]);
  });

  it("storage is read by the account's identity and written by the data scientists", () => {
    const scientist = {
      objectId: "4b8395a6-1234-4d35-9a67-18293a4b5c6d",
      type: "Group",
      displayName: "grp-ds",
    };
    const estate = resolve(env([chat()], { fineTuning: { ...fineTuning, dataScientists: [scientist] } }));
    expect(estate.environments[0]!.regions[0]!.fineTuning?.access).toEqual({
      account: {
        key: "account-reader",
        roleId: "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
        roleName: "Storage Blob Data Reader",
      },
      dataScientists: [
        {
          key: "writer-4b8395a6",
          principal: scientist,
          roleId: "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
          roleName: "Storage Blob Data Contributor",
        },
      ],
    });
  });

  it("get a blob endpoint: the region needs room and the blob zone", () => {
    const estate = resolve(env([chat()], { fineTuning }));
    const region = estate.environments[0]!.regions[0]!;
    expect(region.fineTuning?.privateEndpoint.zoneNames).toEqual(["privatelink.blob.core.windows.net"]);
    expect(estate.environments[0]!.shared.privateDnsZones).toContain("privatelink.blob.core.windows.net");
    expect(region.account.allowedFqdns).toContain(
      `${region.fineTuning!.storageAccountName}.blob.core.windows.net`,
    );
  });
});

describe("models newer than the catalog", () => {
  const newer = (extra: Deployment = {}) =>
    chat({
      model: { name: "gpt-6", version: "2027-01-15" },
      uncatalogued: { reason: "Launched 2027-01-15; catalog not yet updated" },
      ...extra,
    });
  const declared = {
    quotas: [
      {
        region: "swedencentral",
        model: "gpt-6",
        type: "GlobalStandard",
        capacity: 50,
        reason: "Granted in request 42",
      },
    ],
  };

  it("are deployed when the config says so with a reason, with a warning that names what is not checked", () => {
    const estate = resolve(env([newer()], {}, declared));
    expect(estate.warnings.map((w) => [w.path.join("."), w.message])).toEqual([
      [
        "regions.0.deployments.0.model",
        "gpt-6 2027-01-15 is not in the catalog and is deployed as stated (Launched 2027-01-15; catalog not yet updated): regional availability, PTU sizes and lifecycle are not checked",
      ],
    ]);
    const deployment = estate.environments[0]!.regions[0]!.account.deployments[0]!;
    expect(deployment.catalog).toMatchObject({
      capability: "unknown",
      uncatalogued: "Launched 2027-01-15; catalog not yet updated",
    });
  });

  it("take what the catalog knows of the model's other versions, and count PTUs for provisioned types", () => {
    const reason = "Version published 2027-01-20; catalog not yet updated";
    const version = (type: string, capacity: number) =>
      chat({ model: { name: "gpt-5.1", version: "2027-01-20" }, type, capacity, uncatalogued: { reason } });
    const quotas = [grantedQuota("GlobalProvisionedManaged", 100)];
    const catalogOf = (d: Deployment) =>
      resolve(env([d], {}, { quotas })).environments[0]!.regions[0]!.account.deployments[0]!.catalog;
    expect(catalogOf(version("GlobalStandard", 10))).toEqual({
      capability: "reasoning",
      lifecycle: { status: "GA" },
      unit: "1K TPM",
      uncatalogued: reason,
    });
    expect(catalogOf(version("GlobalProvisionedManaged", 15)).unit).toBe("PTU");
    expect(
      resolve(env([newer()], {}, declared)).environments[0]!.regions[0]!.account.deployments[0]!.catalog,
    ).toEqual({
      capability: "unknown",
      lifecycle: { status: "GA" },
      unit: "1K TPM",
      uncatalogued: "Launched 2027-01-15; catalog not yet updated",
    });
  });

  it("still check the quota, which must be declared since the catalog has none", () => {
    expect(problems(env([newer()]))).toEqual([
      expect.objectContaining({
        path: "regions.0.deployments.0.capacity",
        message:
          "gpt-6 is not in the catalog, which has no default quota for it: declare the subscription's GlobalStandard quota in swedencentral under quotas: with its reason",
      }),
    ]);
    expect(problems(env([newer({ capacity: 80 })], {}, declared))).toEqual([
      expect.objectContaining({
        path: "regions.0.deployments.0.capacity",
        message: expect.stringMatching(/needs 80 units .* quota is 50 \(declared\)/),
      }),
    ]);
  });

  it("refuse the flag on a model the catalog knows, so it cannot switch checks off", () => {
    expect(problems(env([chat({ uncatalogued: { reason: "Just to be safe with it" } })]))).toEqual([
      expect.objectContaining({
        path: "regions.0.deployments.0.uncatalogued",
        message: "gpt-5.1 2025-11-13 is in the catalog: remove uncatalogued, so every check applies",
      }),
    ]);
  });

  it("stay errors without the flag, saying how to deploy one deliberately", () => {
    expect(problems(env([chat({ model: { name: "gpt-6", version: "2027-01-15" } })]))[0]!.message).toMatch(
      /is not in the model catalog .*A model newer than the catalog is deployed with uncatalogued: \{ reason \}$/,
    );
  });
});

describe("facts pinned to the retirement schedule (ms.date 2026-07-07)", () => {
  it.each([
    ["gpt-5.2", "2025-12-11", "2026-12-12", 12],
    ["gpt-5.4-mini", "2026-03-17", "2027-03-18", 108],
  ])(
    "has %s %s retiring on %s, %i days after 2026-11-30, and warns only within 90 days",
    (name, version, date, days) => {
      expect(modelFacts(name, version)?.lifecycle.retires).toBe(date);
      const warnings = resolve(env([chat({ model: { name, version } })])).warnings.map((w) => w.message);
      expect(warnings).toEqual(
        days <= 90 ? [expect.stringContaining(`${name} ${version} retires on ${date}, in ${days} days`)] : [],
      );
    },
  );

  it.each([
    ["o3", "2025-04-16", "GlobalStandard", "2026-10-16"],
    ["gpt-4o-transcribe", "2025-03-20", "GlobalStandard", "2026-10-15"],
  ])("refuses %s %s as %s: retired on %s", (name, version, type, date) => {
    expect(problems(env([chat({ model: { name, version }, type })]))).toContainEqual(
      expect.objectContaining({
        path: "regions.0.deployments.0.model",
        message: expect.stringContaining(`${name} ${version} retired on ${date}: Azure no longer serves it`),
      }),
    );
  });
});

describe("facts pinned to the provisioned model matrix (ms.date 2026-05-11) and PTU table (2026-04-07)", () => {
  const gpt54 = (type: string, capacity: number) =>
    chat({ model: { name: "gpt-5.4", version: "2026-03-05" }, type, capacity });

  it("offers gpt-5.4 as Global and Data Zone provisioned in swedencentral, 15 PTUs in steps of 5", () => {
    ok(env([gpt54("GlobalProvisionedManaged", 15)]));
    ok(env([gpt54("DataZoneProvisionedManaged", 20)]));
    expect(problems(env([gpt54("GlobalProvisionedManaged", 12)]))[0]!.message).toMatch(
      /takes at least 15 PTUs, in steps of 5/,
    );
  });

  it("offers regional gpt-5.4 in uksouth, not in swedencentral", () => {
    ok(env([gpt54("ProvisionedManaged", 50)], { location: "uksouth" }));
    expect(problems(env([gpt54("ProvisionedManaged", 50)]))[0]!.message).toMatch(
      /not offered as ProvisionedManaged in swedencentral/,
    );
  });
});

describe("a catalogued deployment's facts", () => {
  it("are the catalog's, in PTUs for a provisioned type", () => {
    const quotas = [grantedQuota("GlobalProvisionedManaged", 100)];
    const catalogOf = (d: Deployment) =>
      resolve(env([d], {}, { quotas })).environments[0]!.regions[0]!.account.deployments[0]!;
    const ptu = catalogOf(chat({ type: "GlobalProvisionedManaged", capacity: 15 }));
    expect(ptu.catalog).toEqual({
      capability: "reasoning",
      lifecycle: modelFacts("gpt-5.1", "2025-11-13")!.lifecycle,
      unit: "PTU",
    });
    expect(catalogOf(chat()).catalog.unit).toBe("1K TPM");
  });
});

describe("liveReplacement", () => {
  it("names the replacement itself while it is served, until the day it retires", () => {
    expect(liveReplacement("o4-mini", "2026-10-15")).toEqual({ name: "o4-mini", byMicrosoft: true });
    // On its retirement day it is no longer served: the chain moves on, to the catalog's suggestion.
    expect(liveReplacement("o4-mini", "2026-10-16")).toEqual({ name: "gpt-5.1", byMicrosoft: false });
  });

  it("follows Microsoft's named links as Microsoft's, and any unnamed link makes the rest a suggestion", () => {
    expect(liveReplacement("o3-mini", "2026-10-02")).toEqual({ name: "o4-mini", byMicrosoft: true });
    expect(liveReplacement("o3-mini", "2026-10-20")).toEqual({ name: "gpt-5.1", byMicrosoft: false });
    expect(liveReplacement("o3-mini", "2026-09-01", false)).toEqual({ name: "o3-mini", byMicrosoft: false });
  });

  it("finds none for a model the catalog does not know", () => {
    expect(liveReplacement("gpt-9", "2026-01-01")).toBeUndefined();
  });
});

describe("fine-tuned model names", () => {
  it("end in .ft-<job ID>: anything after the job ID makes it an unknown model, not a fine-tuned one", () => {
    const found = problems(
      env([chat({ model: { name: "gpt-4.1-mini-2025-04-14.ft-0123abcd!", version: "1" } })]),
    );
    expect(found[0]).toEqual({
      path: "regions.0.deployments.0.model.name",
      message: expect.stringMatching(/^is not in the model catalog/),
    });
  });
});
