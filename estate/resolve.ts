/**
 * Config → Estate: every decision (names, tags, ordering, protection) is made here, as pure functions,
 * so stacks only map decided values onto constructs. Problems are collected across all environments
 * and thrown together as one ConfigError, each located in its file.
 */
import { ConfigError, type ConfigIssue } from "../config/errors";
import type { LoadedEnvironment } from "../config/load";
import type { RegionConfig } from "../config/schema";
import { regionFacts } from "./catalog/regions";
import { nameProblems, regionNames, sharedNames, type NameParts } from "./naming";
import { mergeTags } from "./tags";
import type { EnvironmentEstate, Estate, RegionEstate } from "./types";

export function sharedStackName(environment: string): string {
  return `${environment}-shared`;
}

export function regionStackName(environment: string, location: string): string {
  return `${environment}-${location}`;
}

function resolveRegion(
  env: LoadedEnvironment,
  parts: NameParts,
  region: RegionConfig,
  index: number,
  issues: ConfigIssue[],
): RegionEstate {
  const facts = regionFacts(region.location);
  const names = regionNames(parts, facts.shortCode, region.kind);
  for (const problem of nameProblems(names)) {
    issues.push(
      env.issueAt(
        ["regions", index, "location"],
        `${problem}: shorten workload or the environment name`,
        region.location,
      ),
    );
  }
  return {
    stackName: regionStackName(env.config.name, region.location),
    location: region.location,
    shortCode: facts.shortCode,
    dataZone: facts.dataZone,
    resourceGroupName: names.resourceGroup.name,
    account: {
      name: names.account.name,
      kind: region.kind,
      // The subdomain is the account's DNS name: Entra ID auth and private endpoints need it.
      customSubdomainName: names.account.name,
      deployments: region.deployments.map((d) => ({
        name: d.name,
        model: { format: d.model.format, name: d.model.name, version: d.model.version },
        type: d.type,
        capacity: d.capacity,
        versionUpgradeOption: d.versionUpgrade,
        raiPolicyName: d.contentFilter,
      })),
    },
    names: {
      virtualNetwork: names.virtualNetwork.name,
      privateEndpointSubnet: names.privateEndpointSubnet.name,
      networkSecurityGroup: names.networkSecurityGroup.name,
      accountPrivateEndpoint: names.accountPrivateEndpoint.name,
      keyVault: names.keyVault.name,
      storageAccount: names.storageAccount.name,
      userAssignedIdentity: names.userAssignedIdentity.name,
    },
  };
}

export function resolveEnvironment(env: LoadedEnvironment, issues: ConfigIssue[]): EnvironmentEstate {
  const config = env.config;
  const parts: NameParts = {
    workload: config.workload,
    environment: config.name,
    subscriptionId: config.subscriptionId,
  };
  const primary = config.primaryRegion ?? config.regions[0]!.location;
  const shared = sharedNames(parts, regionFacts(primary).shortCode);
  for (const problem of nameProblems(shared)) {
    issues.push(
      env.issueAt(["workload"], `${problem}: shorten workload or the environment name`, config.workload),
    );
  }
  const { tags, problems } = mergeTags(config);
  for (const p of problems) issues.push(env.issueAt(p.key ? ["tags", p.key] : ["tags"], p.message));

  return {
    name: config.name,
    sourceFile: env.file,
    subscriptionId: config.subscriptionId,
    tenantId: config.tenantId,
    protected: config.protected,
    tags,
    stateBackend: config.stateBackend,
    shared: {
      stackName: sharedStackName(config.name),
      location: primary,
      resourceGroupName: shared.resourceGroup.name,
      logAnalytics: {
        name: shared.logAnalyticsWorkspace.name,
        retentionDays: config.logAnalytics.retentionDays,
      },
    },
    regions: config.regions.map((r, i) => resolveRegion(env, parts, r, i, issues)),
  };
}

/** Resolves every loaded environment; throws one ConfigError listing every problem found. */
export function resolveEstate(environments: readonly LoadedEnvironment[]): Estate {
  const issues: ConfigIssue[] = [];
  const seen = new Map<string, string>();
  for (const env of environments) {
    const other = seen.get(env.config.name);
    if (other) issues.push(env.issueAt(["name"], `environment name also used by ${other}`, env.config.name));
    seen.set(env.config.name, env.file);
  }
  const resolved = environments.map((env) => resolveEnvironment(env, issues));
  if (issues.length > 0) throw new ConfigError(issues);
  return { environments: resolved };
}
