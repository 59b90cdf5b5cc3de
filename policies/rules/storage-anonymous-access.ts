import { resourceRule, shown } from "../checks";

export const storageAnonymousAccess = resourceRule(
  {
    id: "AOAI-ST3",
    level: "error",
    title: "Storage accounts allow no anonymous blob access",
    rationale: "A container made public by mistake would publish training data to anyone with the URL.",
    fix: "Set allow_nested_items_to_be_public = false.",
    sources: {
      checkov: ["CKV_AZURE_190", "CKV2_AZURE_47"],
      azurePolicy: ["4fa4b6c0-31ca-4c0d-b10d-24b96f62a751"],
    },
  },
  ["azurerm_storage_account"],
  (v) =>
    v["allow_nested_items_to_be_public"] === false
      ? undefined
      : shown("allow_nested_items_to_be_public", v["allow_nested_items_to_be_public"]),
);
