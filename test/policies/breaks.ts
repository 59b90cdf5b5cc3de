/**
 * Ways to break each rule of the pack, by rule ID: edits of the compliant fixture's region stack. The
 * rule tests expect each to fail its rule and only it; the Checkov agreement test runs Checkov on them.
 */
import { SUBSCRIPTION } from "./fixture";

export type Edit = (r: Record<string, any>) => void;
export const res = (r: Record<string, any>) => r.resource;
export const account = (r: Record<string, any>) => res(r).azurerm_cognitive_account.openai;
export const vault = (r: Record<string, any>) => res(r).azurerm_key_vault.kv;
export const key = (r: Record<string, any>) => res(r).azurerm_key_vault_key.key;
export const storage = (r: Record<string, any>) => res(r).azurerm_storage_account.st;
export const filter = (r: Record<string, any>) => res(r).azurerm_cognitive_account_rai_policy.filter;
export const deployment = (r: Record<string, any>) => res(r).azurerm_cognitive_deployment.chat;
export const assignment = (r: Record<string, any>) => res(r).azurerm_role_assignment.inference;
export const role = (guid: string) =>
  `${SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;

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
      "a manual connection",
      (r) =>
        (res(r).azurerm_private_endpoint.openai_pe.private_service_connection.is_manual_connection = true),
    ],
  ],
  "AOAI-NET2": [
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
  "AOAI-MON2": [
    ["no throttling alert", (r) => delete res(r).azurerm_monitor_metric_alert],
    [
      "an alert on all requests, not on 429s",
      (r) => (res(r).azurerm_monitor_metric_alert.throttling.criteria[0].dimension = []),
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
    ["asynchronous filtering by its older name", (r) => (filter(r).mode = "Deferred")],
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
      "Contributor on the account's resource group, by its ID",
      (r) => {
        assignment(r).role_definition_id = role("b24988ac-6180-42a0-ab88-20f7382dd24c");
        assignment(r).scope = `${SUBSCRIPTION}/resourceGroups/rg-test`;
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
  "AOAI-MON3": [
    [
      "local auth on",
      (r) => (res(r).azurerm_application_insights.usage.local_authentication_disabled = false),
    ],
    [
      "local auth left to the default",
      (r) => delete res(r).azurerm_application_insights.usage.local_authentication_disabled,
    ],
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
