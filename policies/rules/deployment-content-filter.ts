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
    sources: { guidance: ["learn.microsoft.com/azure/ai-foundry/openai/how-to/content-filters"] },
  },
  ["azurerm_cognitive_deployment"],
  (v, _deployment, { stack }) => {
    const name = v["rai_policy_name"];
    if (name === undefined) return "rai_policy_name is not set";
    if (typeof name === "string" && BUILT_IN.includes(name)) return undefined;
    const account = referencedResource(stack, v["cognitive_account_id"]);
    const referenced = referencedResource(stack, name);
    // Policy names are per account: two accounts may each have a "strict".
    const policies = referenced
      ? [referenced]
      : ofType(stack, "azurerm_cognitive_account_rai_policy").filter((p) => p.values["name"] === name);
    if (policies.length === 0) {
      // Named by a value this audit cannot follow: nothing to compare.
      return typeof name === "string" && name.includes("${")
        ? undefined
        : `content filter ${JSON.stringify(name)} is not created here`;
    }
    if (account && !policies.some((p) => references(p.values["cognitive_account_id"], account)))
      return `content filter ${policies[0]!.address} belongs to another account`;
    return undefined;
  },
);
