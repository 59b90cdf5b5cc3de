/**
 * Plans in Terraform's documented JSON format ("JSON Output Format", format_version 1.2), built from the
 * few fields each test varies.
 */
import type { ResourceChange } from "../../../tools/review/plan";

export function plan(parts: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format_version: "1.2",
    terraform_version: "1.11.4",
    planned_values: { root_module: {} },
    resource_changes: [],
    configuration: { root_module: {} },
    timestamp: "2026-12-02T12:00:00Z",
    applyable: true,
    complete: true,
    errored: false,
    ...parts,
  };
}

export function change(
  address: string,
  actions: string[],
  before: unknown,
  after: unknown,
  extra: Partial<Omit<ResourceChange, "change">> & { change?: Record<string, unknown> } = {},
): ResourceChange {
  const [type, name] = address.split(".") as [string, string];
  const { change: changeExtra, ...rest } = extra;
  return {
    address,
    mode: "managed",
    type,
    name,
    provider_name: "registry.terraform.io/hashicorp/azurerm",
    change: {
      actions,
      before,
      after,
      after_unknown: {},
      before_sensitive: before === null ? false : {},
      after_sensitive: after === null ? false : {},
      ...changeExtra,
    },
    ...rest,
  } as ResourceChange;
}

export const account = (overrides: Record<string, unknown> = {}) => ({
  name: "oai-aoai-prod-sdc-5698",
  kind: "OpenAI",
  custom_subdomain_name: "oai-aoai-prod-sdc-5698",
  public_network_access_enabled: false,
  local_auth_enabled: false,
  outbound_network_access_restricted: true,
  fqdns: ["kv-aoai-prod-sdc-5698.vault.azure.net"],
  network_acls: [{ default_action: "Deny", bypass: "AzureServices", ip_rules: [] }],
  ...overrides,
});

export const filters = (threshold = "Medium", overrides: Record<string, unknown> = {}) => ({
  name: "prod-chat",
  mode: "Default",
  content_filter: ["Hate", "Violence"].flatMap((name) =>
    ["Prompt", "Completion"].map((source) => ({
      name,
      source,
      filter_enabled: true,
      block_enabled: true,
      severity_threshold: threshold,
    })),
  ),
  ...overrides,
});
