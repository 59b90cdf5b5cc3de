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
      // Account grants belong to the account (openai_access_*), group grants to the stack (access_*).
      const addressOf = (g: { key: string; scope: string }) =>
        `${g.scope === "account" ? "openai_access_" : "access_"}${g.key.replace(/-/g, "_")}`;
      const assignments = Object.fromEntries(
        resources(stack, "azurerm_role_assignment").filter(([address]) => /^(openai_)?access_/.test(address)),
      );
      expect(Object.keys(assignments).sort()).toEqual(region.access.map(addressOf).sort());
      for (const grant of region.access) {
        const a = assignments[addressOf(grant)];
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
    expect(sdc.openai_access_chat_app_inference.role_definition_id).toMatch(
      /\/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd$/,
    );
    expect(sdc.openai_access_chat_app_inference.scope).toBe(SCOPE_REFERENCE.account);
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

  it("no bundled assignment grants Owner, Contributor, User Access Administrator or RBAC Administrator", () => {
    const privileged = [
      "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
      "b24988ac-6180-42a0-ab88-20f7382dd24c",
      "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
      "f58310d9-a9f6-439a-9e8d-f62e7b41a168",
    ];
    let checked = 0;
    for (const stack of [...regionStacks, "dev-shared", "prod-shared", "lz-shared"]) {
      for (const [, a] of resources(stack, "azurerm_role_assignment")) {
        checked++;
        expect(privileged).not.toContain(a.role_definition_id.split("/").at(-1));
      }
    }
    expect(checked).toBeGreaterThan(5);
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

  it.each(cmkStacks)(
    "%s: the account may call out to its vault, and Terraform reaches the vault privately",
    (stack) => {
      const r = json(stack).resource;
      const vault = r.azurerm_key_vault.cmk_key_vault.name;
      expect(r.azurerm_cognitive_account.openai.fqdns).toContain(`${vault}.vault.azure.net`);
      if (r.azurerm_virtual_network) {
        // The key is created once this VNet resolves the vault's private name.
        expect(r.azurerm_key_vault_key.cmk_key.depends_on).toContain(
          "azurerm_private_dns_zone_virtual_network_link.network_dns_link_privatelink_vaultcore_azure_net",
        );
      }
    },
  );

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
      // Storage logs live on the blob service.
      ...resources(stack, "azurerm_storage_account").map(
        ([a]) => `\${azurerm_storage_account.${a}.id}/blobServices/default`,
      ),
    ];
    expect(targets.length).toBeGreaterThan(0);
    expect(settings.map((s) => s.target_resource_id).sort()).toEqual(targets.sort());
    const workspace = new Set(settings.map((s) => s.log_analytics_workspace_id));
    expect(workspace.size).toBe(1);
    for (const s of settings) {
      expect(s.enabled_log).toEqual([{ category_group: "audit" }, { category_group: "allLogs" }]);
      expect(s.enabled_metric).toEqual([
        { category: s.target_resource_id.endsWith("/blobServices/default") ? "Transaction" : "AllMetrics" },
      ]);
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
    expect(resources("dev-shared", "azurerm_subscription_policy_assignment")).toHaveLength(7);
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

describe("content filters on every deployment", () => {
  it.each(regionStacks)(
    "%s: each deployment names a policy on its own account, created before it",
    (stack) => {
      const r = json(stack).resource;
      const policies = r.azurerm_cognitive_account_rai_policy ?? {};
      const ancestors = (type: string, name: string): Set<string> => {
        const seen = new Set<string>();
        const walk = (deps: string[] = []) =>
          deps.forEach((d) => {
            if (seen.has(d)) return;
            seen.add(d);
            const [t, n] = d.split(".") as [string, string];
            walk(r[t][n].depends_on);
          });
        walk(r[type][name].depends_on);
        return seen;
      };
      for (const [address, d] of resources(stack, "azurerm_cognitive_deployment")) {
        const ref = /^\$\{azurerm_cognitive_account_rai_policy\.(\w+)\.name\}$/.exec(d.rai_policy_name);
        if (!ref) {
          // The only policy a deployment may name without creating it.
          expect(d.rai_policy_name).toBe("Microsoft.DefaultV2");
          continue;
        }
        const policy = policies[ref[1]!];
        expect(policy.cognitive_account_id).toBe(d.cognitive_account_id);
        expect(ancestors("azurerm_cognitive_deployment", address)).toContain(
          `azurerm_cognitive_account_rai_policy.${ref[1]}`,
        );
      }
    },
  );

  it("prod's chat deployments use the strict filter with the code-name blocklist in both regions", () => {
    for (const stack of ["prod-swedencentral", "prod-francecentral"]) {
      const r = json(stack).resource;
      expect(r.azurerm_cognitive_deployment.deployment_chat.rai_policy_name).toBe(
        "${azurerm_cognitive_account_rai_policy.content_filter_prod_chat.name}",
      );
      const thresholds = r.azurerm_cognitive_account_rai_policy.content_filter_prod_chat.content_filter
        .filter((f: any) => ["Hate", "Sexual", "Violence", "Selfharm"].includes(f.name))
        .map((f: any) => f.severity_threshold);
      expect(new Set(thresholds)).toEqual(new Set(["Low"]));
      expect(
        r.azapi_update_resource.content_filter_prod_chat_blocklists.body.properties.customBlocklists,
      ).toHaveLength(2);
    }
  });
});

describe("fine-tuning storage", () => {
  const r = json("prod-swedencentral").resource;

  it("is private with shared keys off, reached through a blob private endpoint", () => {
    const storage = r.azurerm_storage_account.fine_tuning_storage;
    expect(storage).toMatchObject({
      public_network_access_enabled: false,
      shared_access_key_enabled: false,
      allow_nested_items_to_be_public: false,
      min_tls_version: "TLS1_2",
      network_rules: { default_action: "Deny" },
    });
    expect(
      r.azurerm_private_endpoint.fine_tuning_storage_private_endpoint.private_service_connection,
    ).toMatchObject({
      private_connection_resource_id: "${azurerm_storage_account.fine_tuning_storage.id}",
      subresource_names: ["blob"],
    });
    expect(r.azurerm_cognitive_account.openai.fqdns).toContain(`${storage.name}.blob.core.windows.net`);
  });

  it("is encrypted with the region's customer-managed key, granted to the storage's own identity", () => {
    const policy = { ...r.azurerm_key_vault_access_policy.cmk_fine_tuning_storage_access };
    delete policy["//"];
    delete policy.tenant_id;
    expect(policy).toEqual({
      key_vault_id: "${azurerm_key_vault.cmk_key_vault.id}",
      object_id: "${azurerm_storage_account.fine_tuning_storage.identity[0].principal_id}",
      key_permissions: ["Get", "WrapKey", "UnwrapKey"],
    });
    expect(
      r.azurerm_storage_account_customer_managed_key.fine_tuning_storage_customer_managed_key,
    ).toMatchObject({
      storage_account_id: "${azurerm_storage_account.fine_tuning_storage.id}",
      key_vault_id: "${azurerm_key_vault.cmk_key_vault.id}",
      key_name: "${azurerm_key_vault_key.cmk_key.name}",
      depends_on: ["azurerm_key_vault_access_policy.cmk_fine_tuning_storage_access"],
    });
  });

  it("lets the account's identity read it and the data scientists write it", () => {
    const assignments = r.azurerm_role_assignment;
    expect(assignments.fine_tuning_storage_access_account_reader).toMatchObject({
      scope: "${azurerm_storage_account.fine_tuning_storage.id}",
      principal_id: "${azurerm_cognitive_account.openai.identity[0].principal_id}",
      role_definition_id: expect.stringMatching(/\/2a2b9908-6ea1-4ae2-8e65-a410df84e7d1$/),
    });
    expect(assignments.fine_tuning_storage_access_writer_4b8395a6).toMatchObject({
      scope: "${azurerm_storage_account.fine_tuning_storage.id}",
      principal_id: "4b8395a6-1234-4d35-9a67-18293a4b5c6d",
      role_definition_id: expect.stringMatching(/\/ba92f5b4-2d11-453d-a403-e96b0029c9fe$/),
    });
  });

  it("is never read through the storage data plane, which its firewall closes", () => {
    expect(json("prod-swedencentral").provider.azurerm[0].features[0].storage).toEqual([
      { data_plane_available: false },
    ]);
  });

  it("exists only where a base model is trained: not in francecentral", () => {
    expect(resources("prod-francecentral", "azurerm_storage_account")).toEqual([]);
  });
});
