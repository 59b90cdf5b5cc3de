/**
 * The settings every storage account of the estate shares: Entra ID only (shared keys off, OAuth by
 * default, no local users or SFTP), no anonymous blobs, TLS 1.2 over HTTPS, infrastructure encryption,
 * no cross-tenant replication, and versioned, soft-deleted blobs and containers (Checkov
 * CKV_AZURE_33/44/59/190, CKV2_AZURE_38/40/47; Azure Policy b2982f36, 8c6a50c6, 4fa4b6c0, fe83a0eb).
 * Network access, replication and identity stay with each construct.
 */
import type { StorageAccountConfig } from "./azurerm";

type Shared = Pick<
  StorageAccountConfig,
  | "accountKind"
  | "accountTier"
  | "sharedAccessKeyEnabled"
  | "defaultToOauthAuthentication"
  | "allowNestedItemsToBePublic"
  | "httpsTrafficOnlyEnabled"
  | "minTlsVersion"
  | "infrastructureEncryptionEnabled"
  | "crossTenantReplicationEnabled"
  | "localUserEnabled"
  | "sftpEnabled"
  | "blobProperties"
>;

export function secureStorageSettings(softDeleteDays: number): Shared {
  return {
    accountKind: "StorageV2",
    accountTier: "Standard",
    sharedAccessKeyEnabled: false,
    defaultToOauthAuthentication: true,
    allowNestedItemsToBePublic: false,
    httpsTrafficOnlyEnabled: true,
    minTlsVersion: "TLS1_2",
    infrastructureEncryptionEnabled: true,
    crossTenantReplicationEnabled: false,
    localUserEnabled: false,
    sftpEnabled: false,
    blobProperties: {
      versioningEnabled: true,
      deleteRetentionPolicy: { days: softDeleteDays },
      containerDeleteRetentionPolicy: { days: softDeleteDays },
    },
  };
}
