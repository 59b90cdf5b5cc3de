/**
 * Access: Azure RBAC role assignments for people, groups and workloads. Keyless by design: accounts
 * have local (key) auth off, so these assignments are the only way in.
 *
 * Meets: enterprise security (least privilege, Entra ID only). Azure constraints that shaped it:
 * - role assignment names are GUIDs and every attribute forces replacement; names are derived from
 *   scope, role and principal (see assignment-name.ts), so they are stable and importable;
 * - principal_type is written so ARM does not look the principal up (new service principals can take
 *   minutes to replicate and fail the assignment otherwise);
 * - Owner, Contributor, User Access Administrator and RBAC Administrator can grant themselves anything
 *   (or, for Contributor, read keys and change the network): that is a policy finding, not misuse, so the
 *   guardrail AOAI-IAM1 (policies/) reports it and a waiver accepts it; `reason` goes into the description.
 */
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { roleDefinitionId } from "../../catalog/roles";
import { RoleAssignment } from "../azurerm";
import { isKnown, PropError, requireMatch, requireOneOf, requireRule } from "../validation";
import { roleAssignmentName } from "./assignment-name";

export type PrincipalType = "User" | "Group" | "ServicePrincipal";

export interface Principal {
  /** Entra object ID (not the application/client ID), or a reference to a managed identity's. */
  readonly objectId: string;
  /**
   * Stable text standing for the principal in the assignment name, when objectId is only known at
   * apply time (e.g. "account:oai-prod-sdc" for an account's system-assigned identity).
   * @default objectId
   */
  readonly key?: string;
  readonly type: PrincipalType;
  /** Shown in the assignment's description, so a plan says who is granted what. */
  readonly displayName: string;
}

export interface RoleGrant {
  /** Construct ID of the assignment: its Terraform address. Keep it stable. */
  readonly key: string;
  readonly principal: Principal;
  /** Role definition GUID. */
  readonly roleId: string;
  /** Role name for the description. */
  readonly roleName: string;
  /** Resource ID (or reference) the role applies to. */
  readonly scope: string;
  /**
   * The scope's resource ID as text, for the deterministic assignment name when `scope` is a
   * reference only known at apply time.
   * @default scope
   */
  readonly scopeId?: string;
  /**
   * Why the grant is needed, written into the assignment's description. Privileged roles are judged by
   * the guardrails (AOAI-IAM1) and accepted by a waiver, not by this text.
   * @default none
   */
  readonly reason?: string;
  /**
   * ABAC condition (condition version 2.0), e.g. limiting which roles a delegate may assign.
   * @default none
   */
  readonly condition?: string;
}

export interface AccessProps {
  /** Subscription whose built-in role definitions are referenced. */
  readonly subscriptionId: string;
  readonly grants: readonly RoleGrant[];
  /**
   * What must exist first, such as a custom role definition the grants name by GUID.
   * @default nothing
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}

const KEY = /^[a-z][a-z0-9_-]*$/;

export class Access extends Construct {
  /** The assignments by grant key. */
  readonly assignments: Record<string, RoleAssignment> = {};
  private readonly subscriptionId: string;
  private readonly dependsOn?: readonly ITerraformDependable[];

  constructor(scope: Construct, id: string, props: AccessProps) {
    super(scope, id);
    requireRule(this, "subscriptionId", props.subscriptionId, "guid");
    this.subscriptionId = props.subscriptionId;
    this.dependsOn = props.dependsOn;
    for (const grant of props.grants) this.add(grant);
  }

  /** Validates one more grant and writes its assignment. */
  add(grant: RoleGrant): void {
    const path = `grants[${grant.key}]`;
    requireMatch(this, `${path}.key`, grant.key, KEY, "must be lower-case letters, digits, '-' or '_'");
    if (grant.key in this.assignments) throw new PropError(this, `${path}.key`, grant.key, "must be unique");
    requireRule(this, `${path}.roleId`, grant.roleId, "guid");
    requireRule(this, `${path}.principal.objectId`, grant.principal.objectId, "guid");
    requireOneOf(this, `${path}.principal.type`, grant.principal.type, ["User", "Group", "ServicePrincipal"]);
    const scopeId = grant.scopeId ?? grant.scope;
    if (!isKnown(scopeId)) {
      throw new PropError(
        this,
        `${path}.scopeId`,
        undefined,
        "is required when scope is a reference: the assignment name is derived from it",
      );
    }
    const principalKey = grant.principal.key ?? grant.principal.objectId;
    if (!isKnown(principalKey)) {
      throw new PropError(
        this,
        `${path}.principal.key`,
        undefined,
        "is required when objectId is a reference: the assignment name is derived from it",
      );
    }
    const name = roleAssignmentName(scopeId, grant.roleId, principalKey);
    const why = grant.reason ? ` Reason: ${grant.reason}` : "";
    this.assignments[grant.key] = new RoleAssignment(this, grant.key, {
      name,
      scope: grant.scope,
      roleDefinitionId: roleDefinitionId(this.subscriptionId, grant.roleId),
      principalId: grant.principal.objectId,
      principalType: grant.principal.type,
      description: `${grant.principal.displayName}: ${grant.roleName}.${why}`,
      condition: grant.condition,
      conditionVersion: grant.condition ? "2.0" : undefined,
      dependsOn: this.dependsOn ? [...this.dependsOn] : undefined,
    });
  }
}
