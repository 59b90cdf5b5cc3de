/**
 * Maps a resolved Estate onto stacks: one shared stack per environment, one stack per region.
 */
import type { App } from "cdktf";
import type { Estate } from "../estate/types";
import { RegionStack } from "./region-stack";
import { SharedStack } from "./shared-stack";

export interface EstateStacks {
  readonly shared: SharedStack[];
  readonly regions: RegionStack[];
}

export function buildStacks(app: App, estate: Estate): EstateStacks {
  const shared: SharedStack[] = [];
  const regions: RegionStack[] = [];
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
  }
  return { shared, regions };
}
