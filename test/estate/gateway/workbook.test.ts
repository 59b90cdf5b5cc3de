/**
 * The usage workbook queries what the policy emits (the same metric and dimension names) and maps every
 * account the gateway fronts to its region.
 */
import { gatewayPolicyXml } from "../../../estate/gateway/policy";
import { TOTAL_TOKENS_METRIC, usageWorkbook } from "../../../estate/gateway/workbook";
import { loadEnvironments } from "../../../config/load";
import { resolveEstate } from "../../../estate/resolve";

// The bundled estate, resolved only: the workbook is decided before any stack exists.
const estate = resolveEstate(loadEnvironments("config/environments"));
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

describe("the usage workbook, as the portal stores it", () => {
  // A gateway of two accounts; only its name and accounts matter to the workbook.
  const small = {
    name: "apim-x",
    accounts: [
      { name: "OAI-Sdc", location: "swedencentral", resourceId: "/a" },
      { name: "oai-frc", location: "francecentral", resourceId: "/b" },
    ],
  } as unknown as Parameters<typeof usageWorkbook>[0];
  const { displayName, data } = usageWorkbook(small, { logAnalyticsWorkspaceId: WORKSPACE });
  const [about, parameters, perTeam, perDeployment, table, perRegion] = data.items as any[];
  const chart = (name: string, title: string, query: string[], visualization: string) => ({
    type: 3,
    name,
    content: {
      version: "KqlItem/1.0",
      title,
      query: query.join("\n"),
      size: 0,
      queryType: 0,
      resourceType: "microsoft.insights/components",
      timeContextFromParameter: "TimeRange",
      visualization,
    },
  });

  it("is an unlocked Notebook/1.0 named after the gateway, opening with what it counts", () => {
    expect(displayName).toBe("Azure OpenAI usage (apim-x)");
    expect(data.version).toBe("Notebook/1.0");
    expect(data.isLocked).toBe(false);
    expect(data.items).toHaveLength(6);
    expect(about).toEqual({
      type: 1,
      name: "about",
      content: {
        json:
          "## Azure OpenAI usage through apim-x\n\nTokens per team and deployment count the gateway's callers; " +
          "tokens per region count every caller of the accounts, from their own metrics.",
      },
    });
  });

  it("offers time ranges from an hour to 30 days, a day by default", () => {
    expect(parameters).toEqual({
      type: 9,
      name: "parameters",
      content: {
        version: "KqlParameterItem/1.0",
        parameters: [
          {
            id: "time-range",
            version: "KqlParameterItem/1.0",
            name: "TimeRange",
            label: "Time range",
            type: 4,
            isRequired: true,
            value: { durationMs: 86_400_000 },
            typeSettings: {
              selectableValues: [
                { durationMs: 3_600_000 },
                { durationMs: 14_400_000 },
                { durationMs: 86_400_000 },
                { durationMs: 604_800_000 },
                { durationMs: 2_592_000_000 },
              ],
            },
          },
        ],
        style: "pills",
        queryType: 0,
        resourceType: "microsoft.insights/components",
      },
    });
  });

  it("sums the gateway's Total Tokens per team, per deployment, and per both, in the chosen range", () => {
    const by = (dimension: string) => [
      "customMetrics",
      '| where name == "Total Tokens"',
      `| extend ${dimension} = tostring(customDimensions["${dimension}"])`,
      `| summarize Tokens = sum(valueSum) by ${dimension}, bin(timestamp, {TimeRange:grain})`,
    ];
    expect(perTeam).toEqual(chart("tokens-per-team", "Tokens per team", by("Team"), "timechart"));
    expect(perDeployment).toEqual(
      chart("tokens-per-deployment", "Tokens per deployment", by("Deployment"), "timechart"),
    );
    expect(table).toEqual(
      chart(
        "tokens-per-team-and-deployment",
        "Tokens per team and deployment",
        [
          "customMetrics",
          '| where name == "Total Tokens"',
          '| extend Team = tostring(customDimensions["Team"]), Deployment = tostring(customDimensions["Deployment"])',
          "| summarize Tokens = sum(valueSum) by Team, Deployment",
          "| order by Tokens desc",
        ],
        "table",
      ),
    );
  });

  it("sums every caller's tokens per region from the workspace, matching account names in lower case", () => {
    expect(perRegion).toEqual({
      type: 3,
      name: "tokens-per-region",
      content: {
        version: "KqlItem/1.0",
        title: "Tokens per region (every caller)",
        query: [
          'let accounts = datatable(Account: string, Region: string) ["oai-sdc", "swedencentral", "oai-frc", "francecentral"];',
          "AzureMetrics",
          '| where ResourceProvider == "MICROSOFT.COGNITIVESERVICES" and MetricName == "TokenTransaction"',
          "| extend Account = tolower(Resource)",
          "| join kind=inner accounts on Account",
          "| summarize Tokens = sum(Total) by Region, bin(TimeGenerated, {TimeRange:grain})",
        ].join("\n"),
        size: 0,
        queryType: 0,
        resourceType: "microsoft.operationalinsights/workspaces",
        crossComponentResources: [WORKSPACE],
        timeContextFromParameter: "TimeRange",
        visualization: "timechart",
      },
    });
  });
});
