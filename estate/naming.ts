/**
 * Resource names after the Cloud Adoption Framework: <abbreviation>-<workload>-<environment>-<region>,
 * with a deterministic suffix where Azure needs the name to be unique across all customers.
 */
import { createHash } from "node:crypto";
import { checkName, NAME_RULES, type NamedResource } from "../catalog/name-rules";

export interface NameParts {
  readonly workload: string;
  readonly environment: string;
  readonly subscriptionId: string;
}

/**
 * A short, stable suffix for globally unique names. It hashes the subscription, workload,
 * environment and region, so the same config always yields the same names (renaming an account
 * replaces it) while two organisations using the same config do not collide.
 */
export function uniqueSuffix(parts: NameParts, regionCode: string, length: number): string {
  const input = [parts.subscriptionId.toLowerCase(), parts.workload, parts.environment, regionCode].join("/");
  return createHash("sha256").update(input).digest("hex").slice(0, length);
}

export interface NamedResult {
  readonly kind: NamedResource;
  readonly name: string;
}

const n = (kind: NamedResource, ...parts: string[]): NamedResult => ({
  kind,
  name: [NAME_RULES[kind].abbreviation, ...parts].join("-"),
});

export function sharedNames(parts: NameParts, primaryRegionCode: string) {
  const { workload: w, environment: e } = parts;
  return {
    resourceGroup: n("resourceGroup", w, e, "shared"),
    logAnalyticsWorkspace: n("logAnalyticsWorkspace", w, e, primaryRegionCode),
  };
}

/** The account's private endpoint and its network interface are named after the account. */
export function accountEndpointNames(accountName: string) {
  return {
    accountPrivateEndpoint: n("privateEndpoint", accountName),
    accountNetworkInterface: n("networkInterface", "pep", accountName),
  };
}

export function regionNames(parts: NameParts, regionCode: string, kind: "OpenAI" | "AIServices") {
  const { workload: w, environment: e } = parts;
  const account = n(
    kind === "OpenAI" ? "openAiAccount" : "aiServicesAccount",
    w,
    e,
    regionCode,
    uniqueSuffix(parts, regionCode, 6),
  );
  const keyVault = n("keyVault", w, e, regionCode, uniqueSuffix(parts, regionCode, 4));
  const storageAccount: NamedResult = {
    kind: "storageAccount",
    name: `st${w}${e}${regionCode}${uniqueSuffix(parts, regionCode, 6)}`,
  };
  return {
    resourceGroup: n("resourceGroup", w, e, regionCode),
    account,
    virtualNetwork: n("virtualNetwork", w, e, regionCode),
    privateEndpointSubnet: n("subnet", "pep"),
    networkSecurityGroup: n("networkSecurityGroup", "pep", w, e, regionCode),
    ...accountEndpointNames(account.name),
    // Key vault and storage names are global and at most 24 characters: a shorter suffix.
    keyVault,
    keyVaultPrivateEndpoint: n("privateEndpoint", keyVault.name),
    keyVaultNetworkInterface: n("networkInterface", "pep", keyVault.name),
    storageAccount,
    storagePrivateEndpoint: n("privateEndpoint", storageAccount.name),
    storageNetworkInterface: n("networkInterface", "pep", storageAccount.name),
    userAssignedIdentity: n("userAssignedIdentity", w, e, regionCode),
  };
}

/** Every name that breaks Azure's rules, with what is wrong. */
export function nameProblems(names: Record<string, NamedResult>): string[] {
  return Object.values(names)
    .map((r) => checkName(r.kind, r.name))
    .filter((p): p is string => p !== undefined);
}
