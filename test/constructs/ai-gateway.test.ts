/**
 * AiGateway on its own: internal API Management in its subnet (created with an NSG, or given), private
 * DNS for its own host name, inference on each account for its identity, a keyless backend with a
 * circuit breaker per regional account, the keyless API with the given policy, and its alerts.
 */
import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import { roleAssignmentName } from "../../constructs/access/assignment-name";
import { AiGateway, type AiGatewayProps } from "../../constructs/ai-gateway";
import { synthReadable } from "../helpers";

const ACCOUNT = (region: string) =>
  `/subscriptions/s/resourceGroups/rg-${region}/providers/Microsoft.CognitiveServices/accounts/oai-${region}`;
const base: AiGatewayProps = {
  name: "apim-test",
  location: "swedencentral",
  resourceGroupName: "rg",
  subscriptionId: "00000000-0000-0000-0000-000000000001",
  publisherName: "Platform",
  publisherEmail: "platform@contoso.com",
  subnet: { virtualNetworkName: "vnet", resourceGroupName: "rg-net", addressPrefix: "10.0.1.0/24" },
  backends: [
    { id: "chat-swedencentral", url: "https://oai-sdc.openai.azure.com/openai" },
    { id: "chat-francecentral", url: "https://oai-frc.openai.azure.com/openai" },
  ],
  accounts: [
    { key: "swedencentral", resourceId: ACCOUNT("swedencentral") },
    { key: "francecentral", resourceId: ACCOUNT("francecentral") },
  ],
  policyXml: "<policies><inbound><base /></inbound></policies>",
};
const synth = (props: Partial<AiGatewayProps> = {}) =>
  synthReadable((s: Construct) => {
    const g = new AiGateway(s, "gateway", { ...base, ...props });
    new TerraformOutput(s, "url", { value: g.gatewayUrl });
    new TerraformOutput(s, "principal", { value: g.principalId });
  });

describe("AiGateway", () => {
  const json = synth();
  const r = json.resource;
  const apim = r.azurerm_api_management.gateway;

  it("runs API Management internal to the VNet, in its own subnet, with a system identity", () => {
    expect(apim).toMatchObject({
      name: "apim-test",
      sku_name: "Developer_1",
      virtual_network_type: "Internal",
      virtual_network_configuration: { subnet_id: "${azurerm_subnet.gateway_subnet.id}" },
      identity: { type: "SystemAssigned" },
      publisher_email: "platform@contoso.com",
    });
    expect(r.azurerm_subnet.gateway_subnet).toMatchObject({
      virtual_network_name: "vnet",
      resource_group_name: "rg-net",
      address_prefixes: ["10.0.1.0/24"],
    });
    expect(r.azurerm_subnet_network_security_group_association.gateway_nsg_association).toMatchObject({
      subnet_id: "${azurerm_subnet.gateway_subnet.id}",
      network_security_group_id: "${azurerm_network_security_group.gateway_nsg.id}",
    });
    expect(json.output.url.value).toBe("https://apim-test.azure-api.net");
    expect(json.output.principal.value).toBe("${azurerm_api_management.gateway.identity[0].principal_id}");
  });

  it("opens the ports internal mode needs, each from its service tag, in distinct priorities", () => {
    const rules: any[] = r.azurerm_network_security_group.gateway_nsg.security_rule;
    const by = (name: string) => rules.find((x) => x.name === name);
    expect(by("allow-management-3443")).toMatchObject({
      direction: "Inbound",
      destination_port_range: "3443",
      source_address_prefix: "ApiManagement",
      access: "Allow",
    });
    expect(by("allow-load-balancer-6390")).toMatchObject({
      destination_port_range: "6390",
      source_address_prefix: "AzureLoadBalancer",
    });
    expect(by("allow-monitor")).toMatchObject({
      direction: "Outbound",
      destination_port_ranges: ["1886", "443"],
      destination_address_prefix: "AzureMonitor",
    });
    expect(by("allow-key-vault-443")).toMatchObject({
      direction: "Outbound",
      destination_address_prefix: "AzureKeyVault",
    });
    expect(new Set(rules.map((x) => x.priority)).size).toBe(rules.length);
    for (const x of rules) expect(x.access).toBe("Allow");
  });

  it("answers at a private zone for its own host name, pointing at its private IP, linked to its VNet", () => {
    expect(r.azurerm_private_dns_zone.gateway_dns_zone.name).toBe("apim-test.azure-api.net");
    expect(r.azurerm_private_dns_a_record.gateway_dns_record).toMatchObject({
      name: "@",
      zone_name: "${azurerm_private_dns_zone.gateway_dns_zone.name}",
      records: ["${element(azurerm_api_management.gateway.private_ip_addresses, 0)}"],
    });
    expect(r.azurerm_private_dns_zone_virtual_network_link.gateway_dns_link).toMatchObject({
      private_dns_zone_name: "${azurerm_private_dns_zone.gateway_dns_zone.name}",
      virtual_network_id:
        "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet",
      registration_enabled: false,
    });
  });

  it("in an existing subnet, creates no subnet, NSG or zone of its own", () => {
    const existing =
      "/subscriptions/s/resourceGroups/lz/providers/Microsoft.Network/virtualNetworks/hub/subnets/apim";
    const lz = synth({ subnet: { id: existing } }).resource;
    expect(lz.azurerm_api_management.gateway.virtual_network_configuration).toEqual({ subnet_id: existing });
    for (const type of [
      "azurerm_subnet",
      "azurerm_network_security_group",
      "azurerm_private_dns_zone",
      "azurerm_private_dns_a_record",
    ])
      expect(lz[type]).toBeUndefined();
  });

  it("grants its identity inference, and only inference, on each account", () => {
    const grants = Object.values<any>(r.azurerm_role_assignment);
    expect(grants.map((g) => g.scope).sort()).toEqual(base.accounts.map((a) => a.resourceId).sort());
    for (const g of grants) {
      expect(g.principal_id).toBe("${azurerm_api_management.gateway.identity[0].principal_id}");
      expect(g.role_definition_id).toMatch(/\/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd$/);
      // Named from the gateway's name, not its object ID (known only at apply): the same key GatewayUsage uses.
      expect(g.name).toBe(
        roleAssignmentName(g.scope, "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd", "gateway-apim-test"),
      );
    }
  });

  it("has a keyless backend per account URL, each tripping on 429 and 5xx and honouring Retry-After", () => {
    const backends = Object.values<any>(r.azurerm_api_management_backend);
    expect(backends.map((b) => [b.name, b.url]).sort()).toEqual(
      base.backends.map((b) => [b.id, b.url]).sort(),
    );
    for (const b of backends) {
      expect(b.credentials).toBeUndefined();
      expect(b.circuit_breaker_rule).toMatchObject({
        accept_retry_after_enabled: true,
        failure_condition: {
          status_code_range: [
            { min: 429, max: 429 },
            { min: 500, max: 599 },
          ],
        },
      });
    }
  });

  it("serves one keyless HTTPS API carrying the given policy, for every GET and POST path", () => {
    expect(r.azurerm_api_management_api.gateway_api).toMatchObject({
      path: "openai",
      protocols: ["https"],
      subscription_required: false,
    });
    expect(r.azurerm_api_management_api_policy.gateway_policy).toMatchObject({
      api_name: "${azurerm_api_management_api.gateway_api.name}",
      xml_content: base.policyXml,
    });
    const ops = Object.values<any>(r.azurerm_api_management_api_operation).map((o) => [
      o.method,
      o.url_template,
    ]);
    expect(ops).toEqual([
      ["GET", "/*"],
      ["POST", "/*"],
    ]);
  });

  it("alerts on 429s, 5xx and slow answers to callers, to the action group when given", () => {
    const alerts = r.azurerm_monitor_metric_alert;
    expect(Object.keys(alerts).sort()).toEqual([
      "gateway_alerts_duration",
      "gateway_alerts_server_errors",
      "gateway_alerts_throttling",
    ]);
    for (const a of Object.values<any>(alerts)) {
      expect(a.scopes).toEqual(["${azurerm_api_management.gateway.id}"]);
      expect(a.action).toBeUndefined();
    }
    const withGroup = synth({ actionGroupId: "/subscriptions/s/ag" }).resource.azurerm_monitor_metric_alert;
    for (const a of Object.values<any>(withGroup))
      expect(a.action).toEqual([{ action_group_id: "/subscriptions/s/ag" }]);
  });

  it("alerts on what callers see: 429s and 5xx counted over 5 minutes, duration averaged over 15", () => {
    const alerts = r.azurerm_monitor_metric_alert;
    const criteria = (key: string) => alerts[`gateway_alerts_${key}`].criteria;
    const requests = {
      metric_namespace: "Microsoft.ApiManagement/service",
      metric_name: "Requests",
      aggregation: "Total",
      operator: "GreaterThan",
    };
    expect(alerts.gateway_alerts_throttling).toMatchObject({
      name: "apim-test-throttling",
      severity: 2,
      window_size: "PT5M",
    });
    expect(criteria("throttling")).toEqual([
      {
        ...requests,
        threshold: 25,
        dimension: [{ name: "GatewayResponseCode", operator: "Include", values: ["429"] }],
      },
    ]);
    expect(alerts.gateway_alerts_server_errors).toMatchObject({
      name: "apim-test-server-errors",
      severity: 1,
      window_size: "PT5M",
    });
    expect(criteria("server_errors")).toEqual([
      {
        ...requests,
        threshold: 10,
        dimension: [{ name: "GatewayResponseCodeCategory", operator: "Include", values: ["5xx"] }],
      },
    ]);
    expect(alerts.gateway_alerts_duration).toMatchObject({
      name: "apim-test-duration",
      severity: 3,
      window_size: "PT15M",
    });
    expect(criteria("duration")).toEqual([
      {
        metric_namespace: "Microsoft.ApiManagement/service",
        metric_name: "Duration",
        aggregation: "Average",
        operator: "GreaterThan",
        threshold: 15_000,
      },
    ]);
    expect(alerts.gateway_alerts_throttling.description).toBe(
      "apim-test: HTTP 429 answered to callers (team token limits, or every backend throttling).",
    );
    expect(alerts.gateway_alerts_server_errors.description).toBe(
      "apim-test: HTTP 5xx answered to callers: every backend failing, or the gateway.",
    );
    expect(alerts.gateway_alerts_duration.description).toBe("apim-test: slow responses through the gateway.");
  });

  it("names what it creates after the gateway, and tags all of it", () => {
    const tagged = synth({ tags: { owner: "team" } }).resource;
    expect(tagged.azurerm_subnet.gateway_subnet.name).toBe("snet-apim");
    expect(tagged.azurerm_network_security_group.gateway_nsg.name).toBe("nsg-apim-test");
    expect(tagged.azurerm_private_dns_zone_virtual_network_link.gateway_dns_link.name).toBe(
      "link-gateway-vnet",
    );
    const tags = Object.entries<Record<string, any>>(tagged).flatMap(([type, byName]) =>
      Object.entries(byName)
        .filter(([, res]) => "tags" in res)
        .map(([name, res]) => [`${type}.${name}`, res.tags]),
    );
    expect(tags.length).toBeGreaterThanOrEqual(8);
    for (const [address, t] of tags) expect([address, t]).toEqual([address, { owner: "team" }]);
    expect(tagged.azurerm_api_management.gateway.tags).toEqual({ owner: "team" });
    expect(r.azurerm_api_management.gateway.tags).toEqual({});
  });

  it("writes each NSG rule as TCP from any source port, in priorities 100, 110, 120 …", () => {
    const rules: any[] = r.azurerm_network_security_group.gateway_nsg.security_rule;
    expect(rules.map((x) => x.priority)).toEqual(rules.map((_, i) => 100 + i * 10));
    for (const x of rules) expect(x).toMatchObject({ protocol: "Tcp", source_port_range: "*" });
  });

  it("gives each backend a plain HTTP(S) backend with a one-minute trip after 3 failures in 5 minutes", () => {
    for (const b of Object.values<any>(r.azurerm_api_management_backend))
      expect(b).toMatchObject({
        protocol: "http",
        circuit_breaker_rule: {
          name: "trip-on-throttling-or-errors",
          trip_duration: "PT1M",
          failure_condition: { count: 3, interval_duration: "PT5M" },
        },
      });
  });

  it("names the API and its operations for what they are", () => {
    expect(r.azurerm_api_management_api.gateway_api).toMatchObject({
      name: "azure-openai",
      revision: "1",
      display_name: "Azure OpenAI",
    });
    const ops = Object.values<any>(r.azurerm_api_management_api_operation).map((o) => [
      o.operation_id,
      o.display_name,
    ]);
    expect(ops).toEqual([
      ["all-get", "GET /*"],
      ["all-post", "POST /*"],
    ]);
    expect(Object.keys(r.azurerm_api_management_api_operation)).toEqual([
      "gateway_operation_get",
      "gateway_operation_post",
    ]);
  });

  it("sends its logs to the workspace when given one", () => {
    expect(r.azurerm_monitor_diagnostic_setting).toBeUndefined();
    const logged = synth({ diagnostics: { logAnalyticsWorkspaceId: "/subscriptions/s/log" } }).resource;
    expect(Object.values<any>(logged.azurerm_monitor_diagnostic_setting)[0]).toMatchObject({
      target_resource_id: "${azurerm_api_management.gateway.id}",
      log_analytics_workspace_id: "/subscriptions/s/log",
    });
  });

  it.each<[string, Partial<AiGatewayProps>, RegExp]>([
    ["no backends", { backends: [] }, /^test\/gateway: backends needs at least one backend \(got \[\]\)$/],
    ["a tier without internal VNet mode", { sku: "Basic_1" as never }, /^test\/gateway: sku must be one of/],
  ])("refuses %s, naming the construct path", (_what, props, message) => {
    expect(() => synth(props)).toThrow(message);
  });
});
