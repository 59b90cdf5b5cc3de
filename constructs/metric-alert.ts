/**
 * One Azure Monitor metric alert on one resource, the way every alert here is written: named
 * `<resource>-<key>`, evaluated every minute over its window, notifying the action group when there is
 * one. Multi-resource metric alerts do not cover Cognitive Services or API Management, so each alert has
 * a single scope.
 */
import type { Construct } from "constructs";
import { MonitorMetricAlert, type MonitorMetricAlertCriteria } from "./azurerm";

export interface AlertTarget {
  readonly id: string;
  readonly name: string;
  readonly resourceGroupName: string;
  readonly actionGroupId?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

export interface AlertSpec {
  /** In the alert's name: `<resource>-<key with - for _>`. */
  readonly key: string;
  /** What it means, after "<resource>: " in the description. */
  readonly what: string;
  readonly severity: number;
  /** ISO 8601 evaluation window, e.g. PT5M. */
  readonly window: string;
  readonly criterion: MonitorMetricAlertCriteria;
}

export function addMetricAlert(
  scope: Construct,
  id: string,
  target: AlertTarget,
  spec: AlertSpec,
): MonitorMetricAlert {
  return new MonitorMetricAlert(scope, id, {
    name: `${target.name}-${spec.key.replace(/_/g, "-")}`,
    resourceGroupName: target.resourceGroupName,
    scopes: [target.id],
    description: `${target.name}: ${spec.what}.`,
    severity: spec.severity,
    frequency: "PT1M",
    windowSize: spec.window,
    criteria: [spec.criterion],
    action: target.actionGroupId ? [{ actionGroupId: target.actionGroupId }] : undefined,
    tags: { ...target.tags },
  });
}
