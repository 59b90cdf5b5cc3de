/** addMetricAlert: the shape every alert of the estate shares. */
import { addMetricAlert } from "../../constructs/metric-alert";
import { synthReadable } from "../helpers";

const criterion = {
  metricNamespace: "Microsoft.CognitiveServices/accounts",
  metricName: "TokenTransaction",
  aggregation: "Total",
  operator: "GreaterThan",
  threshold: 10,
};

describe("addMetricAlert", () => {
  it("names the alert after the resource and key, describes it, checks every minute and notifies the group", () => {
    const json = synthReadable((s) => {
      addMetricAlert(
        s,
        "alert",
        {
          id: "/subscriptions/s/accounts/oai",
          name: "oai-dev",
          resourceGroupName: "rg",
          actionGroupId: "/ag",
          tags: { owner: "team" },
        },
        { key: "token_usage", what: "tokens near capacity", severity: 2, window: "PT5M", criterion },
      );
    });
    expect(json.resource.azurerm_monitor_metric_alert.alert).toEqual({
      name: "oai-dev-token-usage",
      resource_group_name: "rg",
      scopes: ["/subscriptions/s/accounts/oai"],
      description: "oai-dev: tokens near capacity.",
      severity: 2,
      frequency: "PT1M",
      window_size: "PT5M",
      criteria: [
        {
          metric_namespace: "Microsoft.CognitiveServices/accounts",
          metric_name: "TokenTransaction",
          aggregation: "Total",
          operator: "GreaterThan",
          threshold: 10,
        },
      ],
      action: [{ action_group_id: "/ag" }],
      tags: { owner: "team" },
    });
  });

  it("has no action without an action group", () => {
    const json = synthReadable((s) => {
      addMetricAlert(
        s,
        "alert",
        { id: "/x", name: "x", resourceGroupName: "rg" },
        { key: "k", what: "w", severity: 1, window: "PT1M", criterion },
      );
    });
    expect(json.resource.azurerm_monitor_metric_alert.alert.action).toBeUndefined();
    expect(json.resource.azurerm_monitor_metric_alert.alert.tags).toEqual({});
  });
});
