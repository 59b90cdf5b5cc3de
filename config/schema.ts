/**
 * The environment config schema: the single source of the TypeScript types, the JSON Schema that
 * editors use for completion (`npm run schema` writes config/schema.json) and the error messages.
 *
 * Objects are strict: an unknown key is an error, because a misspelt optional key would otherwise
 * be dropped silently and its secure or costly intent lost.
 */
import { z } from "zod";
import { DEPLOYMENT_TYPES, VERSION_UPGRADE_OPTIONS } from "../catalog/deployment-types";
import { DEFAULT_POLICY } from "../catalog/content-filters";
import { REGION_NAMES } from "../catalog/regions";
import { guid, reason, textOf } from "./common-schema";
import { waiversSchema } from "./waivers-schema";
import { workloadsSchema } from "./workloads-schema";
import { monitoringSchema } from "./monitoring-schema";
import { gatewaySchema } from "./gateway-schema";
import { ciSchema, stateBackendSchema } from "./delivery-schema";
import { blocklistsSchema, contentFiltersSchema, fineTuningSchema, quotasSchema } from "./models-schema";
import { networkSchema, regionNetworkSchema } from "./network-schema";
import { accessSchema, azurePolicySchema, customerManagedKeySchema, defenderSchema } from "./security-schema";

export const ACCOUNT_KINDS = ["OpenAI", "AIServices"] as const;

const oneOf = (values: readonly string[]) => `must be one of: ${values.join(", ")}`;

const deploymentType = z.enum(DEPLOYMENT_TYPES, {
  error: (issue) =>
    issue.input === "DeveloperTier"
      ? "DeveloperTier is for fine-tuned model evaluation only: Azure deletes such a deployment after 24 hours " +
        "and azurerm 4.55 rejects the SKU, so it cannot be managed as infrastructure; use Standard or GlobalStandard"
      : oneOf(DEPLOYMENT_TYPES),
});

export const deploymentSchema = z
  .strictObject({
    // Azure documents no rule for deployment names; see catalog/text-rules.ts.
    name: textOf("deploymentName").describe(
      "Deployment name: what clients put in the URL. Unique within the region's account.",
    ),
    model: z
      .strictObject({
        name: z
          .string()
          .min(1)
          .describe(
            "Model name, e.g. gpt-5.1 or text-embedding-3-large; a fine-tuned model is <base>-<version>.ft-<job id>.",
          ),
        version: z
          .string({
            // YAML reads an unquoted 1 as a number, and 0613 as the number 613: the version is lost.
            error: (issue) =>
              issue.input === undefined
                ? 'is required: pin the version, e.g. "2025-11-13" (unpinned, Azure picks one at create time)'
                : typeof issue.input === "number"
                  ? 'must be text in quotes: YAML reads an unquoted version such as 1 or 0613 as a number (613); write version: "1"'
                  : undefined,
          })
          .min(1)
          .describe("Model version, pinned, e.g. 2025-11-13. Without a pin Azure picks one at create time."),
        format: z
          .literal("OpenAI")
          .default("OpenAI")
          .describe("Model format; Azure OpenAI models are OpenAI."),
      })
      .describe("The model, pinned to a version."),
    type: deploymentType.describe(
      "Deployment type (ARM sku.name): where data is processed and how it is billed.",
    ),
    capacity: z
      .number()
      .int({ error: "must be a whole number of capacity units" })
      .min(1, {
        error: "must be at least 1 (standard types: 1 unit = 1,000 tokens per minute; provisioned: PTUs)",
      })
      .describe("Standard and batch types: thousands of tokens per minute. Provisioned types: PTUs."),
    uncatalogued: z
      .strictObject({ reason })
      .optional()
      .describe(
        "Deploy a model or version newer than the catalog, deliberately. Synth warns and cannot check regional " +
          "availability or lifecycle; the quota must be declared under quotas:. The estate report marks it.",
      ),
    versionUpgrade: z
      .enum(VERSION_UPGRADE_OPTIONS, { error: oneOf(VERSION_UPGRADE_OPTIONS) })
      .default("NoAutoUpgrade")
      .describe("When Azure may move the deployment to a new model version. Default: never (pinned)."),
    contentFilter: z
      .string()
      .min(1)
      .default(DEFAULT_POLICY)
      .describe(`Content filter (RAI policy) the deployment uses. Default: ${DEFAULT_POLICY}.`),
  })
  .describe("A model deployment on the region's account.");

export const regionSchema = z
  .strictObject({
    location: z
      .enum(REGION_NAMES, { error: `must be an Azure OpenAI region: ${REGION_NAMES.join(", ")}` })
      .describe("Azure region (programmatic name) of the account."),
    kind: z
      .enum(ACCOUNT_KINDS, { error: oneOf(ACCOUNT_KINDS) })
      .default("OpenAI")
      .describe("Account kind. Changing it replaces the account (new endpoint, fine-tuned models lost)."),
    network: regionNetworkSchema.optional(),
    adopt: z
      .strictObject({
        accountName: z.string().min(1).describe("Name of the existing account."),
        customSubdomainName: z
          .string()
          .min(1)
          .optional()
          .describe("Its custom subdomain (its endpoint's host name). Default: accountName."),
        resourceGroupName: z
          .string()
          .min(1)
          .optional()
          .describe("Its resource group. Default: the derived name."),
      })
      .optional()
      .describe(
        "Adopt an existing account: keep its names, so `terraform import` takes it over instead of replacing " +
          "it (docs/operations.md). Names are checked against Azure's rules like derived ones.",
      ),
    fineTuning: fineTuningSchema.optional(),
    deployments: z
      .array(deploymentSchema)
      .default([])
      .describe("Model deployments, created one at a time in order."),
  })
  .superRefine((region, ctx) => {
    const seen = new Map<string, number>();
    region.deployments.forEach((d, i) => {
      const first = seen.get(d.name.toLowerCase());
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["deployments", i, "name"],
          input: d.name,
          message: `duplicate deployment name (also at deployments[${first}]); names are unique per account, case-insensitive`,
        });
      } else seen.set(d.name.toLowerCase(), i);
    });
  })
  .describe("One region: an Azure OpenAI account and its deployments.");

const tagKey = z
  .string()
  .min(1)
  .max(128, { error: "tag names are at most 128 characters here (storage accounts' limit)" })
  .regex(/^[^<>%&\\?/]+$/, { error: "tag names cannot contain < > % & \\ ? /" });

export const environmentSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9]{1,7}$/, {
        error:
          "must be 2-8 lower-case letters or digits, starting with a letter (it is part of every resource name)",
      })
      .describe("Environment name; the file must be named <name>.yaml."),
    workload: z
      .string()
      .regex(/^[a-z][a-z0-9]{1,9}$/, {
        error:
          "must be 2-10 lower-case letters or digits, starting with a letter (it is part of every resource name)",
      })
      .default("aoai")
      .describe("Short workload name used in resource names."),
    subscriptionId: guid("subscription").describe("Subscription that holds the environment."),
    tenantId: guid("Entra tenant").optional().describe("Entra tenant of the subscription."),
    protected: z
      .boolean()
      .default(true)
      .describe(
        "Protected environments keep accounts recoverable: delete locks, prevent_destroy, no purge on destroy.",
      ),
    owner: z.string().min(1).max(256).describe("Owning team or contact, written to the owner tag."),
    costCenter: z.string().min(1).max(256).describe("Cost centre, written to the cost-center tag."),
    tags: z.record(tagKey, z.string().max(256)).default({}).describe("Extra tags for every resource."),
    primaryRegion: z
      .enum(REGION_NAMES, { error: `must be an Azure OpenAI region: ${REGION_NAMES.join(", ")}` })
      .optional()
      .describe("Region of the shared resources (resource group, Log Analytics). Default: the first region."),
    logAnalytics: z
      .strictObject({
        retentionDays: z
          .number()
          .int()
          .min(30, { error: "must be 30-730 days" })
          .max(730, { error: "must be 30-730 days" })
          .default(90),
      })
      .default({ retentionDays: 90 })
      .describe("The environment's Log Analytics workspace."),
    network: networkSchema.prefault({}),
    access: accessSchema,
    customerManagedKey: customerManagedKeySchema,
    azurePolicy: azurePolicySchema,
    defenderForAI: defenderSchema,
    contentFilters: contentFiltersSchema,
    blocklists: blocklistsSchema,
    quotas: quotasSchema,
    workloads: workloadsSchema,
    monitoring: monitoringSchema,
    gateway: gatewaySchema,
    waivers: waiversSchema,
    stateBackend: stateBackendSchema,
    ci: ciSchema,
    regions: z
      .array(regionSchema)
      .min(1, { error: "an environment needs at least one region" })
      .describe("Regions, each with one account. The first is the primary region unless primaryRegion says."),
  })
  .superRefine((env, ctx) => {
    const seen = new Map<string, number>();
    env.regions.forEach((r, i) => {
      const first = seen.get(r.location);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["regions", i, "location"],
          input: r.location,
          message: `duplicate region (also at regions[${first}]); an environment has one account per region`,
        });
      } else seen.set(r.location, i);
    });
    if (env.primaryRegion && !seen.has(env.primaryRegion)) {
      ctx.addIssue({
        code: "custom",
        path: ["primaryRegion"],
        input: env.primaryRegion,
        message: `must be one of the environment's regions: ${[...seen.keys()].join(", ")}`,
      });
    }
  })
  .describe("One environment of the Azure OpenAI estate.");

export type EnvironmentConfig = z.infer<typeof environmentSchema>;
export type RegionConfig = z.infer<typeof regionSchema>;
export type DeploymentConfig = z.infer<typeof deploymentSchema>;
