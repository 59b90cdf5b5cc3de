/**
 * Diagnostics: sends a resource's logs and metrics to a Log Analytics workspace.
 *
 * Meets: enterprise security (audit trail). Azure constraints: category groups `audit` and
 * `allLogs` cover the Audit, RequestResponse, Trace and AzureOpenAIRequestUsage categories of
 * Microsoft.CognitiveServices/accounts; the `metric` block is deprecated in azurerm 4.x in favour of
 * `enabled_metric`; "Dedicated" writes resource-specific tables instead of AzureDiagnostics.
 */
import { Construct } from "constructs";
import { MonitorDiagnosticSetting } from "../azurerm";

export interface DiagnosticsProps {
  /** Resource ID whose logs are sent. */
  readonly targetResourceId: string;
  readonly logAnalyticsWorkspaceId: string;
  /**
   * @default "diag-to-log-analytics"
   */
  readonly name?: string;
  /**
   * @default ["audit", "allLogs"]
   */
  readonly categoryGroups?: readonly string[];
  /**
   * Metric categories; blob services have "Transaction" and "Capacity" rather than "AllMetrics".
   * @default ["AllMetrics"]
   */
  readonly metricCategories?: readonly string[];
}

export class Diagnostics extends Construct {
  readonly id: string;

  constructor(scope: Construct, id: string, props: DiagnosticsProps) {
    super(scope, id);
    const setting = new MonitorDiagnosticSetting(this, "Resource", {
      name: props.name ?? "diag-to-log-analytics",
      targetResourceId: props.targetResourceId,
      logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
      logAnalyticsDestinationType: "Dedicated",
      enabledLog: (props.categoryGroups ?? ["audit", "allLogs"]).map((categoryGroup) => ({ categoryGroup })),
      enabledMetric: (props.metricCategories ?? ["AllMetrics"]).map((category) => ({ category })),
    });
    this.id = setting.id;
  }
}
