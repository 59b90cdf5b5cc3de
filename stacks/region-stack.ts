/**
 * <env>-<region>: one region's account, its deployments (in order) and its diagnostics.
 */
import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import { ResourceGroup } from "../constructs/azurerm";
import { Diagnostics } from "../constructs/diagnostics";
import { ModelDeployment } from "../constructs/model-deployment";
import { OpenAiAccount } from "../constructs/openai-account";
import type { EnvironmentEstate, RegionEstate } from "../estate/types";
import { PlatformStack } from "./platform-stack";

export interface RegionStackProps {
  readonly env: EnvironmentEstate;
  readonly region: RegionEstate;
  /** From the shared stack: a cross-stack reference. */
  readonly logAnalyticsWorkspaceId: string;
}

export class RegionStack extends PlatformStack {
  readonly account: OpenAiAccount;

  constructor(scope: Construct, props: RegionStackProps) {
    const { env, region } = props;
    super(scope, region.stackName, env);
    const rg = new ResourceGroup(this, "resource_group", {
      name: region.resourceGroupName,
      location: region.location,
      tags: { ...env.tags },
    });
    this.account = new OpenAiAccount(this, "openai", {
      name: region.account.name,
      customSubdomainName: region.account.customSubdomainName,
      kind: region.account.kind,
      location: region.location,
      resourceGroupName: rg.name,
      protection: env.protected,
      tags: env.tags,
    });
    for (const d of region.account.deployments) {
      new ModelDeployment(this, `deployment_${d.name}`, {
        account: this.account,
        name: d.name,
        modelFormat: d.model.format,
        modelName: d.model.name,
        modelVersion: d.model.version,
        sku: d.type,
        capacity: d.capacity,
        versionUpgradeOption: d.versionUpgradeOption,
        raiPolicyName: d.raiPolicyName,
      });
    }
    new Diagnostics(this, "openai_diagnostics", {
      targetResourceId: this.account.id,
      logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId,
    });

    // Endpoints and identities only: no output ever carries a key (local auth is off anyway).
    new TerraformOutput(this, "openai_endpoint", {
      value: this.account.endpoint,
      description: "Endpoint clients call with an Entra ID token (custom-subdomain host).",
    });
    new TerraformOutput(this, "openai_account_id", { value: this.account.id });
    new TerraformOutput(this, "openai_principal_id", {
      value: this.account.principalId,
      description: "Object ID of the account's system-assigned identity.",
    });
  }
}
