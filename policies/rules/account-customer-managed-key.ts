import { block, ofType, references } from "../document";
import { resourceRule } from "../checks";

export const accountCustomerManagedKey = resourceRule(
  {
    id: "AOAI-ACC8",
    level: "error",
    title: "Cognitive Services accounts in protected environments encrypt with a customer-managed key",
    rationale:
      "A key the organisation holds lets it revoke access to stored data (fine-tuning files, batch " +
      "outputs) and meets data-at-rest controls; Microsoft-managed keys cannot be revoked by the customer.",
    fix:
      "Attach an azurerm_cognitive_account_customer_managed_key whose key_vault_key_id is an azurerm_key_vault_key " +
      "(config: customerManagedKey.enabled, on by default in protected environments).",
    protectedOnly: true,
    sources: {
      checkov: ["CKV2_AZURE_22"],
      azurePolicy: ["67121cc7-ff39-4ab8-b7e3-95b84dab487d"],
      guidance: ["learn.microsoft.com/azure/ai-foundry/openai/encrypt-data-at-rest"],
    },
  },
  ["azurerm_cognitive_account"],
  (v, account, { stack }) => {
    // Azure Policy also accepts the inline block; Checkov only the separate resource (a known gap).
    if (block(v["customer_managed_key"])?.["key_vault_key_id"]) return undefined;
    const attached = ofType(stack, "azurerm_cognitive_account_customer_managed_key").some(
      (cmk) =>
        references(cmk.values["cognitive_account_id"], account) &&
        ofType(stack, "azurerm_key_vault_key").some((key) => references(cmk.values["key_vault_key_id"], key)),
    );
    return attached ? undefined : "has no customer-managed key attached (with a key vault key resource)";
  },
);
