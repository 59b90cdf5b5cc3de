/**
 * The hand-written azapi bindings: what each writes, and that cdktf ties their resources to the azapi
 * provider (its provider-presence validation, which `cdktf synth` runs, matches them by provider name).
 */
import { TerraformStack, Testing } from "cdktf";
import {
  API_MANAGEMENT_API_VERSION,
  AZAPI_PROVIDER_VERSION,
  COGNITIVE_SERVICES_API_VERSION,
  INSIGHTS_COMPONENTS_API_VERSION,
  AzapiProvider,
  AzapiResource,
  AzapiUpdateResource,
} from "../../constructs/azapi";

const SUBSCRIPTION = "33333333-3333-3333-3333-333333333333";
const TENANT = "44444444-4444-4444-4444-444444444444";

function stackWith(provider: boolean): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "stack");
  if (provider) new AzapiProvider(stack, "azapi", { subscriptionId: SUBSCRIPTION, tenantId: TENANT });
  const parent = new AzapiResource(stack, "parent", {
    type: "Microsoft.Example/things@2025-01-01",
    name: "thing",
    parentId: "/subscriptions/s/resourceGroups/rg",
    body: { properties: { size: 1 } },
  });
  new AzapiUpdateResource(stack, "patch", {
    type: "Microsoft.Example/things@2025-01-01",
    resourceId: parent.id,
    body: { properties: { flag: true } },
    dependsOn: [parent],
    lifecycle: { replaceTriggeredBy: ["azapi_resource.parent"] },
  });
  return stack;
}

describe("azapi bindings", () => {
  it("pins each ARM API version it sends bodies with: azapi sends them as written, so a change is reviewed", () => {
    expect([
      COGNITIVE_SERVICES_API_VERSION,
      INSIGHTS_COMPONENTS_API_VERSION,
      API_MANAGEMENT_API_VERSION,
    ]).toEqual(["2025-06-01", "2020-02-02", "2022-08-01"]);
  });

  it("pins the provider's source and version and passes the subscription and tenant", () => {
    const json = JSON.parse(Testing.synth(stackWith(true)));
    expect(json.terraform.required_providers.azapi).toEqual({
      source: "Azure/azapi",
      version: AZAPI_PROVIDER_VERSION,
    });
    expect(json.provider.azapi).toEqual([{ subscription_id: SUBSCRIPTION, tenant_id: TENANT }]);
  });

  it("writes a resource's type, name, parent and body, and an update's target, body and meta-arguments", () => {
    const json = JSON.parse(Testing.synth(stackWith(true)));
    expect(json.resource.azapi_resource.parent).toMatchObject({
      type: "Microsoft.Example/things@2025-01-01",
      name: "thing",
      parent_id: "/subscriptions/s/resourceGroups/rg",
      body: { properties: { size: 1 } },
    });
    expect(json.resource.azapi_update_resource.patch).toMatchObject({
      type: "Microsoft.Example/things@2025-01-01",
      resource_id: "${azapi_resource.parent.id}",
      body: { properties: { flag: true } },
      depends_on: ["azapi_resource.parent"],
      lifecycle: { replace_triggered_by: ["azapi_resource.parent"] },
    });
  });

  it("belongs to the azapi provider: a stack without it fails cdktf's provider check, one with it passes", () => {
    expect(stackWith(false).node.validate()).toEqual([
      expect.stringMatching(/without a matching provider construct.* for the following providers: azapi$/),
    ]);
    expect(stackWith(true).node.validate()).toEqual([]);
  });
});
