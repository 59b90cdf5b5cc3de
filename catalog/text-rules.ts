/**
 * The shape Azure (or the provider) accepts for each kind of text value the project passes on: one
 * definition per rule, read by the config schema, the estate and the constructs alike, each with the
 * sentence an error states. Resource names live in name-rules.ts.
 *
 * Sources: resource name rules (learn.microsoft.com/azure/azure-resource-manager/management/
 * resource-name-rules, ms.date 2025-03-14); RAI policy and blocklist names, deployment names and
 * container names as the azurerm 4.55.0 resources validate them (internal/services/cognitive,
 * internal/services/storage); FQDN: RFC 1035 labels, as Azure's outbound FQDN allow-list takes them.
 */
import { CIDR_PATTERN, IPV4_PATTERN } from "./cidr";

export interface TextRule {
  readonly pattern: RegExp;
  /** What is allowed, completing "must …" in an error message. */
  readonly allowed: string;
}

const rule = (pattern: RegExp, allowed: string): TextRule => ({ pattern, allowed });

export const TEXT_RULES = {
  guid: rule(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "be a GUID"),
  ipv4: rule(IPV4_PATTERN, "be an IPv4 address such as 10.20.0.10"),
  cidr: rule(CIDR_PATTERN, "be an IPv4 CIDR range such as 10.20.0.0/24"),
  ipv4OrCidr: rule(
    new RegExp(`${IPV4_PATTERN.source}|${CIDR_PATTERN.source}`),
    "be an IPv4 address or CIDR range",
  ),
  fqdn: rule(
    /^(?=.{1,253}$)(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i,
    "be a fully qualified domain name such as contoso.blob.core.windows.net (a leading *. allowed)",
  ),
  /** Notification and publisher addresses (action groups, API Management): a plausible address, no more. */
  email: rule(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, "be an e-mail address"),
  /** Content filters (RAI policies), blocklists and blocklist items. */
  raiName: rule(/^[A-Za-z0-9][A-Za-z0-9._~-]{1,63}$/, "be 2-64 letters, digits, '-', '.', '_' or '~'"),
  /** Azure documents none: the characters the service is seen to accept, within account children's 2-64. */
  deploymentName: rule(
    /^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/,
    "be 2-64 letters, digits, '_', '.' or '-', starting with a letter or digit",
  ),
  /** Blob containers. */
  containerName: rule(
    /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/,
    "be 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit",
  ),
  keyVaultKeyName: rule(/^[a-zA-Z0-9-]{1,127}$/, "be 1-127 letters, digits or '-'"),
  privateDnsZoneName: rule(/^privatelink\.[a-z0-9.-]+$/, "be a privatelink.* zone name"),
  subnetId: rule(
    /^\/subscriptions\/[0-9a-fA-F-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i,
    "be a subnet resource ID (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>)",
  ),
  privateDnsZoneId: rule(
    /^\/subscriptions\/[0-9a-fA-F-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/privateDnsZones\/[^/]+$/i,
    "be a private DNS zone resource ID",
  ),
  policyDefinitionId: rule(
    /^\/providers\/Microsoft\.Authorization\/policyDefinitions\/[0-9a-f-]{36}$/i,
    "be a built-in policy definition ID (/providers/Microsoft.Authorization/policyDefinitions/<GUID>)",
  ),
} as const satisfies Record<string, TextRule>;

export type TextRuleName = keyof typeof TEXT_RULES;
