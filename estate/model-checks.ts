/**
 * Deployments against the model catalog, before synth: the model and version exist, the deployment type
 * offers them in the region (data-zone types only inside the region's data zone), capacity respects
 * the PTU minimum and step, the account's deployment limits hold, and the lifecycle allows it
 * (retired: error; retiring within 90 days: warning). Quota is summed across environments later,
 * per subscription, in checkQuotas.
 */
import type { ConfigIssue } from "../config/errors";
import { closest } from "../config/suggest";
import type { LoadedEnvironment } from "../config/load";
import type { DeploymentConfig, RegionConfig } from "../config/schema";
import { isDataZone, isProvisioned, type DeploymentType } from "../catalog/deployment-types";
import {
  ACCOUNT_LIMITS,
  MODELS,
  modelFacts,
  modelVersions,
  RETIREMENT_WARNING_DAYS,
  type Lifecycle,
  type ModelVersionFacts,
} from "../catalog/models";
import { regionFacts } from "../catalog/regions";
import type { DeploymentCatalogFacts } from "./types";

/** A fine-tuned model's name: <base model>-<base version>.ft-<job id>. */
const FINE_TUNED = /^(.+)\.ft-([A-Za-z0-9_-]+)$/;

export interface CheckedDeployment {
  readonly facts: DeploymentCatalogFacts;
  /** Present when the quota check applies: the model whose quota the capacity draws on. */
  readonly quotaModel?: string;
  /** Not in the catalog, deliberately: its quota must be declared. */
  readonly uncatalogued?: boolean;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const list = (items: readonly string[], max = 8) =>
  items.length > max ? `${items.slice(0, max).join(", ")} and ${items.length - max} more` : items.join(", ");

/**
 * The replacement, or the first in its chain of replacements that is still served today (o3-mini was
 * replaced by o4-mini, which has retired too). It is Microsoft's only when the schedule names every link.
 */
export function liveReplacement(
  name: string,
  today: string,
  byMicrosoft = true,
): { readonly name: string; readonly byMicrosoft: boolean } | undefined {
  const seen = new Set<string>();
  let current: string | undefined = name;
  let official = byMicrosoft;
  while (current && !seen.has(current)) {
    seen.add(current);
    const versions = modelVersions(current);
    if (versions.some((v) => !v.lifecycle.retires || daysBetween(today, v.lifecycle.retires) > 0))
      return { name: current, byMicrosoft: official };
    const next = versions.find((v) => v.lifecycle.replacement)?.lifecycle;
    official &&= next?.replacementByMicrosoft === true;
    current = next?.replacement;
  }
  return undefined;
}

/** Fine-tunable base models, by the name a fine-tuned model carries (gpt-4.1-mini-2025-04-14). */
function fineTunableBase(base: string): ModelVersionFacts | undefined {
  return MODELS.find((m) => m.fineTuning && (`${m.name}-${m.version}` === base || m.name === base));
}

/** One deployment being checked: where it is in the config, and where its findings go. */
interface DeploymentCheck {
  readonly env: LoadedEnvironment;
  readonly region: RegionConfig;
  readonly deployment: DeploymentConfig;
  readonly today: string;
  /** Path of the deployment in the environment file. */
  readonly path: readonly (string | number)[];
  readonly error: (sub: (string | number)[], message: string, value?: unknown) => void;
  readonly warn: (message: string) => void;
}

export interface DeploymentAt {
  readonly env: LoadedEnvironment;
  readonly region: RegionConfig;
  readonly regionIndex: number;
  readonly deployment: DeploymentConfig;
  readonly index: number;
}

/** Checks one deployment against the catalog; problems go to `issues`, advice to `warnings`. */
export function checkDeployment(
  at: DeploymentAt,
  today: string,
  issues: ConfigIssue[],
  warnings: ConfigIssue[],
): CheckedDeployment {
  const { env, region, deployment } = at;
  const path = ["regions", at.regionIndex, "deployments", at.index];
  const check: DeploymentCheck = {
    env,
    region,
    deployment,
    today,
    path,
    error: (sub, message, value) => issues.push(env.issueAt([...path, ...sub], message, value)),
    warn: (message) => warnings.push(env.issueAt([...path, "model"], message, deployment.model.name)),
  };
  const { model } = deployment;

  const fineTuned = FINE_TUNED.exec(model.name);
  if (fineTuned) return checkFineTuned(check, fineTuned[1]!, fineTuned[2]!);

  const versions = modelVersions(model.name);
  if (deployment.uncatalogued) {
    const stated = checkUncatalogued(check, versions);
    if (stated) return stated;
  }
  if (versions.length === 0) {
    const names = [...new Set(MODELS.map((m) => m.name))];
    // gpt-6 is a new model, not a typo of gpt-5: only names with the same digits are suggested.
    const digits = (text: string) => text.replace(/\D/g, "");
    const meant = closest(model.name, names, (n) => digits(n) === digits(model.name));
    check.error(
      ["model", "name"],
      meant
        ? `is not in the model catalog (catalog/models.ts): did you mean ${meant}?`
        : `is not in the model catalog (catalog/models.ts); known: ${list(names, 40)}. ` +
            "A model newer than the catalog is deployed with uncatalogued: { reason }",
      model.name,
    );
    return { facts: { capability: "chat", lifecycle: { status: "GA" } } };
  }
  const facts = modelFacts(model.name, model.version);
  if (!facts) {
    check.error(
      ["model", "version"],
      `is not a version of ${model.name} in the catalog; known: ${versions.map((v) => v.version).join(", ")}. ` +
        "A version newer than the catalog is deployed with uncatalogued: { reason }",
      model.version,
    );
    return { facts: { capability: versions[0]!.capability, lifecycle: versions[0]!.lifecycle } };
  }

  checkLifecycle(check, facts.lifecycle.retires, `${model.name} ${model.version}`, facts.lifecycle);
  if (checkOffered(check, facts))
    checkCapacity(facts, deployment.type, deployment.capacity, region.location, check.error);
  return {
    facts: {
      capability: facts.capability,
      lifecycle: facts.lifecycle,
      unit: isProvisioned(deployment.type) ? "PTU" : facts.unit,
    },
    quotaModel: model.name,
  };
}

/** Retired: an error. Within 90 days, Legacy or Deprecated: a warning, with the replacement. */
function checkLifecycle(
  check: DeploymentCheck,
  retires: string | undefined,
  what: string,
  facts?: Lifecycle,
) {
  if (!retires) return;
  const days = daysBetween(check.today, retires);
  const live = facts?.replacement
    ? liveReplacement(facts.replacement, check.today, facts.replacementByMicrosoft === true)
    : undefined;
  const instead = !live
    ? ""
    : live.byMicrosoft
      ? `; Microsoft's replacement: ${live.name}`
      : `; suggested replacement (Microsoft names none): ${live.name}`;
  if (days <= 0)
    check.error(
      ["model"],
      `${what} retired on ${retires}: Azure no longer serves it${instead}`,
      check.deployment.model.name,
    );
  else if (days <= RETIREMENT_WARNING_DAYS)
    check.warn(`${what} retires on ${retires}, in ${days} days${instead}`);
  else if (facts?.status === "Legacy")
    check.warn(
      `${what} is Legacy: a newer model exists, so plan the move before it retires on ${retires}${instead}`,
    );
  else if (facts?.status === "Deprecated")
    check.warn(
      `${what} is deprecated: only subscriptions that already deploy it can create deployments, until it retires on ${retires}${instead}`,
    );
}

/** A fine-tuned model (<base>-<version>.ft-<job>): deployed where it was trained, by the base's rules. */
function checkFineTuned(check: DeploymentCheck, base: string, jobId: string): CheckedDeployment {
  const { model, type, capacity } = check.deployment;
  const location = check.region.location;
  const facts = fineTunableBase(base);
  if (!facts?.fineTuning) {
    const bases = MODELS.filter((m) => m.fineTuning).map((m) => `${m.name}-${m.version}`);
    check.error(
      ["model", "name"],
      `names no fine-tunable base model; fine-tuned names start with one of: ${list(bases)}`,
      base,
    );
    return { facts: { capability: "chat", lifecycle: { status: "GA" }, fineTunedFrom: base } };
  }
  const ft = facts.fineTuning;
  if (model.version !== "1")
    check.error(["model", "version"], 'must be "1": Azure versions fine-tuned models as 1', model.version);
  if (!check.region.fineTuning?.baseModels.includes(facts.name)) {
    check.error(
      ["model", "name"],
      `a fine-tuned model is deployed on the account that trained it: add fineTuning with baseModels: [${facts.name}] to this region`,
      model.name,
    );
  }
  const where = ft.deployments[type];
  if (!where?.includes(location)) {
    const offered = Object.entries(ft.deployments)
      .filter(([, regions]) => regions.includes(location))
      .map(([t]) => t);
    check.error(
      ["type"],
      `fine-tuned ${facts.name} cannot be deployed as ${type} in ${location}; here it can be: ${offered.join(", ") || "nothing"}`,
      type,
    );
  }
  checkLifecycle(check, ft.retires, `fine-tuned ${facts.name}`);
  if (where?.includes(location)) checkCapacity(facts, type, capacity, location, check.error);
  return {
    facts: {
      capability: facts.capability,
      lifecycle: { status: "GA", retires: ft.retires },
      unit: isProvisioned(type) ? "PTU" : facts.unit,
      fineTunedFrom: `${facts.name}-${facts.version}`,
      jobId,
    },
  };
}

/**
 * `uncatalogued: { reason }`: a model the catalog does not list yet is deployed as stated, with a warning.
 * Refused on a catalogued model, so it cannot switch checks off. Undefined when the catalog knows it.
 */
function checkUncatalogued(
  check: DeploymentCheck,
  versions: readonly ModelVersionFacts[],
): CheckedDeployment | undefined {
  const { model, type, uncatalogued } = check.deployment;
  if (versions.some((v) => v.version === model.version)) {
    check.error(
      ["uncatalogued"],
      `${model.name} ${model.version} is in the catalog: remove uncatalogued, so every check applies`,
      uncatalogued!.reason,
    );
    return undefined;
  }
  check.warn(
    `${model.name} ${model.version} is not in the catalog and is deployed as stated (${uncatalogued!.reason}): ` +
      "regional availability, PTU sizes and lifecycle are not checked",
  );
  return {
    facts: {
      capability: versions[0]?.capability ?? "unknown",
      lifecycle: { status: "GA" },
      unit: isProvisioned(type) ? "PTU" : (versions[0]?.unit ?? "1K TPM"),
      uncatalogued: uncatalogued!.reason,
    },
    quotaModel: model.name,
    uncatalogued: true,
  };
}

/**
 * Whether the type offers the model in the region. When not, the message lists first what the region
 * offers instead (the smallest change), then where the type is: in the same data zone for data-zone types.
 */
function checkOffered(check: DeploymentCheck, facts: ModelVersionFacts): boolean {
  const { model, type } = check.deployment;
  const location = check.region.location;
  const regions = facts.offers[type];
  if (regions?.includes(location)) return true;
  const what = `${model.name} ${model.version}`;
  if (!regions) {
    const types = Object.keys(facts.offers);
    check.error(["type"], `${what} is not offered as ${type}; it is offered as: ${types.join(", ")}`, type);
    return false;
  }
  const zone = regionFacts(location).dataZone;
  if (isDataZone(type) && !zone) {
    check.error(
      ["type"],
      `${location} is in no Microsoft data zone (US or EU), so it has no ${type} deployments`,
      type,
    );
    return false;
  }
  const here = Object.entries(facts.offers)
    .filter(([, where]) => where.includes(location))
    .map(([t]) => t);
  const instead = here.length > 0 ? `; ${location} offers it as ${here.join(", ")}` : "";
  const nearby = zone ? regions.filter((r) => regionFacts(r).dataZone === zone) : [];
  // Never suggest another data zone for a data-zone type: that would move where data is processed.
  const elsewhere =
    nearby.length > 0
      ? `; as ${type} in the ${zone} data zone: ${list(nearby)}`
      : isDataZone(type)
        ? `; as ${type} it is not offered in the ${zone} data zone at all`
        : `; as ${type} in: ${list(regions)}`;
  check.error(["type"], `${what} is not offered as ${type} in ${location}${instead}${elsewhere}`, type);
  return false;
}

function checkCapacity(
  facts: ModelVersionFacts,
  type: DeploymentType,
  capacity: number,
  location: string,
  error: (sub: (string | number)[], message: string, value?: unknown) => void,
): void {
  if (!isProvisioned(type)) return;
  if (!facts.ptu) {
    error(
      ["type"],
      `the catalog has no PTU sizes for ${facts.name}; add them before deploying it as ${type}`,
      type,
    );
    return;
  }
  const rules = type === "ProvisionedManaged" ? facts.ptu.regional : facts.ptu.globalAndDataZone;
  if (capacity < rules.min || (capacity - rules.min) % rules.step !== 0) {
    error(
      ["capacity"],
      `${type} ${facts.name} in ${location} takes at least ${rules.min} PTUs, in steps of ${rules.step} (${rules.min}, ${rules.min + rules.step}, ${rules.min + 2 * rules.step}, ...)`,
      capacity,
    );
  } else if (capacity > ACCOUNT_LIMITS.ptuPerDeployment) {
    error(["capacity"], `a deployment holds at most ${ACCOUNT_LIMITS.ptuPerDeployment} PTUs`, capacity);
  }
}

/** Limits per account: standard deployments and fine-tuned deployments. */
export function checkAccountLimits(
  env: LoadedEnvironment,
  region: RegionConfig,
  regionIndex: number,
  issues: ConfigIssue[],
): void {
  const standard = region.deployments.filter((d) => !isProvisioned(d.type));
  if (standard.length > ACCOUNT_LIMITS.standardDeployments) {
    issues.push(
      env.issueAt(
        ["regions", regionIndex, "deployments"],
        `has ${standard.length} standard deployments; an account takes at most ${ACCOUNT_LIMITS.standardDeployments}: move some to another region`,
      ),
    );
  }
  const fineTuned = region.deployments.filter((d) => FINE_TUNED.test(d.model.name));
  if (fineTuned.length > ACCOUNT_LIMITS.fineTunedDeployments) {
    issues.push(
      env.issueAt(
        ["regions", regionIndex, "deployments"],
        `has ${fineTuned.length} fine-tuned deployments; an account takes at most ${ACCOUNT_LIMITS.fineTunedDeployments}`,
      ),
    );
  }
}

/** Whether the base model can be trained in the region (regional training keeps data in the region). */
export function checkFineTuning(
  env: LoadedEnvironment,
  region: RegionConfig,
  regionIndex: number,
  today: string,
  issues: ConfigIssue[],
  warnings: ConfigIssue[],
): void {
  region.fineTuning?.baseModels.forEach((name, i) => {
    const at = ["regions", regionIndex, "fineTuning", "baseModels", i];
    const facts = MODELS.find((m) => m.name === name && m.fineTuning);
    if (!facts?.fineTuning) {
      const trainable = [...new Set(MODELS.filter((m) => m.fineTuning).map((m) => m.name))];
      issues.push(
        env.issueAt(at, `cannot be fine-tuned; fine-tunable models: ${trainable.join(", ")}`, name),
      );
    } else if (!facts.fineTuning.trainingRegions.includes(region.location)) {
      issues.push(
        env.issueAt(
          at,
          `is not trained in ${region.location}; regional training is offered in: ${facts.fineTuning.trainingRegions.join(", ")}`,
          name,
        ),
      );
    } else if (facts.lifecycle.retires) {
      // A Legacy base is no warning here: the training infrastructure has nothing to move to until a newer
      // model is fine-tunable in the region (the estate report shows the stage). Its fine-tuned deployments
      // keep their own, later date; whether jobs still start after the base retires is not documented.
      const retires = facts.lifecycle.retires;
      const days = daysBetween(today, retires);
      const deployed = `fine-tuned deployments run until ${facts.fineTuning.retires ?? "their own retirement"}`;
      if (days <= 0)
        warnings.push(
          env.issueAt(
            at,
            `base model ${name} retired on ${retires}; ${deployed}, but check that Azure still starts training jobs for it`,
            name,
          ),
        );
      else if (days <= RETIREMENT_WARNING_DAYS)
        warnings.push(
          env.issueAt(at, `base model ${name} retires on ${retires}, in ${days} days; ${deployed}`, name),
        );
    }
  });
}
