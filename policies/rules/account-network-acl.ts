import { block } from "../document";
import { resourceRule, shown } from "../checks";

export const accountNetworkAcl = resourceRule(
  {
    id: "AOAI-ACC5",
    level: "error",
    title: "Cognitive Services account firewalls deny by default",
    rationale:
      "Network rules have no effect unless the default action is Deny; it is the second barrier should " +
      "public access ever be turned on.",
    fix: 'Add network_acls { default_action = "Deny" }.',
    sources: {
      guidance: ["learn.microsoft.com/azure/ai-services/cognitive-services-virtual-networks"],
    },
  },
  ["azurerm_cognitive_account"],
  (v) => {
    const action = block(v["network_acls"])?.["default_action"];
    return action === "Deny" ? undefined : shown("network_acls.default_action", action);
  },
);
