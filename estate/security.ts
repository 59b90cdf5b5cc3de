/**
 * Security settings that follow from the config and the environment's protection: customer-managed
 * keys per region, built-in policy assignments and Defender for AI at the subscription.
 */
import type { ConfigIssue } from "../config/errors";
import type { LoadedEnvironment } from "../config/load";
import { KEY_RULES, latestRotationDay } from "../catalog/key-vault";
import { AI_SERVICES_POLICIES, policyDefinitionId } from "../catalog/policies";
import { KEY_VAULT_ZONE } from "../catalog/private-dns";
import type { CustomerManagedKeyEstate, PolicyAssignmentEstate } from "./types";

/** Whether the environment encrypts its accounts with customer-managed keys (default: when protected). */
export function usesCustomerManagedKey(config: LoadedEnvironment["config"]): boolean {
  return config.customerManagedKey.enabled ?? config.protected;
}

/** Checks the key settings once per environment; region-independent. */
export function checkCustomerManagedKey(env: LoadedEnvironment, issues: ConfigIssue[]): void {
  if (!usesCustomerManagedKey(env.config)) return;
  const cmk = env.config.customerManagedKey;
  const at = (path: (string | number)[], message: string, value?: unknown) =>
    issues.push(env.issueAt(["customerManagedKey", ...path], message, value));
  if (cmk.keyAdministrators.length === 0) {
    const why = cmk.enabled === undefined ? " (keys are on by default in protected environments)" : "";
    at(
      [],
      `needs keyAdministrators: at least the deploy identity that runs terraform apply, which creates and rotates the key${why}; or set enabled: false`,
    );
  }
  const latest = latestRotationDay(cmk.expireAfterDays);
  if (cmk.rotateAfterDays > latest) {
    at(
      ["rotateAfterDays"],
      `must be at most expireAfterDays - ${KEY_RULES.rotationMarginDays} (${latest}): a new version must exist before the old one expires`,
      cmk.rotateAfterDays,
    );
  }
}

export function regionCustomerManagedKey(
  env: LoadedEnvironment,
  names: { keyVault: string; privateEndpoint: string; networkInterface: string },
): CustomerManagedKeyEstate | undefined {
  if (!usesCustomerManagedKey(env.config)) return undefined;
  const cmk = env.config.customerManagedKey;
  return {
    keyVaultName: names.keyVault,
    keyType: cmk.keyType,
    rotateAfterDays: cmk.rotateAfterDays,
    expireAfterDays: cmk.expireAfterDays,
    keyAdministrators: cmk.keyAdministrators.map((a) => ({ ...a })),
    keyReaders: cmk.keyReaders.map((a) => ({ ...a })),
    allowedIpRanges: [...cmk.allowedIpRanges],
    privateEndpoint: {
      name: names.privateEndpoint,
      networkInterfaceName: names.networkInterface,
      zoneNames: env.config.network.dns.mode === "policy" ? [] : [KEY_VAULT_ZONE],
    },
  };
}

/** Audit or Deny per environment; a definition that cannot deny (or must not) stays on its audit effect. */
export function policyAssignments(env: LoadedEnvironment): PolicyAssignmentEstate[] {
  const { azurePolicy, workload, name } = env.config;
  if (!azurePolicy.assign) return [];
  // Deny when the config says so, else when protected; anything else audits.
  const deny = azurePolicy.effect ? azurePolicy.effect === "Deny" : env.config.protected;
  return AI_SERVICES_POLICIES.map((p) => ({
    key: p.key,
    name: `${workload}-${name}-${p.key}`,
    definitionId: policyDefinitionId(p.id),
    displayName: `${name}: ${p.displayName}`,
    effect: deny && p.deny === true ? "Deny" : p.audit,
  }));
}

export function defenderForAI(env: LoadedEnvironment): boolean {
  return env.config.defenderForAI ?? env.config.protected;
}
