/**
 * Alert thresholds on Azure OpenAI accounts: their defaults and the ranges that make sense, defined once
 * for the config schema and for the AccountAlerts construct. Metric names and their units come from the
 * supported-metrics reference of Microsoft.CognitiveServices/accounts (ms.date 2026-07-31); the defaults
 * follow Azure Monitor Baseline Alerts where it has one (PTU utilization) and are otherwise a starting point.
 */
export interface ThresholdRule {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly unit: string;
  /** What the value means, for the schema and the docs. */
  readonly describe: string;
}

export const ALERT_THRESHOLDS = {
  throttledRequests: {
    default: 25,
    min: 1,
    max: 1_000_000,
    unit: "responses",
    describe: "HTTP 429 responses per account in 5 minutes that raise the throttling alert.",
  },
  availabilityPercent: {
    default: 99,
    min: 1,
    max: 100,
    unit: "%",
    describe: "Share of calls without a server error over 5 minutes below which the error alert fires.",
  },
  timeToResponseMs: {
    default: 10_000,
    min: 100,
    max: 600_000,
    unit: "ms",
    describe: "Average time to response over 15 minutes above which the latency alert fires.",
  },
  provisionedUtilizationPercent: {
    default: 90,
    min: 1,
    max: 100,
    unit: "%",
    describe: "PTU utilization above which the provisioned alert fires (accounts with PTU deployments).",
  },
  tokenUsagePercent: {
    default: 90,
    min: 1,
    max: 100,
    unit: "%",
    describe:
      "Share of a pay-per-token deployment's capacity (tokens per minute) above which its usage alert fires.",
  },
} as const satisfies Record<string, ThresholdRule>;

export type AlertThreshold = keyof typeof ALERT_THRESHOLDS;
export const ALERT_THRESHOLD_NAMES = Object.keys(ALERT_THRESHOLDS) as AlertThreshold[];

/** Why a value is not a valid threshold of this kind, or undefined when it is. */
export function thresholdProblem(name: AlertThreshold, value: number): string | undefined {
  const r = ALERT_THRESHOLDS[name];
  return Number.isInteger(value) && value >= r.min && value <= r.max
    ? undefined
    : `must be a whole number from ${r.min} to ${r.max} (${r.unit})`;
}
