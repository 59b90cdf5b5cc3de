/**
 * The resolved estate: plain data with every decision made (names, tags, order, protection).
 * Stacks map it onto constructs one to one; nothing here knows about cdktf.
 */
import type { DeploymentType, VersionUpgradeOption } from "./catalog/deployment-types";
import type { PrivateDnsZoneName } from "./catalog/private-dns";
import type { DataZone } from "./catalog/regions";

export type Tags = Readonly<Record<string, string>>;

export interface Estate {
  readonly environments: readonly EnvironmentEstate[];
}

export interface StateBackend {
  readonly resourceGroupName: string;
  readonly storageAccountName: string;
  readonly containerName: string;
}

export interface EnvironmentEstate {
  readonly name: string;
  /** The file the environment came from, for reports and messages. */
  readonly sourceFile: string;
  readonly subscriptionId: string;
  readonly tenantId?: string;
  /** Locks, prevent_destroy and no purge on destroy. */
  readonly protected: boolean;
  readonly tags: Tags;
  readonly stateBackend?: StateBackend;
  readonly dns: DnsEstate;
  readonly shared: SharedEstate;
  readonly regions: readonly RegionEstate[];
}

export interface PrincipalEstate {
  readonly objectId: string;
  readonly type: "User" | "Group" | "ServicePrincipal";
  readonly displayName: string;
}

/** One role for one principal; where it applies is said by the estate holding it. */
export interface RoleGrantEstate {
  /** Stable key: the Terraform address of the assignment (`access_<key>`). */
  readonly key: string;
  readonly principal: PrincipalEstate;
  /** Role definition GUID. */
  readonly roleId: string;
  readonly roleName: string;
  readonly reason?: string;
  readonly condition?: string;
}

export interface ScopedRoleGrant extends RoleGrantEstate {
  readonly scope: "account" | "resourceGroup" | "environment";
  /** The scope's resource ID as text: the assignment name is derived from it. */
  readonly scopeId: string;
}

export interface PolicyAssignmentEstate {
  readonly key: string;
  /** Assignment name (at most 64 characters at subscription scope). */
  readonly name: string;
  readonly definitionId: string;
  readonly displayName: string;
  readonly effect: string;
}

export interface CustomerManagedKeyEstate {
  readonly keyVaultName: string;
  readonly keyType: "RSA" | "RSA-HSM";
  readonly rotateAfterDays: number;
  readonly expireAfterDays: number;
  readonly keyAdministrators: readonly { readonly objectId: string; readonly displayName: string }[];
  readonly allowedIpRanges: readonly string[];
  readonly privateEndpoint: {
    readonly name: string;
    readonly networkInterfaceName: string;
    /** The vault zone, unless Azure Policy writes DNS records. */
    readonly zoneNames: readonly PrivateDnsZoneName[];
  };
}

export interface SharedEstate {
  readonly stackName: string;
  readonly location: string;
  readonly resourceGroupName: string;
  readonly logAnalytics: {
    readonly name: string;
    readonly retentionDays: number;
  };
  /** Zones the shared stack owns (managed DNS mode); empty otherwise. */
  readonly privateDnsZones: readonly PrivateDnsZoneName[];
  /** Role grants at the environment (subscription) scope. */
  readonly access: readonly ScopedRoleGrant[];
  /** Built-in policy assignments at the subscription; empty when a landing zone assigns them. */
  readonly policyAssignments: readonly PolicyAssignmentEstate[];
  readonly defenderForAI: boolean;
}

/** How private endpoints' names resolve. */
export type DnsEstate =
  | { readonly mode: "managed" }
  | { readonly mode: "existing"; readonly zoneIds: Readonly<Partial<Record<PrivateDnsZoneName, string>>> }
  | { readonly mode: "policy" };

export type RegionNetworkEstate =
  | {
      readonly mode: "managed";
      readonly virtualNetwork: { readonly name: string; readonly addressSpace: string };
      readonly privateEndpointSubnet: { readonly name: string; readonly addressPrefix: string };
      /** NSG on the private-endpoint subnet: inbound 443 only from these ranges. */
      readonly networkSecurityGroup: {
        readonly name: string;
        readonly allowedInboundRanges: readonly string[];
      };
      /** Address room kept free for the API gateway's subnet. */
      readonly reservedGatewaySubnet?: string;
    }
  | { readonly mode: "landingZone"; readonly privateEndpointSubnetId: string };

export interface PrivateEndpointEstate {
  readonly name: string;
  readonly networkInterfaceName: string;
  readonly staticIp?: string;
  /** Zones the endpoint's DNS zone group names (none in policy mode). */
  readonly zoneNames: readonly PrivateDnsZoneName[];
}

export interface RegionEstate {
  readonly stackName: string;
  readonly location: string;
  readonly shortCode: string;
  readonly dataZone?: DataZone;
  readonly resourceGroupName: string;
  readonly account: AccountEstate;
  readonly network: RegionNetworkEstate;
  readonly privateEndpoint: PrivateEndpointEstate;
  /** Names reserved for the region's other resources (key vault, storage, identity). */
  readonly names: RegionResourceNames;
  /** Role grants on the account and on the region's resource group. */
  readonly access: readonly ScopedRoleGrant[];
  /** Present when the account is encrypted with a customer-managed key. */
  readonly customerManagedKey?: CustomerManagedKeyEstate;
}

export interface AccountEstate {
  readonly name: string;
  readonly kind: "OpenAI" | "AIServices";
  readonly customSubdomainName: string;
  /** The environment's tags, plus the public-access reason when there is one (so it shows in review). */
  readonly tags: Tags;
  readonly networkBypass: "AzureServices" | "None";
  /** Public access, only when the config asks for it with a reason. */
  readonly publicAccess?: { readonly allowedIpRanges: readonly string[]; readonly reason: string };
  /** FQDNs the account may call out to while outbound access is restricted. */
  readonly allowedFqdns: readonly string[];
  /** Deployments in creation order: Azure takes one deployment operation per account at a time. */
  readonly deployments: readonly DeploymentEstate[];
}

export interface DeploymentEstate {
  readonly name: string;
  readonly model: { readonly format: string; readonly name: string; readonly version: string };
  readonly type: DeploymentType;
  readonly capacity: number;
  readonly versionUpgradeOption: VersionUpgradeOption;
  readonly raiPolicyName: string;
}

export interface RegionResourceNames {
  readonly keyVault: string;
  readonly storageAccount: string;
  readonly userAssignedIdentity: string;
}
