import { AZAPI_PROVIDER_VERSION, AzapiProvider } from "../../constructs/azapi";
import { Blocklist } from "../../constructs/blocklist";
import { ContentFilter, type RaiFilter } from "../../constructs/content-filter";
import { OpenAiAccount } from "../../constructs/openai-account";
import { chatDeployment, synthReadable } from "../helpers";

const harm = (severityThreshold: "Low" | "Medium" | "High"): RaiFilter[] =>
  ["Hate", "Sexual", "Violence", "Selfharm"].flatMap((name) =>
    (["Prompt", "Completion"] as const).map((source) => ({
      name,
      source,
      enabled: true,
      blocking: true,
      severityThreshold,
    })),
  );
// Fields differ from each other where a filter allows it, so a swapped or dropped field shows.
const filters: RaiFilter[] = [
  ...harm("Medium").map((f) =>
    f.name === "Violence" && f.source === "Completion"
      ? { ...f, blocking: false, severityThreshold: "Low" as const }
      : f,
  ),
  { name: "Jailbreak", source: "Prompt", enabled: true, blocking: true, severityThreshold: "High" },
];

function build(
  opts: {
    filters?: RaiFilter[];
    blocklist?: boolean;
    name?: string;
    mode?: "Default" | "Asynchronous_filter";
    tags?: Record<string, string>;
  } = {},
) {
  return synthReadable((stack) => {
    const account = new OpenAiAccount(stack, "openai", {
      name: "oai-x",
      location: "swedencentral",
      resourceGroupName: "rg",
    });
    if (opts.blocklist)
      new AzapiProvider(stack, "azapi", { subscriptionId: "33333333-3333-3333-3333-333333333333" });
    const blocklist = opts.blocklist
      ? new Blocklist(stack, "blocklist_codenames", {
          account,
          name: "codenames",
          items: [
            { name: "item-a", pattern: "Project Bluebird", regex: false },
            { name: "item-b", pattern: "CONTOSO-[0-9]{4}", regex: true },
          ],
        })
      : undefined;
    const filter = new ContentFilter(stack, "content_filter_chat", {
      account,
      name: opts.name ?? "chat",
      filters: opts.filters ?? filters,
      mode: opts.mode,
      tags: opts.tags,
      blocklists: blocklist ? [blocklist] : [],
    });
    chatDeployment(stack, account, filter.policy.name);
  });
}

describe("ContentFilter", () => {
  const json = build();
  const policy = json.resource.azurerm_cognitive_account_rai_policy.content_filter_chat;

  it("creates the RAI policy on the account, based on Microsoft.DefaultV2, with every field of every filter", () => {
    expect(policy).toMatchObject({
      name: "chat",
      cognitive_account_id: "${azurerm_cognitive_account.openai.id}",
      base_policy_name: "Microsoft.DefaultV2",
      mode: "Default",
    });
    expect(policy.content_filter).toEqual(
      filters.map((f) => ({
        name: f.name,
        source: f.source,
        filter_enabled: f.enabled,
        block_enabled: f.blocking,
        severity_threshold: f.severityThreshold,
      })),
    );
    expect(policy.content_filter).toContainEqual({
      name: "Violence",
      source: "Completion",
      filter_enabled: true,
      block_enabled: false,
      severity_threshold: "Low",
    });
  });

  it("exists before the deployment that names it, which references it", () => {
    const deployment = json.resource.azurerm_cognitive_deployment.deployment_chat;
    expect(deployment.rai_policy_name).toBe(
      "${azurerm_cognitive_account_rai_policy.content_filter_chat.name}",
    );
    // Policy, then its blocklist attachment (here an empty list), then the deployment.
    expect(deployment.depends_on).toEqual(["azapi_update_resource.content_filter_chat_blocklists"]);
    expect(json.resource.azapi_update_resource.content_filter_chat_blocklists).toMatchObject({
      body: { properties: { customBlocklists: [] } },
      depends_on: ["azurerm_cognitive_account_rai_policy.content_filter_chat"],
      lifecycle: { replace_triggered_by: ["azurerm_cognitive_account_rai_policy.content_filter_chat"] },
    });
  });

  it("writes the streaming mode it is given", () => {
    const async = build({ mode: "Asynchronous_filter" });
    expect(async.resource.azurerm_cognitive_account_rai_policy.content_filter_chat.mode).toBe(
      "Asynchronous_filter",
    );
  });

  it("refuses a policy that leaves out a harm category", () => {
    expect(() =>
      build({ filters: filters.filter((f) => !(f.name === "Hate" && f.source === "Completion")) }),
    ).toThrow(
      /test\/content_filter_chat: filters must include every harm category for prompts and completions \(got "Hate\/Completion"\)/,
    );
  });

  it.each<[Parameters<typeof build>[0], RegExp]>([
    [
      { filters: [...filters, filters[0]!] },
      /filters must name each filter and source once \(got "Hate\/Prompt"\)/,
    ],
    [{ name: "Microsoft.Custom" }, /name may not start with Microsoft/],
    [{ name: "bad name" }, /name must be 2-64 letters/],
    [
      { filters: [...filters, { ...filters[0]!, name: "Indirect Attacks", source: "Prompt" }] },
      /filters\[\]\.name must be one of: Hate, Sexual, Violence, Selfharm, Profanity, Jailbreak, Indirect Attack/,
    ],
    [
      { filters: [...filters, { ...filters[0]!, name: "Jailbreak", source: "Completion" }] },
      /filters\[Jailbreak\]\.source must be one of: Prompt \(got "Completion"\)/,
    ],
    [
      { filters: filters.map((f) => ({ ...f, severityThreshold: "Extreme" as never })) },
      /severityThreshold must be one of: Low, Medium, High/,
    ],
    [{ mode: "Blocking" as never }, /content_filter_chat: mode must be one of: .*\(got "Blocking"\)$/],
  ])("rejects bad props %#", (opts, message) => {
    expect(() => build(opts)).toThrow(message);
  });

  it("carries the tags it is given, and none by default", () => {
    const tagged = build({ tags: { owner: "team" } });
    expect(tagged.resource.azurerm_cognitive_account_rai_policy.content_filter_chat.tags).toEqual({
      owner: "team",
    });
    expect(policy.tags).toEqual({});
  });
});

describe("Blocklist and its attachment", () => {
  const json = build({ blocklist: true });
  const r = json.resource;

  it("creates the blocklist with azurerm and each item with azapi at the pinned API version", () => {
    expect(r.azurerm_cognitive_account_rai_blocklist.blocklist_codenames).toMatchObject({
      name: "codenames",
      cognitive_account_id: "${azurerm_cognitive_account.openai.id}",
    });
    expect(r.azapi_resource.blocklist_codenames_item_b).toMatchObject({
      type: "Microsoft.CognitiveServices/accounts/raiBlocklists/raiBlocklistItems@2025-06-01",
      name: "item-b",
      parent_id: "${azurerm_cognitive_account_rai_blocklist.blocklist_codenames.id}",
      body: { properties: { pattern: "CONTOSO-[0-9]{4}", isRegex: true } },
    });
    expect(json.terraform.required_providers.azapi).toEqual({
      source: "Azure/azapi",
      version: AZAPI_PROVIDER_VERSION,
    });
  });

  it("attaches the blocklist to the policy for prompts and completions, owning only customBlocklists", () => {
    expect(r.azapi_update_resource.content_filter_chat_blocklists).toEqual(
      expect.objectContaining({
        type: "Microsoft.CognitiveServices/accounts/raiPolicies@2025-06-01",
        resource_id: "${azurerm_cognitive_account_rai_policy.content_filter_chat.id}",
        body: {
          properties: {
            customBlocklists: [
              { blocklistName: "codenames", blocking: true, source: "Prompt" },
              { blocklistName: "codenames", blocking: true, source: "Completion" },
            ],
          },
        },
      }),
    );
  });

  it("serializes everything on the account: blocklist, items, policy, attachment, then the deployment", () => {
    const dep = (type: string, name: string) => r[type][name].depends_on;
    expect(dep("azapi_resource", "blocklist_codenames_item_a")).toEqual([
      "azurerm_cognitive_account_rai_blocklist.blocklist_codenames",
    ]);
    expect(dep("azapi_resource", "blocklist_codenames_item_b")).toEqual([
      "azapi_resource.blocklist_codenames_item_a",
    ]);
    expect(dep("azurerm_cognitive_account_rai_policy", "content_filter_chat")).toEqual([
      "azapi_resource.blocklist_codenames_item_b",
    ]);
    expect(dep("azurerm_cognitive_deployment", "deployment_chat")).toEqual([
      "azapi_update_resource.content_filter_chat_blocklists",
    ]);
  });

  it("rejects an invalid regular expression and too many items", () => {
    const account = (stack: any) =>
      new OpenAiAccount(stack, "openai", {
        name: "oai-x",
        location: "swedencentral",
        resourceGroupName: "rg",
      });
    expect(() =>
      synthReadable(
        (stack) =>
          new Blocklist(stack, "b", {
            account: account(stack),
            name: "bad",
            items: [{ name: "i1", pattern: "([a-z", regex: true }],
          }),
      ),
    ).toThrow(/test\/b: items\[i1\]\.pattern must be a valid regular expression/);
    expect(() =>
      synthReadable(
        (stack) => new Blocklist(stack, "b", { account: account(stack), name: "empty", items: [] }),
      ),
    ).toThrow(/items must hold 1-10000 items \(got 0\)/);
  });
});

describe("ContentFilter on an account", () => {
  const twoFilters = (order?: string[]) =>
    synthReadable((stack) => {
      const account = new OpenAiAccount(stack, "openai", {
        name: "oai-x",
        location: "swedencentral",
        resourceGroupName: "rg",
      });
      // No blocklists prop at all.
      new ContentFilter(stack, "content_filter_a", { account, name: "fa", filters });
      new ContentFilter(stack, "content_filter_b", { account, name: "fb", filters });
      if (order) account.orderOperations(order);
    }).resource;

  it("writes an empty blocklist attachment when given none, so detaching the last one is a write", () => {
    expect(twoFilters().azapi_update_resource.content_filter_a_blocklists.body).toEqual({
      properties: { customBlocklists: [] },
    });
  });

  it("registers itself as content-filter:<name>, so filters run in the order the estate declares", () => {
    const r = twoFilters(["content-filter:fb", "content-filter:fa"]);
    expect(r.azurerm_cognitive_account_rai_policy.content_filter_b.depends_on).toBeUndefined();
    expect(r.azurerm_cognitive_account_rai_policy.content_filter_a.depends_on).toEqual([
      "azapi_update_resource.content_filter_b_blocklists",
    ]);
  });
});
