/**
 * The rule pack: every guardrail, in the order docs/guardrails.md lists them. A rule's ID is a public
 * contract (waivers name it): add rules, never rename or reuse an ID.
 */
import type { Rule } from "./rule";
import { accessPrincipalType } from "./rules/access-principal-type";
import { accessPrivilegedRoles } from "./rules/access-privileged-roles";
import { accountCustomSubdomain } from "./rules/account-custom-subdomain";
import { accountCustomerManagedKey } from "./rules/account-customer-managed-key";
import { accountDiagnostics } from "./rules/account-diagnostics";
import { accountLocalAuth } from "./rules/account-local-auth";
import { accountManagedIdentity } from "./rules/account-managed-identity";
import { accountNetworkAcl } from "./rules/account-network-acl";
import { accountOutbound } from "./rules/account-outbound";
import { accountPrivateDnsZones, accountPrivateEndpoint } from "./rules/account-private-endpoint";
import { accountPublicNetwork } from "./rules/account-public-network";
import { accountThrottlingAlert } from "./rules/account-throttling-alert";
import { accountTrustedServices } from "./rules/account-trusted-services";
import { contentFilterStrength } from "./rules/content-filter-strength";
import { deploymentContentFilter } from "./rules/deployment-content-filter";
import { deploymentPinnedVersion } from "./rules/deployment-pinned-version";
import { deploymentVersionUpgrade } from "./rules/deployment-version-upgrade";
import { defenderForAi } from "./rules/defender-for-ai";
import { estateAddressOverlap } from "./rules/estate-address-overlap";
import { insightsLocalAuth } from "./rules/insights-local-auth";
import { keyExpiration } from "./rules/key-expiration";
import { keyHsm } from "./rules/key-hsm";
import { keyOpenAiCompatible } from "./rules/key-openai-compatible";
import { keyVaultNetwork } from "./rules/key-vault-network";
import { keyVaultPrivateEndpoint } from "./rules/key-vault-private-endpoint";
import { keyVaultPurgeProtection } from "./rules/key-vault-purge-protection";
import { noSecretsInOutputs } from "./rules/no-secrets-in-outputs";
import { protectedLock } from "./rules/protected-lock";
import { protectedNoPurge } from "./rules/protected-no-purge";
import { protectedPreventDestroy } from "./rules/protected-prevent-destroy";
import { storageAnonymousAccess } from "./rules/storage-anonymous-access";
import { storageCustomerManagedKey } from "./rules/storage-customer-managed-key";
import { storagePrivateEndpoint } from "./rules/storage-private-endpoint";
import { storagePublicNetwork } from "./rules/storage-public-network";
import { storageSharedKey } from "./rules/storage-shared-key";
import { storageSoftDelete } from "./rules/storage-soft-delete";
import { storageTls } from "./rules/storage-tls";

export const RULES: readonly Rule[] = [
  accountPublicNetwork,
  accountLocalAuth,
  accountManagedIdentity,
  accountCustomSubdomain,
  accountNetworkAcl,
  accountTrustedServices,
  accountOutbound,
  accountCustomerManagedKey,
  accountPrivateEndpoint,
  accountPrivateDnsZones,
  accountDiagnostics,
  accountThrottlingAlert,
  insightsLocalAuth,
  defenderForAi,
  deploymentContentFilter,
  contentFilterStrength,
  deploymentPinnedVersion,
  deploymentVersionUpgrade,
  accessPrivilegedRoles,
  accessPrincipalType,
  keyVaultPurgeProtection,
  keyVaultNetwork,
  keyVaultPrivateEndpoint,
  keyHsm,
  keyExpiration,
  keyOpenAiCompatible,
  storagePublicNetwork,
  storageSharedKey,
  storageAnonymousAccess,
  storageTls,
  storagePrivateEndpoint,
  storageCustomerManagedKey,
  storageSoftDelete,
  protectedLock,
  protectedPreventDestroy,
  protectedNoPurge,
  noSecretsInOutputs,
  estateAddressOverlap,
];

/** The pseudo-rule under which problems with waivers themselves are reported. */
export const WAIVER_RULE = "AOAI-WAIVER";

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);
