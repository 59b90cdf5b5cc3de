/**
 * Every rule, both ways: the compliant fixture passes it, and each way of breaking it fails it, and only
 * it (so a rule cannot hide behind another). A rule added to the pack without a case fails the last test.
 */
import { stackDocument } from "../../policies/document";
import { evaluate } from "../../policies/evaluate";
import { RULES } from "../../policies/pack";
import { account, BREAKS, deployment, res } from "./breaks";
import { SUBSCRIPTION } from "./fixture";
import { estate, METADATA, regionStack, sharedStack } from "./fixture";

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
    expect(fired(estate(zones([`${hub}/privatelink.openai.azure.com`])))).toEqual(["AOAI-NET2"]);
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
    // Once per pair (one fix, one waiver), on the VNet whose stack/address sorts first.
    expect(overlaps(other(["10.0.0.0/16"])).map((f) => [f.rule, f.stack, f.detail])).toEqual([
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

  it("reads blocks written as lists at every label level, as Terraform JSON allows", () => {
    const listed = (r: Record<string, any>) => {
      const openai = { ...account(r), public_network_access_enabled: true };
      delete r.resource.azurerm_cognitive_account;
      r.resource = [r.resource, { azurerm_cognitive_account: [{ openai: [openai] }] }];
    };
    expect(fired(estate(listed))).toEqual(["AOAI-ACC1"]);
  });

  it("does not take names, IDs or resource names for secrets", () => {
    expect(
      fired(
        estate((r) => {
          r.output.secret_id = { value: "${azurerm_key_vault_secret.password.versionless_id}" };
          r.output.container = { value: "${azurerm_storage_container.sas.id}" };
          r.output.key_id = { value: "${azurerm_key_vault_key.key.versionless_id}" };
          r.variable = { key_vault_secret_name: { default: "openai-endpoint" } };
        }),
      ),
    ).toEqual([]);
  });

  it("judges the trusted-services bypass only on kinds that take one", () => {
    const form = (r: Record<string, any>) => {
      account(r).kind = "FormRecognizer";
      delete account(r).network_acls.bypass;
    };
    expect(fired(estate(form))).not.toContain("AOAI-ACC6");
  });

  it("finds a deployment's filter by name on its own account when two accounts use the same name", () => {
    const twin = (r: Record<string, any>) => {
      res(r).azurerm_cognitive_account.twin = {
        ...account(r),
        name: "oai-twin",
        custom_subdomain_name: "oai-twin",
      };
      res(r).azurerm_cognitive_account_rai_policy = {
        twin_filter: {
          ...res(r).azurerm_cognitive_account_rai_policy.filter,
          cognitive_account_id: "${azurerm_cognitive_account.twin.id}",
        },
        filter: res(r).azurerm_cognitive_account_rai_policy.filter,
      };
      deployment(r).rai_policy_name = "strict";
    };
    expect(fired(estate(twin))).not.toContain("AOAI-RAI1");
  });

  it("follows a privileged assignment's scope through remote state to the account", () => {
    const shared = (s: Record<string, any>) => {
      s.resource.azurerm_role_assignment = {
        ops: {
          scope: "${data.terraform_remote_state.region.outputs.account_id}",
          role_definition_id: `${SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635`,
          principal_type: "Group",
        },
      };
      s.data = {
        terraform_remote_state: {
          region: { backend: "azurerm", config: { ...regionStack().terraform.backend.azurerm } },
        },
      };
    };
    const region = (r: Record<string, any>) =>
      (r.output.account_id = { value: "${azurerm_cognitive_account.openai.id}" });
    expect(fired(estate(region, METADATA, shared))).toEqual(["AOAI-IAM1"]);
  });

  it("reads zone names whatever their case, and gives a referenced zone name the benefit of the doubt", () => {
    const zone = (name: string) => (s: Record<string, any>) =>
      (s.resource.azurerm_private_dns_zone.openai.name = name);
    expect(fired(estate(undefined, METADATA, zone("Privatelink.OpenAI.azure.com")))).toEqual([]);
    expect(fired(estate(undefined, METADATA, zone("${var.openai_zone}")))).toEqual([]);
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
