/**
 * <env>-shared: what every region of an environment uses (resource group, Log Analytics).
 */
import type { Construct } from "constructs";
import { ResourceGroup } from "../constructs/azurerm";
import { LogWorkspace } from "../constructs/log-workspace";
import type { EnvironmentEstate } from "../estate/types";
import { PlatformStack } from "./platform-stack";

export class SharedStack extends PlatformStack {
  readonly logAnalyticsWorkspaceId: string;

  constructor(scope: Construct, env: EnvironmentEstate) {
    super(scope, env.shared.stackName, env);
    const rg = new ResourceGroup(this, "resource_group", {
      name: env.shared.resourceGroupName,
      location: env.shared.location,
      tags: { ...env.tags },
    });
    const logs = new LogWorkspace(this, "log_analytics", {
      name: env.shared.logAnalytics.name,
      location: env.shared.location,
      resourceGroupName: rg.name,
      retentionDays: env.shared.logAnalytics.retentionDays,
      protection: env.protected,
      tags: env.tags,
    });
    this.logAnalyticsWorkspaceId = logs.id;
  }
}
