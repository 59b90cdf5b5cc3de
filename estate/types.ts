/**
 * The resolved estate: plain data with every decision made (names, tags, order, protection).
 * Stacks map it onto constructs one to one; nothing here knows about cdktf.
 */
import type { DeploymentType, VersionUpgradeOption } from "./catalog/deployment-types";
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
  readonly shared: SharedEstate;
  readonly regions: readonly RegionEstate[];
}

export interface SharedEstate {
  readonly stackName: string;
  readonly location: string;
  readonly resourceGroupName: string;
  readonly logAnalytics: {
    readonly name: string;
    readonly retentionDays: number;
  };
}

export interface RegionEstate {
  readonly stackName: string;
  readonly location: string;
  readonly shortCode: string;
  readonly dataZone?: DataZone;
  readonly resourceGroupName: string;
  readonly account: AccountEstate;
  /** Names reserved for the region's other resources (network, key vault, storage, identity). */
  readonly names: RegionResourceNames;
}

export interface AccountEstate {
  readonly name: string;
  readonly kind: "OpenAI" | "AIServices";
  readonly customSubdomainName: string;
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
  readonly virtualNetwork: string;
  readonly privateEndpointSubnet: string;
  readonly networkSecurityGroup: string;
  readonly accountPrivateEndpoint: string;
  readonly keyVault: string;
  readonly storageAccount: string;
  readonly userAssignedIdentity: string;
}
