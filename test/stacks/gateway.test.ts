/**
 * The bundled prod gateway, against placement: a backend for every placed region of every workload,
 * the gateway's identity granted on each account, the policy trying backends in placement's order and
 * moving on at 429, nothing keyed, and throttling alerts on the gateway and every account.
 */
import { synthBundledEstate } from "./bundled";

const { estate, json, resources, regionStacks } = synthBundledEstate();
const prod = estate.environments.find((e) => e.name === "prod")!;
const gateway = json("prod-gateway");
const policy: string = Object.values<any>(gateway.resource.azurerm_api_management_api_policy)[0].xml_content;
const decoded = policy
  .replace(/&quot;/g, '"')
  .replace(/&lt;/g, "<")
  .replace(/&gt;/g, ">")
  .replace(/&amp;/g, "&");

describe("the bundled prod gateway", () => {
  it("has a backend for every region placement produced, at that account's endpoint", () => {
    const backends = Object.values<any>(gateway.resource.azurerm_api_management_backend).map((b) => [
      b.name,
      b.url,
    ]);
    const placed = prod.workloads.flatMap((w) =>
      w.targets.map((t) => [`${w.name}-${t.region}`, `${t.endpoint}openai`]),
    );
    expect(backends.sort()).toEqual(placed.sort());
    for (const b of Object.values<any>(gateway.resource.azurerm_api_management_backend))
      expect(b.circuit_breaker_rule).toMatchObject({
        accept_retry_after_enabled: true,
        failure_condition: {
          status_code_range: [
            { min: 429, max: 429 },
            { min: 500, max: 599 },
          ],
        },
      });
  });

  it("grants the gateway's own identity Cognitive Services OpenAI User on each account it fronts", () => {
    const grants = resources("prod-gateway", "azurerm_role_assignment").map(([, a]) => [
      a.scope,
      a.principal_id,
      a.role_definition_id,
    ]);
    const accounts = prod.regions.map((r) => r.account.resourceId);
    const inference = grants.filter(([, , role]) => role.endsWith("/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd"));
    expect(inference.map((g) => g[0]).sort()).toEqual([...accounts].sort());
    // Besides inference on the accounts, the identity only publishes metrics to its own component.
    expect(grants.filter((g) => !inference.includes(g)).map((g) => g[0])).toEqual([
      "${azurerm_application_insights.usage.id}",
    ]);
    for (const [, principal] of grants)
      expect(principal).toBe("${azurerm_api_management.gateway.identity[0].principal_id}");
  });

  it("tries each workload's backends in placement's order, moving on at 429 and 5xx", () => {
    expect(decoded).toContain(
      '<retry condition="@(context.Response.StatusCode == 429 || context.Response.StatusCode >= 500)"',
    );
    for (const w of prod.workloads) {
      const order = w.targets.map((t) => decoded.indexOf(`backend-id="${w.name}-${t.region}"`));
      expect(order.every((i) => i > 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      w.targets.forEach((t, i) => {
        const attempt = `context.Variables.GetValueOrDefault<int>("attempt") ${i === w.targets.length - 1 ? ">=" : "=="} ${i})`;
        expect(decoded).toMatch(
          new RegExp(
            `"${w.name}" && ${attempt.replace(/[()<>]/g, "\\$&")}">\\s*<set-backend-service backend-id="${w.name}-${t.region}" />`,
          ),
        );
      });
    }
  });

  it("uses no key towards the accounts and takes none from callers", () => {
    expect(decoded).toContain(
      '<authentication-managed-identity resource="https://cognitiveservices.azure.com" />',
    );
    expect(decoded).not.toMatch(/api-key|Ocp-Apim-Subscription-Key|subscription-key/i);
    expect(Object.values<any>(gateway.resource.azurerm_api_management_api)[0].subscription_required).toBe(
      false,
    );
    for (const b of Object.values<any>(gateway.resource.azurerm_api_management_backend))
      expect(b.credentials).toBeUndefined();
    expect(gateway.resource.azurerm_api_management_subscription).toBeUndefined();
    expect(decoded).toContain('<validate-azure-ad-token tenant-id="22222222-2222-2222-2222-222222222222"');
  });

  it("limits tokens per team and emits token metrics with the team as a dimension", () => {
    expect(decoded).toContain('<llm-token-limit counter-key="chat-app" tokens-per-minute="50000"');
    expect(decoded).toContain(
      '<dimension name="Team" value="@(context.Variables.GetValueOrDefault<string>("team"))" />',
    );
  });

  it("sends those metrics, with their dimensions, to Application Insights in the environment's workspace", () => {
    const insights = gateway.resource.azurerm_application_insights.usage;
    const shared = json("prod-shared");
    const workspaceOutput = Object.entries<any>(shared.output).find(
      ([, o]) => o.value === "${azurerm_log_analytics_workspace.log_analytics.id}",
    )![0];
    expect(insights.workspace_id).toContain(`.outputs.${workspaceOutput}}`);
    expect(insights.local_authentication_disabled).toBe(true);
    expect(gateway.resource.azapi_update_resource.usage_dimensions.body).toEqual({
      properties: { CustomMetricsOptedInType: "WithDimensions" },
    });
    const { usage_logger: logger, usage_diagnostic: diagnostic } = gateway.resource.azapi_resource;
    expect(logger.parent_id).toBe("${azurerm_api_management.gateway.id}");
    expect(logger.body.properties.credentials.identityClientId).toBe("SystemAssigned");
    expect(diagnostic.body.properties).toMatchObject({
      loggerId: "${azapi_resource.usage_logger.id}",
      metrics: true,
    });
    const [, publisher] = resources("prod-gateway", "azurerm_role_assignment").find(
      ([, a]) => a.scope === "${azurerm_application_insights.usage.id}",
    )!;
    expect(publisher.principal_id).toBe("${azurerm_api_management.gateway.identity[0].principal_id}");
    const workbook = Object.values<any>(gateway.resource.azurerm_application_insights_workbook)[0];
    expect(workbook.source_id).toBe("${lower(azurerm_application_insights.usage.id)}");
    for (const r of prod.regions)
      expect(workbook.data_json).toContain(`${r.account.name.toLowerCase()}\\", \\"${r.location}`);
  });

  it("has a throttling alert on the gateway and on every account", () => {
    const [, gw] = resources("prod-gateway", "azurerm_monitor_metric_alert").find(
      ([n]) => n === "gateway_alerts_throttling",
    )!;
    expect(gw).toMatchObject({
      scopes: ["${azurerm_api_management.gateway.id}"],
      criteria: [{ metric_name: "Requests", dimension: [{ name: "GatewayResponseCode", values: ["429"] }] }],
    });
    for (const stack of regionStacks)
      expect(resources(stack, "azurerm_monitor_metric_alert").map(([n]) => n)).toContain(
        "openai_alerts_throttling",
      );
  });

  it("sits in the primary region's reserved gateway subnet, internal, with a zone for its own host name", () => {
    const apim = gateway.resource.azurerm_api_management.gateway;
    expect(apim).toMatchObject({
      virtual_network_type: "Internal",
      sku_name: "Premium_1",
      identity: { type: "SystemAssigned" },
    });
    expect(gateway.resource.azurerm_subnet.gateway_subnet).toMatchObject({
      address_prefixes: ["10.40.1.0/24"],
      virtual_network_name:
        prod.regions[0]!.network.mode === "managed" ? prod.regions[0]!.network.virtualNetwork.name : "",
    });
    expect(gateway.resource.azurerm_private_dns_zone.gateway_dns_zone.name).toBe(
      `${apim.name}.azure-api.net`,
    );
  });
});
