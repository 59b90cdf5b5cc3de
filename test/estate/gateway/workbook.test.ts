/**
 * The usage workbook queries what the policy emits (the same metric and dimension names) and maps every
 * account the gateway fronts to its region.
 */
import { gatewayPolicyXml } from "../../../estate/gateway/policy";
import { TOTAL_TOKENS_METRIC, usageWorkbook } from "../../../estate/gateway/workbook";
import { synthBundledEstate } from "../../stacks/bundled";

const { estate } = synthBundledEstate();
const gateway = estate.environments.find((e) => e.gateway)!.gateway!;
const WORKSPACE = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log";
const workbook = usageWorkbook(gateway, { logAnalyticsWorkspaceId: WORKSPACE });
const items = workbook.data.items as any[];
const item = (name: string) => items.find((i) => i.name === name)!.content;

describe("the usage workbook", () => {
  it("charts tokens per team and per deployment by the dimensions the policy emits", () => {
    const policy = gatewayPolicyXml(gateway);
    const emitted = [...policy.matchAll(/<dimension name="([^"]+)"/g)].map((m) => m[1]!);
    expect(emitted.sort()).toEqual(["Deployment", "Team"]);
    for (const [name, dimension] of [
      ["tokens-per-team", "Team"],
      ["tokens-per-deployment", "Deployment"],
    ] as const) {
      const q = item(name);
      expect(emitted).toContain(dimension);
      expect(q.query).toContain(`where name == "${TOTAL_TOKENS_METRIC}"`);
      expect(q.query).toContain(`customDimensions["${dimension}"]`);
      expect(q.query).toMatch(new RegExp(`by ${dimension}, bin\\(timestamp`));
      expect(q).toMatchObject({ resourceType: "microsoft.insights/components", visualization: "timechart" });
    }
    // The policy's metric is the one the workbook sums (llm-emit-token-metric emits "Total Tokens").
    expect(policy).toContain("<llm-emit-token-metric");
  });

  it("maps every account the gateway fronts to its region, from the workspace the accounts report to", () => {
    const q = item("tokens-per-region");
    expect(q.crossComponentResources).toEqual([WORKSPACE]);
    expect(gateway.accounts.length).toBeGreaterThan(1);
    const rows = [...q.query.matchAll(/"([^"]+)", "([^"]+)"/g)].map((m: RegExpMatchArray) => [m[1], m[2]]);
    expect(rows).toEqual(gateway.accounts.map((a) => [a.name.toLowerCase(), a.location]));
    expect(q.query).toContain('MetricName == "TokenTransaction"');
  });

  it("lets the reader choose the time range every chart uses", () => {
    const charts = items.filter((i) => i.type === 3);
    expect(charts.length).toBe(4);
    const parameter = item("parameters").parameters[0];
    for (const c of charts) expect(c.content.timeContextFromParameter).toBe(parameter.name);
  });
});
