/**
 * A compliant estate in Terraform JSON, small enough to read: a shared stack (private DNS zones, Log
 * Analytics, read through remote state as cdktf writes it) and a protected region stack with every
 * resource the pack judges. Each rule's tests break it in one place.
 */
import { stackDocument, type GuardrailMetadata, type StackDocument } from "../../policies/document";

const backend = (key: string) => ({
  azurerm: {
    resource_group_name: "rg-tfstate",
    storage_account_name: "sttfstate",
    container_name: "tfstate",
    key,
    use_azuread_auth: true,
  },
});

const ref = (address: string, attribute = "id") => `\${${address}.${attribute}}`;
const remote = (output: string) => `\${data.terraform_remote_state.shared.outputs.${output}}`;
const path = (stack: string, id: string) => ({ "//": { metadata: { path: `${stack}/${id}` } } });

const ACCOUNT = "azurerm_cognitive_account.openai";
const VAULT = "azurerm_key_vault.kv";
const STORAGE = "azurerm_storage_account.st";
const OPENAI_USER = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd";
export const SUBSCRIPTION = "/subscriptions/11111111-1111-1111-1111-111111111111";

export function sharedStack(): Record<string, any> {
  return {
    terraform: { backend: backend("test-shared.tfstate") },
    provider: { azurerm: [{ features: [{}] }] },
    resource: {
      azurerm_private_dns_zone: {
        openai: { name: "privatelink.openai.azure.com", resource_group_name: "rg-shared" },
        cognitive: { name: "privatelink.cognitiveservices.azure.com", resource_group_name: "rg-shared" },
      },
      azurerm_log_analytics_workspace: { law: { name: "log-test", resource_group_name: "rg-shared" } },
      azurerm_security_center_subscription_pricing: {
        defender_for_ai: { resource_type: "AI", tier: "Standard" },
      },
    },
    output: {
      openai_zone_id: { value: ref("azurerm_private_dns_zone.openai") },
      cognitive_zone_id: { value: ref("azurerm_private_dns_zone.cognitive") },
      workspace_id: { value: ref("azurerm_log_analytics_workspace.law") },
    },
  };
}

export function regionStack(): Record<string, any> {
  const s = "test-region";
  const privateEndpoint = (target: string, subresource: string, zones: string[] = []) => ({
    private_service_connection: {
      name: "psc",
      private_connection_resource_id: ref(target),
      subresource_names: [subresource],
      is_manual_connection: false,
    },
    ...(zones.length > 0 ? { private_dns_zone_group: { name: "default", private_dns_zone_ids: zones } } : {}),
    subnet_id: ref("azurerm_subnet.pe"),
  });
  return {
    terraform: { backend: backend("test-region.tfstate") },
    provider: {
      azurerm: [
        {
          features: [
            {
              cognitive_account: [{ purge_soft_delete_on_destroy: false }],
              key_vault: [{ purge_soft_delete_on_destroy: false, purge_soft_deleted_keys_on_destroy: false }],
            },
          ],
        },
      ],
    },
    data: {
      terraform_remote_state: {
        shared: { backend: "azurerm", config: backend("test-shared.tfstate").azurerm },
      },
    },
    resource: {
      azurerm_resource_group: { rg: { name: "rg-test", location: "swedencentral" } },
      azurerm_virtual_network: { vnet: { name: "vnet-test", address_space: ["10.40.0.0/22"] } },
      azurerm_subnet: { pe: { name: "snet-pe", address_prefixes: ["10.40.0.0/26"] } },
      azurerm_cognitive_account: {
        openai: {
          ...path(s, "openai/Resource"),
          name: "oai-test",
          kind: "OpenAI",
          sku_name: "S0",
          resource_group_name: ref("azurerm_resource_group.rg", "name"),
          custom_subdomain_name: "oai-test",
          public_network_access_enabled: false,
          local_auth_enabled: false,
          identity: { type: "SystemAssigned" },
          network_acls: { default_action: "Deny", bypass: "None", ip_rules: [] },
          outbound_network_access_restricted: true,
          fqdns: ["kv-test.vault.azure.net"],
          lifecycle: { prevent_destroy: true },
        },
      },
      azurerm_key_vault: {
        kv: {
          name: "kv-test",
          sku_name: "premium",
          purge_protection_enabled: true,
          public_network_access_enabled: false,
          network_acls: { default_action: "Deny", bypass: "AzureServices" },
          lifecycle: { prevent_destroy: true },
        },
      },
      azurerm_key_vault_key: {
        key: {
          name: "cmk",
          key_vault_id: ref(VAULT),
          key_type: "RSA-HSM",
          key_size: 2048,
          key_opts: ["wrapKey", "unwrapKey"],
          expiration_date: "2028-12-31T00:00:00Z",
        },
      },
      azurerm_cognitive_account_customer_managed_key: {
        cmk: { cognitive_account_id: ref(ACCOUNT), key_vault_key_id: ref("azurerm_key_vault_key.key") },
      },
      azurerm_private_endpoint: {
        openai_pe: privateEndpoint(ACCOUNT, "account", [
          remote("openai_zone_id"),
          remote("cognitive_zone_id"),
        ]),
        kv_pe: privateEndpoint(VAULT, "vault"),
        st_pe: privateEndpoint(STORAGE, "blob"),
      },
      azurerm_monitor_diagnostic_setting: {
        openai_diag: {
          name: "diag",
          target_resource_id: ref(ACCOUNT),
          log_analytics_workspace_id: remote("workspace_id"),
          enabled_log: [{ category_group: "audit" }],
        },
      },
      azurerm_application_insights: {
        usage: {
          name: "appi-test",
          location: "swedencentral",
          resource_group_name: "rg-test",
          application_type: "web",
          workspace_id: remote("workspace_id"),
          local_authentication_disabled: true,
        },
      },
      azurerm_monitor_metric_alert: {
        throttling: {
          name: "oai-test-throttling",
          scopes: [ref(ACCOUNT)],
          criteria: [
            {
              metric_namespace: "Microsoft.CognitiveServices/accounts",
              metric_name: "AzureOpenAIRequests",
              aggregation: "Total",
              operator: "GreaterThan",
              threshold: 25,
              dimension: [{ name: "StatusCode", operator: "Include", values: ["429"] }],
            },
          ],
        },
      },
      azurerm_cognitive_account_rai_policy: {
        filter: {
          name: "strict",
          cognitive_account_id: ref(ACCOUNT),
          base_policy_name: "Microsoft.DefaultV2",
          mode: "Default",
          content_filter: [
            {
              name: "Hate",
              source: "Prompt",
              filter_enabled: true,
              block_enabled: true,
              severity_threshold: "Low",
            },
            {
              name: "Hate",
              source: "Completion",
              filter_enabled: true,
              block_enabled: true,
              severity_threshold: "Medium",
            },
            {
              name: "Jailbreak",
              source: "Prompt",
              filter_enabled: true,
              block_enabled: true,
              severity_threshold: "High",
            },
          ],
        },
      },
      azurerm_cognitive_deployment: {
        chat: {
          name: "chat",
          cognitive_account_id: ref(ACCOUNT),
          rai_policy_name: ref("azurerm_cognitive_account_rai_policy.filter", "name"),
          model: { format: "OpenAI", name: "gpt-4.1", version: "2025-04-14" },
          sku: { name: "GlobalStandard", capacity: 10 },
          version_upgrade_option: "NoAutoUpgrade",
        },
      },
      azurerm_role_assignment: {
        inference: {
          ...path(s, "openai/access/app-inference"),
          scope: ref(ACCOUNT),
          role_definition_id: `${SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/${OPENAI_USER}`,
          principal_id: "22222222-2222-2222-2222-222222222222",
          principal_type: "ServicePrincipal",
        },
      },
      azurerm_storage_account: {
        st: {
          name: "sttest",
          account_kind: "StorageV2",
          account_tier: "Standard",
          account_replication_type: "ZRS",
          public_network_access_enabled: false,
          network_rules: { default_action: "Deny", bypass: ["AzureServices"] },
          shared_access_key_enabled: false,
          allow_nested_items_to_be_public: false,
          min_tls_version: "TLS1_2",
          blob_properties: { delete_retention_policy: { days: 30 } },
        },
      },
      azurerm_storage_account_customer_managed_key: {
        st_cmk: {
          storage_account_id: ref(STORAGE),
          key_vault_key_id: ref("azurerm_key_vault_key.key", "versionless_id"),
        },
      },
      azurerm_management_lock: {
        openai_lock: { name: "lock", scope: ref(ACCOUNT), lock_level: "CanNotDelete" },
        kv_lock: { name: "lock", scope: ref(VAULT), lock_level: "CanNotDelete" },
      },
    },
    output: { endpoint: { value: ref(ACCOUNT, "endpoint") } },
  };
}

export const METADATA: GuardrailMetadata = {
  environment: "test",
  protected: true,
  peerRanges: ["10.0.0.0/16"],
};

/** The two stacks as the pack reads them; `edit` changes the region stack's JSON first, `editShared` the shared one's. */
export function estate(
  edit: (region: Record<string, any>) => void = () => {},
  metadata: GuardrailMetadata = METADATA,
  editShared: (shared: Record<string, any>) => void = () => {},
): StackDocument[] {
  const region = regionStack();
  edit(region);
  const shared = sharedStack();
  editShared(shared);
  return [stackDocument("test-shared", shared, metadata), stackDocument("test-region", region, metadata)];
}
