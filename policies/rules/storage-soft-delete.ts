import { block } from "../document";
import { resourceRule } from "../checks";

export const storageSoftDelete = resourceRule(
  {
    id: "AOAI-ST7",
    level: "warning",
    title: "Storage accounts keep deleted blobs recoverable",
    rationale: "Blob soft delete lets a deleted or overwritten training file be restored.",
    fix: "Set blob_properties.delete_retention_policy.days (7 or more).",
    sources: { checkov: ["CKV2_AZURE_38"] },
  },
  ["azurerm_storage_account"],
  (v) => {
    if (String(v["account_kind"]).toLowerCase() === "filestorage") return undefined;
    return block(block(v["blob_properties"])?.["delete_retention_policy"])
      ? undefined
      : "blob soft delete is off";
  },
);
