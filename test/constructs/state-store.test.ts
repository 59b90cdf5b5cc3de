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

  it.each<[Partial<StateStoreProps>, RegExp]>([
    [{ storageAccountName: "St-State" }, /storageAccountName may hold lower-case letters and digits only/],
    [{ retentionDays: 3 }, /retentionDays must be a whole number of days, 7-365/],
  ])("rejects bad props %#", (props, message) => {
    expect(() => synth(props)).toThrow(message);
  });
});
