/**
 * `<env>-gateway`: the AI gateway in front of the environment's accounts (estate/gateway/). It reads
 * only literal names and IDs of the region stacks (account IDs, the VNet), so the dependency runs one
 * way: regions first, then the gateway, whose identity is granted on each account here.
 */
import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import { AiGateway } from "../constructs/ai-gateway";
import { gatewayPolicyXml } from "../estate/gateway/policy";
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
    for (const w of gateway.workloads) {
      new TerraformOutput(this, `workload_${w.name.replace(/-/g, "_")}_url`, {
        description: `${w.name}: the gateway's endpoint; call deployment ${w.name} with an Entra ID token`,
        value: `${this.gateway.gatewayUrl}/openai/deployments/${w.name}`,
      });
    }
  }
}
