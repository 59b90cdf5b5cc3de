/**
 * The model catalog is data typed by hand: these checks keep its tables consistent with each other and
 * with Azure's region list.
 */
import { DEPLOYMENT_TYPES, isDataZone, isProvisioned } from "../../catalog/deployment-types";
import { MODELS } from "../../catalog/models";
import { REGION_NAMES, regionFacts } from "../../catalog/regions";
import { liveReplacement } from "../../estate/model-checks";

/** A real calendar date, not just the shape of one. */
const isDate = (text: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
const entries = MODELS.map((m) => [`${m.name} ${m.version}`, m] as const);

describe("the model catalog", () => {
  it("lists each model version once", () => {
    const keys = entries.map(([k]) => k);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(entries)(
    "%s: offers only deployment types azurerm 4.55 accepts, each in at least one Azure region",
    (_, m) => {
      const offers = Object.entries(m.offers);
      expect(offers.length).toBeGreaterThan(0);
      for (const [type, regions] of offers) {
        expect(DEPLOYMENT_TYPES).toContain(type);
        expect(regions.length).toBeGreaterThan(0);
        for (const region of regions) expect(REGION_NAMES).toContain(region);
        expect(new Set(regions).size).toBe(regions.length);
      }
    },
  );

  it.each(entries)("%s: data-zone types only in regions inside a data zone", (_, m) => {
    for (const [type, regions] of Object.entries(m.offers)) {
      if (!isDataZone(type as never)) continue;
      for (const region of regions)
        expect({ region, zone: regionFacts(region).dataZone }).toEqual({ region, zone: expect.any(String) });
    }
  });

  it.each(entries)("%s: provisioned offers come with PTU sizes, quotas only for offered types", (_, m) => {
    const types = Object.keys(m.offers);
    if (types.some((t) => isProvisioned(t as never))) expect(m.ptu).toBeDefined();
    for (const [type, quota] of Object.entries(m.defaultQuota ?? {})) {
      expect(types).toContain(type);
      expect(quota).toBeGreaterThan(0);
    }
  });

  it.each(entries)("%s: lifecycle dates are dates and replacements are in the catalog", (_, m) => {
    if (m.lifecycle.retires) expect(isDate(m.lifecycle.retires)).toBe(true);
    if (m.lifecycle.replacement) {
      expect(MODELS.map((x) => x.name)).toContain(m.lifecycle.replacement);
      // As of the catalog's check date, a retired model points (through its chain) at one still served.
      if (m.lifecycle.retires && m.lifecycle.retires <= "2026-11-30") {
        expect(liveReplacement(m.lifecycle.replacement, "2026-11-30")?.name).toBeDefined();
      }
    }
  });

  it.each(entries.filter(([, m]) => m.fineTuning))(
    "%s: trains and deploys fine-tuned models in Azure regions",
    (_, m) => {
      const ft = m.fineTuning!;
      expect(ft.trainingRegions.length).toBeGreaterThan(0);
      for (const r of ft.trainingRegions) expect(REGION_NAMES).toContain(r);
      for (const [type, regions] of Object.entries(ft.deployments)) {
        expect(DEPLOYMENT_TYPES).toContain(type);
        expect(regions.length).toBeGreaterThan(0);
        for (const r of regions) expect(REGION_NAMES).toContain(r);
      }
      if (ft.retires) expect(isDate(ft.retires)).toBe(true);
    },
  );

  it("rejects impossible dates in its own date check", () => {
    expect(isDate("2026-02-30")).toBe(false);
    expect(isDate("2026-02-28")).toBe(true);
  });

  it("covers every capability the mission names: chat, reasoning, code, embeddings, image, audio", () => {
    expect(new Set(MODELS.map((m) => m.capability))).toEqual(
      new Set(["chat", "reasoning", "code", "embeddings", "image", "audio"]),
    );
  });

  it("offers every deployment type azurerm 4.55 accepts for at least one model", () => {
    const offered = new Set(MODELS.flatMap((m) => Object.keys(m.offers)));
    for (const type of DEPLOYMENT_TYPES) expect(offered).toContain(type);
  });
});
