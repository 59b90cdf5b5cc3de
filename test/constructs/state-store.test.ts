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
