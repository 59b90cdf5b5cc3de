import { StateStore, type StateStoreProps } from "../../constructs/state-store";
import { synthReadable } from "../helpers";

const base: StateStoreProps = {
  resourceGroupName: "rg-tfstate-dev",
  storageAccountName: "sttfstatedev001",
  containerName: "tfstate",
  location: "swedencentral",
};
const synth = (props: Partial<StateStoreProps> = {}) =>
  synthReadable((stack) => new StateStore(stack, "state", { ...base, ...props })).resource;

describe("StateStore", () => {
  it("without a subnet keeps a public endpoint that takes Entra ID only, and no private endpoint", () => {
    const r = synth();
    expect(r.azurerm_storage_account.state).toMatchObject({
      public_network_access_enabled: true,
      shared_access_key_enabled: false,
      default_to_oauth_authentication: true,
      allow_nested_items_to_be_public: false,
    });
    expect(r.azurerm_private_endpoint).toBeUndefined();
    expect(r.azurerm_storage_container.state_container).toMatchObject({
      name: "tfstate",
      storage_account_id: "${azurerm_storage_account.state.id}",
      container_access_type: "private",
    });
  });

  it("with a subnet has no public endpoint and a blob private endpoint named after the account, tagged", () => {
    const SUBNET =
      "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-runners";
    const r = synth({ privateEndpointSubnetId: SUBNET, tags: { owner: "platform" } });
    expect(r.azurerm_storage_account.state).toMatchObject({
      public_network_access_enabled: false,
      // State survives the loss of a zone, or of the region once failed over.
      account_replication_type: "GZRS",
      tags: { owner: "platform" },
    });
    const endpoint = r.azurerm_private_endpoint.state_private_endpoint;
    expect(endpoint).toMatchObject({
      name: "pep-sttfstatedev001",
      custom_network_interface_name: "nic-pep-sttfstatedev001",
      location: "swedencentral",
      resource_group_name: "${azurerm_resource_group.state_resource_group.name}",
      subnet_id: SUBNET,
      private_service_connection: {
        private_connection_resource_id: "${azurerm_storage_account.state.id}",
        subresource_names: ["blob"],
      },
      tags: { owner: "platform" },
    });
    // The runners' network resolves the blob zone itself (DNS policy or its own zone).
    expect(endpoint.private_dns_zone_group).toBeUndefined();
  });

  it("keeps earlier state versions and deleted blobs for the retention it is given", () => {
    expect(synth({ retentionDays: 90 }).azurerm_storage_account.state.blob_properties).toEqual({
      versioning_enabled: true,
      delete_retention_policy: { days: 90 },
      container_delete_retention_policy: { days: 90 },
    });
  });

  it("keeps state from 7 to 365 days, and no other retention", () => {
    for (const days of [7, 365])
      expect(
        synth({ retentionDays: days }).azurerm_storage_account.state.blob_properties.delete_retention_policy,
      ).toEqual({ days });
    for (const days of [6, 366, 30.5])
      expect(() => synth({ retentionDays: days })).toThrow(
        /retentionDays must be a whole number of days, 7-365/,
      );
  });

  it("is always protected: prevent_destroy and a delete lock saying what it holds; its group carries the tags", () => {
    const r = synth({ tags: { owner: "platform" } });
    expect(r.azurerm_storage_account.state.lifecycle).toEqual({ prevent_destroy: true });
    expect(r.azurerm_management_lock.state_Lock).toMatchObject({
      scope: "${azurerm_storage_account.state.id}",
      lock_level: "CanNotDelete",
      notes: "Holds the Terraform state of every stack of the environment.",
    });
    expect(r.azurerm_resource_group.state_resource_group).toMatchObject({
      name: "rg-tfstate-dev",
      location: "swedencentral",
      tags: { owner: "platform" },
    });
  });

  it.each<[Partial<StateStoreProps>, RegExp]>([
    [{ storageAccountName: "St-State" }, /storageAccountName may hold lower-case letters and digits only/],
    [{ retentionDays: 3 }, /retentionDays must be a whole number of days, 7-365/],
  ])("rejects bad props %#", (props, message) => {
    expect(() => synth(props)).toThrow(message);
  });
});
