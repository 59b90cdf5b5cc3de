import { resourceRule, shown } from "../checks";

export const keyHsm = resourceRule(
  {
    id: "AOAI-KEY1",
    level: "error",
    title: "Keys are HSM-backed",
    rationale:
      "An HSM-backed key never leaves the hardware security module; a software key can be exported by the service.",
    fix: 'Set key_type = "RSA-HSM" in a premium vault (config: customerManagedKey.keyType), or waive AOAI-KEY1.',
    sources: { checkov: ["CKV_AZURE_112"] },
  },
  ["azurerm_key_vault_key"],
  (v) =>
    ["RSA-HSM", "EC-HSM"].includes(String(v["key_type"])) ? undefined : shown("key_type", v["key_type"]),
);
