/**
 * monitoring: who hears of throttling, errors and slow responses, and when (docs/operations.md).
 */
import { z } from "zod";
import {
  ALERT_THRESHOLD_NAMES,
  ALERT_THRESHOLDS,
  thresholdProblem,
  type AlertThreshold,
} from "../catalog/alert-thresholds";

/** A threshold as the catalog bounds it, with its default and meaning. */
const threshold = (name: AlertThreshold) => {
  const r = ALERT_THRESHOLDS[name];
  const range = { error: thresholdProblem(name, Number.NaN)! };
  return z.number().int(range).min(r.min, range).max(r.max, range).default(r.default).describe(r.describe);
};

export const monitoringSchema = z
  .strictObject({
    emails: z
      .array(z.email({ error: "must be an e-mail address" }))
      .default([])
      .describe(
        "Notified by every alert of the environment (an action group). Without any, alerts notify no one.",
      ),
    alerts: z
      .strictObject(
        Object.fromEntries(ALERT_THRESHOLD_NAMES.map((n) => [n, threshold(n)])) as {
          [K in AlertThreshold]: ReturnType<typeof threshold>;
        },
      )
      .prefault({})
      .describe("Alert thresholds for every account of the environment."),
  })
  .prefault({})
  .describe("Metric alerts on every account, and who they notify.");
