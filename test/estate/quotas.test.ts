/**
 * Where a quota comes from: a grant the config declares, else the subscription's own quota from an
 * imported Usages – List (`npm run catalog:import`), else the catalog's default. The imported catalog
 * is empty in the repository, so this file stands in one subscription's import.
 */
import { quotaLimit } from "../../estate/quotas";
import { grantedQuota, load, problemsOf, resolveObjects, validEnvironment } from "../helpers";

const SUB = "11111111-1111-1111-1111-111111111111";
// Hoisted above the imports, so it names the subscription itself.
jest.mock("../../catalog/generated/azure", () => ({
  IMPORTED: {
    locations: ["swedencentral"],
    models: [
      {
        location: "swedencentral",
        name: "gpt-5.1",
        version: "2025-11-13",
        capabilities: ["chatCompletion"],
        skus: [{ name: "DataZoneStandard", type: "DataZoneStandard" }],
      },
      {
        location: "swedencentral",
        name: "gpt-5",
        version: "2025-08-07",
        capabilities: ["chatCompletion"],
        // The model list names the usage its SKU counts against.
        skus: [
          { name: "DataZoneStandard", type: "DataZoneStandard", usageName: "OpenAI.DataZoneStandard.gpt5" },
        ],
      },
    ],
    usages: [
      {
        subscriptionId: "11111111-1111-1111-1111-111111111111",
        location: "swedencentral",
        name: "OpenAI.DataZoneStandard.gpt-5.1",
        limit: 500,
      },
      {
        subscriptionId: "11111111-1111-1111-1111-111111111111",
        location: "swedencentral",
        name: "OpenAI.DataZoneStandard.gpt5",
        limit: 700,
      },
      {
        subscriptionId: "11111111-1111-1111-1111-111111111111",
        location: "francecentral",
        name: "OpenAI.DataZoneStandard.gpt-5.1",
        limit: 900,
      },
    ],
  },
}));

const deployment = (model: string, version: string, capacity: number) => ({
  name: "chat",
  model: { name: model, version },
  type: "DataZoneStandard",
  capacity,
});
const env = (capacity: number, extra: Record<string, unknown> = {}, model = ["gpt-5.1", "2025-11-13"]) => {
  const e = validEnvironment() as any;
  e.regions[0].deployments = [deployment(model[0]!, model[1]!, capacity)];
  return { ...e, ...extra };
};
const limit = (model: string, extra: Record<string, unknown> = {}, sub = SUB, region = "swedencentral") =>
  quotaLimit(load({ dev: env(1, extra) }), sub, region, model, "DataZoneStandard");

describe("quota sources", () => {
  it("takes the subscription's imported quota over the catalog's default, by Azure's usual usage name", () => {
    expect(limit("gpt-5.1")).toBe(500);
    expect(() => resolveObjects([env(500)])).not.toThrow();
    expect(problemsOf([env(501)])).toEqual([
      {
        path: "regions.0.deployments.0.capacity",
        message:
          "gpt-5.1 DataZoneStandard in swedencentral needs 501 units (dev 501) but the subscription's quota is 500 (the subscription's, imported): lower capacity, or declare the subscription's granted quota under quotas: with its reason",
      },
    ]);
  });

  it("takes the usage the model list names for the SKU when it differs from the usual name", () => {
    expect(limit("gpt-5")).toBe(700);
  });

  it("uses the region's and subscription's own usages only, then the catalog's default", () => {
    expect(limit("gpt-5.1", {}, SUB, "francecentral")).toBe(900);
    expect(limit("gpt-5.1", {}, SUB.toUpperCase())).toBe(500);
    expect(limit("gpt-5.1", {}, "22222222-2222-2222-2222-222222222222")).toBe(300);
    // The import has no usage for this model here: the catalog's default stands.
    expect(limit("gpt-5-mini")).toBe(300);
  });

  it("lets a declared grant override the import, and says the quota is the declared one", () => {
    const quotas = [grantedQuota("DataZoneStandard", 450)];
    expect(limit("gpt-5.1", { quotas })).toBe(450);
    expect(problemsOf([env(451, { quotas })])[0]!.message).toMatch(
      /quota is 450 \(declared\): lower capacity, or raise the declared quota once Azure grants more$/,
    );
  });
});
