import { block } from "../document";
import { resourceRule, shown } from "../checks";

const BYPASS_KINDS = ["OpenAI", "AIServices", "TextAnalytics"];

export const accountTrustedServices = resourceRule(
  {
    id: "AOAI-ACC6",
    level: "error",
    title: "Cognitive Services account firewalls let no Azure service bypass them",
    rationale:
      'bypass = "AzureServices" lets Azure AI Search, Machine Learning and other AI services through the ' +
      "firewall by managed identity, from any tenant's instance of them; keep it off unless a named service needs it.",
    fix: 'Set network_acls.bypass = "None" (config: network.trustedServicesBypass: false), or waive AOAI-ACC6 naming the service.',
    sources: {
      guidance: [
        "learn.microsoft.com/azure/ai-services/cognitive-services-virtual-networks (trusted services)",
      ],
    },
  },
  ["azurerm_cognitive_account"],
  (v) => {
    // azurerm takes bypass only for these kinds; others have no trusted-services exception to turn off.
    if (!BYPASS_KINDS.includes(String(v["kind"]))) return undefined;
    const acl = block(v["network_acls"]);
    // Absent: Azure's default for accounts that take the attribute is AzureServices.
    return acl?.["bypass"] === "None" ? undefined : shown("network_acls.bypass", acl?.["bypass"]);
  },
);
