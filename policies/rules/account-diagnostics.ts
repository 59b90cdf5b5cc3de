import { blocks, ofType, references } from "../document";
import { resourceRule } from "../checks";

/** Log categories and groups that carry the audit trail of an account. */
const AUDIT_GROUPS = ["audit", "allLogs"];
const AUDIT_CATEGORIES = ["Audit"];

export const accountDiagnostics = resourceRule(
  {
    id: "AOAI-MON1",
    level: "error",
    title: "Cognitive Services accounts send audit logs to a Log Analytics workspace",
    rationale:
      "Without a diagnostic setting, who called the account, which keys or settings changed, and which " +
      "requests were refused are not kept anywhere an investigation can read.",
    fix: 'Add an azurerm_monitor_diagnostic_setting targeting the account, with log_analytics_workspace_id and an enabled_log of category_group "audit" or "allLogs".',
    sources: {
      azurePolicy: ["1b4d1c4e-934c-4703-944c-27c82c06bebb", "55d1f543-d1b0-4811-9663-d6d0dbc6326d"],
      guidance: [
        "learn.microsoft.com/azure/azure-monitor/reference/supported-logs/microsoft-cognitiveservices-accounts-logs",
      ],
    },
  },
  ["azurerm_cognitive_account"],
  (_v, account, { stack }) => {
    const settings = ofType(stack, "azurerm_monitor_diagnostic_setting").filter((d) =>
      references(d.values["target_resource_id"], account),
    );
    if (settings.length === 0) return "has no diagnostic setting";
    const ok = settings.some(
      (d) =>
        typeof d.values["log_analytics_workspace_id"] === "string" &&
        blocks(d.values["enabled_log"]).some(
          (l) =>
            AUDIT_GROUPS.includes(String(l["category_group"])) ||
            AUDIT_CATEGORIES.includes(String(l["category"])),
        ),
    );
    return ok ? undefined : "no diagnostic setting sends audit logs to a Log Analytics workspace";
  },
);
