/**
 * Key Vault and Azure OpenAI rules for customer-managed keys.
 *
 * Sources: "Configure cryptographic key auto-rotation in Azure Key Vault" (rotation at least 7 days after
 * creation; expiry at least 28 days, per the Key Vault REST reference); azurerm 4.55
 * key_vault_key_resource.go (notify_before_expiry at least 7 days and at most expiry - 7); "Azure OpenAI
 * encryption of data at rest" (ms.date 2025-11-26: RSA or RSA-HSM, 2048 bits only). Checked 2026-11-30.
 */
export const KEY_RULES = {
  /** The only key size Azure OpenAI accepts. */
  keySize: 2048,
  minExpireAfterDays: 28,
  minRotateAfterDays: 7,
  /** A new version must exist this long before the old one expires (and notification must fit). */
  rotationMarginDays: 7,
  /** Key Vault raises its "near expiry" event this long before expiry, at most expiry - margin. */
  notifyBeforeExpiryDays: 30,
} as const;

/** The latest day a rotation may come for a given expiry. */
export const latestRotationDay = (expireAfterDays: number): number =>
  expireAfterDays - KEY_RULES.rotationMarginDays;
