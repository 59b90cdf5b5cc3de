import { block } from "../document";
import { resourceRule, shown } from "../checks";

export const keyVaultNetwork = resourceRule(
  {
    id: "AOAI-KV2",
    level: "error",
    title: "Key vaults disable public network access and deny by default",
    rationale:
      "The vault holds the keys that encrypt the accounts; it should be reachable only through its private " +
      "endpoint, with trusted Azure services let through for the account's key operations. Stricter than " +
      "Checkov's CKV_AZURE_189, which accepts a public vault with IP rules.",
    fix: 'Set public_network_access_enabled = false and network_acls { default_action = "Deny", bypass = "AzureServices" }.',
    sources: {
      checkov: ["CKV_AZURE_189", "CKV_AZURE_109"],
      azurePolicy: ["405c5871-3e91-4644-8a63-58e19d68ff5b", "55615ac9-af46-4a59-874e-391cc3dfb490"],
    },
  },
  ["azurerm_key_vault"],
  (v) => {
    if (v["public_network_access_enabled"] !== false)
      return shown("public_network_access_enabled", v["public_network_access_enabled"]);
    const action = block(v["network_acls"])?.["default_action"];
    return action === "Deny" ? undefined : shown("network_acls.default_action", action);
  },
);
