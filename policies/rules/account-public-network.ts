import { resourceRule, shown } from "../checks";

export const accountPublicNetwork = resourceRule(
  {
    id: "AOAI-ACC1",
    level: "error",
    title: "Cognitive Services accounts disable public network access",
    rationale:
      "With public access on, the account answers on the internet and its firewall is the only barrier; " +
      "Azure OpenAI should be reached through its private endpoint.",
    fix: "Set public_network_access_enabled = false (config: remove network.publicAccess), or waive AOAI-ACC1 with the ranges' reason.",
    sources: {
      checkov: ["CKV_AZURE_134"],
      azurePolicy: ["037eea7a-bd0a-46c5-9a66-03aea78705d3", "47ba1dd7-28d9-4b07-a8d5-9813bed64e0c"],
      guidance: ["PSRule Azure.AI.PrivateEndpoints (AZR-000283)"],
    },
  },
  ["azurerm_cognitive_account"],
  // The provider's default is true: an absent attribute is public.
  (v) =>
    v["public_network_access_enabled"] === false
      ? undefined
      : shown("public_network_access_enabled", v["public_network_access_enabled"]),
);
