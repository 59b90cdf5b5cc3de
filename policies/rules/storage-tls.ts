import { resourceRule, shown } from "../checks";

export const storageTls = resourceRule(
  {
    id: "AOAI-ST4",
    level: "error",
    title: "Storage accounts require TLS 1.2 or later",
    rationale:
      "Older TLS versions have known weaknesses; stated explicitly so scanners and reviewers see it.",
    fix: 'Set min_tls_version = "TLS1_2".',
    sources: { checkov: ["CKV_AZURE_44"], azurePolicy: ["fe83a0eb-a853-422d-aac2-1bffd182c5d0"] },
  },
  ["azurerm_storage_account"],
  (v) =>
    ["TLS1_2", "TLS1_3"].includes(String(v["min_tls_version"]))
      ? undefined
      : shown("min_tls_version", v["min_tls_version"]),
);
