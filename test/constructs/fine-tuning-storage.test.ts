import { TerraformResource } from "cdktf";
import { FineTuningStorage, type FineTuningStorageProps } from "../../constructs/fine-tuning-storage";
import { synthReadable } from "../helpers";

const base: FineTuningStorageProps = {
  name: "staoaiprodsdc569806",
  location: "swedencentral",
  resourceGroupName: "rg",
  privateEndpoints: [
    {
      name: "pep-st",
      networkInterfaceName: "nic-pep-st",
      subnetId: "/subnet",
      dnsZoneIds: ["/zones/privatelink.blob.core.windows.net"],
    },
  ],
};
const synth = (props: Partial<FineTuningStorageProps> = {}) =>
  synthReadable((stack) => new FineTuningStorage(stack, "fine_tuning_storage", { ...base, ...props }))
    .resource;

describe("FineTuningStorage", () => {
  const r = synth();

  it("is private: no public network, shared keys off, no public blobs, TLS 1.2, firewall Deny", () => {
    expect(r.azurerm_storage_account.fine_tuning_storage).toMatchObject({
      public_network_access_enabled: false,
      shared_access_key_enabled: false,
      default_to_oauth_authentication: true,
      allow_nested_items_to_be_public: false,
      https_traffic_only_enabled: true,
      min_tls_version: "TLS1_2",
      infrastructure_encryption_enabled: true,
      cross_tenant_replication_enabled: false,
      local_user_enabled: false,
      account_replication_type: "ZRS",
      network_rules: {
        default_action: "Deny",
        bypass: ["AzureServices"],
        ip_rules: [],
        virtual_network_subnet_ids: [],
      },
    });
  });

  it("keeps versions and soft-deleted blobs and containers for 30 days", () => {
    expect(r.azurerm_storage_account.fine_tuning_storage.blob_properties).toEqual({
      versioning_enabled: true,
      delete_retention_policy: { days: 30 },
      container_delete_retention_policy: { days: 30 },
    });
  });

  it("creates private containers through Resource Manager and a blob private endpoint", () => {
    expect(r.azurerm_storage_container.fine_tuning_storage_container_training).toEqual(
      expect.objectContaining({
        name: "training",
        storage_account_id: "${azurerm_storage_account.fine_tuning_storage.id}",
        container_access_type: "private",
      }),
    );
    expect(
      r.azurerm_storage_container.fine_tuning_storage_container_training.storage_account_name,
    ).toBeUndefined();
    expect(
      r.azurerm_private_endpoint.fine_tuning_storage_private_endpoint.private_service_connection,
    ).toMatchObject({
      private_connection_resource_id: "${azurerm_storage_account.fine_tuning_storage.id}",
      subresource_names: ["blob"],
    });
  });

  it("is locked and kept from destroy unless protection is off", () => {
    expect(r.azurerm_management_lock.fine_tuning_storage_Lock.scope).toBe(
      "${azurerm_storage_account.fine_tuning_storage.id}",
    );
    expect(r.azurerm_storage_account.fine_tuning_storage.lifecycle).toEqual({ prevent_destroy: true });
    const loose = synth({ protection: false });
    expect(loose.azurerm_management_lock).toBeUndefined();
    expect(loose.azurerm_storage_account.fine_tuning_storage.lifecycle).toBeUndefined();
  });

  it("uses Microsoft-managed keys and no identity unless given an encryption key", () => {
    expect(r.azurerm_storage_account.fine_tuning_storage.identity).toBeUndefined();
    expect(r.azurerm_storage_account_customer_managed_key).toBeUndefined();
  });

  describe("with an encryption key", () => {
    const encrypted = synthReadable(
      (stack) =>
        new FineTuningStorage(stack, "fine_tuning_storage", {
          ...base,
          encryptionKey: {
            keyVaultId: "/vaults/kv",
            keyName: "cmk-key",
            grantKeyUse: (id, principalId) => {
              const grant = new TerraformResource(stack, id, { terraformResourceType: "test_grant" });
              grant.addOverride("object_id", principalId);
              return grant;
            },
          },
        }),
    ).resource;
    const storage = encrypted.azurerm_storage_account.fine_tuning_storage;

    it("grants the key to the storage account's own identity, then attaches the key by name", () => {
      expect(storage.identity).toEqual({ type: "SystemAssigned" });
      expect(encrypted.test_grant.fine_tuning_storage_access.object_id).toBe(
        "${azurerm_storage_account.fine_tuning_storage.identity[0].principal_id}",
      );
      expect(
        encrypted.azurerm_storage_account_customer_managed_key.fine_tuning_storage_customer_managed_key,
      ).toEqual(
        expect.objectContaining({
          storage_account_id: "${azurerm_storage_account.fine_tuning_storage.id}",
          key_vault_id: "/vaults/kv",
          key_name: "cmk-key",
          depends_on: ["test_grant.fine_tuning_storage_access"],
        }),
      );
    });

    it("leaves the key to the attachment: the account's inline block is ignored, protection stays", () => {
      expect(storage.lifecycle).toEqual({ prevent_destroy: true, ignore_changes: ["customer_managed_key"] });
    });
  });

  it.each<[Partial<FineTuningStorageProps>, RegExp]>([
    [{ name: "St-Bad" }, /name may hold lower-case letters and digits only/],
    [{ containers: [] }, /containers needs at least one container/],
    [{ containers: ["Bad_Name"] }, /containers entries must be 3-63 lower-case letters/],
    [{ softDeleteDays: 0 }, /softDeleteDays must be a whole number of days, 1-365/],
  ])("rejects bad props %#", (props, message) => {
    expect(() => synth(props)).toThrow(message);
  });
});
