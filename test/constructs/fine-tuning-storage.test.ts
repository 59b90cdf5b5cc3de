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
      sftp_enabled: false,
      account_kind: "StorageV2",
      account_tier: "Standard",
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
    [{ softDeleteDays: 366 }, /softDeleteDays must be a whole number of days, 1-365 \(got 366\)/],
    [{ softDeleteDays: 7.5 }, /softDeleteDays must be a whole number of days, 1-365 \(got 7.5\)/],
    [
      { replication: "GRS" as never },
      /fine_tuning_storage: replication must be one of: LRS, ZRS \(got "GRS"\)/,
    ],
    [
      { privateEndpoints: [] },
      /fine_tuning_storage: privateEndpoints needs at least one: the account has no public endpoint \(got \[\]\)/,
    ],
  ])("rejects bad props %#", (props, message) => {
    expect(() => synth(props)).toThrow(message);
  });

  it.each([1, 365])("takes %p days of soft delete", (days) => {
    const blob = synth({ softDeleteDays: days }).azurerm_storage_account.fine_tuning_storage.blob_properties;
    expect(blob.delete_retention_policy).toEqual({ days });
    expect(blob.container_delete_retention_policy).toEqual({ days });
  });

  it("tags the account and its endpoint, takes LRS, and says why it is locked", () => {
    const tagged = synth({ tags: { owner: "team" }, replication: "LRS" });
    expect(tagged.azurerm_storage_account.fine_tuning_storage).toMatchObject({
      tags: { owner: "team" },
      account_replication_type: "LRS",
    });
    expect(tagged.azurerm_private_endpoint.fine_tuning_storage_private_endpoint).toMatchObject({
      name: "pep-st",
      location: "swedencentral",
      resource_group_name: "rg",
      tags: { owner: "team" },
    });
    expect(tagged.azurerm_management_lock.fine_tuning_storage_Lock.notes).toBe(
      "Protected environment: holds fine-tuning data.",
    );
  });

  it("sends the blob service's logs and its Transaction metrics (blob services have no AllMetrics)", () => {
    const WORKSPACE =
      "/subscriptions/x/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log";
    let blobServiceId = "";
    const r = synthReadable((stack) => {
      blobServiceId = new FineTuningStorage(stack, "fine_tuning_storage", {
        ...base,
        diagnostics: { logAnalyticsWorkspaceId: WORKSPACE },
      }).blobServiceId;
    }).resource;
    expect(blobServiceId).toMatch(/\/blobServices\/default$/);
    expect(r.azurerm_monitor_diagnostic_setting.fine_tuning_storage_diagnostics).toMatchObject({
      target_resource_id: "${azurerm_storage_account.fine_tuning_storage.id}/blobServices/default",
      log_analytics_workspace_id: WORKSPACE,
      enabled_metric: [{ category: "Transaction" }],
    });
  });

  it("grants reading and uploading training data with the blob data roles", () => {
    const SUB = "11111111-1111-1111-1111-111111111111";
    const principal = {
      objectId: "22222222-2222-2222-2222-222222222222",
      type: "Group" as const,
      displayName: "ds",
    };
    let storage: FineTuningStorage | undefined;
    const r = synthReadable((stack) => {
      storage = new FineTuningStorage(stack, "fine_tuning_storage", { ...base, subscriptionId: SUB });
      storage.grantRead(principal, "reader");
      storage.grantWrite(principal, "writer");
    }).resource;
    const roleOf = (key: string) =>
      r.azurerm_role_assignment[`fine_tuning_storage_access_${key}`].role_definition_id;
    // Storage Blob Data Reader and Storage Blob Data Contributor (built-in role IDs).
    expect(roleOf("reader")).toMatch(/\/2a2b9908-6ea1-4ae2-8e65-a410df84e7d1$/);
    expect(roleOf("writer")).toMatch(/\/ba92f5b4-2d11-453d-a403-e96b0029c9fe$/);
    expect(Object.keys(storage!.assignments)).toEqual(["reader", "writer"]);
  });
});
