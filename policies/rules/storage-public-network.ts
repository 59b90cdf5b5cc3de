import { block } from "../document";
import { resourceRule, shown } from "../checks";

export const storagePublicNetwork = resourceRule(
  {
    id: "AOAI-ST1",
    level: "error",
    title: "Storage accounts disable public network access and deny by default",
    rationale:
      "Fine-tuning data is the customer's own data; it should be reachable only through the private endpoint.",
    fix: 'Set public_network_access_enabled = false; any network_rules block needs default_action = "Deny".',
    sources: {
      checkov: ["CKV_AZURE_59", "CKV_AZURE_35"],
      azurePolicy: ["b2982f36-99f2-4db5-8eff-283140c09693"],
    },
  },
  ["azurerm_storage_account"],
  (v) => {
    if (v["public_network_access_enabled"] !== false)
      return shown("public_network_access_enabled", v["public_network_access_enabled"]);
    // With public access off the network rules are moot; when present they must still deny by default.
    const rules = block(v["network_rules"]);
    return rules === undefined || rules["default_action"] === "Deny"
      ? undefined
      : shown("network_rules.default_action", rules["default_action"]);
  },
);
