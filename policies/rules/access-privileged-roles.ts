import { BUILT_IN_ROLES, type BuiltInRole } from "../../catalog/roles";
import { ofType, referencedResource, references, type StackDocument, type TfBlock } from "../document";
import { resolve } from "../links";
import { resourceRule } from "../checks";

const PRIVILEGED = (BUILT_IN_ROLES as readonly BuiltInRole[]).filter((r) => r.privileged);
const SUBSCRIPTION = /^\/subscriptions\/[0-9a-fA-F-]{36}\/?$/;
const RESOURCE_GROUP = /^\/subscriptions\/[0-9a-fA-F-]{36}\/resourceGroups\/([^/]+)\/?$/i;
const ACCOUNT_ID = /\/providers\/Microsoft\.CognitiveServices\/accounts\/[^/]+\/?$/i;

/** The privileged built-in role an assignment grants, by definition ID or name. */
function privilegedRole(values: Readonly<Record<string, unknown>>): string | undefined {
  const id = String(values["role_definition_id"] ?? "").toLowerCase();
  const name = values["role_definition_name"];
  return PRIVILEGED.find((r) => id.endsWith(`/${r.id}`) || id === r.id || name === r.name)?.name;
}

const accountsOf = (docs: readonly StackDocument[]) =>
  docs.flatMap((d) => ofType(d, "azurerm_cognitive_account").map((a) => ({ doc: d, account: a })));

/** Whether a resource group (a resource, or a name) holds one of the accounts. */
function holdsAccount(
  accounts: ReturnType<typeof accountsOf>,
  group: { resource?: TfBlock; name?: string },
): boolean {
  const name = group.name ?? group.resource?.values["name"];
  return accounts.some(({ doc, account }) => {
    const rg = account.values["resource_group_name"];
    if (group.resource && references(rg, group.resource)) return true;
    // The account's group by name: written out, or the name of the group resource it references.
    const rgName = referencedResource(doc, rg)?.values["name"] ?? rg;
    return (
      typeof rgName === "string" && typeof name === "string" && rgName.toLowerCase() === name.toLowerCase()
    );
  });
}

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
    const environment = stack.metadata.environment;
    const related = stacks.filter((s) => environment === undefined || s.metadata.environment === environment);
    const accounts = accountsOf(related);
    if (accounts.length === 0) return undefined;
    const scope = resolve(stack, stacks, v["scope"]);
    let where: string | undefined;
    if (scope.kind === "resource") {
      if (scope.block.type === "azurerm_cognitive_account") where = "an OpenAI account";
      else if (
        scope.block.type === "azurerm_resource_group" &&
        holdsAccount(accounts, { resource: scope.block })
      )
        where = "a resource group holding an OpenAI account";
      else if (scope.block.type === "data.azurerm_subscription")
        where = "the subscription of OpenAI accounts";
    } else if (scope.kind === "literal") {
      const group = RESOURCE_GROUP.exec(scope.value)?.[1];
      if (ACCOUNT_ID.test(scope.value)) where = "an OpenAI account";
      else if (group && holdsAccount(accounts, { name: group }))
        where = "a resource group holding an OpenAI account";
      else if (SUBSCRIPTION.test(scope.value)) where = "the subscription of OpenAI accounts";
    } else if (typeof v["scope"] === "string" && v["scope"].includes("data.azurerm_subscription.")) {
      where = "the subscription of OpenAI accounts";
    }
    return where && `grants ${role} on ${where}`;
  },
);
