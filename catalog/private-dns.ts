/**
 * Private DNS zones for Azure OpenAI and AI services private endpoints (subresource "account").
 *
 * Source: "Azure Private Endpoint private DNS zone values" (learn.microsoft.com/azure/private-link/
 * private-endpoint-dns, updated 2026-05-07), row Microsoft.CognitiveServices/accounts. Azure OpenAI uses
 * its own zone besides the Cognitive Services one; AI services (Foundry) endpoints add services.ai.
 * Auto-registration of records works only with these recommended names. Key vaults (subresource
 * "vault", row Microsoft.KeyVault/vaults) use privatelink.vaultcore.azure.net; storage blob endpoints
 * (subresource "blob", row Microsoft.Storage/storageAccounts) privatelink.blob.core.windows.net.
 * Checked 2026-11-30.
 */
export const OPENAI_ZONE = "privatelink.openai.azure.com";
export const COGNITIVE_SERVICES_ZONE = "privatelink.cognitiveservices.azure.com";
export const SERVICES_AI_ZONE = "privatelink.services.ai.azure.com";

export const KEY_VAULT_ZONE = "privatelink.vaultcore.azure.net";
export const BLOB_ZONE = "privatelink.blob.core.windows.net";

export const PRIVATE_DNS_ZONES = [
  OPENAI_ZONE,
  COGNITIVE_SERVICES_ZONE,
  SERVICES_AI_ZONE,
  KEY_VAULT_ZONE,
  BLOB_ZONE,
] as const;
export type PrivateDnsZoneName = (typeof PRIVATE_DNS_ZONES)[number];

/** The private-endpoint subresource (group ID) of a Cognitive Services account. */
export const ACCOUNT_SUBRESOURCE = "account";
/** The private-endpoint subresource of a key vault. */
export const KEY_VAULT_SUBRESOURCE = "vault";
/** The private-endpoint subresource of a storage account's blob service. */
export const BLOB_SUBRESOURCE = "blob";

/** Zones an account of this kind needs in its private endpoint's zone group. */
export function zonesForKind(kind: "OpenAI" | "AIServices"): PrivateDnsZoneName[] {
  return kind === "OpenAI"
    ? [OPENAI_ZONE, COGNITIVE_SERVICES_ZONE]
    : [OPENAI_ZONE, COGNITIVE_SERVICES_ZONE, SERVICES_AI_ZONE];
}

/**
 * Every zone a region's private endpoints register in: the account's, the vault's with a
 * customer-managed key, blob storage's where models are fine-tuned.
 */
export function zonesForRegion(
  kind: "OpenAI" | "AIServices",
  customerManagedKey: boolean,
  fineTuning = false,
): PrivateDnsZoneName[] {
  return [
    ...zonesForKind(kind),
    ...(customerManagedKey ? [KEY_VAULT_ZONE as PrivateDnsZoneName] : []),
    ...(fineTuning ? [BLOB_ZONE as PrivateDnsZoneName] : []),
  ];
}
