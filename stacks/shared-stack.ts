/**
 * <env>-shared: what every region of an environment uses (resource group, Log Analytics, private DNS
 * zones in managed DNS mode) and what applies to the whole subscription (role grants at the
 * environment scope, built-in policy assignments, Defender for AI).
 */
import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import { Access } from "../constructs/access";
import { ActionGroup } from "../constructs/action-group";
import { ResourceGroup } from "../constructs/azurerm";
import { DefenderForAi } from "../constructs/defender-for-ai";
import { PolicyAssignments } from "../constructs/policy-assignments";
import { LogWorkspace } from "../constructs/log-workspace";
import { PrivateDnsZones } from "../constructs/private-dns-zones";
import type { EnvironmentEstate } from "../estate/types";
import { PlatformStack } from "./platform-stack";

export class SharedStack extends PlatformStack {
  readonly logAnalyticsWorkspaceId: string;
  /** The action group the environment's alerts notify, when the config names addresses. */
  readonly actionGroupId?: string;
  /** Zone IDs by zone name, in managed DNS mode (empty otherwise). */
  readonly privateDnsZoneIds: Readonly<Record<string, string>>;

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
    this.privateDnsZoneIds =
      env.shared.privateDnsZones.length > 0
        ? new PrivateDnsZones(this, "private_dns", {
            zoneNames: env.shared.privateDnsZones,
            resourceGroupName: rg.name,
            tags: env.tags,
          }).zoneIds
        : {};

    if (env.shared.access.length > 0) {
      new Access(this, "access", {
        subscriptionId: env.subscriptionId,
        grants: env.shared.access.map((g) => ({ ...g, scope: g.scopeId })),
      });
    }
    if (env.shared.policyAssignments.length > 0) {
      new PolicyAssignments(this, "policy", {
        subscriptionId: env.subscriptionId,
        assignments: env.shared.policyAssignments,
      });
    }
    if (env.shared.defenderForAI) new DefenderForAi(this, "defender_for_ai");
    if (env.shared.actionGroup) {
      this.actionGroupId = new ActionGroup(this, "action_group", {
        ...env.shared.actionGroup,
        resourceGroupName: rg.name,
        tags: { ...env.tags },
      }).id;
    }
    // Where clients (or a gateway) call each placed workload, in the order to try: known at plan time.
    for (const w of env.workloads) {
      new TerraformOutput(this, `workload_${w.name.replace(/-/g, "_")}_targets`, {
        description: `${w.name}: ${w.model} ${w.version}, regional endpoints and deployment names in the order to try`,
        value: w.targets.map((t) => ({ ...t })),
      });
    }
  }
}
