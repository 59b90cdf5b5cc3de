/**
 * AccountAlerts: Azure Monitor metric alerts on an Azure OpenAI account, so the platform team hears of
 * running out of capacity before its users do.
 *
 * Meets: enterprise operations (capacity and health). Azure facts that shaped it (supported metrics of
 * Microsoft.CognitiveServices/accounts, MicrosoftDocs/azure-monitor-docs, ms.date 2026-07-31; azurerm
 * v4.55.0 monitor_metric_alert):
 * - throttling: `AzureOpenAIRequests` (Count, Total) filtered on the `StatusCode` dimension = 429. A metric
 *   alert takes one metric per criterion, so it counts 429s in a window rather than a rate;
 * - server errors: `AzureOpenAIAvailabilityRate` (Percent, Average) = (calls − HTTP ≥ 500) / calls;
 * - latency: `AzureOpenAITimeToResponse` (ms, Average); Azure does not emit it for Standard deployments;
 * - provisioned deployments: `AzureOpenAIProvisionedManagedUtilizationV2` (Percent, Maximum; V1 is
 *   deprecated); at 100% calls get 429;
 * - one resource per alert: multi-resource metric alerts do not cover Cognitive Services.
 */
import { Construct } from "constructs";
import {
  ALERT_THRESHOLD_NAMES,
  ALERT_THRESHOLDS,
  thresholdProblem,
  type AlertThreshold,
} from "../../catalog/alert-thresholds";
import { type MonitorMetricAlert, type MonitorMetricAlertCriteria } from "../azurerm";
import { addMetricAlert } from "../metric-alert";
import { PropError } from "../validation";

export interface AccountAlertThresholds {
  /**
   * HTTP 429 responses in 5 minutes above which the account is throttling callers.
   * @default 25
   */
  readonly throttledRequests?: number;
  /**
   * Share of calls (%) that must succeed without a server error over 5 minutes.
   * @default 99
   */
  readonly availabilityPercent?: number;
  /**
   * Average time to response (ms) over 15 minutes above which callers wait too long.
   * @default 10000
   */
  readonly timeToResponseMs?: number;
  /**
   * Provisioned-managed utilization (%) above which PTU deployments are about to throttle.
   * @default 90
   */
  readonly provisionedUtilizationPercent?: number;
  /**
   * Share (%) of a standard deployment's tokens-per-minute capacity above which its usage alert fires.
   * @default 90
   */
  readonly tokenUsagePercent?: number;
}

export interface AccountAlertsProps extends AccountAlertThresholds {
  /** The account's resource ID. */
  readonly accountId: string;
  /** The account's name, in each alert's name. */
  readonly accountName: string;
  readonly resourceGroupName: string;
  /**
   * Action group notified when an alert fires.
   * @default none: the alert shows in Azure Monitor and notifies no one
   */
  readonly actionGroupId?: string;
  /**
   * Alert on provisioned-managed utilization (the account has PTU deployments).
   * @default false
   */
  readonly provisioned?: boolean;
  /**
   * Standard (pay-per-token) deployments, each alerted when its token usage nears its capacity.
   * @default none
   */
  readonly deployments?: readonly { readonly name: string; readonly capacityK: number }[];
  /**
   * @default no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

const NAMESPACE = "Microsoft.CognitiveServices/accounts";

/** The alert names, by construct ID: what each one watches. */
export const ACCOUNT_ALERTS = {
  throttling: "HTTP 429 responses: the account's quota or PTUs are exhausted",
  availability: "server errors (HTTP 5xx): the service is failing calls",
  time_to_response: "slow responses",
  provisioned_utilization: "provisioned (PTU) utilization: throttling is near",
} as const;

export class AccountAlerts extends Construct {
  readonly alerts: Readonly<Partial<Record<keyof typeof ACCOUNT_ALERTS, MonitorMetricAlert>>>;

  constructor(scope: Construct, id: string, props: AccountAlertsProps) {
    super(scope, id);
    // Defaults and ranges from the catalog, the same the config schema applies.
    const t = {} as Record<AlertThreshold, number>;
    for (const name of ALERT_THRESHOLD_NAMES) {
      t[name] = props[name] ?? ALERT_THRESHOLDS[name].default;
      const problem = thresholdProblem(name, t[name]);
      if (problem) throw new PropError(this, name, t[name], problem);
    }

    const target = {
      id: props.accountId,
      name: props.accountName,
      resourceGroupName: props.resourceGroupName,
      actionGroupId: props.actionGroupId,
      tags: props.tags,
    };
    const alert = (
      key: keyof typeof ACCOUNT_ALERTS,
      severity: number,
      window: string,
      criterion: Omit<MonitorMetricAlertCriteria, "metricNamespace">,
    ) =>
      addMetricAlert(this, key, target, {
        key,
        what: ACCOUNT_ALERTS[key],
        severity,
        window,
        criterion: { metricNamespace: NAMESPACE, ...criterion },
      });

    this.alerts = {
      throttling: alert("throttling", 2, "PT5M", {
        metricName: "AzureOpenAIRequests",
        aggregation: "Total",
        operator: "GreaterThan",
        threshold: t.throttledRequests,
        dimension: [{ name: "StatusCode", operator: "Include", values: ["429"] }],
      }),
      availability: alert("availability", 1, "PT5M", {
        metricName: "AzureOpenAIAvailabilityRate",
        aggregation: "Average",
        operator: "LessThan",
        threshold: t.availabilityPercent,
      }),
      time_to_response: alert("time_to_response", 3, "PT15M", {
        metricName: "AzureOpenAITimeToResponse",
        aggregation: "Average",
        operator: "GreaterThan",
        threshold: t.timeToResponseMs,
      }),
      ...(props.provisioned
        ? {
            provisioned_utilization: alert("provisioned_utilization", 2, "PT5M", {
              metricName: "AzureOpenAIProvisionedManagedUtilizationV2",
              aggregation: "Maximum",
              operator: "GreaterThan",
              threshold: t.provisionedUtilizationPercent,
            }),
          }
        : {}),
    };
    // A deployment's capacity is thousands of tokens per minute; over the 5-minute window that is ×5000.
    for (const d of props.deployments ?? []) {
      const key = `usage_${d.name.replace(/[^A-Za-z0-9]/g, "_")}`;
      addMetricAlert(this, key, target, {
        key,
        what: `token usage of deployment ${d.name} near its capacity`,
        severity: 3,
        window: "PT5M",
        criterion: {
          metricNamespace: NAMESPACE,
          metricName: "TokenTransaction",
          aggregation: "Total",
          operator: "GreaterThan",
          threshold: Math.round(d.capacityK * 1000 * 5 * (t.tokenUsagePercent / 100)),
          dimension: [{ name: "ModelDeploymentName", operator: "Include", values: [d.name] }],
        },
      });
    }
  }
}
