import { connectionsTo, resourceRule } from "../checks";

export const storagePrivateEndpoint = resourceRule(
  {
    id: "AOAI-ST5",
    level: "error",
    title: "Storage accounts have a private endpoint",
    rationale:
      "With public access off, the private endpoint is how data scientists upload training data and the account reads it.",
    fix: 'Add an azurerm_private_endpoint for the storage account (subresource_names = ["blob"]).',
    sources: { checkov: ["CKV2_AZURE_33"], azurePolicy: ["6edd7eda-6dd8-40f7-810d-67160c639cd9"] },
  },
  ["azurerm_storage_account"],
  (_v, storage, { stack }) =>
    connectionsTo(stack, storage).length > 0 ? undefined : "has no private endpoint",
);
