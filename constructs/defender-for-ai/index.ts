/**
 * DefenderForAi: Microsoft Defender for AI services on a subscription (threat protection for prompts
 * and responses: jailbreaks, data leakage, credential theft).
 *
 * Meets: enterprise security (threat detection). Azure constraints: the plan is one pricing per
 * subscription and resource type "AI"; removing the resource sets the tier back to Free, so one
 * environment per subscription owns it (checked in the estate).
 */
import { Construct } from "constructs";
import { SecurityCenterSubscriptionPricing } from "../azurerm";

export class DefenderForAi extends Construct {
  readonly id: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const pricing = new SecurityCenterSubscriptionPricing(this, "Resource", {
      resourceType: "AI",
      tier: "Standard",
    });
    this.id = pricing.id;
  }
}
