import { withoutProviders } from "../../../tools/validate/without-providers";
import type { TerraformJson } from "../../../tools/validate/terraform-json";

const config: TerraformJson = {
  terraform: {
    required_providers: {
      azurerm: { source: "azurerm", version: "4.55.0" },
      azapi: { source: "Azure/azapi", version: "2.7.0" },
    },
  },
  provider: { azurerm: [{}], azapi: [{}] },
  resource: {
    azurerm_cognitive_account_rai_policy: { filter: { name: "f" } },
    azapi_update_resource: {
      filter_blocklists: {
        resource_id: "${azurerm_cognitive_account_rai_policy.filter.id}",
        lifecycle: { replace_triggered_by: ["azurerm_cognitive_account_rai_policy.filter"] },
      },
    },
    azapi_resource: { item: { name: "i" } },
    azurerm_cognitive_deployment: {
      chat: {
        depends_on: [
          "azapi_update_resource.filter_blocklists",
          "azurerm_cognitive_account_rai_policy.filter",
        ],
      },
    },
    azurerm_monitor_diagnostic_setting: { reads_item: { target_resource_id: "${azapi_resource.item.id}/x" } },
    azurerm_resource_group: { not_item: { name: "${azapi_resource.item_2}" } },
  },
  data: { terraform_remote_state: { shared: { backend: "local" } } },
};

describe("withoutProviders", () => {
  const reduced = withoutProviders(config, new Set(["azapi"]));
  const r = reduced.config.resource!;

  it("leaves out the provider's blocks and every block that reads one of them, and names them", () => {
    expect(reduced.removed).toEqual([
      "azapi_resource.item",
      "azapi_update_resource.filter_blocklists",
      "azurerm_monitor_diagnostic_setting.reads_item",
    ]);
    expect(Object.keys(r).sort()).toEqual([
      "azurerm_cognitive_account_rai_policy",
      "azurerm_cognitive_deployment",
      "azurerm_resource_group",
    ]);
  });

  it("drops references to left-out blocks from depends_on and keeps the rest", () => {
    expect(r.azurerm_cognitive_deployment!.chat!.depends_on).toEqual([
      "azurerm_cognitive_account_rai_policy.filter",
    ]);
  });

  it("removes the provider's configuration and requirement", () => {
    expect(Object.keys(reduced.config.provider!)).toEqual(["azurerm"]);
    expect(Object.keys(reduced.config.terraform!.required_providers!)).toEqual(["azurerm"]);
    expect(reduced.anyLeft).toBe(true);
  });

  it("leaves no empty block map, which Terraform's JSON syntax refuses, and has nothing left for built-ins only", () => {
    const none = withoutProviders(config, new Set(["azapi", "azurerm"]));
    expect(none.config.resource).toBeUndefined();
    expect(none.config.provider).toBeUndefined();
    expect(none.config.data).toBeDefined();
    expect(none.anyLeft).toBe(false);
  });

  it("does not change its input", () => {
    expect(Object.keys(config.resource!)).toContain("azapi_resource");
  });
});
