/**
 * The small constructs every stack shares: the Log Analytics workspace, the diagnostic setting, and the
 * prop validation that names the construct path, the prop, the value and what is allowed.
 */
import { Fn, TerraformOutput, TerraformStack, Testing } from "cdktf";
import type { Construct } from "constructs";
import { Diagnostics } from "../../constructs/diagnostics";
import { LogWorkspace, type LogWorkspaceProps } from "../../constructs/log-workspace";
import {
  PropError,
  requireLength,
  requireName,
  requireOneOf,
  requireRule,
} from "../../constructs/validation";
import { synthReadable } from "../helpers";

const workspace: LogWorkspaceProps = {
  name: "log-aoai-dev",
  location: "swedencentral",
  resourceGroupName: "rg",
};
const synthWorkspace = (props: Partial<LogWorkspaceProps> = {}) =>
  synthReadable((s: Construct) => {
    const w = new LogWorkspace(s, "logs", { ...workspace, ...props });
    new TerraformOutput(s, "id", { value: w.id });
  });

describe("LogWorkspace", () => {
  it("keeps 90 days by default, takes no shared keys, and is locked and kept from destruction", () => {
    const json = synthWorkspace({ tags: { owner: "team" } });
    const w = json.resource.azurerm_log_analytics_workspace.logs;
    expect(w).toMatchObject({
      name: "log-aoai-dev",
      sku: "PerGB2018",
      retention_in_days: 90,
      local_authentication_enabled: false,
      tags: { owner: "team" },
      lifecycle: { prevent_destroy: true },
    });
    expect(json.resource.azurerm_management_lock.logs_Lock).toMatchObject({
      scope: "${azurerm_log_analytics_workspace.logs.id}",
      lock_level: "CanNotDelete",
      notes: "Protected environment: holds the audit trail of the Azure OpenAI accounts.",
    });
    expect(json.output.id.value).toBe("${azurerm_log_analytics_workspace.logs.id}");
  });

  it("unprotected, has neither lock nor prevent_destroy; keeps the retention asked for", () => {
    const json = synthWorkspace({ protection: false, retentionDays: 30 });
    expect(json.resource.azurerm_management_lock).toBeUndefined();
    expect(json.resource.azurerm_log_analytics_workspace.logs.lifecycle).toBeUndefined();
    expect(json.resource.azurerm_log_analytics_workspace.logs.retention_in_days).toBe(30);
    expect(
      synthWorkspace({ retentionDays: 730 }).resource.azurerm_log_analytics_workspace.logs.retention_in_days,
    ).toBe(730);
  });

  it.each([29, 731, 90.5])("refuses %p days of retention, naming the construct path", (days) => {
    expect(() => synthWorkspace({ retentionDays: days })).toThrow(
      `test/logs: retentionDays must be a whole number of days from 30 to 730 (got ${days})`,
    );
  });

  it("refuses a name Azure would refuse", () => {
    expect(() => synthWorkspace({ name: "lo" })).toThrow(
      /^test\/logs: name must be 4-63 characters \(got "lo"\)$/,
    );
    expect(() => synthWorkspace({ name: "log_aoai" })).toThrow(/^test\/logs: name may hold /);
  });
});

describe("Diagnostics", () => {
  const synth = (props: Partial<ConstructorParameters<typeof Diagnostics>[2]> = {}) =>
    synthReadable((s: Construct) => {
      new Diagnostics(s, "diag", {
        targetResourceId: "/subscriptions/s/x",
        logAnalyticsWorkspaceId: "/subscriptions/s/log",
        ...props,
      });
    }).resource.azurerm_monitor_diagnostic_setting.diag;

  it("sends audit and all logs and all metrics to the workspace's resource-specific tables by default", () => {
    expect(synth()).toMatchObject({
      name: "diag-to-log-analytics",
      target_resource_id: "/subscriptions/s/x",
      log_analytics_workspace_id: "/subscriptions/s/log",
      log_analytics_destination_type: "Dedicated",
      enabled_log: [{ category_group: "audit" }, { category_group: "allLogs" }],
      enabled_metric: [{ category: "AllMetrics" }],
    });
  });

  it("takes other category groups, metric categories and a name", () => {
    expect(synth({ name: "d", categoryGroups: ["audit"], metricCategories: ["Transaction"] })).toMatchObject({
      name: "d",
      enabled_log: [{ category_group: "audit" }],
      enabled_metric: [{ category: "Transaction" }],
    });
  });
});

describe("prop validation", () => {
  /** Runs a check in a fresh stack named "stack". */
  const at = (check: (s: Construct) => void) => () => check(new TerraformStack(Testing.app(), "stack"));

  it("names the construct path, the prop, what is allowed and the value", () => {
    expect(at((s) => requireOneOf(s, "tier", "Gold", ["Standard", "Premium"]))).toThrow(
      'stack: tier must be one of: Standard, Premium (got "Gold")',
    );
    expect(at((s) => requireLength(s, "name", "ab", 3, 5))).toThrow(
      'stack: name must be 3-5 characters (got "ab")',
    );
    expect(at((s) => requireLength(s, "name", "abcdef", 3, 5))).toThrow(/must be 3-5 characters/);
    expect(at((s) => requireRule(s, "ranges", "x", "cidr", "entries"))).toThrow(
      /^stack: ranges entries must be an IPv4 CIDR range/,
    );
    expect(at((s) => requireRule(s, "tenantId", "contoso", "guid"))).toThrow(
      /^stack: tenantId must be a GUID \(got "contoso"\)$/,
    );
  });

  it("is a PropError, so callers can tell it from a bug", () => {
    let error: unknown;
    try {
      at((s) => requireOneOf(s, "tier", "Gold", ["Standard"]))();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PropError);
    expect((error as Error).name).toBe("PropError");
  });

  it("accepts the bounds and allowed values", () => {
    expect(at((s) => requireLength(s, "name", "abc", 3, 5))).not.toThrow();
    expect(at((s) => requireLength(s, "name", "abcde", 3, 5))).not.toThrow();
    expect(at((s) => requireOneOf(s, "tier", "Premium", ["Standard", "Premium"]))).not.toThrow();
    expect(at((s) => requireName(s, "name", "log-aoai", "logAnalyticsWorkspace"))).not.toThrow();
  });

  it("leaves values only known at apply time to Azure", () => {
    expect(at((s) => requireOneOf(s, "tier", Fn.lower("GOLD"), ["Standard"]))).not.toThrow();
    expect(at((s) => requireLength(s, "name", Fn.lower("A"), 3, 5))).not.toThrow();
  });
});
