/**
 * Workloads → deployments. For each environment's `workloads:`, in order, the planner gathers the regions
 * inside the data boundary where the model is offered as an allowed type, what quota each still has
 * (after every hand-placed deployment and every earlier workload in the subscription), and allocates
 * the demand by the workload's strategy (allocate.ts). The result is the config as if the deployments had
 * been written by hand, so every other check of the estate applies to them; regions not listed get an
 * address plan from network.addressPool. Every choice is recorded for the estate report.
 */
import type { ConfigIssue } from "../../config/errors";
import type { LoadedEnvironment } from "../../config/load";
import type { EnvironmentConfig } from "../../config/schema";
import type { Boundary } from "../../config/workloads-schema";
import { contains, numberToIp, overlaps, parseCidr, type Cidr } from "../../catalog/cidr";
import { isProvisioned, type DeploymentType } from "../../catalog/deployment-types";
import { ACCOUNT_LIMITS, modelFacts } from "../../catalog/models";
import { REGION_NAMES, regionFacts } from "../../catalog/regions";
import { quotaKey, quotaLimit } from "../quotas";
import { allocate, defaultShare, type Allocation, type Candidate, type Shortfall } from "./allocate";

const GLOBAL_TYPES: readonly DeploymentType[] = ["GlobalStandard", "GlobalProvisionedManaged", "GlobalBatch"];
const DEFAULT_TYPES: Record<Boundary, DeploymentType[]> = {
  EU: ["DataZoneStandard", "Standard"],
  US: ["DataZoneStandard", "Standard"],
  Global: ["GlobalStandard", "DataZoneStandard", "Standard"],
};

export interface PlacedRegion extends Allocation {
  readonly type: DeploymentType;
  /** What the region could still take when the workload was placed, and its quota. */
  readonly available: number;
  readonly quota: number;
  /** The region was added to the environment for this workload, with an address plan from the pool. */
  readonly added: boolean;
}

export interface WorkloadPlacement {
  readonly name: string;
  readonly model: string;
  readonly version: string;
  readonly demand: number;
  readonly unit: "1K TPM" | "PTU";
  readonly boundary: Boundary;
  readonly strategy: string;
  /** Share of the demand kept after losing any one region (0-1), when required. */
  readonly minimumShare?: number;
  readonly regions: readonly PlacedRegion[];
  /** Candidates not used, and why, for the report. */
  readonly passedOver: readonly { readonly region: string; readonly why: string }[];
  /** The worst single-region loss: which region, and the capacity left. */
  readonly worstLoss?: { readonly region: string; readonly remaining: number };
}

/**
 * Whether a region keeps data inside the boundary: its Microsoft data zone is the boundary. (Global types,
 * which process anywhere, are refused for EU and US before any region is looked at.)
 */
const inBoundary = (region: string, boundary: Boundary): boolean =>
  boundary === "Global" || regionFacts(region).dataZone === boundary;

const fmt = (n: number) => n.toLocaleString("en-US");

/** The next /22 of the pool that overlaps nothing already used. */
function nextBlock(pool: Cidr, used: Cidr[]): Cidr | undefined {
  const size = 2 ** (32 - 22);
  for (let start = pool.first; start + size - 1 <= pool.last; start += size) {
    const block = parseCidr(`${numberToIp(start)}/22`) as Cidr;
    if (contains(pool, block) && !used.some((u) => overlaps(u, block))) return block;
  }
  return undefined;
}

export interface PlacementResult {
  /** The environments with the planned deployments (and added regions) written into their config. */
  readonly environments: LoadedEnvironment[];
  readonly placements: ReadonlyMap<string, readonly WorkloadPlacement[]>;
}

export function placeWorkloads(
  environments: readonly LoadedEnvironment[],
  issues: ConfigIssue[],
): PlacementResult {
  // Capacity already placed per quota key, over every environment's hand-placed deployments.
  const used = new Map<string, number>();
  const add = (key: string, n: number) => used.set(key, (used.get(key) ?? 0) + n);
  for (const env of environments)
    for (const r of env.config.regions)
      for (const d of r.deployments)
        add(quotaKey(env.config.subscriptionId, r.location, d.model.name, d.type), d.capacity);

  const placements = new Map<string, WorkloadPlacement[]>();
  const expanded = environments.map((env) => {
    if (env.config.workloads.length === 0) return env;
    const config: EnvironmentConfig = structuredClone(env.config);
    const placed: WorkloadPlacement[] = [];
    config.workloads.forEach((w, i) => {
      const at = (message: string, sub: (string | number)[] = [], value?: unknown) =>
        issues.push(env.issueAt(["workloads", i, ...sub], message, value));
      const result = placeOne(config, w, environments, used, at);
      if (!result) return;
      placed.push(result);
      for (const r of result.regions)
        add(quotaKey(config.subscriptionId, r.region, w.model.name, r.type), r.capacity);
    });
    placements.set(config.name, placed);
    return { ...env, config };
  });
  return { environments: expanded, placements };
}

type At = (message: string, sub?: (string | number)[], value?: unknown) => void;

function placeOne(
  config: EnvironmentConfig,
  w: EnvironmentConfig["workloads"][number],
  environments: readonly LoadedEnvironment[],
  used: Map<string, number>,
  at: At,
): WorkloadPlacement | undefined {
  const facts = modelFacts(w.model.name, w.model.version);
  if (!facts) return void at(`${w.model.name} ${w.model.version} is not in the model catalog`, ["model"]);
  const types = w.types ?? DEFAULT_TYPES[w.boundary];
  if (new Set(types.map(isProvisioned)).size > 1)
    return void at(
      "mixes provisioned and standard types: one demand cannot be both PTUs and tokens per minute",
      ["types"],
    );
  const outside = types.find((t) => w.boundary !== "Global" && GLOBAL_TYPES.includes(t));
  if (outside)
    return void at(`${outside} processes data anywhere: it is outside the ${w.boundary} boundary`, ["types"]);
  const managed = config.network.mode === "managed";
  const listed = config.regions.map((r) => r.location as string);
  const inZone = (region: string) => inBoundary(region, w.boundary);
  for (const [k, region] of (w.regions ?? []).entries())
    if (!inZone(region)) return void at(`is outside the ${w.boundary} boundary`, ["regions", k], region);
  const pool =
    managed && config.network.addressPool ? (parseCidr(config.network.addressPool) as Cidr) : undefined;
  const candidates = w.regions ?? [
    ...listed.filter(inZone),
    ...(pool ? REGION_NAMES.filter((r) => inZone(r) && !listed.includes(r)) : []),
  ];

  const passedOver: { region: string; why: string }[] = [];
  const options: (Candidate & { type: DeploymentType; quota: number })[] = [];
  for (const region of candidates) {
    if (!listed.includes(region) && !pool) {
      passedOver.push({
        region,
        why: managed ? "not in regions: and no network.addressPool" : "not in regions: (landing zone)",
      });
      continue;
    }
    const existing = config.regions.find((r) => r.location === region);
    if (existing?.deployments.some((d) => d.name.toLowerCase() === w.name)) {
      at(
        `${region} already has a deployment named ${w.name}: rename the workload or the deployment`,
        ["name"],
        w.name,
      );
      return undefined;
    }
    if ((existing?.deployments.length ?? 0) >= ACCOUNT_LIMITS.standardDeployments) {
      passedOver.push({
        region,
        why: `its account has ${ACCOUNT_LIMITS.standardDeployments} deployments, Azure's limit`,
      });
      continue;
    }
    const type = types.find((t) => facts.offers[t]?.includes(region));
    if (!type) {
      passedOver.push({ region, why: `${w.model.name} is not offered here as ${types.join(" or ")}` });
      continue;
    }
    const quota = quotaLimit(environments, config.subscriptionId, region, w.model.name, type);
    if (quota === undefined) {
      passedOver.push({
        region,
        why: `no known quota for ${w.model.name} ${type}: declare it under quotas:`,
      });
      continue;
    }
    const available = Math.max(
      0,
      quota - (used.get(quotaKey(config.subscriptionId, region, w.model.name, type)) ?? 0),
    );
    // PTU minimum and step: regional (ProvisionedManaged) or global and data zone.
    const ptu = isProvisioned(type)
      ? type === "ProvisionedManaged"
        ? facts.ptu?.regional
        : facts.ptu?.globalAndDataZone
      : undefined;
    options.push({ region, type, quota, available, min: ptu?.min ?? 1, step: ptu?.step ?? 1 });
  }
  const unit = isProvisioned(types[0]!) ? "PTU" : "1K TPM";
  if (options.length === 0)
    return void at(
      `${w.model.name} ${w.model.version} is offered in no ${w.boundary} region as ${types.join(" or ")}` +
        (passedOver.length ? ` (${passedOver.map((p) => `${p.region}: ${p.why}`).join("; ")})` : ""),
    );
  const minimumShare = w.failover !== undefined ? w.failover.minimumShare / 100 : defaultShare(w.strategy);
  // Regions the environment already has come first; a new region (a new stack, VNet and vault) is added
  // only when those cannot hold the demand, and then as few as needed, in order.
  const own = options.filter((o) => listed.includes(o.region));
  const extra = options.filter((o) => !listed.includes(o.region));
  let result = allocate({ demand: w.demand, strategy: w.strategy, minimumShare, candidates: own });
  for (let k = 1; !Array.isArray(result) && k <= extra.length; k++)
    result = allocate({
      demand: w.demand,
      strategy: w.strategy,
      minimumShare,
      candidates: [...own, ...extra.slice(0, k)],
    });
  if (!Array.isArray(result))
    return void at(
      shortfallMessage(w, result as Shortfall, options, unit, minimumShare),
      ["demand"],
      w.demand,
    );

  // Write the deployments into the config, adding regions from the pool where needed.
  const blocks = config.regions.flatMap((r) =>
    r.network?.addressSpace ? [parseCidr(r.network.addressSpace) as Cidr] : [],
  );
  const peers = config.network.peerRanges.map((p) => parseCidr(p) as Cidr);
  const regions: PlacedRegion[] = [];
  for (const a of result) {
    const option = options.find((o) => o.region === a.region)!;
    let region = config.regions.find((r) => r.location === a.region);
    const added = !region;
    if (!region) {
      const block = nextBlock(pool!, [...blocks, ...peers]);
      if (!block)
        return void at(
          `network.addressPool ${config.network.addressPool} has no free /22 left for ${a.region}`,
        );
      blocks.push(block);
      const base = numberToIp(block.first);
      region = {
        location: a.region,
        kind: "OpenAI",
        network: { addressSpace: `${base}/22`, privateEndpointSubnet: `${base}/26` },
        deployments: [],
      } as unknown as EnvironmentConfig["regions"][number];
      config.regions.push(region);
    }
    region.deployments.push({
      name: w.name,
      model: { name: w.model.name, version: w.model.version, format: "OpenAI" },
      type: option.type,
      capacity: a.capacity,
      versionUpgrade: w.versionUpgrade,
      contentFilter: w.contentFilter,
    } as EnvironmentConfig["regions"][number]["deployments"][number]);
    regions.push({ ...a, type: option.type, available: option.available, quota: option.quota, added });
  }
  const total = regions.reduce((s, r) => s + r.capacity, 0);
  // The largest share; on a tie the earlier region (the primary comes first, then preference order):
  // the sort is stable.
  const worst = [...regions].sort((x, y) => y.capacity - x.capacity)[0]!;
  return {
    name: w.name,
    model: w.model.name,
    version: w.model.version,
    demand: w.demand,
    unit,
    boundary: w.boundary,
    strategy: w.strategy,
    minimumShare,
    regions,
    passedOver: [
      ...passedOver,
      ...options
        .filter((o) => !result.some((a) => a.region === o.region))
        .map((o) => ({
          region: o.region,
          why: o.available < o.min ? `no quota left (${fmt(o.available)} of ${fmt(o.quota)})` : "not needed",
        })),
    ],
    worstLoss: regions.length > 1 ? { region: worst.region, remaining: total - worst.capacity } : undefined,
  };
}

function shortfallMessage(
  w: EnvironmentConfig["workloads"][number],
  s: Shortfall,
  options: readonly (Candidate & { type: DeploymentType })[],
  unit: string,
  share: number | undefined,
): string {
  const where = options.map((o) => `${o.region} ${fmt(o.available)}`).join(", ");
  const types = [...new Set(options.map((o) => o.type))].join(", ");
  if (s.constraint === "single region")
    return `needs ${fmt(s.needed)} ${unit} of ${w.model.name} in one region; the most any ${w.boundary} region has left is ${fmt(s.offered)} (${where}): lower demand, declare granted quota under quotas:, or use spread`;
  if (s.constraint === "failover")
    return `losing any one region must keep ${Math.round((share ?? 0) * 100)}% of ${fmt(w.demand)} ${unit}, but the candidates can only place ${fmt(s.offered)} of ${fmt(s.needed)} that way (${where} available): add regions, or declare granted quota under quotas:`;
  return `the ${w.boundary} boundary offers ${fmt(s.offered)} ${unit} of ${w.model.name} ${types} quota (${where}); the demand needs ${fmt(s.needed)}: declare granted quota under quotas:, allow more regions or types, or lower demand`;
}
