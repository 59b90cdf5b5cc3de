/**
 * Identity, access and protection in the bundled estate: role assignments at their intended scopes,
 * customer-managed keys in dependency order, diagnostics on every account and vault, subscription-wide
 * policy and Defender.
 */
import { roleAssignmentName } from "../../constructs/access/assignment-name";
import { synthBundledEstate } from "./bundled";

const { estate, json, resources, regionStacks } = synthBundledEstate();
const regions = estate.environments.flatMap((e) => e.regions.map((r) => ({ env: e, region: r })));
const SCOPE_REFERENCE = {
  account: "${azurerm_cognitive_account.openai.id}",
  resourceGroup: "${azurerm_resource_group.resource_group.id}",
};

describe("role assignments", () => {
  it.each(regions.map((r) => [r.region.stackName, r] as const))(
    "%s: each grant has its role's GUID, its intended scope and a name derived from both",
    (stack, { env, region }) => {
      const assignments = Object.fromEntries(resources(stack, "azurerm_role_assignment"));
      expect(Object.keys(assignments).sort()).toEqual(
        region.access.map((g) => `access_${g.key.replace(/-/g, "_")}`).sort(),
      );
      for (const grant of region.access) {
        const a = assignments[`access_${grant.key.replace(/-/g, "_")}`];
        expect(a.role_definition_id).toBe(
          `/subscriptions/${env.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${grant.roleId}`,
        );
        expect(a.scope).toBe(SCOPE_REFERENCE[grant.scope as "account" | "resourceGroup"]);
        expect(a.principal_id).toBe(grant.principal.objectId);
        expect(a.name).toBe(roleAssignmentName(grant.scopeId, grant.roleId, grant.principal.objectId));
      }
    },
  );

  it("prod: the chat app may call the models, the engineers manage them, ops read usage at the subscription", () => {
    const sdc = Object.fromEntries(resources("prod-swedencentral", "azurerm_role_assignment"));
    expect(sdc.access_chat_app_inference.role_definition_id).toMatch(
      /\/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd$/,
    );
    expect(sdc.access_chat_app_inference.scope).toBe(SCOPE_REFERENCE.account);
    expect(sdc.access_ai_engineers_model_management.role_definition_id).toMatch(
      /\/a001fd3d-188f-4b5d-821b-7da978bf7442$/,
    );
    expect(sdc.access_ai_engineers_model_management.scope).toBe(SCOPE_REFERENCE.resourceGroup);
    const shared = Object.fromEntries(resources("prod-shared", "azurerm_role_assignment"));
    expect(shared.access_platform_ops_usage_reader).toMatchObject({
      scope: "/subscriptions/33333333-3333-3333-3333-333333333333",
      role_definition_id: expect.stringMatching(/\/bba48692-92b0-4667-a9ad-c31c7b334ac2$/),
      principal_type: "Group",
    });
  });

  it("no bundled assignment grants Owner, Contributor or User Access Administrator", () => {
    for (const stack of [...regionStacks, "dev-shared", "prod-shared", "lz-shared"]) {
      for (const [, a] of resources(stack, "azurerm_role_assignment")) {
        expect(a.role_definition_id).not.toMatch(
          /8e3af657-a8ff-443c-a75c-2fe8c4bcb635|b24988ac-6180-42a0-ab88-20f7382dd24c|18d7d88d-d35e-4fb5-a5c3-7773c20a72d9$/,
        );
      }
    }
  });
});

describe("customer-managed keys", () => {
  const cmkStacks = ["prod-swedencentral", "prod-francecentral", "lz-swedencentral"];

  it.each(cmkStacks)("%s: identity, key, grant and attachment in dependency order", (stack) => {
    const r = json(stack).resource;
    // 1. the account has the system-assigned identity Azure OpenAI CMK requires
    expect(r.azurerm_cognitive_account.openai.identity).toEqual({ type: "SystemAssigned" });
    // 2. the key lives in the region's vault, created once the deploy identity may create it
    const key = r.azurerm_key_vault_key.cmk_key;
    expect(key.key_vault_id).toBe("${azurerm_key_vault.cmk_key_vault.id}");
    expect(key.depends_on).toEqual(
      expect.arrayContaining([expect.stringMatching(/^azurerm_key_vault_access_policy\.cmk_administrator_/)]),
    );
    // 3. the grant names the account's identity
    expect(r.azurerm_key_vault_access_policy.cmk_account_access.object_id).toBe(
      "${azurerm_cognitive_account.openai.identity[0].principal_id}",
    );
    // 4. the attachment references account and key and waits for the grant
    expect(r.azurerm_cognitive_account_customer_managed_key.cmk_attachment).toMatchObject({
      cognitive_account_id: "${azurerm_cognitive_account.openai.id}",
      key_vault_key_id: "${azurerm_key_vault_key.cmk_key.id}",
      depends_on: ["azurerm_key_vault_access_policy.cmk_account_access"],
    });
    // The vault is in the account's region.
    expect(r.azurerm_key_vault.cmk_key_vault.location).toBe(r.azurerm_cognitive_account.openai.location);
  });

  it("dev has no customer-managed key (unprotected, not asked for)", () => {
    expect(resources("dev-swedencentral", "azurerm_key_vault")).toEqual([]);
  });
});

describe("diagnostics", () => {
  it.each(regionStacks)("%s: every account and vault sends audit and all logs to the workspace", (stack) => {
    const settings = resources(stack, "azurerm_monitor_diagnostic_setting").map(([, s]) => s);
    const targets = [
      ...resources(stack, "azurerm_cognitive_account").map(([a]) => `\${azurerm_cognitive_account.${a}.id}`),
      ...resources(stack, "azurerm_key_vault").map(([a]) => `\${azurerm_key_vault.${a}.id}`),
    ];
    expect(settings.map((s) => s.target_resource_id).sort()).toEqual(targets.sort());
    const workspace = new Set(settings.map((s) => s.log_analytics_workspace_id));
    expect(workspace.size).toBe(1);
    for (const s of settings) {
      expect(s.enabled_log).toEqual([{ category_group: "audit" }, { category_group: "allLogs" }]);
      expect(s.enabled_metric).toEqual([{ category: "AllMetrics" }]);
    }
  });
});

describe("subscription-wide protection", () => {
  it("prod assigns the Azure AI services policies in Deny mode where they allow it, and turns on Defender", () => {
    const policies = Object.fromEntries(
      resources("prod-shared", "azurerm_subscription_policy_assignment").map(([, p]) => [
        p.policy_definition_id.split("/").at(-1),
        JSON.parse(p.parameters).effect.value,
      ]),
    );
    expect(policies).toEqual({
      "71ef260a-8f18-47b7-abcb-62d0673d94dc": "Deny",
      "037eea7a-bd0a-46c5-9a66-03aea78705d3": "Deny",
      "d6759c02-b87f-42b7-892e-71b3f471d782": "Audit",
      "67121cc7-ff39-4ab8-b7e3-95b84dab487d": "Audit",
      "fe3fd216-4f83-4fc1-8984-2bbec80a3418": "Deny",
      "1b4d1c4e-934c-4703-944c-27c82c06bebb": "AuditIfNotExists",
      "c2c0c6d8-007b-4a48-8d9b-3539bddd8e87": "AuditIfNotExists",
    });
    expect(resources("prod-shared", "azurerm_security_center_subscription_pricing")).toEqual([
      ["defender_for_ai", expect.objectContaining({ resource_type: "AI", tier: "Standard" })],
    ]);
  });

  it("dev audits only; the landing zone leaves policy and Defender to the platform", () => {
    for (const [, p] of resources("dev-shared", "azurerm_subscription_policy_assignment")) {
      expect(JSON.parse(p.parameters).effect.value).toMatch(/^Audit/);
    }
    expect(resources("dev-shared", "azurerm_security_center_subscription_pricing")).toEqual([]);
    expect(resources("lz-shared", "azurerm_subscription_policy_assignment")).toEqual([]);
    expect(resources("lz-shared", "azurerm_security_center_subscription_pricing")).toEqual([]);
  });

  it("never purges key vaults or keys on destroy (purge protection forbids it)", () => {
    for (const stack of ["dev-swedencentral", "prod-swedencentral"]) {
      expect(json(stack).provider.azurerm[0].features[0].key_vault).toEqual([
        {
          purge_soft_delete_on_destroy: false,
          purge_soft_deleted_keys_on_destroy: false,
          recover_soft_deleted_key_vaults: true,
          recover_soft_deleted_keys: true,
        },
      ]);
    }
  });
});
