/**
 * `<env>-gateway`: the AI gateway in front of the environment's accounts (estate/gateway/). It reads
 * only literal names and IDs of the region stacks (account IDs, the VNet), so the dependency runs one
 * way: regions first, then the gateway, whose identity is granted on each account here. Its token
 * metrics go to its own Application Insights (constructs/gateway-usage), with a usage workbook.
 */
import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import { AiGateway } from "../constructs/ai-gateway";
import { AzapiProvider } from "../constructs/azapi";
import { GatewayUsage } from "../constructs/gateway-usage";
import { gatewayPolicyXml } from "../estate/gateway/policy";
import { usageWorkbook } from "../estate/gateway/workbook";
import type { EnvironmentEstate, GatewayEstate } from "../estate/types";
import { PlatformStack } from "./platform-stack";

export interface GatewayStackProps {
  readonly env: EnvironmentEstate;
  readonly gateway: GatewayEstate;
  readonly logAnalyticsWorkspaceId: string;
  readonly actionGroupId?: string;
}

export class GatewayStack extends PlatformStack {
  readonly gateway: AiGateway;
  readonly usage: GatewayUsage;

  constructor(scope: Construct, props: GatewayStackProps) {
    const { env, gateway } = props;
    super(scope, gateway.stackName, env);
    this.gateway = new AiGateway(this, "gateway", {
      name: gateway.name,
      location: gateway.location,
      resourceGroupName: gateway.resourceGroupName,
      subscriptionId: env.subscriptionId,
      sku: gateway.sku,
      publisherName: gateway.publisherName,
      publisherEmail: gateway.publisherEmail,
      subnet: gateway.subnet.mode === "managed" ? gateway.subnet : { id: gateway.subnet.id },
      backends: gateway.workloads.flatMap((w) => w.backends.map((b) => ({ id: b.id, url: b.url }))),
      accounts: gateway.accounts.map((a) => ({ key: a.location, resourceId: a.resourceId })),
      policyXml: gatewayPolicyXml(gateway),
      diagnostics: { logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId },
      actionGroupId: props.actionGroupId,
      tags: env.tags,
    });
    // Token metrics per team and the usage workbook; azapi carries what azurerm 4.55 lacks there.
    new AzapiProvider(this, "azapi", { subscriptionId: env.subscriptionId, tenantId: env.tenantId });
    this.usage = new GatewayUsage(this, "usage", {
      name: gateway.insightsName,
      location: gateway.location,
      resourceGroupName: gateway.resourceGroupName,
      subscriptionId: env.subscriptionId,
      logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
      apiManagement: { id: this.gateway.id, name: gateway.name, principalId: this.gateway.principalId },
      tags: env.tags,
    });
    this.usage.addWorkbook(
      "workbook",
      usageWorkbook(gateway, { logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId }),
    );
    for (const w of gateway.workloads) {
      new TerraformOutput(this, `workload_${w.name.replace(/-/g, "_")}_url`, {
        description: `${w.name}: the gateway's endpoint; call deployment ${w.name} with an Entra ID token`,
        value: `${this.gateway.gatewayUrl}/openai/deployments/${w.name}`,
      });
    }
  }
}
