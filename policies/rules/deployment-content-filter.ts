import { DEFAULT_POLICY } from "../../catalog/content-filters";
import { ofType, referencedResource, references } from "../document";
import { resourceRule } from "../checks";

/** Policies Azure creates on every account. */
const BUILT_IN = [DEFAULT_POLICY, "Microsoft.Default"];

export const deploymentContentFilter = resourceRule(
  {
    id: "AOAI-RAI1",
    level: "error",
    title: "Every deployment names a content filter that exists on its own account",
    rationale:
      "A deployment is filtered by the RAI policy it names; a policy from another account, or one that is " +
      "not created, fails the apply or leaves the deployment with a filter nobody reviewed.",
    fix: `Set rai_policy_name to ${DEFAULT_POLICY} or to an azurerm_cognitive_account_rai_policy on the same account (config: deployments[].contentFilter).`,
    sources: {
      azurePolicy: ["f3a9c2e0-7b4d-4d8f-9c3a-2e1f6b9a8d4e", "af253d37-136a-42f8-a1fc-30010c083d41"],
      guidance: ["learn.microsoft.com/azure/ai-foundry/openai/how-to/content-filters"],
    },
  },
  ["azurerm_cognitive_deployment"],
  (v, _deployment, { stack }) => {
    const name = v["rai_policy_name"];
    if (name === undefined) return "rai_policy_name is not set";
    if (typeof name === "string" && BUILT_IN.includes(name)) return undefined;
    const account = referencedResource(stack, v["cognitive_account_id"]);
    const policy =
      referencedResource(stack, name) ??
      ofType(stack, "azurerm_cognitive_account_rai_policy").find((p) => p.values["name"] === name);
    if (!policy) {
      // Named by a value this audit cannot follow: nothing to compare.
      return typeof name === "string" && name.includes("${")
        ? undefined
        : `content filter ${JSON.stringify(name)} is not created here`;
    }
    if (account && !references(policy.values["cognitive_account_id"], account))
      return `content filter ${policy.address} belongs to another account`;
    return undefined;
  },
);
