/**
 * StateStore: the Azure Storage that keeps an environment's Terraform state, made once by an
 * administrator before any stack can use the azurerm backend.
 *
 * Meets: delivery (state that survives a laptop, locked while a run holds it). Azure and Terraform
 * constraints that shaped it:
 * - the azurerm backend reaches it with Entra ID and OIDC (use_azuread_auth), so shared keys are off
 *   and no access key or SAS token exists to leak; the lock is a blob lease;
 * - versioning and soft delete keep every earlier state recoverable; a CanNotDelete lock guards the
 *   account; GZRS keeps state through the loss of a zone or, failed over, a region (Checkov CKV_AZURE_206);
 * - with a subnet, no public endpoint at all: the runners reach it through a blob private endpoint.
 */
import { Construct } from "constructs";
import { ResourceGroup, StorageAccount, StorageContainer } from "../azurerm";
import { PrivateEndpoint } from "../private-endpoint";
import { applyProtection } from "../resource-options";
import { secureStorageSettings } from "../secure-storage";
import { PropError, requireName } from "../validation";

export interface StateStoreProps {
  readonly resourceGroupName: string;
  readonly storageAccountName: string;
  readonly containerName: string;
  readonly location: string;
  /**
   * Subnet for a blob private endpoint; public network access is then off.
   * @default a public endpoint that takes Entra ID only
   */
  readonly privateEndpointSubnetId?: string;
  /**
   * Days earlier state versions and deleted blobs stay recoverable.
   * @default 30
   */
  readonly retentionDays?: number;
  /**
   * @default no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

export class StateStore extends Construct {
  readonly storageAccountId: string;
  /** The container's Resource Manager ID: the scope of the CI identities' state roles. */
  readonly containerId: string;

  constructor(scope: Construct, id: string, props: StateStoreProps) {
    super(scope, id);
    const retention = props.retentionDays ?? 30;
    requireName(this, "storageAccountName", props.storageAccountName, "storageAccount");
    if (!Number.isInteger(retention) || retention < 7 || retention > 365)
      throw new PropError(this, "retentionDays", retention, "must be a whole number of days, 7-365");
    const isPrivate = props.privateEndpointSubnetId !== undefined;

    const rg = new ResourceGroup(this, "resource_group", {
      name: props.resourceGroupName,
      location: props.location,
      tags: { ...props.tags },
    });
    const account = new StorageAccount(this, "Resource", {
      name: props.storageAccountName,
      resourceGroupName: rg.name,
      location: props.location,
      ...secureStorageSettings(retention),
      accountReplicationType: "GZRS",
      publicNetworkAccessEnabled: !isPrivate,
      tags: { ...props.tags },
    });
    // Always protected: losing the state orphans every resource of the environment.
    applyProtection(this, account, true, "Holds the Terraform state of every stack of the environment.");
    const container = new StorageContainer(this, "container", {
      name: props.containerName,
      storageAccountId: account.id,
      containerAccessType: "private",
    });
    if (props.privateEndpointSubnetId) {
      new PrivateEndpoint(this, "private_endpoint", {
        name: `pep-${props.storageAccountName}`,
        networkInterfaceName: `nic-pep-${props.storageAccountName}`,
        location: props.location,
        resourceGroupName: rg.name,
        subnetId: props.privateEndpointSubnetId,
        targetResourceId: account.id,
        subresource: "blob",
        // The runners' network resolves privatelink.blob.core.windows.net (policy or its own zone).
        dnsZoneIds: [],
        tags: props.tags,
      });
    }
    this.storageAccountId = account.id;
    this.containerId = container.id;
  }
}
