/** One test per risk class: each fails if the review stops flagging it. */
import { classify } from "../../../tools/review/changes";
import type { ResourceChange } from "../../../tools/review/plan";
import { risksOf, type RiskClass } from "../../../tools/review/risks";
import { account, change, filters } from "./fixtures";

const risks = (rc: ResourceChange) => risksOf(rc, classify(rc));
const classes = (rc: ResourceChange) => risks(rc).map((r) => `${r.severity} ${r.class}`);
const OWNER =
  "/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
const OPENAI_USER =
  "/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd";
const deployment = (sku: Record<string, unknown>, model = { name: "gpt-5.1", version: "2025-11-13" }) => ({
  name: "chat",
  sku: [{ name: "DataZoneStandard", capacity: 400, ...sku }],
  model: [{ format: "OpenAI", ...model }],
  rai_policy_name: "prod-chat",
});

describe("risks", () => {
  it.each<[string, ResourceChange, RiskClass]>([
    [
      "an account replaced (new endpoint, fine-tuned models lost), with why",
      change(
        "azurerm_cognitive_account.openai",
        ["create", "delete"],
        account(),
        account({ custom_subdomain_name: "x" }),
        {
          action_reason: "replace_because_cannot_update",
          change: { replace_paths: [["custom_subdomain_name"]] },
        },
      ),
      "destroys-state",
    ],
    [
      "a key vault key destroyed",
      change("azurerm_key_vault_key.cmk_key", ["delete"], { name: "k" }, null),
      "destroys-state",
    ],
    [
      "a DNS zone replaced",
      change("azurerm_private_dns_zone.z", ["delete", "create"], { name: "a" }, { name: "b" }),
      "destroys-state",
    ],
    [
      "a replacement that destroys first",
      change(
        "azurerm_cognitive_deployment.chat",
        ["delete", "create"],
        deployment({}),
        deployment({ name: "GlobalStandard" }),
      ),
      "downtime",
    ],
    [
      "Owner granted",
      change("azurerm_role_assignment.a", ["create"], null, {
        role_definition_id: OWNER,
        principal_id: "p",
        scope: "/subscriptions/s",
      }),
      "widens-access",
    ],
    [
      "public network access turned on",
      change(
        "azurerm_cognitive_account.openai",
        ["update"],
        account(),
        account({ public_network_access_enabled: true }),
      ),
      "public-network",
    ],
    [
      "key authentication turned on",
      change(
        "azurerm_cognitive_account.openai",
        ["update"],
        account(),
        account({ local_auth_enabled: true }),
      ),
      "key-auth",
    ],
    [
      "shared keys turned on for storage",
      change(
        "azurerm_storage_account.st",
        ["update"],
        { shared_access_key_enabled: false },
        { shared_access_key_enabled: true },
      ),
      "key-auth",
    ],
    [
      "the network ACL opened",
      change(
        "azurerm_cognitive_account.openai",
        ["update"],
        account(),
        account({ network_acls: [{ default_action: "Allow", bypass: "AzureServices", ip_rules: [] }] }),
      ),
      "network-opened",
    ],
    [
      "outbound access unrestricted",
      change(
        "azurerm_cognitive_account.openai",
        ["update"],
        account(),
        account({ outbound_network_access_restricted: false }),
      ),
      "network-opened",
    ],
    [
      "a filter threshold raised (blocks less)",
      change("azurerm_cognitive_account_rai_policy.f", ["update"], filters("Low"), filters("High")),
      "filter-weakened",
    ],
    [
      "a deployment's type changed",
      change(
        "azurerm_cognitive_deployment.chat",
        ["update"],
        deployment({}),
        deployment({ name: "GlobalStandard" }),
      ),
      "capacity-or-type",
    ],
  ])("flags %s", (_, rc, riskClass) => {
    expect(risks(rc).map((r) => r.class)).toContain(riskClass);
  });

  it("calls the loss of stateful resources and privileged grants high, routine ones medium", () => {
    expect(classes(change("azurerm_cognitive_account.openai", ["delete"], account(), null))).toEqual([
      "high destroys-state",
    ]);
    expect(classes(change("azurerm_subnet.s", ["delete", "create"], { name: "a" }, { name: "b" }))).toEqual([
      "medium destroys-state",
      "medium downtime",
    ]);
    expect(
      classes(
        change("azurerm_role_assignment.a", ["create"], null, {
          role_definition_id: OPENAI_USER,
          principal_id: "p",
          scope: "/x",
        }),
      ),
    ).toEqual(["medium widens-access"]);
    expect(
      classes(
        change(
          "azurerm_cognitive_deployment.chat",
          ["update"],
          deployment({}),
          deployment({ capacity: 800 }),
        ),
      ),
    ).toEqual(["medium capacity-or-type"]);
  });

  it("knows roles from the estate's catalog, by ID or by name", () => {
    const grant = (role: Record<string, string>) =>
      risks(
        change("azurerm_role_assignment.a", ["create"], null, { ...role, principal_id: "p", scope: "/x" }),
      )[0]!;
    expect(grant({ role_definition_id: OPENAI_USER })).toMatchObject({
      severity: "medium",
      what: "grants Cognitive Services OpenAI User to p (principal) at /x",
    });
    expect(grant({ role_definition_name: "User Access Administrator" }).severity).toBe("high");
  });

  it("names the attributes that forced a replacement and Terraform's reason", () => {
    const [risk] = risks(
      change("azurerm_cognitive_account.openai", ["delete", "create"], account(), account({ name: "n" }), {
        action_reason: "replace_because_cannot_update",
        change: { replace_paths: [["name"], ["network_acls", 0, "default_action"]] },
      }),
    );
    expect(risk!.what).toContain(
      "reason: replace_because_cannot_update; forced by name, network_acls[0].default_action",
    );
  });

  it("reads filters by name and source, not position, and flags turning one off or removing it", () => {
    const before = filters("Low");
    const reordered = { ...before, content_filter: [...before.content_filter].reverse() };
    expect(risks(change("azurerm_cognitive_account_rai_policy.f", ["update"], before, reordered))).toEqual(
      [],
    );
    const off = filters("Low");
    off.content_filter[0]!.filter_enabled = false;
    off.content_filter.pop();
    expect(
      risks(change("azurerm_cognitive_account_rai_policy.f", ["update"], before, off)).map((r) => r.what),
    ).toEqual(["Hate/Prompt filter turned off", "Violence/Completion filter removed"]);
  });

  it("stays quiet about changes that loosen nothing", () => {
    expect(
      risks(change("azurerm_cognitive_account.openai", ["update"], account(), account({ tags: { a: "b" } }))),
    ).toEqual([]);
    expect(
      risks(change("azurerm_cognitive_account_rai_policy.f", ["update"], filters("High"), filters("Low"))),
    ).toEqual([]);
    expect(risks(change("azurerm_subnet.s", ["create"], null, { name: "s" }))).toEqual([]);
  });
});
