import { resourceRule, shown } from "../checks";

export const insightsLocalAuth = resourceRule(
  {
    id: "AOAI-MON3",
    level: "error",
    title: "Application Insights components accept Entra ID ingestion only",
    rationale:
      "With local authentication on, anyone holding the connection string can write telemetry, including " +
      "the token metrics that usage per team is read from; with it off, only identities granted Monitoring " +
      "Metrics Publisher can.",
    fix:
      "Set local_authentication_disabled = true and grant the sender Monitoring Metrics Publisher on the " +
      "component (the gateway's logger authenticates as its managed identity).",
    sources: {
      guidance: [
        "learn.microsoft.com/azure/azure-monitor/app/azure-ad-authentication",
        "learn.microsoft.com/azure/api-management/api-management-howto-app-insights",
      ],
    },
  },
  ["azurerm_application_insights"],
  (v) =>
    v["local_authentication_disabled"] === true
      ? undefined
      : shown("local_authentication_disabled", v["local_authentication_disabled"]),
);
