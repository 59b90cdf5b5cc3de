/**
 * GatewayUsage: where the gateway's token metrics land, keyless. A workspace-based Application Insights
 * component that takes no keys, custom metric dimensions switched on (or the Team and Deployment
 * dimensions are dropped at ingestion), the gateway's identity as Monitoring Metrics Publisher on it, an
 * API Management logger that authenticates as that identity, and the service diagnostic with custom
 * metrics on, which `llm-emit-token-metric` needs to send anything.
 *
 * azurerm 4.55 lacks three of these, so azapi carries them (constructs/azapi.ts):
 * - `CustomMetricsOptedInType` on the component (no azurerm argument);
 * - a logger with managed-identity credentials: azurerm's takes a connection string or instrumentation
 *   key only and would need local authentication left on (`identity_client_id` arrives in 4.81);
 * - the diagnostic's `metrics` flag (hashicorp/terraform-provider-azurerm#28487). The whole diagnostic
 *   is an azapi resource, so no azurerm update can write it back without the flag.
 * Sources: learn.microsoft.com/azure/api-management/api-management-howto-app-insights (managed identity
 * logger, Monitoring Metrics Publisher), llm-emit-token-metric-policy (prerequisites), checked 2026-12-04.
 */
import { Fn, dependable } from "cdktf";
import { Construct } from "constructs";
import { scopeIds } from "../../catalog/resource-ids";
import { GATEWAY_ROLES } from "../../catalog/roles";
import { Access } from "../access";
import { uuidV5 } from "../access/assignment-name";
import {
  API_MANAGEMENT_API_VERSION,
  AzapiResource,
  AzapiUpdateResource,
  INSIGHTS_COMPONENTS_API_VERSION,
} from "../azapi";
import { ApplicationInsights, ApplicationInsightsWorkbook } from "../azurerm";
import { PropError } from "../validation";

export interface GatewayUsageProps {
  /** Name of the Application Insights component. */
  readonly name: string;
  readonly location: string;
  readonly resourceGroupName: string;
  readonly subscriptionId: string;
  /** The Log Analytics workspace that keeps the component's data. */
  readonly logAnalyticsWorkspaceId: string;
  /** The API Management service whose metrics and requests it receives, and its system identity. */
  readonly apiManagement: {
    readonly id: string;
    readonly name: string;
    readonly principalId: string;
  };
  /**
   * Percentage of requests the gateway sends to Application Insights as request telemetry, 0-100.
   * @default 100
   */
  readonly samplingPercentage?: number;
  /**
   * Days Application Insights keeps the data.
   * @default 90
   */
  readonly retentionInDays?: number;
  /**
   * @default no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Namespace of workbook names (a random v4 UUID): workbooks are named by GUID only. */
const WORKBOOK_NAMESPACE = "9c1e4b27-6d3a-4f58-8e21-5b7a0c3d9f64";

/** Retention values Application Insights accepts (azurerm application_insights `retention_in_days`). */
const RETENTION_DAYS = [30, 60, 90, 120, 180, 270, 365, 550, 730] as const;

export class GatewayUsage extends Construct {
  readonly applicationInsightsId: string;
  private readonly props: GatewayUsageProps;

  constructor(scope: Construct, id: string, props: GatewayUsageProps) {
    super(scope, id);
    const sampling = props.samplingPercentage ?? 100;
    if (!(sampling >= 0 && sampling <= 100))
      throw new PropError(this, "samplingPercentage", sampling, "must be between 0 and 100");
    const retention = props.retentionInDays ?? 90;
    if (!(RETENTION_DAYS as readonly number[]).includes(retention))
      throw new PropError(this, "retentionInDays", retention, `must be one of ${RETENTION_DAYS.join(", ")}`);
    this.props = props;
    const tags = { ...props.tags };

    const insights = new ApplicationInsights(this, "Resource", {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      applicationType: "web",
      workspaceId: props.logAnalyticsWorkspaceId,
      retentionInDays: retention,
      // Entra ID only: the gateway sends as its identity, nothing holds a usable key.
      localAuthenticationDisabled: true,
      tags,
    });
    this.applicationInsightsId = insights.id;

    new AzapiUpdateResource(this, "dimensions", {
      type: `Microsoft.Insights/components@${INSIGHTS_COMPONENTS_API_VERSION}`,
      resourceId: insights.id,
      body: { properties: { CustomMetricsOptedInType: "WithDimensions" } },
      // azurerm writes the whole component on any change, without this property: write it again then.
      // replace_triggered_by takes a bare address; cdktf would write a resource as "${…}".
      lifecycle: { replaceTriggeredBy: [dependable(insights)] },
    });

    const publisher = GATEWAY_ROLES.metricsPublisher;
    const access = new Access(this, "access", {
      subscriptionId: props.subscriptionId,
      grants: [
        {
          key: "metrics-publisher",
          principal: {
            objectId: props.apiManagement.principalId,
            key: `gateway-${props.apiManagement.name}`,
            type: "ServicePrincipal",
            displayName: props.apiManagement.name,
          },
          roleId: publisher.id,
          roleName: publisher.name,
          scope: insights.id,
          scopeId: scopeIds.applicationInsights(props.subscriptionId, props.resourceGroupName, props.name),
        },
      ],
    });

    const logger = new AzapiResource(this, "logger", {
      type: `Microsoft.ApiManagement/service/loggers@${API_MANAGEMENT_API_VERSION}`,
      name: "application-insights",
      parentId: props.apiManagement.id,
      body: {
        properties: {
          loggerType: "applicationInsights",
          description: `${props.name}, as the gateway's system-assigned identity`,
          resourceId: insights.id,
          // The connection string only addresses the component; with local authentication off it
          // carries no usable credential, the identity does.
          credentials: { connectionString: insights.connectionString, identityClientId: "SystemAssigned" },
        },
      },
      dependsOn: Object.values(access.assignments),
    });

    new AzapiResource(this, "diagnostic", {
      type: `Microsoft.ApiManagement/service/diagnostics@${API_MANAGEMENT_API_VERSION}`,
      // The only name API Management accepts for the Application Insights diagnostic.
      name: "applicationinsights",
      parentId: props.apiManagement.id,
      body: {
        properties: {
          loggerId: logger.id,
          // Custom metrics (llm-emit-token-metric) reach Application Insights only with this flag.
          metrics: true,
          alwaysLog: "allErrors",
          sampling: { samplingType: "fixed", percentage: sampling },
          verbosity: "error",
          // No caller IP addresses and no bodies: usage, not content.
          logClientIp: false,
          httpCorrelationProtocol: "W3C",
        },
      },
    });
  }

  /**
   * A workbook over this component (its `source_id`), shown under it in the portal. Its name is a
   * version-5 GUID of the construct path, so it stays the same across synths.
   */
  addWorkbook(
    id: string,
    workbook: { readonly displayName: string; readonly data: Record<string, unknown> },
  ): ApplicationInsightsWorkbook {
    return new ApplicationInsightsWorkbook(this, id, {
      name: uuidV5(`${this.node.path}/${id}`, WORKBOOK_NAMESPACE),
      displayName: workbook.displayName,
      location: this.props.location,
      resourceGroupName: this.props.resourceGroupName,
      // Azure stores the source in lower case; anything else shows as a change on every plan.
      sourceId: Fn.lower(this.applicationInsightsId),
      dataJson: JSON.stringify(workbook.data),
      tags: { ...this.props.tags },
    });
  }
}
