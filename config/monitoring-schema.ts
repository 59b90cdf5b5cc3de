/**
 * monitoring: who hears of throttling, errors and slow responses, and when (docs/operations.md).
 */
import { z } from "zod";

const whole = (min: number, max: number, unit: string) =>
  z
    .number()
    .int({ error: `must be a whole number of ${unit}` })
    .min(min, { error: `must be ${min}-${max} ${unit}` })
    .max(max, { error: `must be ${min}-${max} ${unit}` });

export const monitoringSchema = z
  .strictObject({
    emails: z
      .array(z.email({ error: "must be an e-mail address" }))
      .default([])
      .describe(
        "Notified by every alert of the environment (an action group). Without any, alerts notify no one.",
      ),
    alerts: z
      .strictObject({
        throttledRequests: whole(1, 1_000_000, "responses")
          .default(25)
          .describe("HTTP 429 responses per account in 5 minutes that raise the throttling alert."),
        availabilityPercent: whole(1, 100, "%")
          .default(99)
          .describe(
            "Share of calls without a server error over 5 minutes below which the error alert fires.",
          ),
        timeToResponseMs: whole(100, 600_000, "ms")
          .default(10_000)
          .describe("Average time to response over 15 minutes above which the latency alert fires."),
        provisionedUtilizationPercent: whole(1, 100, "%")
          .default(90)
          .describe(
            "PTU utilization above which the provisioned alert fires (accounts with PTU deployments).",
          ),
        tokenUsagePercent: whole(1, 100, "%")
          .default(90)
          .describe(
            "Share of a pay-per-token deployment's capacity (tokens per minute) above which its usage alert fires.",
          ),
      })
      .prefault({})
      .describe("Alert thresholds for every account of the environment."),
  })
  .prefault({})
  .describe("Metric alerts on every account, and who they notify.");
