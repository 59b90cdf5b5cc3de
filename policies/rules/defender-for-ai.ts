import { ofType, type StackDocument } from "../document";
import { resourceRule } from "../checks";

const defends = (doc: StackDocument) =>
  ofType(doc, "azurerm_security_center_subscription_pricing").some(
    (p) => p.values["resource_type"] === "AI" && p.values["tier"] === "Standard",
  );

export const defenderForAi = resourceRule(
  {
    id: "AOAI-DEF1",
    level: "error",
    title: "Protected environments enable Microsoft Defender for AI services",
    rationale:
      "Defender for AI services raises alerts on jailbreak attempts, credential theft and data exfiltration " +
      "against the accounts; without it, attacks show only in logs nobody is watching.",
    fix:
      'Add azurerm_security_center_subscription_pricing with resource_type = "AI" and tier = "Standard" ' +
      "(config: defenderForAI, on by default in protected environments), or waive AOAI-DEF1 where a landing zone enables it.",
    protectedOnly: true,
    sources: { azurePolicy: ["c2c0c6d8-007b-4a48-8d9b-3539bddd8e87"] },
  },
  ["azurerm_cognitive_account"],
  (_v, _account, { stack, stacks }) => {
    // The plan is per subscription: any stack of the same environment (or of the audit) may hold it.
    const env = stack.metadata.environment;
    const scope = stacks.filter((s) => env === undefined || s.metadata.environment === env);
    return scope.some(defends) ? undefined : "no stack of its environment enables Defender for AI services";
  },
);
