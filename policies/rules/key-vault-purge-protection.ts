import { resourceRule, shown } from "../checks";

export const keyVaultPurgeProtection = resourceRule(
  {
    id: "AOAI-KV1",
    level: "error",
    title: "Key vaults have purge protection",
    rationale:
      "A purged key makes everything encrypted with it unreadable for good; Azure OpenAI refuses a " +
      "customer-managed key from a vault without purge protection.",
    fix: "Set purge_protection_enabled = true (it cannot be turned off again).",
    sources: {
      checkov: ["CKV_AZURE_110", "CKV_AZURE_42"],
      azurePolicy: ["0b60c0b2-2dc2-4e1c-b5c9-abbed971de53"],
      guidance: ["learn.microsoft.com/azure/ai-foundry/openai/encrypt-data-at-rest"],
    },
  },
  ["azurerm_key_vault"],
  (v) =>
    v["purge_protection_enabled"] === true
      ? undefined
      : shown("purge_protection_enabled", v["purge_protection_enabled"]),
);
