import { block, ofType, references } from "../document";
import { resourceRule } from "../checks";

export const storageCustomerManagedKey = resourceRule(
  {
    id: "AOAI-ST6",
    level: "error",
    title: "Storage accounts in protected environments encrypt with a customer-managed key",
    rationale: "Training data deserves the same revocable encryption as the account that reads it.",
    fix: "Attach an azurerm_storage_account_customer_managed_key (config: customerManagedKey.enabled).",
    protectedOnly: true,
    sources: { checkov: ["CKV2_AZURE_1"], azurePolicy: ["6fac406b-40ca-413b-bf8e-0bf964659c25"] },
  },
  ["azurerm_storage_account"],
  (v, storage, { stack }) =>
    block(v["customer_managed_key"])?.["key_vault_key_id"] ||
    ofType(stack, "azurerm_storage_account_customer_managed_key").some((c) =>
      references(c.values["storage_account_id"], storage),
    )
      ? undefined
      : "has no customer-managed key",
);
