/**
 * Config → Estate: every decision (names, tags, ordering, protection) is made here, as pure functions,
 * so stacks only map decided values onto constructs. Problems are collected across all environments
 * and thrown together as one ConfigError, each located in its file.
 */
import { resolveWaivers } from "./waivers";
import { isProvisioned } from "../catalog/deployment-types";
import { placeWorkloads } from "./placement/workloads";
import { workloadTargets } from "./placement/targets";
import { planGateway } from "./gateway/plan";
import { ConfigError, type ConfigIssue } from "../config/errors";
import type { LoadedEnvironment } from "../config/load";
import type { RegionConfig } from "../config/schema";
import { scopeIds } from "../catalog/resource-ids";
import { resolveAccess, type AccessGrant } from "./access";
import { accountOperations } from "./account-operations";
import { BLOB_ZONE, PRIVATE_DNS_ZONES, zonesForKind, zonesForRegion } from "../catalog/private-dns";
import { regionFacts } from "../catalog/regions";
import { STORAGE_BLOB_DATA_CONTRIBUTOR, STORAGE_BLOB_DATA_READER } from "../catalog/roles";
import { checkNetworkPlan } from "./network-plan";
import { isCalendarDate, today } from "./today";
import {
  checkCustomerManagedKey,
  defenderForAI,
  policyAssignments,
  regionCustomerManagedKey,
  usesCustomerManagedKey,
} from "./security";
import { resolveContentFilters, type ResolvedContentFilters } from "./content-filters";
import { checkAccountLimits, checkDeployment, checkFineTuning } from "./model-checks";
import { checkQuotas, type QuotaUse } from "./quotas";
import {
  accountEndpointNames,
  nameProblems,
  regionNames,
  sharedNames,
  type NamedResult,
  type NameParts,
} from "./naming";
import { mergeTags } from "./tags";
import type { EnvironmentEstate, Estate, RegionEstate, RegionNetworkEstate, ScopedRoleGrant } from "./types";

/** What resolving collects across environments. */
export interface ResolveContext {
  readonly issues: ConfigIssue[];
  readonly warnings: ConfigIssue[];
  /** The day lifecycle is judged on (YYYY-MM-DD). */
  readonly today: string;
  readonly quotaUses: QuotaUse[];
}

export interface ResolveOptions {
  /**
   * Judge model lifecycles as of this day (YYYY-MM-DD), for reproducible runs.
   * @default $AOAI_TODAY, else the current UTC date
   */
  readonly today?: string;
}

export function sharedStackName(environment: string): string {
  return `${environment}-shared`;
}

export function regionStackName(environment: string, location: string): string {
  return `${environment}-${location}`;
}

function resolveNetwork(
  env: LoadedEnvironment,
  region: RegionConfig,
  names: ReturnType<typeof regionNames>,
): RegionNetworkEstate {
  const { network } = env.config;
  if (network.mode === "landingZone") {
    return { mode: "landingZone", privateEndpointSubnetId: region.network?.privateEndpointSubnetId ?? "" };
  }
  // Missing values are reported by checkNetworkPlan; the empty strings never reach a stack.
  const addressSpace = region.network?.addressSpace ?? "";
  return {
    mode: "managed",
    virtualNetwork: { name: names.virtualNetwork.name, addressSpace },
    privateEndpointSubnet: {
      name: names.privateEndpointSubnet.name,
      addressPrefix: region.network?.privateEndpointSubnet ?? "",
    },
    networkSecurityGroup: {
      name: names.networkSecurityGroup.name,
      allowedInboundRanges: [addressSpace, ...network.clientRanges],
    },
  };
}

/** What one region is resolved from: its config and what its environment has already decided. */
interface RegionInputs {
  readonly env: LoadedEnvironment;
  readonly parts: NameParts;
  readonly region: RegionConfig;
  readonly index: number;
  readonly tags: Readonly<Record<string, string>>;
  readonly grants: readonly AccessGrant[];
  readonly filters: ResolvedContentFilters;
}

function resolveRegion(inputs: RegionInputs, ctx: ResolveContext): RegionEstate {
  const { env, parts, region, index, tags, grants, filters } = inputs;
  const { issues } = ctx;
  const { network } = env.config;
  const sub = env.config.subscriptionId;
  const facts = regionFacts(region.location);
  const derived = regionNames(parts, facts.shortCode, region.kind);
  for (const problem of nameProblems(derived)) {
    issues.push(
      env.issueAt(
        ["regions", index, "location"],
        `${problem}: shorten workload or the environment name`,
        region.location,
      ),
    );
  }
  const names = adoptedNames(derived, region.adopt);
  const subdomain = region.adopt?.customSubdomainName ?? names.account.name;
  if (region.adopt) {
    const adopted: [string, NamedResult][] = [
      ["accountName", names.account],
      ["resourceGroupName", names.resourceGroup],
      ["customSubdomainName", { kind: names.account.kind, name: subdomain }],
    ];
    for (const [key, named] of adopted)
      for (const problem of nameProblems({ [key]: named }))
        issues.push(env.issueAt(["regions", index, "adopt", key], problem, named.name));
  }

  const accountId = scopeIds.account(sub, names.resourceGroup.name, names.account.name);
  const groupId = scopeIds.resourceGroup(sub, names.resourceGroup.name);
  checkFineTuning(env, region, index, ctx.today, issues, ctx.warnings);
  checkAccountLimits(env, region, index, issues);
  const deployments = region.deployments.map((d, i) => {
    const checked = checkDeployment(
      { env, region, regionIndex: index, deployment: d, index: i },
      ctx.today,
      issues,
      ctx.warnings,
    );
    if (checked.quotaModel) {
      ctx.quotaUses.push({
        env,
        path: ["regions", index, "deployments", i, "capacity"],
        subscriptionId: sub,
        region: region.location,
        model: checked.quotaModel,
        type: d.type,
        capacity: d.capacity,
        uncatalogued: checked.uncatalogued ?? false,
      });
    }
    return {
      name: d.name,
      model: { format: d.model.format, name: d.model.name, version: d.model.version },
      type: d.type,
      capacity: d.capacity,
      versionUpgradeOption: d.versionUpgrade,
      raiPolicyName: d.contentFilter,
      catalog: checked.facts,
    };
  });
  const storageFqdn = `${names.storageAccount.name}.blob.core.windows.net`;
  const access: ScopedRoleGrant[] = grants
    .filter((g) => g.scope !== "environment" && (!g.regions || g.regions.includes(region.location)))
    .map(({ regions: _, source: __, ...g }) => ({
      ...g,
      scopeId: g.scope === "account" ? accountId : groupId,
    }));
  return {
    stackName: regionStackName(env.config.name, region.location),
    location: region.location,
    shortCode: facts.shortCode,
    dataZone: facts.dataZone,
    resourceGroupName: names.resourceGroup.name,
    account: {
      name: names.account.name,
      resourceId: accountId,
      kind: region.kind,
      // The subdomain is the account's DNS name: Entra ID auth and private endpoints need it.
      customSubdomainName: subdomain,
      // The legacy reason field still tags the account, so configs that use it see no change in plan.
      tags: network.publicAccess?.reason
        ? { ...tags, "public-access-reason": network.publicAccess.reason }
        : tags,
      networkBypass: network.trustedServicesBypass ? "AzureServices" : "None",
      publicAccess: network.publicAccess,
      // Outbound calls are restricted: the account may reach its key vault, its fine-tuning storage,
      // and what the config allows.
      allowedFqdns: [
        ...(usesCustomerManagedKey(env.config) ? [`${names.keyVault.name}.vault.azure.net`] : []),
        ...(region.fineTuning ? [storageFqdn] : []),
        ...network.allowedFqdns,
      ],
      deployments,
      alerted: {
        provisioned: deployments.some((d) => isProvisioned(d.type)),
        // Pay-per-token deployments: capacity is K tokens per minute (batch capacity is enqueued tokens).
        usage: deployments
          .filter((d) => !isProvisioned(d.type) && !d.type.endsWith("Batch"))
          .map((d) => ({ name: d.name, capacityK: d.capacity })),
      },
      operations: accountOperations({
        customerManagedKey: usesCustomerManagedKey(env.config),
        blocklists: filters.blocklists,
        contentFilters: filters.filters,
        deployments,
      }),
    },
    network: resolveNetwork(env, region, names),
    privateEndpoint: {
      name: names.accountPrivateEndpoint.name,
      networkInterfaceName: names.accountNetworkInterface.name,
      staticIp: region.network?.privateEndpointIp,
      zoneNames: network.dns.mode === "policy" ? [] : zonesForKind(region.kind),
    },
    access,
    customerManagedKey: regionCustomerManagedKey(env, {
      keyVault: names.keyVault.name,
      privateEndpoint: names.keyVaultPrivateEndpoint.name,
      networkInterface: names.keyVaultNetworkInterface.name,
    }),
    fineTuning: region.fineTuning && {
      storageAccountName: names.storageAccount.name,
      storageAccountId: scopeIds.storageAccount(sub, names.resourceGroup.name, names.storageAccount.name),
      containers: [...region.fineTuning.containers],
      baseModels: [...region.fineTuning.baseModels],
      access: {
        account: {
          key: "account-reader",
          roleId: STORAGE_BLOB_DATA_READER.id,
          roleName: STORAGE_BLOB_DATA_READER.name,
        },
        dataScientists: region.fineTuning.dataScientists.map((p) => ({
          key: `writer-${p.objectId.slice(0, 8).toLowerCase()}`,
          principal: { ...p },
          roleId: STORAGE_BLOB_DATA_CONTRIBUTOR.id,
          roleName: STORAGE_BLOB_DATA_CONTRIBUTOR.name,
        })),
      },
      privateEndpoint: {
        name: names.storagePrivateEndpoint.name,
        networkInterfaceName: names.storageNetworkInterface.name,
        zoneNames: network.dns.mode === "policy" ? [] : [BLOB_ZONE],
      },
    },
  };
}

export function resolveEnvironment(env: LoadedEnvironment, ctx: ResolveContext): EnvironmentEstate {
  const { issues } = ctx;
  const config = env.config;
  const parts: NameParts = {
    workload: config.workload,
    environment: config.name,
    subscriptionId: config.subscriptionId,
  };
  const primary = config.primaryRegion ?? config.regions[0]!.location;
  // Within the schema's limits on workload and environment names the shared names are always valid
  // (test/estate/naming.test.ts checks the longest); the regions' global names are checked per region.
  const shared = sharedNames(parts, regionFacts(primary).shortCode);
  checkNetworkPlan(env, issues);
  checkCustomerManagedKey(env, issues);
  const grants = resolveAccess(env, issues);
  const cmk = usesCustomerManagedKey(config);
  const { tags, problems } = mergeTags(config);
  const filters = resolveContentFilters(env, tags, issues);
  for (const p of problems) issues.push(env.issueAt(p.key ? ["tags", p.key] : ["tags"], p.message));

  return {
    name: config.name,
    sourceFile: env.file,
    subscriptionId: config.subscriptionId,
    tenantId: config.tenantId,
    protected: config.protected,
    today: ctx.today,
    alertThresholds: { ...config.monitoring.alerts },
    workloads: [], // resolveEstate adds the placed workloads' targets
    waivers: resolveWaivers(env, grants, ctx.warnings),
    peerRanges: config.network.peerRanges,
    tags,
    stateBackend:
      config.stateBackend?.type === "azurerm"
        ? {
            ...config.stateBackend,
            location: config.stateBackend.location ?? config.regions[0]!.location,
            containerScopeId: scopeIds.blobContainer(
              config.subscriptionId,
              config.stateBackend.resourceGroupName,
              config.stateBackend.storageAccountName,
              config.stateBackend.containerName,
            ),
          }
        : config.stateBackend,
    ci: config.ci,
    dns:
      config.network.dns.mode === "existing"
        ? { mode: "existing", zoneIds: { ...config.network.dns.zoneIds } }
        : { mode: config.network.dns.mode },
    shared: {
      stackName: sharedStackName(config.name),
      location: primary,
      resourceGroupName: shared.resourceGroup.name,
      logAnalytics: {
        name: shared.logAnalyticsWorkspace.name,
        retentionDays: config.logAnalytics.retentionDays,
      },
      privateDnsZones:
        config.network.dns.mode === "managed"
          ? PRIVATE_DNS_ZONES.filter((z) =>
              config.regions.some((r) => zonesForRegion(r.kind, cmk, r.fineTuning !== undefined).includes(z)),
            )
          : [],
      access: grants
        .filter((g) => g.scope === "environment")
        .map(({ regions: _, source: __, ...g }) => ({
          ...g,
          scopeId: scopeIds.subscription(config.subscriptionId),
        })),
      policyAssignments: policyAssignments(env),
      defenderForAI: defenderForAI(env),
      // Action groups are global resources, named within the shared resource group; the short name is in
      // every notification and has 12 characters at most.
      actionGroup:
        config.monitoring.emails.length > 0
          ? {
              name: `ag-${config.workload}-${config.name}`,
              shortName: `${config.workload}${config.name}`.slice(0, 12),
              emails: [...config.monitoring.emails],
            }
          : undefined,
    },
    regions: config.regions.map((region, index) =>
      resolveRegion({ env, parts, region, index, tags, grants, filters }, ctx),
    ),
    contentFilters: filters.filters,
    blocklists: filters.blocklists,
  };
}

/** Resolves every loaded environment; throws one ConfigError listing every problem found. */
export function resolveEstate(
  environments: readonly LoadedEnvironment[],
  options: ResolveOptions = {},
): Estate {
  const day = options.today ?? today();
  if (!isCalendarDate(day)) throw new Error(`today must be a day as YYYY-MM-DD (got "${day}")`);
  const ctx: ResolveContext = { issues: [], warnings: [], today: day, quotaUses: [] };
  const { issues } = ctx;
  const seen = new Map<string, string>();
  for (const env of environments) {
    const other = seen.get(env.config.name);
    if (other) issues.push(env.issueAt(["name"], `environment name also used by ${other}`, env.config.name));
    seen.set(env.config.name, env.file);
  }
  // Workloads become deployments first, so every check below judges them like hand-placed ones.
  const placed = placeWorkloads(environments, issues);
  environments = placed.environments;
  const resolved = environments.map((env) => {
    const base = resolveEnvironment(env, ctx);
    const estate = {
      ...base,
      workloads: workloadTargets(placed.placements.get(env.config.name) ?? [], base),
    };
    return { ...estate, gateway: planGateway(env, estate, issues) };
  });
  checkSharedSubscriptions(environments, resolved, issues);
  const quotas = checkQuotas(environments, ctx.quotaUses, issues);
  if (issues.length > 0) throw new ConfigError(issues);
  return { environments: resolved, warnings: ctx.warnings, quotas };
}

/**
 * Subscription-wide resources have one owner: Defender's pricing is a singleton, policy assignments
 * apply to every environment in the subscription, and equal grants would get the same assignment name.
 */
function checkSharedSubscriptions(
  environments: readonly LoadedEnvironment[],
  resolved: readonly EnvironmentEstate[],
  issues: ConfigIssue[],
): void {
  const owners = new Map<string, { defender?: string; policy?: string; grants: Map<string, string> }>();
  resolved.forEach((estate, i) => {
    const env = environments[i]!;
    const sub = estate.subscriptionId.toLowerCase();
    const owner = owners.get(sub) ?? { grants: new Map<string, string>() };
    owners.set(sub, owner);
    if (estate.shared.defenderForAI) {
      if (owner.defender)
        issues.push(
          env.issueAt(
            ["defenderForAI"],
            `the subscription's Defender for AI plan is already managed by ${owner.defender}; set defenderForAI: false here`,
          ),
        );
      else owner.defender = env.file;
    }
    if (estate.shared.policyAssignments.length > 0) {
      if (owner.policy)
        issues.push(
          env.issueAt(
            ["azurePolicy", "assign"],
            `the subscription's policies are already assigned by ${owner.policy} and apply here too; set assign: false`,
          ),
        );
      else owner.policy = env.file;
    }
    for (const grant of estate.shared.access) {
      const id = `${grant.roleId}|${grant.principal.objectId.toLowerCase()}`;
      const other = owner.grants.get(id);
      // Within one environment, checkOverlaps (estate/access.ts) already reports it at the grant.
      if (other && other !== env.file)
        issues.push(
          env.issueAt(
            ["access"],
            `${grant.principal.displayName} already holds ${grant.roleName} on this subscription through ${other}; grant it in one environment`,
          ),
        );
      else owner.grants.set(id, env.file);
    }
  });
}

/** An adopted account keeps its own names; everything else derives from them as before. */
function adoptedNames(
  names: ReturnType<typeof regionNames>,
  adopt: RegionConfig["adopt"],
): ReturnType<typeof regionNames> {
  if (!adopt) return names;
  return {
    ...names,
    account: { ...names.account, name: adopt.accountName },
    resourceGroup: { ...names.resourceGroup, name: adopt.resourceGroupName ?? names.resourceGroup.name },
    ...accountEndpointNames(adopt.accountName),
  };
}
