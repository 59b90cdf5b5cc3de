import { StackLocator } from "../../../tools/validate/locate";

const config = {
  resource: {
    azurerm_cognitive_account: {
      openai: { "//": { metadata: { path: "dev-swedencentral/openai" } }, name: "oai", fqdns: ["a", "b"] },
    },
    azapi_update_resource: {
      filter_blocklists: {
        "//": { metadata: { path: "dev-swedencentral/content_filter/blocklists" } },
        lifecycle: { replace_triggered_by: ["x"] },
      },
    },
  },
  data: { terraform_remote_state: { shared: { backend: "local" } } },
  output: { endpoint: { value: "e" } },
};
const text = JSON.stringify(config, null, 2);
const lines = text.split("\n");
const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
const locator = new StackLocator(text);

describe("StackLocator", () => {
  it("maps a line inside a block to its address and construct path", () => {
    expect(locator.atLine(lineOf('"replace_triggered_by"'))).toEqual(
      expect.objectContaining({
        address: "azapi_update_resource.filter_blocklists",
        constructPath: "dev-swedencentral/content_filter/blocklists",
      }),
    );
    expect(locator.atLine(lineOf('"b"'))?.address).toBe("azurerm_cognitive_account.openai");
    expect(locator.atLine(lineOf('"backend"'))?.address).toBe("data.terraform_remote_state.shared");
    expect(locator.atLine(lineOf('"value"'))?.address).toBe("output.endpoint");
    expect(locator.atLine(1)).toBeUndefined();
  });

  it("reads the block from Terraform's snippet context of a JSON diagnostic", () => {
    expect(
      locator.inContext("resource.azapi_update_resource.filter_blocklists.lifecycle.replace_triggered_by")
        ?.constructPath,
    ).toBe("dev-swedencentral/content_filter/blocklists");
    expect(locator.inContext("data.terraform_remote_state.shared.backend")?.address).toBe(
      "data.terraform_remote_state.shared",
    );
    expect(locator.inContext("output.endpoint")?.address).toBe("output.endpoint");
    expect(locator.inContext(undefined)).toBeUndefined();
  });
});
