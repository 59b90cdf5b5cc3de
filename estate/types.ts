/**
 * The resolved estate: plain data with every decision made (names, tags, order, protection).
 * Stacks map it onto constructs one to one; nothing here knows about cdktf.
 */
import type { ConfigIssue } from "../config/errors";
import type { DeploymentType, VersionUpgradeOption } from "../catalog/deployment-types";
import type { Capability, Lifecycle } from "../catalog/models";
import type { PrivateDnsZoneName } from "../catalog/private-dns";
import type { DataZone } from "../catalog/regions";

export type Tags = Readonly<Record<string, string>>;
import type { Waiver } from "../policies/waiver";
import type { AlertThreshold } from "../catalog/alert-thresholds";
import type { GatewaySku } from "../catalog/api-management";
import type { WorkloadPlacement } from "./placement/workloads";

/** The gateway in front of the accounts (estate/gateway/plan.ts). */
export interface GatewayEstate {
  readonly stackName: string;
  /** Global: the gateway answers at https://<name>.azure-api.net. */
  readonly name: string;
  /** Its Application Insights component, where the token metrics per team land. */
  readonly insightsName: string;
  readonly location: string;
  readonly resourceGroupName: string;
  readonly sku: GatewaySku;
  readonly publisherName: string;
  readonly publisherEmail: string;
  readonly tenantId?: string;
  readonly subnet:
    | {
        readonly mode: "managed";
        readonly virtualNetworkName: string;
        readonly resourceGroupName: string;
        readonly addressPrefix: string;
      }
    | { readonly mode: "existing"; readonly id: string };
  /** The region stack whose VNet holds the gateway subnet. */
  readonly regionStackName: string;
  /** Per workload, its backends in the order to try. */
  readonly workloads: readonly {
    readonly name: string;
    readonly backends: readonly {
      readonly id: string;
      readonly region: string;
      readonly url: string;
      readonly priority: number;
      readonly weight: number;
    }[];
  }[];
  /** Accounts the gateway's identity calls: it holds Cognitive Services OpenAI User on each. */
  readonly accounts: readonly {
    readonly location: string;
    readonly name: string;
    readonly resourceId: string;
  }[];
  readonly teams: readonly {
    readonly name: string;
    readonly clientIds: readonly string[];
    readonly tokensPerMinute: number;
    readonly workloads: readonly string[];
  }[];
}

/** A placed workload, and its regional endpoints in the order clients should try them. */
export interface WorkloadEstate extends WorkloadPlacement {
  readonly targets: readonly {
    readonly region: string;
    readonly role: "primary" | "secondary" | "active";
    readonly deployment: string;
    readonly capacity: number;
    readonly endpoint: string;
  }[];
}

export interface Estate {
  readonly environments: readonly EnvironmentEstate[];
  /** Problems that do not stop synthesis (e.g. a model retiring within 90 days), located in config. */
  readonly warnings: readonly ConfigIssue[];
  /** Capacity used per subscription, region, model and deployment type, against its quota. */
  readonly quotas: readonly QuotaUsage[];
}

export interface QuotaUsage {
  readonly subscriptionId: string;
  readonly region: string;
  /** The model, or "(all models)" for provisioned types, whose PTU quota is per shape. */
  readonly model: string;
  readonly type: DeploymentType;
  /** Sum of the capacity of every deployment in the subscription, across environments. */
  readonly used: number;
  /**
   * The quota, when known: the config's declared grant, else the subscription's own (imported with
   * npm run catalog:import), else the catalog's tier-1 default.
   */
  readonly limit?: number;
  readonly source?: "catalog" | "config" | "subscription";
}

/** Azure Storage reached with Entra ID, one state file per stack; or HCP Terraform, one workspace per stack. */
export type StateBackend =
  | {
      readonly type: "azurerm";
      readonly resourceGroupName: string;
      readonly storageAccountName: string;
      readonly containerName: string;
      readonly location: string;
      readonly privateEndpointSubnetId?: string;
      /** The state container's resource ID as text: the CI identities' state roles are scoped to it. */
      readonly containerScopeId: string;
    }
  | {
      readonly type: "hcp";
      readonly organization: string;
      readonly hostname: string;
      readonly workspacePrefix: string;
    };

/** The CI identities: plan (read-only) and deploy (apply jobs). */
export interface CiIdentities {
  readonly plan: { readonly objectId: string; readonly displayName: string };
  readonly deploy: { readonly objectId: string; readonly displayName: string };
}

export interface EnvironmentEstate {
  readonly name: string;
  /** The file the environment came from, for reports and messages. */
  readonly sourceFile: string;
  readonly subscriptionId: string;
  readonly tenantId?: string;
  /** Locks, prevent_destroy and no purge on destroy. */
  readonly protected: boolean;
  /** The day the estate was resolved (YYYY-MM-DD): waiver expiries are judged on it. */
  readonly today: string;
  /** Alert thresholds for every account (config monitoring.alerts; catalog/alert-thresholds.ts). */
  readonly alertThresholds: Readonly<Record<AlertThreshold, number>>;
  /** The AI gateway, when config turns it on (estate/gateway/). */
  readonly gateway?: GatewayEstate;
  /** Workloads the planner placed, with where clients should call them (estate/placement/). */
  readonly workloads: readonly WorkloadEstate[];
  /** Guardrail findings the environment accepts (config waivers:, and the reason fields they replace). */
  readonly waivers: readonly Waiver[];
  /** Ranges of networks the environment connects to (hub, on-premises), for the estate-wide guardrails. */
  readonly peerRanges: readonly string[];
  readonly tags: Tags;
  readonly stateBackend?: StateBackend;
  readonly ci?: CiIdentities;
  readonly dns: DnsEstate;
  readonly shared: SharedEstate;
  readonly regions: readonly RegionEstate[];
  /** Content filters created on every account of the environment. */
  readonly contentFilters: readonly ContentFilterEstate[];
  readonly blocklists: readonly BlocklistEstate[];
}

export interface RaiFilterEstate {
  /** Azure's filter name: Hate, Sexual, Violence, Selfharm, Jailbreak, Indirect Attack, ... */
  readonly name: string;
  readonly source: "Prompt" | "Completion";
  readonly enabled: boolean;
  readonly blocking: boolean;
  readonly severityThreshold: "Low" | "Medium" | "High";
}

export interface ContentFilterEstate {
  readonly name: string;
  readonly basePolicyName: string;
  readonly mode: "Default" | "Asynchronous_filter";
  readonly filters: readonly RaiFilterEstate[];
  readonly blocklists: readonly string[];
  /** Where the filter is weaker than Microsoft's default; empty when it is not. */
  readonly weakerThanDefault: readonly string[];
  readonly reason?: string;
  /** The environment's tags, plus the reason of a weaker filter (so it shows in review). */
  readonly tags: Tags;
}

export interface BlocklistEstate {
  readonly name: string;
  readonly description?: string;
  readonly items: readonly { readonly name: string; readonly pattern: string; readonly regex: boolean }[];
}

export interface FineTuningEstate {
  readonly storageAccountName: string;
  /** The storage account's resource ID as text: role assignment names are derived from it. */
  readonly storageAccountId: string;
  readonly containers: readonly string[];
  readonly baseModels: readonly string[];
  /** Who may use the storage, all scoped to storageAccountId. */
  readonly access: {
    /** The account's system-assigned identity reads training data. */
    readonly account: Omit<RoleGrantEstate, "principal">;
    /** Data scientists upload it. */
    readonly dataScientists: readonly RoleGrantEstate[];
  };
  readonly privateEndpoint: {
    readonly name: string;
    readonly networkInterfaceName: string;
    readonly zoneNames: readonly PrivateDnsZoneName[];
  };
}

/** What the catalog says about a deployment's model, for the estate report. */
export interface DeploymentCatalogFacts {
  /** Unknown for a model the catalog does not list (deployed deliberately, see uncatalogued). */
  readonly capability: Capability | "unknown";
  readonly lifecycle: Lifecycle;
  /** What capacity counts: thousands of tokens per minute, requests per minute, or PTUs. */
  readonly unit?: "1K TPM" | "RPM" | "PTU";
  /** For a fine-tuned model: its base model and the training job. */
  readonly fineTunedFrom?: string;
  readonly jobId?: string;
  /** Why a model or version the catalog does not list is deployed anyway. */
  readonly uncatalogued?: string;
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
  /** Read-only access for the plan identity. */
  readonly keyReaders: readonly { readonly objectId: string; readonly displayName: string }[];
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
  /** Who the environment's alerts notify: an action group, when the config names addresses. */
  readonly actionGroup?: {
    readonly name: string;
    readonly shortName: string;
    readonly emails: readonly string[];
  };
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
  /** Role grants on the account and on the region's resource group. */
  readonly access: readonly ScopedRoleGrant[];
  /** Present when the account is encrypted with a customer-managed key. */
  readonly customerManagedKey?: CustomerManagedKeyEstate;
  /** Present when models are fine-tuned in this region. */
  readonly fineTuning?: FineTuningEstate;
}

export interface AccountEstate {
  readonly name: string;
  /** The account's resource ID as text: role assignment names are derived from it. */
  readonly resourceId: string;
  readonly kind: "OpenAI" | "AIServices";
  readonly customSubdomainName: string;
  /** The environment's tags, plus the public-access reason when there is one (so it shows in review). */
  readonly tags: Tags;
  readonly networkBypass: "AzureServices" | "None";
  /** Public access, only when the config asks for it with a reason. */
  readonly publicAccess?: { readonly allowedIpRanges: readonly string[]; readonly reason?: string };
  /** FQDNs the account may call out to while outbound access is restricted. */
  readonly allowedFqdns: readonly string[];
  /** Deployments in config order. */
  readonly deployments: readonly DeploymentEstate[];
  /** What the account's alerts watch besides the account: PTU utilization, and each pay-per-token deployment's usage. */
  readonly alerted: {
    readonly provisioned: boolean;
    readonly usage: readonly { readonly name: string; readonly capacityK: number }[];
  };
  /**
   * Every change to the account in the order it runs (estate/account-operations.ts): keys such as
   * "customer-managed-key", "blocklist:<name>", "content-filter:<name>", "deployment:<name>".
   */
  readonly operations: readonly string[];
}

export interface DeploymentEstate {
  readonly name: string;
  readonly model: { readonly format: string; readonly name: string; readonly version: string };
  readonly type: DeploymentType;
  readonly capacity: number;
  readonly versionUpgradeOption: VersionUpgradeOption;
  readonly raiPolicyName: string;
  readonly catalog: DeploymentCatalogFacts;
}
