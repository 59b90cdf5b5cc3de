import { KEY_VAULT_SUBRESOURCE } from "../../catalog/private-dns";
import { connectionsTo, resourceRule } from "../checks";

export const keyVaultPrivateEndpoint = resourceRule(
  {
    id: "AOAI-KV3",
    level: "error",
    title: "Key vaults have a private endpoint",
    rationale: "With public access off, the private endpoint is the only way to manage keys in the vault.",
    fix: 'Add an azurerm_private_endpoint for the vault with subresource_names = ["vault"].',
    sources: { checkov: ["CKV2_AZURE_32"], azurePolicy: ["a6abeaec-4d90-4a02-805f-6b26c4d3fbe9"] },
  },
  ["azurerm_key_vault"],
  (_v, vault, { stack }) =>
    connectionsTo(stack, vault).some(
      ({ connection: c }) =>
        !Array.isArray(c["subresource_names"]) || c["subresource_names"].includes(KEY_VAULT_SUBRESOURCE),
    )
      ? undefined
      : "has no private endpoint",
);
