import { Testing } from "cdktf";
import type { Construct } from "constructs";
import { AccountAlerts, type AccountAlertsProps } from "../../constructs/account-alerts";
import { ActionGroup } from "../../constructs/action-group";
import { monitoringSchema } from "../../config/monitoring-schema";
import { OpenAiAccount } from "../../constructs/openai-account";
import { synthReadable } from "../helpers";

const base: AccountAlertsProps = {
  accountId: "/subscriptions/x/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai-x",
  accountName: "oai-x",
  resourceGroupName: "rg",
};
const alerts = (props: Partial<AccountAlertsProps> = {}) =>
  synthReadable((s: Construct) => new AccountAlerts(s, "alerts", { ...base, ...props })).resource
    .azurerm_monitor_metric_alert as Record<string, any>;

describe("AccountAlerts", () => {
  it("alerts on 429s, server errors and slow responses of the account, with default thresholds", () => {
    const a = alerts();
    expect(Object.keys(a).sort()).toEqual([
      "alerts_availability",
      "alerts_throttling",
      "alerts_time_to_response",
    ]);
    expect(a.alerts_throttling).toMatchObject({
      name: "oai-x-throttling",
      scopes: [base.accountId],
      window_size: "PT5M",
      criteria: [
        {
          metric_namespace: "Microsoft.CognitiveServices/accounts",
          metric_name: "AzureOpenAIRequests",
          aggregation: "Total",
          operator: "GreaterThan",
          threshold: 25,
          dimension: [{ name: "StatusCode", operator: "Include", values: ["429"] }],
        },
      ],
    });
    expect(a.alerts_availability).toMatchObject({
      severity: 1,
      scopes: [base.accountId],
      window_size: "PT5M",
      criteria: [
        {
          metric_name: "AzureOpenAIAvailabilityRate",
          aggregation: "Average",
          operator: "LessThan",
          threshold: 99,
        },
      ],
    });
    expect(a.alerts_time_to_response).toMatchObject({
      severity: 3,
      scopes: [base.accountId],
      window_size: "PT15M",
      criteria: [
        {
          metric_name: "AzureOpenAITimeToResponse",
          aggregation: "Average",
          operator: "GreaterThan",
          threshold: 10000,
        },
      ],
    });
    expect(a.alerts_throttling.severity).toBe(2);
    for (const alert of Object.values(a)) expect(alert.action).toBeUndefined();
  });

  it("alerts on PTU utilization (V2) only for accounts with provisioned deployments, and notifies the action group", () => {
    const a = alerts({ provisioned: true, provisionedUtilizationPercent: 80, actionGroupId: "/ag" });
    expect(a.alerts_provisioned_utilization).toMatchObject({
      name: "oai-x-provisioned-utilization",
      window_size: "PT5M",
      severity: 2,
      scopes: ["/subscriptions/x/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/oai-x"],
      criteria: [
        {
          metric_name: "AzureOpenAIProvisionedManagedUtilizationV2",
          aggregation: "Maximum",
          operator: "GreaterThan",
          threshold: 80,
        },
      ],
    });
    for (const alert of Object.values(a)) expect(alert.action).toEqual([{ action_group_id: "/ag" }]);
  });

  it("alerts per pay-per-token deployment when its token usage nears its capacity", () => {
    const a = alerts({ deployments: [{ name: "chat-4o", capacityK: 400 }], tokenUsagePercent: 80 });
    expect(a["alerts_usage_chat_4o"]).toMatchObject({
      name: "oai-x-usage-chat-4o",
      description: "oai-x: token usage of deployment chat-4o near its capacity.",
      window_size: "PT5M",
      criteria: [
        {
          metric_name: "TokenTransaction",
          aggregation: "Total",
          operator: "GreaterThan",
          // 400K tokens per minute × 5 minutes × 80%.
          threshold: 1_600_000,
          dimension: [{ name: "ModelDeploymentName", operator: "Include", values: ["chat-4o"] }],
        },
      ],
    });
  });

  it("refuses thresholds Azure or sense would not take, naming the construct path", () => {
    expect(() => alerts({ availabilityPercent: 101 })).toThrow(
      /^test\/alerts: availabilityPercent must be a whole number from 1 to 100 \(%\) \(got 101\)$/,
    );
    expect(() => alerts({ throttledRequests: 0 })).toThrow(/throttledRequests must be a whole number from 1/);
  });

  it("comes with every OpenAiAccount unless turned off", () => {
    const withAccount = (alertsProp?: false) =>
      JSON.parse(
        Testing.synthScope((s) => {
          new OpenAiAccount(s, "openai", {
            name: "oai-x",
            location: "swedencentral",
            resourceGroupName: "rg",
            alerts: alertsProp,
          });
        }),
      ).resource.azurerm_monitor_metric_alert;
    expect(Object.keys(withAccount() ?? {})).toHaveLength(3);
    expect(withAccount(false)).toBeUndefined();
  });
});

describe("ActionGroup", () => {
  it("notifies each address with the common alert schema, globally", () => {
    const json = synthReadable(
      (s) =>
        new ActionGroup(s, "action_group", {
          name: "ag-x",
          shortName: "aoaiprod",
          resourceGroupName: "rg",
          emails: ["a@contoso.com", "b@contoso.com"],
        }),
    );
    expect(json.resource.azurerm_monitor_action_group.action_group).toMatchObject({
      short_name: "aoaiprod",
      location: "global",
      email_receiver: [
        { name: "email-1", email_address: "a@contoso.com", use_common_alert_schema: true },
        { name: "email-2", email_address: "b@contoso.com", use_common_alert_schema: true },
      ],
    });
  });

  it("refuses a short name over 12 characters and addresses that are not addresses", () => {
    const make = (shortName: string, emails: string[]) => () =>
      synthReadable(
        (s) => new ActionGroup(s, "ag", { name: "ag-x", shortName, resourceGroupName: "rg", emails }),
      );
    expect(make("aoai-product", ["a@contoso.com"])).not.toThrow(); // 12, Azure's limit
    expect(make("a", ["a@contoso.com"])).not.toThrow();
    expect(make("aoai-producti", ["a@contoso.com"])).toThrow(
      /ag: shortName must be 1-12 characters \(Azure's limit\) \(got "aoai-producti"\)/,
    );
    expect(make("", ["a@contoso.com"])).toThrow(/shortName must be 1-12 characters/);
    expect(make("aoai", ["not-an-address"])).toThrow(/emails\[0\] must be an e-mail address/);
    expect(make("aoai", [])).toThrow(/ag: emails must name at least one address \(got \[\]\)$/);
  });

  it("carries the tags it is given", () => {
    const json = synthReadable(
      (s) =>
        new ActionGroup(s, "ag", {
          name: "ag-x",
          shortName: "aoai",
          resourceGroupName: "rg",
          emails: ["a@contoso.com"],
          tags: { owner: "team" },
        }),
    );
    expect(json.resource.azurerm_monitor_action_group.ag.tags).toEqual({ owner: "team" });
  });
});

describe("alert thresholds, config and construct", () => {
  it("refuse and accept the same values, with the same words (one table: catalog/alert-thresholds.ts)", () => {
    for (const [name, value, ok] of [
      ["availabilityPercent", 101, false],
      ["availabilityPercent", 100, true],
      ["timeToResponseMs", 99, false],
      ["throttledRequests", 1.5, false],
    ] as const) {
      const config = monitoringSchema.safeParse({ alerts: { [name]: value } });
      const construct = () => alerts({ [name]: value });
      expect([name, value, config.success]).toEqual([name, value, ok]);
      if (ok) expect(construct).not.toThrow();
      else {
        const message = config.error!.issues[0]!.message;
        expect(construct).toThrow(`${name} ${message}`);
      }
    }
  });
});
