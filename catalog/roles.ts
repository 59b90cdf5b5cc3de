/**
 * Built-in Azure RBAC roles the estate grants, by intent and by name, with their role definition GUIDs.
 *
 * Source: Azure/azure-sdk-for-net Azure.Provisioning.{CognitiveServices,KeyVault,Storage} generated
 * BuiltInRole tables, the AVM cognitive-services account module, and "Role-based access control for
 * Azure OpenAI" (learn.microsoft.com/azure/ai-foundry/openai/how-to/role-based-access-control).
 * GUIDs are used rather than names because Microsoft renames roles (the GUID stays). Checked 2026-11-30.
 */
export interface BuiltInRole {
  readonly name: string;
  readonly id: string;
  /** Usable only at subscription scope (Azure rejects or ignores it lower down). */
  readonly subscriptionScopeOnly?: boolean;
  /** Can change who has access, or everything: needs a stated reason on an OpenAI scope. */
  readonly privileged?: boolean;
  /** Azure accepts ABAC conditions on its assignments (storage data roles, role-assignment delegation). */
  readonly conditions?: boolean;
  /** Names Microsoft used before a rename; configs written with them keep working. */
  readonly aliases?: readonly string[];
}

export const BUILT_IN_ROLES = [
  { name: "Cognitive Services OpenAI User", id: "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd" },
  { name: "Cognitive Services OpenAI Contributor", id: "a001fd3d-188f-4b5d-821b-7da978bf7442" },
  {
    name: "Cognitive Services Usages Reader",
    id: "bba48692-92b0-4667-a9ad-c31c7b334ac2",
    subscriptionScopeOnly: true,
  },
  { name: "Cognitive Services User", id: "a97b65f3-24c7-4388-baec-2e87135dc908" },
  // Can turn key access and public access back on: as strong as Contributor on the estate's accounts.
  { name: "Cognitive Services Contributor", id: "25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68", privileged: true },
  { name: "Cognitive Services Data Reader (Preview)", id: "b59867f0-fa02-499b-be73-45a86b5b3e1c" },
  { name: "Azure AI Developer", id: "64702f94-c441-49e6-a78b-ef80e0188fee" },
  // Renamed from Azure AI User (MicrosoftDocs/azure-ai-docs foundry/includes/role-rename-note.md,
  // ms.date 2026-05-11): same GUID and permissions.
  { name: "Foundry User", id: "53ca6127-db72-4b80-b1b0-d745d6d5456d", aliases: ["Azure AI User"] },
  { name: "Azure AI Inference Deployment Operator", id: "3afb7f49-54cb-416e-8c09-6dc049efa503" },
  { name: "Key Vault Crypto Service Encryption User", id: "e147488a-f6f5-4113-8e2d-b22465e65bf6" },
  { name: "Key Vault Crypto User", id: "12338af0-0e69-4776-bea7-57ae8d297424" },
  { name: "Storage Blob Data Reader", id: "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1", conditions: true },
  { name: "Storage Blob Data Contributor", id: "ba92f5b4-2d11-453d-a403-e96b0029c9fe", conditions: true },
  { name: "Reader", id: "acdd72a7-3385-48ef-bd42-f606fba81ae7" },
  { name: "Monitoring Reader", id: "43d0d8ad-25c7-4714-9337-8ba259a9fe05" },
  { name: "Log Analytics Reader", id: "73c42c96-874c-492b-b04d-ab87d138a893" },
  // The gateway's identity sends its token metrics to Application Insights with it, keyless
  // (learn.microsoft.com/azure/api-management/api-management-howto-app-insights, checked 2026-12-04).
  { name: "Monitoring Metrics Publisher", id: "3913510d-42f4-4e42-8a64-420c390055eb" },
  // What the CI deploy identity needs beyond Contributor (estate/ci-identities.ts).
  { name: "Resource Policy Contributor", id: "36243c78-bf99-498c-9df9-86d9f8d28608" },
  { name: "Security Admin", id: "fb1c8493-542b-48eb-b624-b4c8fea62acd" },
  { name: "Owner", id: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", privileged: true },
  { name: "Contributor", id: "b24988ac-6180-42a0-ab88-20f7382dd24c", privileged: true },
  {
    name: "User Access Administrator",
    id: "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
    privileged: true,
    conditions: true,
  },
  {
    name: "Role Based Access Control Administrator",
    id: "f58310d9-a9f6-439a-9e8d-f62e7b41a168",
    privileged: true,
    conditions: true,
  },
] as const satisfies readonly BuiltInRole[];

/**
 * What a team needs, mapped to the least-privileged role that gives it. Cognitive Services Contributor
 * is deliberately absent: it can read keys but cannot call the models with an Entra ID token.
 */
export const ROLE_INTENTS = {
  /** Call deployments (chat, embeddings, images) with an Entra ID token. */
  inference: "Cognitive Services OpenAI User",
  /** Create and change deployments, fine-tune; also inference. Not content filters: it cannot create them. */
  "model-management": "Cognitive Services OpenAI Contributor",
  /** Read quota usage for capacity planning; subscription scope only. */
  "usage-reader": "Cognitive Services Usages Reader",
} as const satisfies Record<string, (typeof BUILT_IN_ROLES)[number]["name"]>;

export type RoleIntent = keyof typeof ROLE_INTENTS;
export const ROLE_INTENT_NAMES = Object.keys(ROLE_INTENTS) as RoleIntent[];

export interface ResolvedRole {
  /** Role definition GUID. */
  readonly id: string;
  /** Display name, when the role is one this catalog knows. */
  readonly name?: string;
  /** Short lower-case label for Terraform addresses: the intent, the role name, or the GUID. */
  readonly label: string;
  readonly subscriptionScopeOnly: boolean;
  readonly privileged: boolean;
  /** Known to the catalog (an unknown GUID is taken as given). */
  readonly known: boolean;
  readonly conditions: boolean;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const byName = new Map<string, BuiltInRole>(
  BUILT_IN_ROLES.flatMap((r: BuiltInRole) =>
    [r.name, ...(r.aliases ?? [])].map((n) => [n.toLowerCase(), r] as const),
  ),
);
const byId = new Map<string, BuiltInRole>(BUILT_IN_ROLES.map((r) => [r.id, r]));

const labelOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

const resolved = (role: BuiltInRole, label: string): ResolvedRole => ({
  id: role.id,
  name: role.name,
  label,
  subscriptionScopeOnly: role.subscriptionScopeOnly ?? false,
  privileged: role.privileged ?? false,
  known: true,
  conditions: role.conditions ?? false,
});

/**
 * An intent ("inference"), a built-in role name (case-insensitive) or a role definition GUID.
 * Unknown GUIDs are accepted as they are (custom or newer built-in roles); unknown names are not.
 */
export function resolveRole(text: string): ResolvedRole | undefined {
  if (text in ROLE_INTENTS)
    return resolved(byName.get(ROLE_INTENTS[text as RoleIntent].toLowerCase())!, text);
  const named = byName.get(text.toLowerCase());
  // The address label is the name as written, so a role Microsoft renames keeps its addresses.
  if (named)
    return resolved(
      named,
      labelOf([named.name, ...(named.aliases ?? [])].find((n) => n.toLowerCase() === text.toLowerCase())!),
    );
  if (GUID.test(text)) {
    const id = text.toLowerCase();
    const known = byId.get(id);
    return known
      ? resolved(known, labelOf(known.aliases?.[0] ?? known.name))
      : {
          id,
          label: `role-${id}`,
          subscriptionScopeOnly: false,
          privileged: false,
          known: false,
          conditions: true,
        };
  }
  return undefined;
}

export function isPrivilegedRole(roleId: string): boolean {
  return byId.get(roleId.toLowerCase())?.privileged ?? false;
}

/** The role definition ID as Azure returns it for a built-in role in a subscription. */
export function roleDefinitionId(subscriptionId: string, roleId: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleId}`;
}

/** A role this catalog lists, by its current name; a name it does not list is a programming error. */
export function builtInRole(name: string): BuiltInRole {
  const found = byName.get(name.toLowerCase());
  if (!found) throw new Error(`no built-in role "${name}" in catalog/roles.ts`);
  return found;
}
export const STORAGE_BLOB_DATA_READER = builtInRole("Storage Blob Data Reader");
export const STORAGE_BLOB_DATA_CONTRIBUTOR = builtInRole("Storage Blob Data Contributor");
/** What the AI gateway's identity is granted: inference on each account, metrics on its own component. */
export const GATEWAY_ROLES = {
  inference: builtInRole(ROLE_INTENTS.inference),
  metricsPublisher: builtInRole("Monitoring Metrics Publisher"),
} as const;
