/**
 * Quota: Azure grants capacity per subscription, region, model (all versions) and deployment type.
 * The sum over every deployment in a subscription, across environments, must fit the quota: the
 * catalog's default (tier 1), or the grant a config declares with its reason.
 */
import type { ConfigIssue, ConfigPath } from "../config/errors";
import type { LoadedEnvironment } from "../config/load";
import { isProvisioned, type DeploymentType } from "../catalog/deployment-types";
import type { ImportedCatalog } from "../catalog/azure-api";
import { IMPORTED } from "../catalog/generated/azure";
import { modelVersions } from "../catalog/models";
import type { QuotaUsage } from "./types";

export interface QuotaUse {
  readonly env: LoadedEnvironment;
  /** Where the capacity is set, for the error. */
  readonly path: ConfigPath;
  readonly subscriptionId: string;
  readonly region: string;
  readonly model: string;
  readonly type: DeploymentType;
  readonly capacity: number;
  /** A model the catalog does not list (uncatalogued): only a declared quota can bound it. */
  readonly uncatalogued: boolean;
}

/** Provisioned quota is per shape (type), shared by every model: PTUs are counted together. */
export const ALL_MODELS = "(all models)";
const quotaModel = (model: string, type: DeploymentType) => (isProvisioned(type) ? ALL_MODELS : model);
const keyOf = (sub: string, region: string, model: string, type: DeploymentType) =>
  [sub.toLowerCase(), region, quotaModel(model, type), type].join("|");
/** The key capacity is counted under: subscription, region, model (all for provisioned) and type. */
export const quotaKey = keyOf;

/**
 * The subscription's quota for a model and type in a region: a grant some environment of the
 * subscription declares, else the subscription's imported usage, else the catalog's default.
 */
export function quotaLimit(
  environments: readonly LoadedEnvironment[],
  subscriptionId: string,
  region: string,
  model: string,
  type: DeploymentType,
): number | undefined {
  return quotaSource(environments, subscriptionId, region, model, type).limit;
}

/** The quota and where it comes from; the first environment declaring a grant speaks for the subscription. */
function quotaSource(
  environments: readonly LoadedEnvironment[],
  subscriptionId: string,
  region: string,
  model: string,
  type: DeploymentType,
): { limit?: number; source?: "config" | "subscription" | "catalog" } {
  const key = keyOf(subscriptionId, region, model, type);
  const declared = environments
    .flatMap((e) => e.config.quotas.map((q) => ({ q, sub: e.config.subscriptionId })))
    .find(({ q, sub }) => keyOf(sub, q.region, q.model, q.type) === key)?.q.capacity;
  if (declared !== undefined) return { limit: declared, source: "config" };
  const subscription = subscriptionQuota(subscriptionId, region, model, type);
  if (subscription !== undefined) return { limit: subscription, source: "subscription" };
  const catalog = modelVersions(quotaModel(model, type)).find((m) => m.defaultQuota?.[type] !== undefined)
    ?.defaultQuota?.[type];
  return catalog !== undefined ? { limit: catalog, source: "catalog" } : {};
}

const SOURCE_WORDS = {
  config: "declared",
  subscription: "the subscription's, imported",
  catalog: "catalog default",
};

/**
 * The subscription's own quota from imported usages: the usage that the model's SKU names in the
 * imported model list, else Azure's usual name, OpenAI.<type>.<model>.
 */
export function subscriptionQuota(
  subscriptionId: string,
  region: string,
  model: string,
  type: DeploymentType,
  imported: ImportedCatalog = IMPORTED,
): number | undefined {
  const usages = imported.usages.filter(
    (u) => u.subscriptionId === subscriptionId.toLowerCase() && u.location === region,
  );
  if (usages.length === 0) return undefined;
  const named = imported.models
    .filter((m) => m.location === region && (isProvisioned(type) || m.name === model))
    .flatMap((m) => m.skus)
    .find((s) => s.type === type && s.usageName)?.usageName;
  const names = [named, `OpenAI.${type}.${model}`].filter((n): n is string => n !== undefined);
  return usages.find((u) => names.includes(u.name))?.limit;
}

export function checkQuotas(
  environments: readonly LoadedEnvironment[],
  uses: readonly QuotaUse[],
  issues: ConfigIssue[],
): QuotaUsage[] {
  // Declared grants, per subscription; two environments sharing one must agree.
  const declared = new Map<string, { capacity: number; env: LoadedEnvironment }>();
  for (const env of environments) {
    env.config.quotas.forEach((q, i) => {
      const deployedUncatalogued = uses.some((u) => u.uncatalogued && u.model === q.model);
      if (!isProvisioned(q.type) && modelVersions(q.model).length === 0 && !deployedUncatalogued) {
        issues.push(env.issueAt(["quotas", i, "model"], "is not in the model catalog", q.model));
        return;
      }
      const key = keyOf(env.config.subscriptionId, q.region, q.model, q.type);
      const other = declared.get(key);
      if (other && other.capacity !== q.capacity) {
        issues.push(
          env.issueAt(
            ["quotas", i, "capacity"],
            `${other.env.file} declares ${other.capacity} for the same subscription, region, model and type; the subscription has one quota`,
            q.capacity,
          ),
        );
      } else if (!other) declared.set(key, { capacity: q.capacity, env });
    });
  }

  const groups = new Map<string, QuotaUse[]>();
  for (const use of uses) {
    const key = keyOf(use.subscriptionId, use.region, use.model, use.type);
    groups.set(key, [...(groups.get(key) ?? []), use]);
  }

  const usage: QuotaUsage[] = [];
  for (const group of groups.values()) {
    const { subscriptionId, region, type } = group[0]!;
    const model = quotaModel(group[0]!.model, type);
    const used = group.reduce((sum, u) => sum + u.capacity, 0);
    const { limit, source } = quotaSource(environments, subscriptionId, region, group[0]!.model, type);
    usage.push({ subscriptionId, region, model, type, used, limit, source });
    const uncatalogued = group.find((u) => u.uncatalogued);
    if (limit === undefined && uncatalogued) {
      issues.push(
        uncatalogued.env.issueAt(
          uncatalogued.path,
          `${model} is not in the catalog, which has no default quota for it: declare the subscription's ${type} quota in ${region} under quotas: with its reason`,
          uncatalogued.capacity,
        ),
      );
      continue;
    }
    if (limit === undefined || used <= limit) continue;
    const last = group.at(-1)!;
    const parts = group
      .map((u) => `${u.env.config.name}${isProvisioned(type) ? ` ${u.model}` : ""} ${u.capacity}`)
      .join(" + ");
    const fix =
      source === "config"
        ? "lower capacity, or raise the declared quota once Azure grants more"
        : "lower capacity, or declare the subscription's granted quota under quotas: with its reason";
    issues.push(
      last.env.issueAt(
        last.path,
        `${model} ${type} in ${region} needs ${used} units (${parts}) but the subscription's quota is ${limit} (${SOURCE_WORDS[source!]}): ${fix}`,
        last.capacity,
      ),
    );
  }
  return usage;
}
