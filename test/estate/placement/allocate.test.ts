/**
 * Placement's allocation, by property (fast-check) over random demands, quotas, steps and strategies:
 * capacity conserved, never above what a region has left, whole steps above the minimum, the failover
 * requirement held, and the same input giving the same placement.
 */
import fc from "fast-check";
import { allocate, type AllocationRequest, type Candidate } from "../../../estate/placement/allocate";

const STEPS = [
  { min: 1, step: 1 }, // standard types: 1K TPM
  { min: 15, step: 5 }, // a provisioned model's global and data-zone PTUs
  { min: 50, step: 50 }, // a provisioned model's regional PTUs
];

const candidates = fc
  .uniqueArray(
    fc.constantFrom(
      "swedencentral",
      "francecentral",
      "germanywestcentral",
      "italynorth",
      "polandcentral",
      "spaincentral",
    ),
    {
      minLength: 1,
      maxLength: 6,
    },
  )
  .chain((regions) =>
    fc.tuple(
      fc.constant(regions),
      fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: regions.length, maxLength: regions.length }),
      fc.constantFrom(...STEPS),
    ),
  )
  .map(([regions, available, rules]): Candidate[] =>
    regions.map((region, i) => ({ region, available: available[i]!, ...rules })),
  );

const request = fc.record({
  demand: fc.integer({ min: 1, max: 3000 }),
  strategy: fc.constantFrom("single", "spread", "active-active", "primary-secondary") as fc.Arbitrary<
    AllocationRequest["strategy"]
  >,
  minimumShare: fc.option(
    fc.integer({ min: 1, max: 90 }).map((p) => p / 100),
    { nil: undefined },
  ),
  candidates,
});

const usable = (c: Candidate) => Math.floor(c.available / c.step) * c.step;

describe("allocate, for any demand, quotas and strategy", () => {
  it("places whole steps, at least the minimum, never more than a region has left, in named regions only", () => {
    fc.assert(
      fc.property(request, (r) => {
        const result = allocate(r);
        if (!Array.isArray(result)) return;
        const byRegion = new Map(r.candidates.map((c) => [c.region, c]));
        expect(new Set(result.map((a) => a.region)).size).toBe(result.length);
        for (const a of result) {
          const c = byRegion.get(a.region)!;
          expect(c).toBeDefined();
          expect(a.capacity).toBeGreaterThanOrEqual(c.min);
          expect(a.capacity % c.step).toBe(0);
          expect(a.capacity).toBeLessThanOrEqual(usable(c));
        }
      }),
    );
  });

  it("conserves capacity: the demand is placed, overshooting by less than one minimum or step", () => {
    fc.assert(
      fc.property(request, (r) => {
        const result = allocate(r);
        if (!Array.isArray(result)) return;
        const serving = result.filter((a) => a.role !== "secondary");
        const placed = serving.reduce((s, a) => s + a.capacity, 0);
        const slack = Math.max(...r.candidates.map((c) => Math.max(c.min, c.step)));
        expect(placed).toBeGreaterThanOrEqual(r.demand);
        expect(placed - r.demand).toBeLessThan(slack);
        if (r.candidates.every((c) => c.min === 1 && c.step === 1)) expect(placed).toBe(r.demand);
      }),
    );
  });

  it("keeps the failover requirement: losing any one region keeps the share of the demand", () => {
    fc.assert(
      fc.property(request, (r) => {
        const result = allocate(r);
        if (!Array.isArray(result)) return;
        const share =
          r.minimumShare ??
          (r.strategy === "active-active" ? 0.5 : r.strategy === "primary-secondary" ? 1 : undefined);
        if (share === undefined || r.strategy === "single") return;
        const total = result.reduce((s, a) => s + a.capacity, 0);
        for (const lost of result) {
          const left =
            r.strategy === "primary-secondary" && lost.role === "secondary"
              ? r.demand
              : total - lost.capacity;
          expect(left).toBeGreaterThanOrEqual(share * r.demand - 1e-9);
        }
        if (r.strategy !== "spread") expect(result.length).toBeGreaterThanOrEqual(2);
      }),
    );
  });

  it("finds a placement whenever the quota allows one (spread, no failover requirement)", () => {
    fc.assert(
      fc.property(request, (r) => {
        const plain = { ...r, strategy: "spread" as const, minimumShare: undefined };
        const total = r.candidates.filter((c) => usable(c) >= c.min).reduce((s, c) => s + usable(c), 0);
        const result = allocate(plain);
        if (total >= r.demand) expect(Array.isArray(result)).toBe(true);
        else expect(result).toEqual({ constraint: "quota", offered: total, needed: r.demand });
      }),
    );
  });

  it("gives the same placement for the same input", () => {
    fc.assert(fc.property(request, (r) => expect(allocate(structuredClone(r))).toEqual(allocate(r))));
  });
});

describe("allocate, by example", () => {
  const eu = (available: number[]): Candidate[] =>
    ["swedencentral", "francecentral", "germanywestcentral"].slice(0, available.length).map((region, i) => ({
      region,
      available: available[i]!,
      min: 1,
      step: 1,
    }));

  it("spreads active-active evenly under the failover cap", () => {
    expect(allocate({ demand: 200, strategy: "active-active", candidates: eu([600, 100]) })).toEqual([
      { region: "swedencentral", capacity: 100, role: "active" },
      { region: "francecentral", capacity: 100, role: "active" },
    ]);
  });

  it("names the failover constraint when the quota is there but one region would hold too much", () => {
    expect(allocate({ demand: 300, strategy: "active-active", candidates: eu([600, 100]) })).toEqual({
      constraint: "failover",
      offered: 250,
      needed: 300,
    });
  });

  it("names the quota when the boundary has too little", () => {
    expect(allocate({ demand: 1600, strategy: "spread", candidates: eu([1000, 300]) })).toEqual({
      constraint: "quota",
      offered: 1300,
      needed: 1600,
    });
  });

  it("puts a primary where the whole demand fits and a standby of the share elsewhere", () => {
    expect(
      allocate({
        demand: 600,
        strategy: "primary-secondary",
        minimumShare: 0.5,
        candidates: eu([400, 1000, 300]),
      }),
    ).toEqual([
      { region: "francecentral", capacity: 600, role: "primary" },
      { region: "swedencentral", capacity: 300, role: "secondary" },
    ]);
  });
});

describe("allocate, at its edges", () => {
  const at = (available: number[], rules = { min: 1, step: 1 }): Candidate[] =>
    ["swedencentral", "francecentral", "germanywestcentral"].slice(0, available.length).map((region, i) => ({
      region,
      available: available[i]!,
      ...rules,
    }));
  const ptu = { min: 15, step: 5 };

  it("single: takes the first region that holds the demand exactly, sized to whole PTU steps", () => {
    expect(allocate({ demand: 200, strategy: "single", candidates: at([100, 200, 300]) })).toEqual([
      { region: "francecentral", capacity: 200, role: "active" },
    ]);
    expect(allocate({ demand: 12, strategy: "single", candidates: at([14, 15], ptu) })).toEqual([
      { region: "francecentral", capacity: 15, role: "active" },
    ]);
  });

  it("single: names the most any one region has left when none holds the demand", () => {
    expect(allocate({ demand: 500, strategy: "single", candidates: at([100, 300, 200]) })).toEqual({
      constraint: "single region",
      offered: 300,
      needed: 500,
    });
    expect(allocate({ demand: 500, strategy: "single", candidates: [] })).toEqual({
      constraint: "single region",
      offered: 0,
      needed: 500,
    });
  });

  it("primary-secondary: fits primary and standby exactly, and names the best primary when none fits", () => {
    expect(allocate({ demand: 300, strategy: "primary-secondary", candidates: at([300, 300]) })).toEqual([
      { region: "swedencentral", capacity: 300, role: "primary" },
      { region: "francecentral", capacity: 300, role: "secondary" },
    ]);
    expect(allocate({ demand: 600, strategy: "primary-secondary", candidates: at([400, 300]) })).toEqual({
      constraint: "quota",
      offered: 400,
      needed: 600,
    });
  });

  it("primary-secondary: names the largest standby the other regions could hold", () => {
    expect(allocate({ demand: 300, strategy: "primary-secondary", candidates: at([300, 200, 100]) })).toEqual(
      {
        constraint: "failover",
        offered: 200,
        needed: 300,
      },
    );
  });

  it("spread with a share: names failover when the quota suffices but the caps do not, quota when it does not", () => {
    // One region of exactly the demand: the cap (half) leaves the rest unplaced.
    expect(allocate({ demand: 200, strategy: "active-active", candidates: at([200]) })).toEqual({
      constraint: "failover",
      offered: 100,
      needed: 200,
    });
    expect(allocate({ demand: 1000, strategy: "active-active", candidates: at([300, 300]) })).toEqual({
      constraint: "quota",
      offered: 600,
      needed: 1000,
    });
  });

  it("active-active: refuses a placement in one region even when no share is required", () => {
    expect(
      allocate({ demand: 100, strategy: "active-active", minimumShare: 0, candidates: at([600]) }),
    ).toEqual({ constraint: "failover", offered: 100, needed: 100 });
    expect(allocate({ demand: 100, strategy: "spread", minimumShare: 0, candidates: at([600]) })).toEqual([
      { region: "swedencentral", capacity: 100, role: "active" },
    ]);
  });
});
