import { resourceRule } from "../checks";

export const keyExpiration = resourceRule(
  {
    id: "AOAI-KEY2",
    level: "error",
    title: "Keys have an expiration date",
    rationale:
      "A key without an expiry is never forced to rotate; the rotation policy renews it before the date.",
    fix: "Set expiration_date, with a rotation_policy that renews the key before it expires.",
    sources: { checkov: ["CKV_AZURE_40"], azurePolicy: ["152b15f7-8e1f-4c1f-ab71-8c010ba5dbc0"] },
  },
  ["azurerm_key_vault_key"],
  (v) =>
    typeof v["expiration_date"] === "string" && v["expiration_date"] !== ""
      ? undefined
      : "expiration_date is not set",
);
