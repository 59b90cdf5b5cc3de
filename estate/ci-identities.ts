/**
 * The rights the two CI identities of an environment need, derived from what the environment's stacks
 * manage, so the list in the estate report stays true as the config changes.
 *
 * - plan (pull requests, drift): reads everything and reads the state; it changes nothing.
 * - deploy (apply jobs): the least set of built-in roles that can apply every stack. Azure has no
 *   built-in role below Owner and User Access Administrator for management locks, so protected
 *   environments use the custom role the state bootstrap defines. Role assignments are delegated with an
 *   ABAC condition: the deploy identity may assign only the roles the estate assigns.
 *
 * Sources: "Azure built-in roles" and "Delegate Azure role assignment management to others with
 * conditions" (learn.microsoft.com/azure/role-based-access-control), "Lock your resources"
 * (learn.microsoft.com/azure/azure-resource-manager/management/lock-resources). Checked 2026-12-02.
 */
import {
  builtInRole,
  GATEWAY_ROLES,
  isPrivilegedRole,
  STORAGE_BLOB_DATA_CONTRIBUTOR,
  STORAGE_BLOB_DATA_READER,
} from "../catalog/roles";
import type { Waiver } from "../policies/waiver";
import type { EnvironmentEstate } from "./types";

export interface CiRight {
  readonly identity: "plan" | "deploy";
  readonly role: string;
  /** Built-in role definition GUID; absent for the custom lock role. */
  readonly roleId?: string;
  readonly scope: "subscription" | "state container";
  readonly why: string;
  /** ABAC condition on the assignment. */
  readonly condition?: string;
}

export const LOCK_OPERATOR_ROLE = {
  name: "Management Lock Operator (azure-openai-platform)",
  actions: [
    "Microsoft.Authorization/locks/read",
    "Microsoft.Authorization/locks/write",
    "Microsoft.Authorization/locks/delete",
  ],
};

const ROLE = {
  reader: builtInRole("Reader"),
  contributor: builtInRole("Contributor"),
  rbacAdministrator: builtInRole("Role Based Access Control Administrator"),
  policyContributor: builtInRole("Resource Policy Contributor"),
  securityAdmin: builtInRole("Security Admin"),
  blobReader: STORAGE_BLOB_DATA_READER,
  blobContributor: STORAGE_BLOB_DATA_CONTRIBUTOR,
};

/** Every role definition the environment's stacks assign, sorted. */
export function assignedRoleIds(env: EnvironmentEstate): string[] {
  const ids = new Set<string>();
  for (const g of env.shared.access) ids.add(g.roleId);
  for (const region of env.regions) {
    for (const g of region.access) ids.add(g.roleId);
    if (region.fineTuning) {
      ids.add(region.fineTuning.access.account.roleId);
      for (const g of region.fineTuning.access.dataScientists) ids.add(g.roleId);
    }
  }
  if (env.gateway) for (const role of Object.values(GATEWAY_ROLES)) ids.add(role.id);
  return [...ids].map((id) => id.toLowerCase()).sort();
}

/** Lets the holder create and delete assignments of these roles only (Azure's delegation condition). */
export function delegationCondition(roleIds: readonly string[]): string {
  const list = roleIds.join(", ");
  return (
    `((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR ` +
    `(@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${list}})) AND ` +
    `((!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})) OR ` +
    `(@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${list}}))`
  );
}

export function ciRights(env: EnvironmentEstate): CiRight[] {
  const r = ROLE;
  const rights: CiRight[] = [
    {
      identity: "plan",
      role: r.reader.name,
      roleId: r.reader.id,
      scope: "subscription",
      why: "reads every resource to plan",
    },
    {
      identity: "deploy",
      role: r.contributor.name,
      roleId: r.contributor.id,
      scope: "subscription",
      why: "creates the resource groups and everything in them",
    },
  ];
  const roleIds = assignedRoleIds(env);
  if (roleIds.length)
    rights.push({
      identity: "deploy",
      role: r.rbacAdministrator.name,
      roleId: r.rbacAdministrator.id,
      scope: "subscription",
      why: `assigns the ${roleIds.length} role(s) the estate grants, and no other (condition)`,
      condition: delegationCondition(roleIds),
    });
  if (env.shared.policyAssignments.length)
    rights.push({
      identity: "deploy",
      role: r.policyContributor.name,
      roleId: r.policyContributor.id,
      scope: "subscription",
      why: `assigns ${env.shared.policyAssignments.length} Azure Policy definitions`,
    });
  if (env.shared.defenderForAI)
    rights.push({
      identity: "deploy",
      role: r.securityAdmin.name,
      roleId: r.securityAdmin.id,
      scope: "subscription",
      why: "turns on the Defender for AI plan",
    });
  if (env.protected)
    rights.push({
      identity: "deploy",
      role: LOCK_OPERATOR_ROLE.name,
      scope: "subscription",
      why: "creates and removes the CanNotDelete locks (no built-in role below Owner can)",
    });
  if (env.stateBackend?.type === "azurerm")
    rights.push(
      {
        identity: "plan",
        role: r.blobReader.name,
        roleId: r.blobReader.id,
        scope: "state container",
        why: "reads the state",
      },
      {
        identity: "deploy",
        role: r.blobContributor.name,
        roleId: r.blobContributor.id,
        scope: "state container",
        why: "writes the state and takes its lock (a blob lease)",
      },
    );
  return rights;
}

/** A CI right's grant key, and so its Terraform address under ci_access: `<identity>_<role in snake case>`. */
export function ciGrantKey(right: CiRight): string {
  const role = right.role
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/_+$/, "");
  return `${right.identity}_${role}`;
}

/**
 * The guardrail waivers of `<env>-bootstrap`: the environment's own, the CI identities' privileged
 * rights (the deploy identity must create what the estate holds and assign its roles: by design), and,
 * when protected, the state storage's Microsoft-managed keys.
 */
export function bootstrapWaivers(env: EnvironmentEstate): Waiver[] {
  const stateStore = env.stateBackend?.type === "azurerm";
  const rights = env.ci ? ciRights(env) : [];
  return [
    ...env.waivers,
    ...(stateStore && env.protected
      ? [
          {
            rule: "AOAI-ST6",
            resource: "azurerm_storage_account.state",
            reason:
              "State is encrypted twice with Microsoft-managed keys (infrastructure encryption); a customer-managed key " +
              "would need a vault that exists before the state, and losing it would make every stack's state unreadable.",
            source: "estate/ci-identities.ts",
          },
        ]
      : []),
    ...rights
      .filter((r) => r.roleId !== undefined && isPrivilegedRole(r.roleId))
      .map((r) => ({
        rule: "AOAI-IAM1",
        resource: `*/ci_access/${ciGrantKey(r)}`,
        reason: `The CI ${r.identity} identity ${r.why}.`,
        source: "estate/ci-identities.ts",
      })),
  ];
}
