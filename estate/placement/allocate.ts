/**
 * The allocation at the heart of placement: a demand spread over candidate regions, each with the
 * capacity it can still take, its minimum and its step, by a strategy and a failover requirement.
 * Pure and deterministic: candidates are taken in the order given (the caller's preference).
 */
import type { Strategy } from "../../config/workloads-schema";

/**
 * The share of the demand each strategy keeps after losing one region when the workload says nothing:
 * half for active-active, a full standby for primary-secondary, no requirement otherwise.
 */
export function defaultShare(strategy: Strategy): number | undefined {
  return strategy === "active-active" ? 0.5 : strategy === "primary-secondary" ? 1 : undefined;
}

export interface Candidate {
  readonly region: string;
  /** Capacity the region can still take: quota minus what the subscription already places there. */
  readonly available: number;
  /** Smallest deployment Azure accepts (1 unit; a model's PTU minimum for provisioned types). */
  readonly min: number;
  /** Capacity comes in multiples of this (1; the PTU step for provisioned types). */
  readonly step: number;
}

export interface Allocation {
  readonly region: string;
  readonly capacity: number;
  /** primary-secondary: which is which; otherwise every region is active. */
  readonly role: "primary" | "secondary" | "active";
}

export interface AllocationRequest {
  readonly demand: number;
  readonly strategy: Strategy;
  /** Share of the demand (0-1) that must remain after losing any one region. Default: defaultShare(strategy). */
  readonly minimumShare?: number;
  readonly candidates: readonly Candidate[];
}

/** Why nothing fits, with the numbers. */
export interface Shortfall {
  readonly constraint: "quota" | "failover" | "single region";
  /** What the candidates could give under the constraint, and what the demand needs. */
  readonly offered: number;
  readonly needed: number;
}

const roundUp = (n: number, step: number) => Math.ceil(n / step) * step;
const roundDown = (n: number, step: number) => Math.floor(n / step) * step;
const usable = (c: Candidate) => roundDown(c.available, c.step);
/** A deployment of at least `n`, as Azure takes it: the minimum, in whole steps. */
const size = (n: number, c: Candidate) => roundUp(Math.max(n, c.min), c.step);

export function allocate(request: AllocationRequest): Allocation[] | Shortfall {
  const { demand, strategy, candidates } = request;
  if (strategy === "single") {
    const home = candidates.find((c) => usable(c) >= size(demand, c));
    if (home) return [{ region: home.region, capacity: size(demand, home), role: "active" }];
    return { constraint: "single region", offered: Math.max(0, ...candidates.map(usable)), needed: demand };
  }
  if (strategy === "primary-secondary") return primarySecondary(request);
  return spread(request);
}

function primarySecondary({
  demand,
  minimumShare = 1,
  candidates,
}: AllocationRequest): Allocation[] | Shortfall {
  const primary = candidates.find((c) => usable(c) >= size(demand, c));
  if (!primary)
    return { constraint: "quota", offered: Math.max(0, ...candidates.map(usable)), needed: demand };
  const standby = Math.ceil(demand * minimumShare);
  const secondary = candidates.find((c) => c !== primary && usable(c) >= size(standby, c));
  if (!secondary) {
    const best = Math.max(0, ...candidates.filter((c) => c !== primary).map(usable));
    return { constraint: "failover", offered: best, needed: standby };
  }
  return [
    { region: primary.region, capacity: size(demand, primary), role: "primary" },
    { region: secondary.region, capacity: size(standby, secondary), role: "secondary" },
  ];
}

/**
 * Water-filling in steps, round-robin over the candidates in order, each up to its cap: what it can
 * take, and, with a failover requirement, what it may hold so that losing it keeps the share.
 */
function spread({ demand, strategy, minimumShare, candidates }: AllocationRequest): Allocation[] | Shortfall {
  const share = minimumShare ?? defaultShare(strategy);
  const pool = candidates.filter((c) => usable(c) >= c.min);
  // With a share to keep, no region may hold more than losing it allows: demand × (1 − share).
  const caps = pool.map((c) =>
    share === undefined ? usable(c) : Math.min(usable(c), roundDown(demand * (1 - share), c.step)),
  );
  const amounts = pool.map(() => 0);
  let placed = 0;
  let progress = true;
  while (placed < demand && progress) {
    progress = false;
    pool.forEach((c, i) => {
      if (placed >= demand) return;
      // A region's first deployment is at least the minimum; then it grows a step at a time.
      const next = amounts[i] === 0 ? size(c.step, c) : amounts[i]! + c.step;
      if (next > caps[i]!) return;
      placed += next - amounts[i]!;
      amounts[i] = next;
      progress = true;
    });
  }
  if (placed < demand) {
    const total = pool.reduce((s, c) => s + usable(c), 0);
    return share !== undefined && total >= demand
      ? { constraint: "failover", offered: placed, needed: demand }
      : { constraint: "quota", offered: total, needed: demand };
  }
  const allocations = pool
    .map((c, i) => ({ region: c.region, capacity: amounts[i]!, role: "active" as const }))
    .filter((a) => a.capacity > 0);
  if (strategy === "active-active" && allocations.length < 2)
    return { constraint: "failover", offered: allocations[0]?.capacity ?? 0, needed: demand };
  return allocations;
}
