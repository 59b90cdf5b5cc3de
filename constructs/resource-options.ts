/**
 * The cross-cutting concerns every resource construct takes the same way (after the Azure Verified
 * Modules' `lock`, `diagnostic_settings`, `role_assignments` and `private_endpoints`): one prop shape
 * each, one helper each. A construct that supports one declares its prop with these types and calls
 * the helper; a stack never wires a lock, a diagnostic setting, an endpoint or a grant beside it.
 *
 * Child construct IDs are fixed here, so Terraform addresses are the same for every resource:
 * `<construct>_Lock`, `<construct>_diagnostics`, `<construct>_private_endpoint`, `<construct>_access_<key>`.
 */
import type { TerraformResource } from "cdktf";
import type { Construct } from "constructs";
import { Access, type Principal } from "./access";
import { ManagementLock, type RoleAssignment } from "./azurerm";
import { Diagnostics } from "./diagnostics";
import { PrivateEndpoint } from "./private-endpoint";
import { PropError } from "./validation";

/** Delete protection: prevent_destroy on the resource and a CanNotDelete lock beside it. */
export interface ProtectionOptions {
  /**
   * Delete lock (CanNotDelete) and prevent_destroy. Leave on for anything holding data or serving traffic.
   * @default true
   */
  readonly protection?: boolean;
}

/** Where a resource's logs and metrics go. */
export interface DiagnosticsSettings {
  readonly logAnalyticsWorkspaceId: string;
  /**
   * @default ["audit", "allLogs"]
   */
  readonly categoryGroups?: readonly string[];
  /**
   * @default what the resource offers: ["AllMetrics"], or ["Transaction"] for blob services
   */
  readonly metricCategories?: readonly string[];
}

export interface DiagnosticsOptions {
  /**
   * Send the resource's logs and metrics to a Log Analytics workspace.
   * @default none
   */
  readonly diagnostics?: DiagnosticsSettings;
}

/** One private endpoint into the resource. */
export interface PrivateEndpointSettings {
  /**
   * Construct ID under the resource: part of the Terraform address. Give each endpoint its own.
   * @default "private_endpoint"
   */
  readonly id?: string;
  readonly name: string;
  /**
   * @default "nic-<name>"
   */
  readonly networkInterfaceName?: string;
  readonly subnetId: string;
  /**
   * Private DNS zones the endpoint registers in; none when Azure Policy writes the records.
   * @default none
   */
  readonly dnsZoneIds?: readonly string[];
  /**
   * @default dynamic
   */
  readonly staticIp?: string;
}

export interface PrivateEndpointsOptions {
  /**
   * Private endpoints into the resource.
   * @default none
   */
  readonly privateEndpoints?: readonly PrivateEndpointSettings[];
}

/** A role on the resource for one principal. */
export interface ResourceGrant {
  /** Construct ID of the assignment under `<construct>_access`: its Terraform address. Keep it stable. */
  readonly key: string;
  readonly principal: Principal;
  readonly roleId: string;
  readonly roleName: string;
  /**
   * Required for privileged roles (Owner, Contributor, User Access Administrator, RBAC Administrator).
   * @default none
   */
  readonly reason?: string;
  /**
   * ABAC condition (version 2.0).
   * @default none
   */
  readonly condition?: string;
}

export interface RoleAssignmentsOptions {
  /**
   * Role assignments on the resource. Needs `subscriptionId`, for the role definition IDs and the
   * assignment names.
   * @default none
   */
  readonly roleAssignments?: readonly ResourceGrant[];
  /**
   * The resource's subscription. Required for `roleAssignments` and the `grant*()` methods.
   * @default none
   */
  readonly subscriptionId?: string;
  /**
   * The resource ID as text, when `resourceGroupName` is a reference: role assignment names derive from it.
   * @default built from subscriptionId, resourceGroupName and name
   */
  readonly resourceId?: string;
}

/** prevent_destroy on `resource` and a CanNotDelete lock as `owner`'s child "Lock". */
export function applyProtection(
  owner: Construct,
  resource: TerraformResource & { readonly id: string },
  protection: boolean,
  notes: string,
): ManagementLock | undefined {
  if (!protection) return undefined;
  resource.lifecycle = { ...resource.lifecycle, preventDestroy: true };
  return new ManagementLock(owner, "Lock", {
    name: "lock-cannot-delete",
    scope: resource.id,
    lockLevel: "CanNotDelete",
    notes,
  });
}

/** The diagnostic setting as `owner`'s child `id` (default "diagnostics"). */
export function addDiagnostics(
  owner: Construct,
  targetResourceId: string,
  settings: DiagnosticsSettings | undefined,
  defaults: { readonly metricCategories?: readonly string[]; readonly id?: string } = {},
): Diagnostics | undefined {
  if (!settings) return undefined;
  return new Diagnostics(owner, defaults.id ?? "diagnostics", {
    targetResourceId,
    logAnalyticsWorkspaceId: settings.logAnalyticsWorkspaceId,
    categoryGroups: settings.categoryGroups,
    metricCategories: settings.metricCategories ?? defaults.metricCategories,
  });
}

/** Each endpoint as `owner`'s child (its `id`, default "private_endpoint"), into one subresource. */
export function addPrivateEndpoints(
  owner: Construct,
  target: { readonly id: string; readonly location: string; readonly resourceGroupName: string },
  subresource: string,
  endpoints: readonly PrivateEndpointSettings[] | undefined,
  extra: { readonly tags?: Readonly<Record<string, string>> } = {},
): PrivateEndpoint[] {
  const ids = new Set<string>();
  return (endpoints ?? []).map((e) => {
    const id = e.id ?? "private_endpoint";
    if (ids.has(id))
      throw new PropError(owner, "privateEndpoints", id, "need distinct ids: each is a Terraform address");
    ids.add(id);
    return new PrivateEndpoint(owner, id, {
      name: e.name,
      networkInterfaceName: e.networkInterfaceName,
      location: target.location,
      resourceGroupName: target.resourceGroupName,
      subnetId: e.subnetId,
      targetResourceId: target.id,
      subresource,
      dnsZoneIds: e.dnsZoneIds,
      staticIp: e.staticIp,
      tags: extra.tags,
    });
  });
}

/**
 * Role assignments on a resource, kept by the resource: `grant()` adds one, and all of them are written
 * as `owner`'s child "access" when the first is added.
 */
export class ResourceGrants {
  private access?: Access;
  private readonly subscriptionId?: string;
  /** The resource ID as text in a subscription, from which assignment names derive. */
  private readonly scopeIdIn: (subscriptionId: string) => string;

  /**
   * `id` is the resource's ID (often a reference); `idText` builds its text from subscription, group and
   * name (catalog/resource-ids.ts). The props' `roleAssignments` are granted at once.
   */
  constructor(
    private readonly owner: Construct,
    private readonly id: string,
    props: RoleAssignmentsOptions & { readonly resourceGroupName: string; readonly name: string },
    idText: (subscriptionId: string, resourceGroupName: string, name: string) => string,
  ) {
    this.subscriptionId = props.subscriptionId;
    // A resource group known only at apply time leaves a token in the text, and Access refuses the
    // grant for want of a known scope ID.
    this.scopeIdIn = (subscriptionId) =>
      props.resourceId ?? idText(subscriptionId, props.resourceGroupName, props.name);
    for (const grant of props.roleAssignments ?? []) this.grant(grant);
  }

  grant(grant: ResourceGrant): void {
    if (this.subscriptionId === undefined)
      throw new PropError(
        this.owner,
        "subscriptionId",
        undefined,
        "is required to grant roles on the resource: role definition IDs and assignment names derive from it",
      );
    this.access ??= new Access(this.owner, "access", { subscriptionId: this.subscriptionId, grants: [] });
    this.access.add({ ...grant, scope: this.id, scopeId: this.scopeIdIn(this.subscriptionId) });
  }

  /** The assignments by grant key. */
  get assignments(): Readonly<Record<string, RoleAssignment>> {
    return this.access?.assignments ?? {};
  }
}
