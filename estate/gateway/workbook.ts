/**
 * The usage workbook the gateway stack puts on its Application Insights component: tokens per team and
 * per deployment through the gateway (the policy's `llm-emit-token-metric`, dimensions Team and
 * Deployment), and tokens per region from the accounts' own metrics, which count every caller, not only
 * the gateway's (the accounts send AllMetrics to the workspace, table AzureMetrics, metric
 * TokenTransaction). Workbook JSON as the portal saves it ("Notebook/1.0"); the metric names are those
 * llm-emit-token-metric emits (learn.microsoft.com/azure/api-management/llm-emit-token-metric-policy,
 * checked 2026-12-04).
 */
import type { GatewayEstate } from "../types";

/** The metric llm-emit-token-metric sends for prompt plus completion tokens. */
export const TOTAL_TOKENS_METRIC = "Total Tokens";

const COMPONENTS = "microsoft.insights/components";
const WORKSPACES = "microsoft.operationalinsights/workspaces";
const TIME_RANGE = "TimeRange";

/** A KQL string literal (double quotes, backslash escapes). */
const kql = (text: string) => JSON.stringify(text);

function query(
  name: string,
  title: string,
  lines: readonly string[],
  visualization: "timechart" | "table",
  scope: { readonly resourceType: string; readonly resources?: readonly string[] } = {
    resourceType: COMPONENTS,
  },
) {
  return {
    type: 3,
    name,
    content: {
      version: "KqlItem/1.0",
      title,
      query: lines.join("\n"),
      size: 0,
      queryType: 0,
      resourceType: scope.resourceType,
      ...(scope.resources ? { crossComponentResources: scope.resources } : {}),
      timeContextFromParameter: TIME_RANGE,
      visualization,
    },
  };
}

/** Tokens through the gateway, summed per value of one of the policy's dimensions. */
const gatewayTokensBy = (dimension: string) => [
  `customMetrics`,
  `| where name == ${kql(TOTAL_TOKENS_METRIC)}`,
  `| extend ${dimension} = tostring(customDimensions[${kql(dimension)}])`,
  `| summarize Tokens = sum(valueSum) by ${dimension}, bin(timestamp, {${TIME_RANGE}:grain})`,
];

export function usageWorkbook(
  gateway: GatewayEstate,
  sources: { readonly logAnalyticsWorkspaceId: string },
): { readonly displayName: string; readonly data: Record<string, unknown> } {
  const accounts = gateway.accounts.map((a) => `${kql(a.name.toLowerCase())}, ${kql(a.location)}`);
  return {
    displayName: `Azure OpenAI usage (${gateway.name})`,
    data: {
      version: "Notebook/1.0",
      items: [
        {
          type: 1,
          name: "about",
          content: {
            json: [
              `## Azure OpenAI usage through ${gateway.name}`,
              "Tokens per team and deployment count the gateway's callers; tokens per region count every " +
                "caller of the accounts, from their own metrics.",
            ].join("\n\n"),
          },
        },
        {
          type: 9,
          name: "parameters",
          content: {
            version: "KqlParameterItem/1.0",
            parameters: [
              {
                id: "time-range",
                version: "KqlParameterItem/1.0",
                name: TIME_RANGE,
                label: "Time range",
                type: 4,
                isRequired: true,
                value: { durationMs: 86_400_000 },
                typeSettings: {
                  selectableValues: [3_600_000, 14_400_000, 86_400_000, 604_800_000, 2_592_000_000].map(
                    (durationMs) => ({ durationMs }),
                  ),
                },
              },
            ],
            style: "pills",
            queryType: 0,
            resourceType: COMPONENTS,
          },
        },
        query("tokens-per-team", "Tokens per team", gatewayTokensBy("Team"), "timechart"),
        query("tokens-per-deployment", "Tokens per deployment", gatewayTokensBy("Deployment"), "timechart"),
        query(
          "tokens-per-team-and-deployment",
          "Tokens per team and deployment",
          [
            `customMetrics`,
            `| where name == ${kql(TOTAL_TOKENS_METRIC)}`,
            `| extend Team = tostring(customDimensions["Team"]), Deployment = tostring(customDimensions["Deployment"])`,
            `| summarize Tokens = sum(valueSum) by Team, Deployment`,
            `| order by Tokens desc`,
          ],
          "table",
        ),
        query(
          "tokens-per-region",
          "Tokens per region (every caller)",
          [
            `let accounts = datatable(Account: string, Region: string) [${accounts.join(", ")}];`,
            `AzureMetrics`,
            `| where ResourceProvider == "MICROSOFT.COGNITIVESERVICES" and MetricName == "TokenTransaction"`,
            `| extend Account = tolower(Resource)`,
            `| join kind=inner accounts on Account`,
            `| summarize Tokens = sum(Total) by Region, bin(TimeGenerated, {${TIME_RANGE}:grain})`,
          ],
          "timechart",
          { resourceType: WORKSPACES, resources: [sources.logAnalyticsWorkspaceId] },
        ),
      ],
      isLocked: false,
    },
  };
}
