/**
 * FineTuningStorage: a private storage account for the customer's fine-tuning data, next to the
 * account that trains on it.
 *
 * Meets: customization with the customer's own data, privately. Azure constraints that shaped it
 * (Checkov CKV_AZURE_33/44/59/190/206, Azure Policy b2982f36, 8c6a50c6, 4fa4b6c0, fe83a0eb):
 * - no public network access, firewall default Deny with trusted Azure services let through (Azure
 *   OpenAI reads training files by managed identity), a private endpoint for blob;
 * - shared keys off, OAuth by default, no public blobs, TLS 1.2, HTTPS only, infrastructure encryption
 *   (secure-storage.ts, shared with the state storage);
 * - versioning and soft delete for blobs and containers, so a bad upload or delete can be undone;
 * - containers are created through Azure Resource Manager (storage_account_id), so Terraform needs no
 *   data-plane access to a private account;
 * - with an encryption key (Checkov CKV2_AZURE_1, Azure Policy 6fac406b), the account's system-assigned
 *   identity is granted the key and a separate customer-managed-key resource attaches it; the
 *   account's inline block is ignored so the two never fight.
 * Who may read and write is granted outside, with Access: the account's identity reads, data
 * scientists write.
 */
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { StorageAccount, StorageAccountCustomerManagedKey, StorageContainer } from "../azurerm";
import { PrivateEndpoint } from "../private-endpoint";
import { addDeleteLock } from "../protection";
import { secureStorageSettings } from "../secure-storage";
import { PropError, requireOneOf, requireRule, requireName } from "../validation";

export interface StoragePrivateEndpoint {
  readonly name: string;
  readonly networkInterfaceName: string;
  readonly subnetId: string;
  /** The privatelink.blob.core.windows.net zone; none when Azure Policy writes the records. */
  readonly dnsZoneIds: readonly string[];
}

/** A Key Vault key that encrypts data at rest; CustomerManagedKey is one. */
export interface EncryptionKey {
  readonly keyVaultId: string;
  readonly keyName: string;
  /** Grants a managed identity Get, WrapKey and UnwrapKey on the key. */
  grantKeyUse(id: string, principalId: string): ITerraformDependable;
}

export interface FineTuningStorageProps {
  readonly name: string;
  readonly location: string;
  readonly resourceGroupName: string;
  readonly privateEndpoint: StoragePrivateEndpoint;
  /**
   * @default ["training", "validation"]
   */
  readonly containers?: readonly string[];
  /**
   * ZRS keeps three copies across availability zones in the region, and the data stays in the region.
   * @default "ZRS"
   */
  readonly replication?: "LRS" | "ZRS";
  /**
   * Days deleted blobs and containers stay recoverable.
   * @default 30
   */
  readonly softDeleteDays?: number;
  /**
   * Encrypt the data with this customer-managed key (the latest version, so rotation needs no change).
   * @default Microsoft-managed keys
   */
  readonly encryptionKey?: EncryptionKey;
  /**
   * Delete lock and prevent_destroy.
   * @default true
   */
  readonly protection?: boolean;
  /**
   * @default no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

export class FineTuningStorage extends Construct {
  readonly id: string;
  readonly name: string;
  /** The blob service, where diagnostics attach. */
  readonly blobServiceId: string;
  readonly resource: StorageAccount;

  constructor(scope: Construct, id: string, props: FineTuningStorageProps) {
    super(scope, id);
    const containers = props.containers ?? ["training", "validation"];
    const softDelete = props.softDeleteDays ?? 30;
    const protection = props.protection ?? true;
    requireName(this, "name", props.name, "storageAccount");
    requireOneOf(this, "replication", props.replication ?? "ZRS", ["LRS", "ZRS"]);
    if (!Number.isInteger(softDelete) || softDelete < 1 || softDelete > 365)
      throw new PropError(this, "softDeleteDays", softDelete, "must be a whole number of days, 1-365");
    if (containers.length === 0)
      throw new PropError(this, "containers", containers, "needs at least one container");
    for (const c of containers) requireRule(this, "containers", c, "containerName", "entries");

    this.resource = new StorageAccount(this, "Resource", {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      ...secureStorageSettings(softDelete),
      accountReplicationType: props.replication ?? "ZRS",
      publicNetworkAccessEnabled: false,
      networkRules: {
        defaultAction: "Deny",
        bypass: ["AzureServices"],
        ipRules: [],
        virtualNetworkSubnetIds: [],
      },
      identity: props.encryptionKey ? { type: "SystemAssigned" } : undefined,
      tags: { ...props.tags },
      lifecycle:
        protection || props.encryptionKey
          ? {
              ...(protection && { preventDestroy: true }),
              // The customer_managed_key resource below owns the key.
              ...(props.encryptionKey && { ignoreChanges: ["customer_managed_key"] }),
            }
          : undefined,
    });
    if (protection) addDeleteLock(this, this.resource.id, "Protected environment: holds fine-tuning data.");
    if (props.encryptionKey) {
      const access = props.encryptionKey.grantKeyUse(`${id}_access`, this.resource.identity.principalId);
      new StorageAccountCustomerManagedKey(this, "customer_managed_key", {
        storageAccountId: this.resource.id,
        keyVaultId: props.encryptionKey.keyVaultId,
        keyName: props.encryptionKey.keyName,
        dependsOn: [access],
      });
    }

    for (const container of containers) {
      new StorageContainer(this, `container_${container}`, {
        name: container,
        storageAccountId: this.resource.id,
        containerAccessType: "private",
      });
    }
    new PrivateEndpoint(this, "private_endpoint", {
      name: props.privateEndpoint.name,
      networkInterfaceName: props.privateEndpoint.networkInterfaceName,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      subnetId: props.privateEndpoint.subnetId,
      targetResourceId: this.resource.id,
      subresource: "blob",
      dnsZoneIds: props.privateEndpoint.dnsZoneIds,
      tags: props.tags,
    });

    this.id = this.resource.id;
    this.name = props.name;
    this.blobServiceId = `${this.resource.id}/blobServices/default`;
  }
}
