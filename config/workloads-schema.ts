/**
 * workloads: capacity described by demand instead of placed by hand. The estate's planner
 * (estate/placement/) puts each workload's capacity into regions inside its data boundary.
 */
import { z } from "zod";
import { DEPLOYMENT_TYPES, VERSION_UPGRADE_OPTIONS } from "../catalog/deployment-types";
import { DEFAULT_POLICY } from "../catalog/content-filters";
import { REGION_NAMES } from "../catalog/regions";

export const BOUNDARIES = ["EU", "US", "Global"] as const;
export const STRATEGIES = ["single", "spread", "active-active", "primary-secondary"] as const;
export type Strategy = (typeof STRATEGIES)[number];
export type Boundary = (typeof BOUNDARIES)[number];

const oneOf = (values: readonly string[]) => `must be one of: ${values.join(", ")}`;

export const workloadSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,39}$/, {
        error:
          "must be 1-40 lower-case letters, digits or '-', starting with a letter (it names the deployments)",
      })
      .describe("The workload; its deployments take this name in every region, so clients use one name."),
    model: z
      .strictObject({
        name: z.string().min(1).describe("Model name, e.g. gpt-5.1."),
        version: z.string().min(1).describe("Model version, pinned."),
      })
      .describe("The model, pinned to a version."),
    demand: z
      .number()
      .int({ error: "must be a whole number of capacity units" })
      .min(1)
      .describe(
        "Capacity needed: thousands of tokens per minute (standard and batch types) or PTUs (provisioned).",
      ),
    boundary: z
      .enum(BOUNDARIES, { error: oneOf(BOUNDARIES) })
      .describe(
        "Where data may be processed: EU or US (regional and data-zone types in that zone) or Global.",
      ),
    types: z
      .array(z.enum(DEPLOYMENT_TYPES, { error: oneOf(DEPLOYMENT_TYPES) }))
      .min(1)
      .optional()
      .describe(
        "Deployment types allowed, in order of preference. Default: DataZoneStandard then Standard (EU, US); " +
          "GlobalStandard first for Global.",
      ),
    regions: z
      .array(z.enum(REGION_NAMES, { error: `must be an Azure OpenAI region: ${REGION_NAMES.join(", ")}` }))
      .min(1)
      .optional()
      .describe(
        "Candidate regions, in order of preference. Default: the environment's regions in the boundary, then, " +
          "with network.addressPool, every other region in it.",
      ),
    strategy: z
      .enum(STRATEGIES, { error: oneOf(STRATEGIES) })
      .default("spread")
      .describe(
        "single: one region; spread: across the candidates; active-active: across two or more, each able to " +
          "lose one; primary-secondary: all in one region, a standby in another.",
      ),
    failover: z
      .strictObject({
        minimumShare: z
          .number()
          .int()
          .min(1, { error: "must be 1-100 (%)" })
          .max(100, { error: "must be 1-100 (%)" })
          .describe("Losing any one region keeps at least this % of the demand."),
      })
      .optional()
      .describe(
        "Default: 50% for active-active, 100% (a full standby) for primary-secondary, none otherwise.",
      ),
    contentFilter: z.string().min(1).default(DEFAULT_POLICY).describe("Content filter of its deployments."),
    versionUpgrade: z
      .enum(VERSION_UPGRADE_OPTIONS, { error: oneOf(VERSION_UPGRADE_OPTIONS) })
      .default("NoAutoUpgrade")
      .describe("When Azure may move the deployments to a new model version. Default: never."),
  })
  .superRefine((w, ctx) => {
    const share = w.failover?.minimumShare;
    if (share === 100 && (w.strategy === "spread" || w.strategy === "active-active"))
      ctx.addIssue({
        code: "custom",
        path: ["failover", "minimumShare"],
        input: share,
        message: `cannot be 100 with ${w.strategy}: the capacity is shared, so losing a region loses its part; use primary-secondary`,
      });
    if (w.failover && w.strategy === "single")
      ctx.addIssue({
        code: "custom",
        path: ["failover"],
        message: "a single region cannot survive its own loss: use active-active or primary-secondary",
      });
  })
  .describe("Capacity by demand: the planner places it in regions inside the data boundary.");

export const workloadsSchema = z
  .array(workloadSchema)
  .default([])
  .describe(
    "Workloads whose capacity the planner places (docs/placement.md), beside hand-placed deployments.",
  );
