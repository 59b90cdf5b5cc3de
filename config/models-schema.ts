/**
 * Content filters, blocklists, quota overrides and fine-tuning: the config of the AI half. Shape only;
 * estate/model-checks.ts and estate/content-filters.ts check it against the model catalog.
 */
import { z } from "zod";
import { DEPLOYMENT_TYPES } from "../catalog/deployment-types";
import {
  DEFAULT_POLICY,
  FILTER_MODES,
  HARM_CATEGORIES,
  SEVERITIES,
  type HarmCategory,
} from "../catalog/content-filters";
import { REGION_NAMES } from "../catalog/regions";
import { principalSchema, reason, textOf } from "./common-schema";

const raiName = textOf("raiName");

export const FILTER_PRESETS = ["default", "strict"] as const;

const severity = z.enum(SEVERITIES, { error: `must be one of: ${SEVERITIES.join(", ")}` });
const categorySeverity = z
  .strictObject({ prompt: severity.optional(), completion: severity.optional() })
  .describe("Block at this severity and above (Low is strictest); Off disables the filter.");

export const contentFilterSchema = z
  .strictObject({
    preset: z
      .enum(FILTER_PRESETS, { error: `must be one of: ${FILTER_PRESETS.join(", ")}` })
      .default("default")
      .describe(
        "default: Microsoft's defaults (Medium). strict: Low for every harm category, all shields on.",
      ),
    severity: z
      .strictObject(
        Object.fromEntries(HARM_CATEGORIES.map((c) => [c, categorySeverity.optional()])) as {
          [K in HarmCategory]: z.ZodOptional<typeof categorySeverity>;
        },
      )
      .optional()
      .describe("Per-category thresholds over the preset."),
    jailbreak: z.boolean().optional().describe("Prompt Shields for direct attacks. Default: on."),
    indirectAttack: z
      .boolean()
      .optional()
      .describe("Prompt Shields for attacks hidden in documents. Default: off (default), on (strict)."),
    protectedMaterial: z
      .boolean()
      .optional()
      .describe("Block protected text and code in completions. Default: on."),
    profanity: z.boolean().optional().describe("Block profanity. Default: off (default), on (strict)."),
    mode: z
      .enum(FILTER_MODES, { error: `must be one of: ${FILTER_MODES.join(", ")}` })
      .default("Default")
      .describe("Default filters before returning; Asynchronous_filter streams first and filters after."),
    blocklists: z
      .array(raiName)
      .default([])
      .describe("Blocklists (from blocklists:) applied to prompts and completions."),
    reason: reason
      .optional()
      .describe(
        "Deprecated: waive AOAI-RAI2 under waivers: instead. Still read as that waiver, with a warning.",
      ),
  })
  .describe("A content filter (RAI policy) created on every account of the environment.");

const term = z.union([
  z.string().min(1).max(1000),
  z.strictObject({
    pattern: z.string().min(1).max(1000),
    regex: z.boolean().default(false),
  }),
]);

export const blocklistSchema = z
  .strictObject({
    description: z.string().max(512).optional(),
    terms: z
      .array(term)
      .min(1, { error: "needs at least one term" })
      .max(10_000, { error: "Azure allows at most 10,000 terms per blocklist" })
      .describe(
        "Exact terms, or { pattern, regex: true } for regular expressions. At most 1,000 characters each.",
      ),
  })
  .describe("Terms blocked in prompts and completions wherever a content filter lists this blocklist.");

export const quotaSchema = z
  .strictObject({
    region: z.enum(REGION_NAMES, { error: `must be an Azure OpenAI region: ${REGION_NAMES.join(", ")}` }),
    model: z
      .string()
      .min(1)
      .describe(
        "Model name (quota covers all its versions). Provisioned types share one quota across models.",
      ),
    type: z.enum(DEPLOYMENT_TYPES, { error: `must be one of: ${DEPLOYMENT_TYPES.join(", ")}` }),
    capacity: z
      .number()
      .int()
      .min(0)
      .describe("The subscription's quota in capacity units (1K TPM, RPM or PTU)."),
    reason: reason.describe("Where the quota comes from, e.g. the approved support request."),
  })
  .describe(
    "The subscription's actual quota for one model and type in one region, replacing the catalog default.",
  );

export const fineTuningSchema = z
  .strictObject({
    baseModels: z
      .array(z.string().min(1))
      .min(1, { error: "name at least one base model to train" })
      .describe("Base models trained in this region, e.g. gpt-4.1-mini. Each must be trainable here."),
    dataScientists: z
      .array(principalSchema)
      .default([])
      .describe("Who may upload training data (Storage Blob Data Contributor on the storage account)."),
    containers: z
      .array(textOf("containerName"))
      .default(["training", "validation"])
      .describe("Blob containers for training data."),
  })
  .describe("Private storage for fine-tuning data in this region, read by the account's identity.");

export const contentFiltersSchema = z
  .record(raiName, contentFilterSchema)
  .default({})
  .describe(`Named content filters; deployments refer to them by name (or to ${DEFAULT_POLICY}).`);
export const blocklistsSchema = z.record(raiName, blocklistSchema).default({}).describe("Named blocklists.");
export const quotasSchema = z
  .array(quotaSchema)
  .default([])
  .describe("Granted quota that differs from the catalog's defaults, each with its reason.");
