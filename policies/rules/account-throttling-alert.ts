import { blocks, ofType, references } from "../document";
import { OPENAI_KINDS, resourceRule } from "../checks";

export const accountThrottlingAlert = resourceRule(
  {
    id: "AOAI-MON2",
    level: "warning",
    title: "Azure OpenAI accounts have a throttling alert",
    rationale:
      "HTTP 429 is how an account says its quota or PTUs are used up; without an alert, the first to know " +
      "are the users whose calls fail.",
    fix:
      'Add an azurerm_monitor_metric_alert on the account for AzureOpenAIRequests with dimension StatusCode = "429" ' +
      "(OpenAiAccount does by default; config: monitoring.alerts).",
    sources: {
      guidance: [
        "learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-cognitiveservices-accounts-metrics",
        "Azure Monitor Baseline Alerts: services/CognitiveServices/accounts",
      ],
    },
  },
  ["azurerm_cognitive_account"],
  (v, account, { stack }) => {
    if (!OPENAI_KINDS.includes(String(v["kind"]))) return undefined;
    const alerted = ofType(stack, "azurerm_monitor_metric_alert").some(
      (a) =>
        references(a.values["scopes"], account) &&
        blocks(a.values["criteria"]).some(
          (c) =>
            c["metric_name"] === "AzureOpenAIRequests" &&
            blocks(c["dimension"]).some(
              (d) =>
                d["name"] === "StatusCode" &&
                d["operator"] === "Include" &&
                Array.isArray(d["values"]) &&
                d["values"].includes("429"),
            ),
        ),
    );
    return alerted ? undefined : "has no alert on HTTP 429 responses";
  },
);
