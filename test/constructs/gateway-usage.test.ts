/**
 * GatewayUsage: the gateway's token metrics reach Application Insights with their dimensions and without
 * a key anywhere, and its workbooks keep their names.
 */
import type { Construct } from "constructs";
import { GATEWAY_ROLES } from "../../catalog/roles";
import { scopeIds } from "../../catalog/resource-ids";
import { roleAssignmentName } from "../../constructs/access/assignment-name";
import { GatewayUsage, type GatewayUsageProps } from "../../constructs/gateway-usage";
import { synthReadable } from "../helpers";

const APIM = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ApiManagement/service/apim-x";
const base: GatewayUsageProps = {
  name: "appi-x",
  location: "swedencentral",
  resourceGroupName: "rg",
  subscriptionId: "00000000-0000-0000-0000-000000000001",
  logAnalyticsWorkspaceId:
    "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log",
  apiManagement: { id: APIM, name: "apim-x", principalId: "11111111-1111-1111-1111-111111111111" },
};
const synth = (props: Partial<GatewayUsageProps> = {}, build?: (u: GatewayUsage) => void) =>
  synthReadable((s: Construct) => {
    const usage = new GatewayUsage(s, "usage", { ...base, ...props });
    build?.(usage);
  }).resource;

describe("GatewayUsage", () => {
  const r = synth();
  const insights = r.azurerm_application_insights.usage;
  const logger = r.azapi_resource.usage_logger;
  const diagnostic = r.azapi_resource.usage_diagnostic;

  it("keeps its data in the workspace and takes no keys", () => {
    expect(insights).toMatchObject({
      workspace_id: base.logAnalyticsWorkspaceId,
      local_authentication_disabled: true,
    });
  });

  it("turns on custom metric dimensions, and writes them again whenever azurerm rewrites the component", () => {
    expect(r.azapi_update_resource.usage_dimensions).toMatchObject({
      type: "Microsoft.Insights/components@2020-02-02",
      resource_id: "${azurerm_application_insights.usage.id}",
      body: { properties: { CustomMetricsOptedInType: "WithDimensions" } },
      // A bare address: Terraform refuses "${…}" here.
      lifecycle: { replace_triggered_by: ["azurerm_application_insights.usage"] },
    });
  });

  it("logs as the gateway's identity, which may publish metrics to this component and nothing more", () => {
    expect(logger.parent_id).toBe(APIM);
    expect(logger.body.properties).toEqual({
      loggerType: "applicationInsights",
      description: expect.any(String),
      resourceId: "${azurerm_application_insights.usage.id}",
      credentials: {
        connectionString: "${azurerm_application_insights.usage.connection_string}",
        identityClientId: "SystemAssigned",
      },
    });
    expect(JSON.stringify(logger)).not.toMatch(/instrumentation_key|instrumentationKey/);
    const grants = Object.entries<any>(r.azurerm_role_assignment);
    expect(grants).toHaveLength(1);
    const [address, grant] = grants[0]!;
    expect(grant).toMatchObject({
      scope: "${azurerm_application_insights.usage.id}",
      principal_id: base.apiManagement.principalId,
      role_definition_id: expect.stringMatching(/\/3913510d-42f4-4e42-8a64-420c390055eb$/),
    });
    // The logger is created once the identity may send.
    expect(logger.depends_on).toEqual([`azurerm_role_assignment.${address}`]);
  });

  it("switches on custom metrics in the gateway's Application Insights diagnostic, through that logger", () => {
    expect(diagnostic).toMatchObject({
      type: "Microsoft.ApiManagement/service/diagnostics@2022-08-01",
      name: "applicationinsights",
      parent_id: APIM,
      body: {
        properties: {
          loggerId: "${azapi_resource.usage_logger.id}",
          metrics: true,
          logClientIp: false,
          sampling: { samplingType: "fixed", percentage: 100 },
        },
      },
    });
    expect(diagnostic.body.properties).not.toHaveProperty("frontend");
    expect(
      synth({ samplingPercentage: 25 }).azapi_resource.usage_diagnostic.body.properties.sampling,
    ).toEqual({ samplingType: "fixed", percentage: 25 });
  });

  it("writes the logger and diagnostic as Microsoft documents them, and tags everything it creates", () => {
    expect(logger).toMatchObject({
      type: "Microsoft.ApiManagement/service/loggers@2022-08-01",
      name: "application-insights",
    });
    expect(logger.body.properties.description).toBe("appi-x, as the gateway's system-assigned identity");
    expect(diagnostic.body.properties).toMatchObject({
      alwaysLog: "allErrors",
      verbosity: "error",
      httpCorrelationProtocol: "W3C",
    });
    expect(insights.application_type).toBe("web");
    const tagged = synth({ tags: { owner: "team" } }, (u) =>
      u.addWorkbook("usage", { displayName: "Usage", data: { version: "Notebook/1.0", items: [] } }),
    );
    expect(tagged.azurerm_application_insights.usage.tags).toEqual({ owner: "team" });
    expect(tagged.azurerm_application_insights_workbook.usage_usage.tags).toEqual({ owner: "team" });
    expect(insights.tags).toEqual({});
  });

  it("grants the publisher role under a name derived from the component's ID", () => {
    const [, grant] = Object.entries<any>(r.azurerm_role_assignment)[0]!;
    const other = Object.values<any>(synth({ name: "appi-y" }).azurerm_role_assignment)[0];
    expect(grant.name).toMatch(/^[0-9a-f-]{36}$/);
    expect(other.name).not.toBe(grant.name);
    // From the component's ID text and the gateway's name (its object ID is known only at apply), the
    // same principal key AiGateway names its grants with.
    expect(grant.name).toBe(
      roleAssignmentName(
        scopeIds.applicationInsights(base.subscriptionId, "rg", "appi-x"),
        GATEWAY_ROLES.metricsPublisher.id,
        "gateway-apim-x",
      ),
    );
  });

  it("refuses a sampling percentage or retention Azure would not take, naming the construct path", () => {
    expect(
      synth({ samplingPercentage: 0 }).azapi_resource.usage_diagnostic.body.properties.sampling.percentage,
    ).toBe(0);
    expect(() => synth({ samplingPercentage: -1 })).toThrow(
      /samplingPercentage must be between 0 and 100 \(got -1\)/,
    );
    expect(() => synth({ samplingPercentage: 101 })).toThrow(
      /^test\/usage: samplingPercentage must be between 0 and 100 \(got 101\)$/,
    );
    expect(() => synth({ retentionInDays: 45 })).toThrow(
      /^test\/usage: retentionInDays must be one of 30, 60, 90/,
    );
    expect(synth({ retentionInDays: 365 }).azurerm_application_insights.usage.retention_in_days).toBe(365);
  });

  it("names each workbook with a lower-case GUID that is the same on every synth and differs per workbook", () => {
    const workbooks = () =>
      synth({}, (u) => {
        u.addWorkbook("usage", { displayName: "Usage", data: { version: "Notebook/1.0", items: [] } });
        u.addWorkbook("errors", { displayName: "Errors", data: { version: "Notebook/1.0", items: [] } });
      }).azurerm_application_insights_workbook;
    const first = workbooks();
    const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(first.usage_usage.name).toMatch(guid);
    expect(first.usage_errors.name).toMatch(guid);
    expect(first.usage_usage.name).not.toBe(first.usage_errors.name);
    expect(workbooks().usage_usage.name).toBe(first.usage_usage.name);
    // Pinned: another derivation would rename, and so replace, every workbook already deployed.
    expect(first.usage_usage.name).toBe("b8c50bb3-922f-5173-8dd1-7173f14b1d67");
    expect(first.usage_usage).toMatchObject({
      source_id: "${lower(azurerm_application_insights.usage.id)}",
      data_json: '{"version":"Notebook/1.0","items":[]}',
    });
  });
});
