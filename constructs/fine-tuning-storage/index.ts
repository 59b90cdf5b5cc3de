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
import {
  StorageAccount,
  StorageAccountCustomerManagedKey,
  StorageContainer,
  type RoleAssignment,
} from "../azurerm";
import { BLOB_SUBRESOURCE } from "../../catalog/private-dns";
import { scopeIds } from "../../catalog/resource-ids";
import { STORAGE_BLOB_DATA_CONTRIBUTOR, STORAGE_BLOB_DATA_READER } from "../../catalog/roles";
import type { Principal } from "../access";
import {
  addDiagnostics,
  addPrivateEndpoints,
  applyProtection,
  ResourceGrants,
  type DiagnosticsOptions,
  type PrivateEndpointSettings,
  type ProtectionOptions,
  type ResourceGrant,
  type RoleAssignmentsOptions,
} from "../resource-options";
import { secureStorageSettings } from "../secure-storage";
import { PropError, requireName, requireOneOf, requireRule } from "../validation";

/** A Key Vault key that encrypts data at rest; CustomerManagedKey is one. */
export interface EncryptionKey {
  readonly keyVaultId: string;
  readonly keyName: string;
  /** Grants a managed identity Get, WrapKey and UnwrapKey on the key. */
  grantKeyUse(id: string, principalId: string): ITerraformDependable;
}

export interface FineTuningStorageProps
  extends ProtectionOptions, DiagnosticsOptions, RoleAssignmentsOptions {
  readonly name: string;
  readonly location: string;
  readonly resourceGroupName: string;
  /**
   * Private endpoints for the blob subresource (the account has no public endpoint, so at least one).
   * Their zone is privatelink.blob.core.windows.net; none when Azure Policy writes the records.
   */
  readonly privateEndpoints: readonly PrivateEndpointSettings[];
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
  private readonly grants: ResourceGrants;

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
    if (props.privateEndpoints.length === 0)
      throw new PropError(
        this,
        "privateEndpoints",
        [],
        "needs at least one: the account has no public endpoint",
      );

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
      // The customer_managed_key resource below owns the key.
      lifecycle: props.encryptionKey ? { ignoreChanges: ["customer_managed_key"] } : undefined,
    });
    applyProtection(this, this.resource, protection, "Protected environment: holds fine-tuning data.");
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
    addPrivateEndpoints(this, { ...props, id: this.resource.id }, BLOB_SUBRESOURCE, props.privateEndpoints, {
      tags: props.tags,
    });

    this.id = this.resource.id;
    this.name = props.name;
    this.blobServiceId = `${this.resource.id}/blobServices/default`;
    // Blob services report Transaction and Capacity metrics, not AllMetrics.
    addDiagnostics(this, this.blobServiceId, props.diagnostics, { metricCategories: ["Transaction"] });
    this.grants = new ResourceGrants(this, this.id, props, scopeIds.storageAccount);
  }

  /** Grants a role on the storage account. */
  grant(grant: ResourceGrant): void {
    this.grants.grant(grant);
  }

  /** Lets a principal read training data (Storage Blob Data Reader): what the account's identity needs. */
  grantRead(principal: Principal, key: string): void {
    const role = STORAGE_BLOB_DATA_READER;
    this.grant({ key, principal, roleId: role.id, roleName: role.name });
  }

  /** Lets a principal upload training data (Storage Blob Data Contributor). */
  grantWrite(principal: Principal, key: string): void {
    const role = STORAGE_BLOB_DATA_CONTRIBUTOR;
    this.grant({ key, principal, roleId: role.id, roleName: role.name });
  }

  /** The role assignments on the storage account, by key. */
  get assignments(): Readonly<Record<string, RoleAssignment>> {
    return this.grants.assignments;
  }
}
