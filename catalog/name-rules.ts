/**
 * Azure naming rules for the resources the project names, as data.
 *
 * Source: "Naming rules and restrictions for Azure resources"
 * (learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules, ms.date 2025-03-14);
 * custom subdomain: "Custom subdomain names for Azure AI services" (ms.date 2025-10-02). Checked 2026-11-30.
 * Abbreviations: Cloud Adoption Framework "Abbreviation recommendations for Azure resources".
 */
export interface NameRule {
  /** CAF abbreviation used as the name's prefix. */
  readonly abbreviation: string;
  readonly resource: string;
  readonly min: number;
  readonly max: number;
  readonly pattern: RegExp;
  /** The allowed characters and shape, as an error message states them. */
  readonly allowed: string;
  /** Whether the name must be unique across Azure (it becomes a DNS name). */
  readonly globallyUnique: boolean;
}

const vnetLike = /^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9_])?$/;
const vnetLikeText =
  "letters, digits, '_', '.', '-'; starts with a letter or digit, ends with a letter, digit or '_'";

export const NAME_RULES = {
  resourceGroup: {
    abbreviation: "rg",
    resource: "resource group",
    min: 1,
    max: 90,
    pattern: /^[A-Za-z0-9_().-]*[A-Za-z0-9_()-]$/,
    allowed: "letters, digits, '_', '-', '.', '(', ')'; cannot end with '.'",
    globallyUnique: false,
  },
  openAiAccount: {
    abbreviation: "oai",
    resource: "Azure OpenAI account and custom subdomain",
    min: 2,
    max: 64,
    // The account allows upper case; the custom subdomain is a DNS label, so both stay lower case.
    pattern: /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/,
    allowed: "lower-case letters, digits and '-'; starts and ends with a letter or digit",
    globallyUnique: true,
  },
  aiServicesAccount: {
    abbreviation: "ais",
    resource: "Azure AI services account and custom subdomain",
    min: 2,
    max: 64,
    pattern: /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/,
    allowed: "lower-case letters, digits and '-'; starts and ends with a letter or digit",
    globallyUnique: true,
  },
  logAnalyticsWorkspace: {
    abbreviation: "log",
    resource: "Log Analytics workspace",
    min: 4,
    max: 63,
    pattern: /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$/,
    allowed: "letters, digits and '-'; starts and ends with a letter or digit",
    globallyUnique: false,
  },
  virtualNetwork: {
    abbreviation: "vnet",
    resource: "virtual network",
    min: 2,
    max: 64,
    pattern: vnetLike,
    allowed: vnetLikeText,
    globallyUnique: false,
  },
  subnet: {
    abbreviation: "snet",
    resource: "subnet",
    min: 1,
    max: 80,
    pattern: vnetLike,
    allowed: vnetLikeText,
    globallyUnique: false,
  },
  networkSecurityGroup: {
    abbreviation: "nsg",
    resource: "network security group",
    min: 1,
    max: 80,
    pattern: vnetLike,
    allowed: vnetLikeText,
    globallyUnique: false,
  },
  privateEndpoint: {
    abbreviation: "pep",
    resource: "private endpoint",
    min: 2,
    max: 64,
    pattern: vnetLike,
    allowed: vnetLikeText,
    globallyUnique: false,
  },
  networkInterface: {
    abbreviation: "nic",
    resource: "network interface",
    min: 1,
    max: 80,
    pattern: vnetLike,
    allowed: vnetLikeText,
    globallyUnique: false,
  },
  keyVault: {
    abbreviation: "kv",
    resource: "key vault",
    min: 3,
    max: 24,
    pattern: /^[A-Za-z](?!.*--)[A-Za-z0-9-]*[A-Za-z0-9]$/,
    allowed: "letters, digits and '-'; starts with a letter, ends with a letter or digit, no '--'",
    globallyUnique: true,
  },
  storageAccount: {
    abbreviation: "st",
    resource: "storage account",
    min: 3,
    max: 24,
    pattern: /^[a-z0-9]+$/,
    allowed: "lower-case letters and digits only",
    globallyUnique: true,
  },
  userAssignedIdentity: {
    abbreviation: "id",
    resource: "user-assigned managed identity",
    min: 3,
    max: 128,
    pattern: /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
    allowed: "letters, digits, '-' and '_'; starts with a letter or digit",
    globallyUnique: false,
  },
} as const satisfies Record<string, NameRule>;

export type NamedResource = keyof typeof NAME_RULES;

/** Returns what is wrong with a name, or undefined when Azure accepts it. */
export function checkName(kind: NamedResource, name: string): string | undefined {
  const rule: NameRule = NAME_RULES[kind];
  if (name.length < rule.min || name.length > rule.max) {
    return `${rule.resource} name "${name}" is ${name.length} characters; Azure allows ${rule.min}-${rule.max}`;
  }
  if (!rule.pattern.test(name)) return `${rule.resource} name "${name}" is not allowed: ${rule.allowed}`;
  return undefined;
}
