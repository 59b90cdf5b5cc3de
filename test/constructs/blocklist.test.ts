/** Blocklist: its limits and rules, and its items written to the account one after the other. */
import { Blocklist, type BlocklistItem } from "../../constructs/blocklist";
import { OpenAiAccount } from "../../constructs/openai-account";
import { synthReadable } from "../helpers";

const item = (name: string, pattern = name, regex = false): BlocklistItem => ({ name, pattern, regex });

function synth(items: readonly BlocklistItem[], name = "codenames") {
  return synthReadable((stack) => {
    const account = new OpenAiAccount(stack, "openai", {
      name: "oai-x",
      location: "swedencentral",
      resourceGroupName: "rg",
    });
    new Blocklist(stack, "blocklist_codenames", { account, name, items, description: "Internal names" });
  }).resource;
}

describe("Blocklist", () => {
  it("writes the list on the account, then each item after the one before", () => {
    const r = synth([item("bluebird"), item("contoso-id", "CONTOSO-[0-9]{4}", true)]);
    expect(r.azurerm_cognitive_account_rai_blocklist.blocklist_codenames).toMatchObject({
      name: "codenames",
      cognitive_account_id: "${azurerm_cognitive_account.openai.id}",
      description: "Internal names",
    });
    const items = r.azapi_resource;
    expect(items.blocklist_codenames_bluebird).toMatchObject({
      name: "bluebird",
      parent_id: "${azurerm_cognitive_account_rai_blocklist.blocklist_codenames.id}",
      body: { properties: { pattern: "bluebird", isRegex: false } },
      depends_on: ["azurerm_cognitive_account_rai_blocklist.blocklist_codenames"],
    });
    expect(items["blocklist_codenames_contoso-id"] ?? items.blocklist_codenames_contoso_id).toMatchObject({
      body: { properties: { pattern: "CONTOSO-[0-9]{4}", isRegex: true } },
      depends_on: ["azapi_resource.blocklist_codenames_bluebird"],
    });
  });

  it("registers itself on the account by its name, so two lists order by the keys the estate declares", () => {
    const r = synthReadable((stack) => {
      const account = new OpenAiAccount(stack, "openai", {
        name: "oai-x",
        location: "swedencentral",
        resourceGroupName: "rg",
      });
      new Blocklist(stack, "blocklist_a", { account, name: "a-list", items: [item("alpha")] });
      new Blocklist(stack, "blocklist_b", { account, name: "b-list", items: [item("beta")] });
      account.orderOperations(["blocklist:b-list", "blocklist:a-list"]);
    }).resource;
    expect(r.azurerm_cognitive_account_rai_blocklist.blocklist_b.depends_on).toBeUndefined();
    expect(r.azurerm_cognitive_account_rai_blocklist.blocklist_a.depends_on).toEqual([
      "azapi_resource.blocklist_b_beta",
    ]);
  });

  it.each([
    [[], /items must hold 1-10000 items \(got 0\)/],
    [Array.from({ length: 10_001 }, (_, i) => item(`t${i}`)), /items must hold 1-10000 items \(got 10001\)/],
    [[item("same"), item("same", "other")], /items\[\]\.name must be unique \(got "same"\)/],
    [[item("-bad")], /items\[\]\.name must be 2-64 letters/],
    [[item("empty", "")], /items\[empty\]\.pattern must be 1-1000 characters/],
    [[item("long", "x".repeat(1001))], /items\[long\]\.pattern must be 1-1000 characters/],
    [[item("broken", "([a-z", true)], /items\[broken\]\.pattern must be a valid regular expression/],
  ])("refuses bad items %#", (items, message) => {
    expect(() => synth(items)).toThrow(message);
  });

  it("accepts a 1000-character pattern, and a literal pattern that would not compile as a regex", () => {
    expect(() => synth([item("max", "x".repeat(1000))])).not.toThrow();
    expect(() => synth([item("literal", "([a-z")])).not.toThrow();
  });

  it("refuses a bad list name, naming the construct", () => {
    expect(() => synth([item("ok")], "-bad")).toThrow(/test\/blocklist_codenames: name must be 2-64 letters/);
  });
});
