/**
 * The cross-cutting props (protection, diagnostics, private endpoints, role assignments) taken the same
 * way by every resource construct, and the account's ordered operations.
 */
import fc from "fast-check";
import type { Construct } from "constructs";
import { scopeIds } from "../../catalog/resource-ids";
import { roleAssignmentName } from "../../constructs/access/assignment-name";
import { ContentFilter, type RaiFilter } from "../../constructs/content-filter";
import { CustomerManagedKey } from "../../constructs/customer-managed-key";
import { FineTuningStorage } from "../../constructs/fine-tuning-storage";
import { ModelDeployment } from "../../constructs/model-deployment";
import { OpenAiAccount } from "../../constructs/openai-account";
import { synthReadable } from "../helpers";

const SUB = "11111111-1111-1111-1111-111111111111";
const APP = {
  objectId: "22222222-2222-2222-2222-222222222222",
  type: "ServicePrincipal" as const,
  displayName: "chat-app",
};
const WORKSPACE = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log";
const HARMS: RaiFilter[] = ["Hate", "Sexual", "Violence", "Selfharm"].flatMap((name) =>
  (["Prompt", "Completion"] as const).map((source) => ({
    name,
    source,
    enabled: true,
    blocking: true,
    severityThreshold: "Medium" as const,
  })),
);
const endpoint = {
  name: "pep-oai",
  subnetId: "/subnet",
  dnsZoneIds: ["/zones/privatelink.openai.azure.com"],
};

describe("a component with a lock, diagnostics, a grant and a private endpoint", () => {
  // Nothing but props and one method call: no lock, setting, endpoint or assignment wired beside it.
  const r = synthReadable((stack) => {
    const account = new OpenAiAccount(stack, "openai", {
      name: "oai-test",
      location: "swedencentral",
      resourceGroupName: "rg-test",
      subscriptionId: SUB,
      protection: true,
      diagnostics: { logAnalyticsWorkspaceId: WORKSPACE },
      privateEndpoints: [endpoint],
    });
    account.grantInference(APP);
    new ModelDeployment(stack, "deployment_chat", {
      account,
      name: "chat",
      modelName: "gpt-5.1",
      modelVersion: "2025-11-13",
      sku: "GlobalStandard",
      capacity: 10,
      raiPolicyName: "Microsoft.DefaultV2",
    });
  }).resource;
  const ACCOUNT_ID = "${azurerm_cognitive_account.openai.id}";

  it("locks the account and keeps it from being destroyed", () => {
    expect(r.azurerm_cognitive_account.openai.lifecycle).toEqual({ prevent_destroy: true });
    expect(r.azurerm_management_lock.openai_Lock).toMatchObject({
      name: "lock-cannot-delete",
      scope: ACCOUNT_ID,
      lock_level: "CanNotDelete",
      notes: expect.stringMatching(/^Protected environment: /),
    });
  });

  it("sends the account's audit logs to the workspace", () => {
    expect(r.azurerm_monitor_diagnostic_setting.openai_diagnostics).toMatchObject({
      target_resource_id: ACCOUNT_ID,
      log_analytics_workspace_id: WORKSPACE,
      enabled_log: [{ category_group: "audit" }, { category_group: "allLogs" }],
    });
  });

  it("grants inference on the account itself, with a name derived from the account's resource ID", () => {
    const grant = r.azurerm_role_assignment.openai_access_inference_22222222;
    expect(grant).toMatchObject({
      scope: ACCOUNT_ID,
      principal_id: APP.objectId,
      principal_type: "ServicePrincipal",
      role_definition_id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd`,
    });
    const accountId = scopeIds.account(SUB, "rg-test", "oai-test");
    expect(grant.name).toBe(
      roleAssignmentName(accountId, "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd", APP.objectId),
    );
  });

  it("connects the endpoint to the account and opens it only after the last deployment", () => {
    expect(r.azurerm_private_endpoint.openai_private_endpoint).toMatchObject({
      private_service_connection: {
        private_connection_resource_id: ACCOUNT_ID,
        subresource_names: ["account"],
      },
      private_dns_zone_group: { private_dns_zone_ids: endpoint.dnsZoneIds },
      depends_on: ["azurerm_cognitive_deployment.deployment_chat"],
    });
  });

  it("refuses a grant without the subscription, naming the construct", () => {
    expect(() =>
      synthReadable((stack) =>
        new OpenAiAccount(stack, "openai", {
          name: "oai-x",
          location: "swedencentral",
          resourceGroupName: "rg",
        }).grantInference(APP),
      ),
    ).toThrow(/test\/openai: subscriptionId is required to grant roles on the resource/);
  });

  it("refuses a grant when the resource group is known only at apply time and no resource ID is given", () => {
    // The assignment name derives from the resource ID's text; a reference has none at synth.
    const grantIn = (resourceId?: string) =>
      synthReadable((stack) => {
        const group = new OpenAiAccount(stack, "other", {
          name: "oai-o",
          location: "swedencentral",
          resourceGroupName: "rg",
        });
        new OpenAiAccount(stack, "openai", {
          name: "oai-x",
          location: "swedencentral",
          resourceGroupName: group.resource.resourceGroupName,
          subscriptionId: SUB,
          resourceId,
        }).grantInference(APP);
      });
    expect(() => grantIn()).toThrow(
      /test\/openai\/access: grants\[inference_22222222\]\.scopeId is required/,
    );
    const id = scopeIds.account(SUB, "rg", "oai-x");
    expect(grantIn(id).resource.azurerm_role_assignment.openai_access_inference_22222222.name).toBe(
      roleAssignmentName(id, "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd", APP.objectId),
    );
  });

  it("refuses two endpoints with one id: each id is a Terraform address", () => {
    expect(() =>
      synthReadable(
        (stack) =>
          new OpenAiAccount(stack, "openai", {
            name: "oai-x",
            location: "swedencentral",
            resourceGroupName: "rg",
            privateEndpoints: [endpoint, { ...endpoint, name: "pep-2" }],
          }),
      ),
    ).toThrow(/privateEndpoints need distinct ids/);
  });
});

describe("the same props on every resource construct", () => {
  it("fine-tuning storage: lock, blob diagnostics, endpoint and grants under the storage account", () => {
    const r = synthReadable((stack) => {
      const storage = new FineTuningStorage(stack, "fine_tuning_storage", {
        name: "stfinetune",
        location: "swedencentral",
        resourceGroupName: "rg",
        subscriptionId: SUB,
        privateEndpoints: [{ name: "pep-st", subnetId: "/subnet" }],
        diagnostics: { logAnalyticsWorkspaceId: WORKSPACE },
      });
      storage.grantWrite(APP, "writer");
    }).resource;
    const STORAGE = "${azurerm_storage_account.fine_tuning_storage.id}";
    expect(r.azurerm_management_lock.fine_tuning_storage_Lock.scope).toBe(STORAGE);
    expect(r.azurerm_monitor_diagnostic_setting.fine_tuning_storage_diagnostics).toMatchObject({
      target_resource_id: `${STORAGE}/blobServices/default`,
      enabled_metric: [{ category: "Transaction" }],
    });
    expect(
      r.azurerm_private_endpoint.fine_tuning_storage_private_endpoint.private_service_connection,
    ).toMatchObject({
      private_connection_resource_id: STORAGE,
      subresource_names: ["blob"],
    });
    expect(r.azurerm_role_assignment.fine_tuning_storage_access_writer).toMatchObject({
      scope: STORAGE,
      role_definition_id: expect.stringMatching(/ba92f5b4-2d11-453d-a403-e96b0029c9fe$/),
    });
  });

  it("customer-managed key: the vault's lock, diagnostics and endpoint", () => {
    const r = synthReadable((stack) => {
      const account = new OpenAiAccount(stack, "openai", {
        name: "oai-x",
        location: "swedencentral",
        resourceGroupName: "rg",
      });
      new CustomerManagedKey(stack, "cmk", {
        account,
        keyVaultName: "kv-x-123",
        location: "swedencentral",
        resourceGroupName: "rg",
        tenantId: SUB,
        keyAdministrators: [{ objectId: APP.objectId, displayName: "deployer" }],
        privateEndpoints: [{ name: "pep-kv", subnetId: "/subnet" }],
        diagnostics: { logAnalyticsWorkspaceId: WORKSPACE },
      });
    }).resource;
    const VAULT = "${azurerm_key_vault.cmk_key_vault.id}";
    expect(r.azurerm_management_lock.cmk_key_vault_Lock.scope).toBe(VAULT);
    expect(r.azurerm_monitor_diagnostic_setting.cmk_key_vault_diagnostics.target_resource_id).toBe(VAULT);
    expect(
      r.azurerm_private_endpoint.cmk_private_endpoint.private_service_connection.subresource_names,
    ).toEqual(["vault"]);
  });

  it("without the props there is no lock, setting, endpoint or grant (alerts off too)", () => {
    const r = synthReadable(
      (stack) =>
        new OpenAiAccount(stack, "openai", {
          name: "oai-x",
          location: "swedencentral",
          resourceGroupName: "rg",
          protection: false,
          alerts: false,
        }),
    ).resource;
    expect(Object.keys(r)).toEqual(["azurerm_cognitive_account"]);
    expect(r.azurerm_cognitive_account.openai.lifecycle).toBeUndefined();
  });
});

describe("account operations", () => {
  type Op = { kind: "filter" | "deployment"; name: string };
  const OPS: Op[] = [
    { kind: "filter", name: "strict" },
    { kind: "filter", name: "relaxed" },
    { kind: "deployment", name: "chat" },
    { kind: "deployment", name: "embeddings" },
    { kind: "deployment", name: "mini" },
  ];
  const keyOf = (o: Op) => `${o.kind === "filter" ? "content-filter" : "deployment"}:${o.name}`;

  /** The depends_on of every resource, built in `created` order, chained in `declared` order. */
  function chain(created: readonly Op[], declared: readonly Op[]): Record<string, unknown> {
    const r = synthReadable((stack: Construct) => {
      const account = new OpenAiAccount(stack, "openai", {
        name: "oai-x",
        location: "swedencentral",
        resourceGroupName: "rg",
      });
      for (const o of created) {
        if (o.kind === "filter")
          new ContentFilter(stack, `content_filter_${o.name}`, { account, name: o.name, filters: HARMS });
        else
          new ModelDeployment(stack, `deployment_${o.name}`, {
            account,
            name: o.name,
            modelName: "gpt-5.1",
            modelVersion: "2025-11-13",
            sku: "GlobalStandard",
            capacity: 1,
            raiPolicyName: "Microsoft.DefaultV2",
          });
      }
      account.orderOperations(declared.map(keyOf));
    }).resource;
    const out: Record<string, unknown> = {};
    for (const [type, byName] of Object.entries<Record<string, { depends_on?: string[] }>>(r))
      for (const [name, res] of Object.entries(byName)) out[`${type}.${name}`] = res.depends_on;
    return out;
  }

  it("follow the declared order whatever order the constructs are created in", () => {
    const expected = chain(OPS, OPS);
    // Each operation waits for the whole of the one before it: a filter's last step is its blocklists.
    expect(expected).toMatchObject({
      "azurerm_cognitive_account_rai_policy.content_filter_strict": undefined,
      "azurerm_cognitive_account_rai_policy.content_filter_relaxed": [
        "azapi_update_resource.content_filter_strict_blocklists",
      ],
      "azurerm_cognitive_deployment.deployment_chat": [
        "azapi_update_resource.content_filter_relaxed_blocklists",
      ],
      "azurerm_cognitive_deployment.deployment_embeddings": ["azurerm_cognitive_deployment.deployment_chat"],
      "azurerm_cognitive_deployment.deployment_mini": ["azurerm_cognitive_deployment.deployment_embeddings"],
    });
    fc.assert(
      fc.property(fc.shuffledSubarray(OPS, { minLength: OPS.length, maxLength: OPS.length }), (created) => {
        expect(chain(created, OPS)).toEqual(expected);
      }),
      { numRuns: 15 },
    );
  });

  it("adding one operation changes the depends_on of its successor only", () => {
    const before = chain(OPS, OPS);
    const withNew = [...OPS.slice(0, 2), { kind: "filter" as const, name: "extra" }, ...OPS.slice(2)];
    const after = chain(withNew, withNew);
    const changed = Object.keys(before).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    expect(changed).toEqual(["azurerm_cognitive_deployment.deployment_chat"]);
    expect(after["azurerm_cognitive_deployment.deployment_chat"]).toEqual([
      "azapi_update_resource.content_filter_extra_blocklists",
    ]);
    expect(after["azurerm_cognitive_account_rai_policy.content_filter_extra"]).toEqual([
      "azapi_update_resource.content_filter_relaxed_blocklists",
    ]);
  });

  it("refuse a declared order that leaves out an operation or names an unknown one", () => {
    expect(() => chain(OPS, OPS.slice(1))).toThrow(/orderOperations must list exactly the operations added/);
    expect(() => chain(OPS.slice(1), OPS)).toThrow(/"unknown":\["content-filter:strict"\]/);
  });
});
