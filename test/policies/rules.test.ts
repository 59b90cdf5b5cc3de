/**
 * Every rule, both ways: the compliant fixture passes it, and each way of breaking it fails it, and only
 * it (so a rule cannot hide behind another). A rule added to the pack without a case fails the last test.
 */
import { stackDocument } from "../../policies/document";
import { evaluate } from "../../policies/evaluate";
import { RULES } from "../../policies/pack";
import { estate, METADATA, regionStack, sharedStack, SUBSCRIPTION } from "./fixture";

type Edit = (r: Record<string, any>) => void;
const res = (r: Record<string, any>) => r.resource;
const account = (r: Record<string, any>) => res(r).azurerm_cognitive_account.openai;
const vault = (r: Record<string, any>) => res(r).azurerm_key_vault.kv;
const key = (r: Record<string, any>) => res(r).azurerm_key_vault_key.key;
const storage = (r: Record<string, any>) => res(r).azurerm_storage_account.st;
const filter = (r: Record<string, any>) => res(r).azurerm_cognitive_account_rai_policy.filter;
const deployment = (r: Record<string, any>) => res(r).azurerm_cognitive_deployment.chat;
const assignment = (r: Record<string, any>) => res(r).azurerm_role_assignment.inference;
const role = (guid: string) => `${SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;

/** Ways to break each rule, by rule ID. */
export const BREAKS: Record<string, [string, Edit][]> = {
  "AOAI-ACC1": [
    ["public access on", (r) => (account(r).public_network_access_enabled = true)],
    ["public access left to the provider's default", (r) => delete account(r).public_network_access_enabled],
  ],
  "AOAI-ACC2": [
    ["local auth on", (r) => (account(r).local_auth_enabled = true)],
    ["local auth left to the default", (r) => delete account(r).local_auth_enabled],
  ],
  "AOAI-ACC3": [
    ["no identity", (r) => delete account(r).identity],
    ["identity None", (r) => (account(r).identity = [{ type: "None" }])],
  ],
  "AOAI-ACC4": [["no custom subdomain", (r) => delete account(r).custom_subdomain_name]],
  "AOAI-ACC5": [["firewall allows by default", (r) => (account(r).network_acls.default_action = "Allow")]],
  "AOAI-ACC6": [["trusted services bypass", (r) => (account(r).network_acls.bypass = "AzureServices")]],
  "AOAI-ACC7": [
    ["outbound open", (r) => (account(r).outbound_network_access_restricted = false)],
    ["outbound left to the default", (r) => delete account(r).outbound_network_access_restricted],
    [
      "more FQDNs than Azure takes",
      (r) => (account(r).fqdns = Array.from({ length: 1001 }, (_, i) => `h${i}.example.com`)),
    ],
  ],
  "AOAI-ACC8": [
    ["no customer-managed key", (r) => delete res(r).azurerm_cognitive_account_customer_managed_key],
  ],
  "AOAI-NET1": [
    ["no private endpoint", (r) => delete res(r).azurerm_private_endpoint.openai_pe],
    [
      "endpoint for another subresource",
      (r) =>
        (res(r).azurerm_private_endpoint.openai_pe.private_service_connection.subresource_names = ["sites"]),
    ],
    [
      "endpoint missing the Cognitive Services zone",
      (r) =>
        res(r).azurerm_private_endpoint.openai_pe.private_dns_zone_group.private_dns_zone_ids.splice(1, 1),
    ],
    ["endpoint in no zone", (r) => delete res(r).azurerm_private_endpoint.openai_pe.private_dns_zone_group],
  ],
  "AOAI-MON1": [
    ["no diagnostic setting", (r) => delete res(r).azurerm_monitor_diagnostic_setting],
    [
      "no audit logs",
      (r) =>
        (res(r).azurerm_monitor_diagnostic_setting.openai_diag.enabled_log = [
          { category: "RequestResponse" },
        ]),
    ],
    [
      "logs to storage only",
      (r) => {
        const d = res(r).azurerm_monitor_diagnostic_setting.openai_diag;
        delete d.log_analytics_workspace_id;
        d.storage_account_id = "${azurerm_storage_account.st.id}";
      },
    ],
  ],
  "AOAI-RAI1": [
    ["no content filter", (r) => delete deployment(r).rai_policy_name],
    ["a filter nobody creates", (r) => (deployment(r).rai_policy_name = "strict-v2")],
    [
      "a filter of another account",
      (r) =>
        (filter(r).cognitive_account_id =
          `${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/other`),
    ],
  ],
  "AOAI-RAI2": [
    ["a harm filter at High", (r) => (filter(r).content_filter[1].severity_threshold = "High")],
    ["a harm filter off", (r) => (filter(r).content_filter[0].filter_enabled = false)],
    ["Prompt Shields off", (r) => (filter(r).content_filter[2].block_enabled = false)],
    ["asynchronous filtering", (r) => (filter(r).mode = "Asynchronous_filter")],
  ],
  "AOAI-DEP1": [["no model version", (r) => delete deployment(r).model.version]],
  "AOAI-DEP2": [["upgrade option left to the default", (r) => delete deployment(r).version_upgrade_option]],
  "AOAI-IAM1": [
    [
      "Owner on the account",
      (r) => (assignment(r).role_definition_id = role("8e3af657-a8ff-443c-a75c-2fe8c4bcb635")),
    ],
    [
      "Contributor on the account's resource group",
      (r) => {
        assignment(r).role_definition_id = role("b24988ac-6180-42a0-ab88-20f7382dd24c");
        assignment(r).scope = "${azurerm_resource_group.rg.id}";
      },
    ],
    [
      "User Access Administrator on the subscription, by name",
      (r) => {
        delete assignment(r).role_definition_id;
        assignment(r).role_definition_name = "User Access Administrator";
        assignment(r).scope = SUBSCRIPTION;
      },
    ],
  ],
  "AOAI-IAM2": [["no principal type", (r) => delete assignment(r).principal_type]],
  "AOAI-KV1": [
    ["no purge protection", (r) => (vault(r).purge_protection_enabled = false)],
    ["purge protection left to the default", (r) => delete vault(r).purge_protection_enabled],
  ],
  "AOAI-KV2": [
    ["public access on", (r) => (vault(r).public_network_access_enabled = true)],
    ["firewall allows by default", (r) => (vault(r).network_acls.default_action = "Allow")],
  ],
  "AOAI-KV3": [["no private endpoint", (r) => delete res(r).azurerm_private_endpoint.kv_pe]],
  "AOAI-KEY1": [["a software key", (r) => (key(r).key_type = "RSA")]],
  "AOAI-KEY2": [["no expiry", (r) => delete key(r).expiration_date]],
  "AOAI-KEY3": [["a key size Azure OpenAI refuses", (r) => (key(r).key_size = 4096)]],
  "AOAI-ST1": [
    ["public access on", (r) => (storage(r).public_network_access_enabled = true)],
    ["network rules allow by default", (r) => (storage(r).network_rules.default_action = "Allow")],
  ],
  "AOAI-ST2": [["shared keys on", (r) => (storage(r).shared_access_key_enabled = true)]],
  "AOAI-ST3": [["anonymous blobs allowed", (r) => (storage(r).allow_nested_items_to_be_public = true)]],
  "AOAI-ST4": [["TLS 1.0", (r) => (storage(r).min_tls_version = "TLS1_0")]],
  "AOAI-ST5": [["no private endpoint", (r) => delete res(r).azurerm_private_endpoint.st_pe]],
  "AOAI-ST6": [
    ["no customer-managed key", (r) => delete res(r).azurerm_storage_account_customer_managed_key],
  ],
  "AOAI-ST7": [["no blob soft delete", (r) => delete storage(r).blob_properties]],
  "AOAI-PROT1": [
    ["account without a lock", (r) => delete res(r).azurerm_management_lock.openai_lock],
    ["vault lock that is only a note", (r) => (res(r).azurerm_management_lock.kv_lock.lock_level = "None")],
  ],
  "AOAI-PROT2": [
    ["account without prevent_destroy", (r) => delete account(r).lifecycle],
    ["vault without prevent_destroy", (r) => (vault(r).lifecycle.prevent_destroy = false)],
  ],
  "AOAI-PROT3": [
    [
      "accounts purged on destroy",
      (r) => (r.provider.azurerm[0].features[0].cognitive_account[0].purge_soft_delete_on_destroy = true),
    ],
    ["keys purged by the provider's default", (r) => delete r.provider.azurerm[0].features[0].key_vault],
  ],
  "AOAI-SEC1": [
    [
      "an output of a storage key",
      (r) => (r.output.key = { value: "${azurerm_storage_account.st.primary_access_key}" }),
    ],
    [
      "an output of a SAS token",
      (r) => (r.output.sas = { value: "${data.azurerm_storage_account_sas.upload.sas}", sensitive: true }),
    ],
    ["a backend access key", (r) => (r.terraform.backend.azurerm.access_key = "c2VjcmV0")],
    [
      "a client secret variable with a default",
      (r) => (r.variable = { client_secret: { default: "s3cr3t" } }),
    ],
  ],
};

/** Rules judged across stacks: broken by the stacks audited together, not by one stack's edit. */
const ACROSS_STACKS = ["AOAI-EST1", "AOAI-DEF1"];

const noDefender = (s: Record<string, any>) => delete s.resource.azurerm_security_center_subscription_pricing;
const fired = (docs: ReturnType<typeof estate>) => [
  ...new Set(evaluate(docs, { today: "2026-12-02" }).findings.map((f) => f.rule)),
];

describe("the rule pack", () => {
  it("finds nothing in the compliant fixture", () => {
    expect(evaluate(estate(), { today: "2026-12-02" }).findings).toEqual([]);
  });

  describe.each(Object.entries(BREAKS))("%s", (rule, breaks) => {
    it.each(breaks)("fails: %s", (_what, edit) => {
      expect(fired(estate(edit))).toEqual([rule]);
    });
  });

  it("names the block and construct path of a finding, and the rule's fix", () => {
    const [f] = evaluate(estate(BREAKS["AOAI-ACC1"]![0]![1]), { today: "2026-12-02" }).findings;
    expect(f).toMatchObject({
      rule: "AOAI-ACC1",
      level: "error",
      stack: "test-region",
      address: "azurerm_cognitive_account.openai",
      path: "test-region/openai/Resource",
      detail: "public_network_access_enabled is true",
      fix: expect.stringMatching(/^Set public_network_access_enabled = false/),
    });
  });

  it("holds protected-only rules (locks, prevent_destroy, purge, customer-managed keys) for protected stacks only", () => {
    const protectedOnly = RULES.filter((r) => r.protectedOnly).map((r) => r.id);
    expect(protectedOnly).toEqual([
      "AOAI-ACC8",
      "AOAI-DEF1",
      "AOAI-ST6",
      "AOAI-PROT1",
      "AOAI-PROT2",
      "AOAI-PROT3",
    ]);
    for (const id of protectedOnly.filter((i) => BREAKS[i])) {
      for (const [, edit] of BREAKS[id]!)
        expect(fired(estate(edit, { ...METADATA, protected: false }))).toEqual([]);
    }
    expect(fired(estate(undefined, { ...METADATA, protected: false }, noDefender))).toEqual([]);
  });

  it("accepts the built-in default filter, Azure's inline key block, an empty FQDN list and a ReadOnly lock", () => {
    expect(
      fired(
        estate((r) => {
          deployment(r).rai_policy_name = "Microsoft.DefaultV2";
          account(r).fqdns = [];
          res(r).azurerm_management_lock.kv_lock.lock_level = "ReadOnly";
          delete res(r).azurerm_cognitive_account_customer_managed_key;
          account(r).customer_managed_key = { key_vault_key_id: "${azurerm_key_vault_key.key.id}" };
        }),
      ),
    ).toEqual([]);
  });

  it("gives a zone it cannot follow the benefit of the doubt, and reads an existing zone's ID", () => {
    const zones = (ids: string[]) => (r: Record<string, any>) =>
      (res(r).azurerm_private_endpoint.openai_pe.private_dns_zone_group.private_dns_zone_ids = ids);
    const hub = "/subscriptions/x/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones";
    expect(fired(estate(zones(["${var.zone_id}"])))).toEqual([]);
    expect(
      fired(
        estate(
          zones([`${hub}/privatelink.openai.azure.com`, `${hub}/privatelink.cognitiveservices.azure.com`]),
        ),
      ),
    ).toEqual([]);
    expect(fired(estate(zones([`${hub}/privatelink.openai.azure.com`])))).toEqual(["AOAI-NET1"]);
  });

  it("AOAI-DEF1: fails accounts whose environment has no Defender for AI plan, in any of its stacks", () => {
    expect(fired(estate(undefined, METADATA, noDefender))).toEqual(["AOAI-DEF1"]);
    expect(
      fired(
        estate(
          undefined,
          METADATA,
          (s) => (s.resource.azurerm_security_center_subscription_pricing.defender_for_ai.tier = "Free"),
        ),
      ),
    ).toEqual(["AOAI-DEF1"]);
    // Another environment's plan does not count.
    const docs = estate(undefined, METADATA, noDefender);
    const elsewhere = stackDocument("other-shared", sharedStack(), { ...METADATA, environment: "other" });
    expect(evaluate([...docs, elsewhere], { today: "2026-12-02" }).errors.map((f) => f.rule)).toEqual([
      "AOAI-DEF1",
    ]);
  });

  it("AOAI-EST1: fails VNets that overlap across environments sharing a hub, not across unconnected ones", () => {
    const other = (peerRanges: string[], space = "10.40.0.0/24") => {
      const r = regionStack();
      r.resource.azurerm_virtual_network.vnet.address_space = [space];
      return stackDocument("other-region", r, { environment: "other", protected: true, peerRanges });
    };
    const shared = stackDocument("test-shared", sharedStack(), METADATA);
    const docs = (o: ReturnType<typeof other>) => [
      shared,
      stackDocument("test-region", regionStack(), METADATA),
      o,
    ];
    const overlaps = (o: ReturnType<typeof other>) =>
      evaluate(docs(o), { today: "2026-12-02" }).errors.filter((f) => f.rule === "AOAI-EST1");
    expect(overlaps(other(["10.0.0.0/16"])).map((f) => [f.rule, f.stack, f.detail])).toEqual([
      [
        "AOAI-EST1",
        "test-region",
        "10.40.0.0/22 overlaps 10.40.0.0/24 of other-region/azurerm_virtual_network.vnet",
      ],
      [
        "AOAI-EST1",
        "other-region",
        "10.40.0.0/24 overlaps 10.40.0.0/22 of test-region/azurerm_virtual_network.vnet",
      ],
    ]);
    expect(overlaps(other(["192.168.0.0/16"]))).toEqual([]);
    // A VNet inside a connected environment's hub range overlaps it too.
    expect(overlaps(other(["10.0.0.0/16"], "10.0.4.0/24")).map((f) => f.detail)).toContain(
      "10.0.4.0/24 overlaps peer range 10.0.0.0/16 of test",
    );
  });

  it("has a compliant and a non-compliant case for every rule", () => {
    const covered = [...Object.keys(BREAKS), ...ACROSS_STACKS];
    expect(RULES.map((r) => r.id).filter((id) => !covered.includes(id))).toEqual([]);
    expect(covered.filter((id) => !RULES.some((r) => r.id === id))).toEqual([]);
  });

  it("keeps rule IDs unique, and every rule documented: title, rationale, fix and a source", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect([r.id, r.title.length > 10, r.rationale.length > 40, r.fix.length > 10]).toEqual([
        r.id,
        true,
        true,
        true,
      ]);
      const sources = [
        ...(r.sources.checkov ?? []),
        ...(r.sources.azurePolicy ?? []),
        ...(r.sources.guidance ?? []),
      ];
      expect([r.id, sources.length > 0]).toEqual([r.id, true]);
    }
  });
});
