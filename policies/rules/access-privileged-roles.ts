import { BUILT_IN_ROLES, type BuiltInRole } from "../../catalog/roles";
import { ofType, references, type StackDocument } from "../document";
import { resourceRule } from "../checks";

const PRIVILEGED = (BUILT_IN_ROLES as readonly BuiltInRole[]).filter((r) => r.privileged);
const SUBSCRIPTION = /^\/subscriptions\/[0-9a-fA-F-]{36}\/?$/;

/** The privileged built-in role an assignment grants, by definition ID or name. */
function privilegedRole(values: Readonly<Record<string, unknown>>): string | undefined {
  const id = String(values["role_definition_id"] ?? "").toLowerCase();
  const name = values["role_definition_name"];
  return PRIVILEGED.find((r) => id.endsWith(`/${r.id}`) || id === r.id || name === r.name)?.name;
}

const holdsAccount = (doc: StackDocument) => ofType(doc, "azurerm_cognitive_account").length > 0;

export const accessPrivilegedRoles = resourceRule(
  {
    id: "AOAI-IAM1",
    level: "error",
    title: "No Owner, Contributor, User Access Administrator or other privileged role on OpenAI scopes",
    rationale:
      "These roles can read or regenerate keys, change the network or grant access to others; the " +
      "least-privileged OpenAI roles cover inference and model management.",
    fix:
      "Grant Cognitive Services OpenAI User (inference) or OpenAI Contributor (deployments) instead " +
      "(config: access[].roles intents), or waive AOAI-IAM1 on the assignment with the reason.",
    sources: {
      guidance: [
        "learn.microsoft.com/azure/ai-foundry/openai/how-to/role-based-access-control",
        "Azure security baseline for Azure OpenAI: PA-7 (least privilege)",
      ],
    },
  },
  ["azurerm_role_assignment"],
  (v, _a, { stack, stacks }) => {
    const role = privilegedRole(v);
    if (!role) return undefined;
    const scope = v["scope"];
    const accounts = ofType(stack, "azurerm_cognitive_account");
    const onAccount = accounts.some((a) => references(scope, a));
    const onGroup = ofType(stack, "azurerm_resource_group").some(
      (g) => references(scope, g) && accounts.some((a) => references(a.values["resource_group_name"], g)),
    );
    const environment = stack.metadata.environment;
    const onSubscription =
      typeof scope === "string" &&
      (SUBSCRIPTION.test(scope) || scope.includes("data.azurerm_subscription.")) &&
      stacks.some(
        (s) => (environment === undefined || s.metadata.environment === environment) && holdsAccount(s),
      );
    if (!onAccount && !onGroup && !onSubscription) return undefined;
    const where = onAccount
      ? "an OpenAI account"
      : onGroup
        ? "a resource group holding an OpenAI account"
        : "the subscription of OpenAI accounts";
    return `grants ${role} on ${where}`;
  },
);
