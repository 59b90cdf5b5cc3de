import { resourceRule, shown } from "../checks";

export const accountLocalAuth = resourceRule(
  {
    id: "AOAI-ACC2",
    level: "error",
    title: "Cognitive Services accounts disable local (key) authentication",
    rationale:
      "API keys are shared secrets with no identity behind them; with local auth off, every call is an " +
      "Entra ID identity that role assignments govern and logs name.",
    fix: "Set local_auth_enabled = false and grant Cognitive Services OpenAI User to callers (config: access:).",
    sources: {
      checkov: ["CKV_AZURE_236"],
      azurePolicy: ["71ef260a-8f18-47b7-abcb-62d0673d94dc", "14de9e63-1b31-492e-a5a3-c3f7fd57f555"],
      guidance: ["PSRule Azure.AI.DisableLocalAuth (AZR-000282)"],
    },
  },
  ["azurerm_cognitive_account"],
  (v) =>
    v["local_auth_enabled"] === false ? undefined : shown("local_auth_enabled", v["local_auth_enabled"]),
);
