/**
 * Maps a resolved Estate onto stacks: one shared stack per environment, one stack per region.
 */
import type { App } from "cdktf";
import type { Estate } from "../estate/types";
import { GatewayStack } from "./gateway-stack";
import { RegionStack } from "./region-stack";
import { SharedStack } from "./shared-stack";

export interface EstateStacks {
  readonly shared: SharedStack[];
  readonly regions: RegionStack[];
  readonly gateways: GatewayStack[];
}

export function buildStacks(app: App, estate: Estate): EstateStacks {
  const shared: SharedStack[] = [];
  const regions: RegionStack[] = [];
  const gateways: GatewayStack[] = [];
  for (const env of estate.environments) {
    const sharedStack = new SharedStack(app, env);
    shared.push(sharedStack);
    for (const region of env.regions) {
      const stack = new RegionStack(app, {
        env,
        region,
        logAnalyticsWorkspaceId: sharedStack.logAnalyticsWorkspaceId,
        actionGroupId: sharedStack.actionGroupId,
        managedDnsZoneIds: sharedStack.privateDnsZoneIds,
      });
      stack.addDependency(sharedStack);
      regions.push(stack);
    }
    if (env.gateway) {
      const gateway = new GatewayStack(app, {
        env,
        gateway: env.gateway,
        logAnalyticsWorkspaceId: sharedStack.logAnalyticsWorkspaceId,
        actionGroupId: sharedStack.actionGroupId,
      });
      // The accounts and the VNet exist before the gateway is granted on them or joins it.
      gateway.addDependency(sharedStack);
      for (const r of regions.filter((x) => env.regions.some((e) => e.stackName === x.node.id)))
        gateway.addDependency(r);
      gateways.push(gateway);
    }
  }
  return { shared, regions, gateways };
}
