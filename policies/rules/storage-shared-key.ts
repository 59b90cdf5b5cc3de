import { resourceRule, shown } from "../checks";

export const storageSharedKey = resourceRule(
  {
    id: "AOAI-ST2",
    level: "error",
    title: "Storage accounts refuse shared-key authorization",
    rationale:
      "Account keys and the SAS tokens signed with them bypass Entra ID and role assignments; the estate is keyless.",
    fix: "Set shared_access_key_enabled = false and grant Storage Blob Data roles instead.",
    sources: { checkov: ["CKV2_AZURE_40"], azurePolicy: ["8c6a50c6-9ffd-4ae7-986f-5fa6111f9a54"] },
  },
  ["azurerm_storage_account"],
  (v) =>
    v["shared_access_key_enabled"] === false
      ? undefined
      : shown("shared_access_key_enabled", v["shared_access_key_enabled"]),
);
