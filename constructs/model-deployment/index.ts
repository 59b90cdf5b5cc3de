/**
 * ModelDeployment: one model deployment on an OpenAiAccount, with every setting that drifts when
 * left to Azure written out.
 *
 * Meets: pre-trained and fine-tuned model deployments of every type azurerm 4.55 accepts.
 * Azure constraints that shaped it:
 * - Azure rejects concurrent deployment operations on one account (409 RequestConflict), so each
 *   deployment depends on the previous one on the same account.
 * - azurerm 4.55 treats rai_policy_name as optional but not computed: left out, Azure assigns
 *   Microsoft.DefaultV2 and every plan shows a diff. It is always set.
 * - model.version left out lets Azure pick the default at create time; version_upgrade_option
 *   defaults to auto-upgrade. Both are always explicit.
 * - sku.name and the model name are ForceNew: changing them recreates the deployment.
 */
import { Construct } from "constructs";
import { CognitiveDeployment } from "../azurerm";
import {
  DEPLOYMENT_TYPES,
  VERSION_UPGRADE_OPTIONS,
  type DeploymentType,
  type VersionUpgradeOption,
} from "../../catalog/deployment-types";
import type { OpenAiAccount } from "../openai-account";
import { PropError, requireOneOf, requireRule } from "../validation";

export interface ModelDeploymentProps {
  readonly account: OpenAiAccount;
  /** Deployment name, as clients address it. */
  readonly name: string;
  readonly modelName: string;
  /** Pinned model version, e.g. "2025-11-13". */
  readonly modelVersion: string;
  /**
   * @default "OpenAI"
   */
  readonly modelFormat?: string;
  /** Deployment type (ARM sku.name). */
  readonly sku: DeploymentType;
  /** Standard and batch types: units of 1,000 tokens per minute. Provisioned types: PTUs. */
  readonly capacity: number;
  /**
   * @default "NoAutoUpgrade"
   */
  readonly versionUpgradeOption?: VersionUpgradeOption;
  /** Content filter (RAI policy) name: a policy on the same account, or a Microsoft.* default. */
  readonly raiPolicyName: string;
}

export class ModelDeployment extends Construct {
  readonly id: string;
  readonly name: string;
  readonly resource: CognitiveDeployment;

  constructor(scope: Construct, id: string, props: ModelDeploymentProps) {
    super(scope, id);
    const upgrade = props.versionUpgradeOption ?? "NoAutoUpgrade";
    requireRule(this, "name", props.name, "deploymentName");
    requireOneOf(this, "sku", props.sku, DEPLOYMENT_TYPES);
    requireOneOf(this, "versionUpgradeOption", upgrade, VERSION_UPGRADE_OPTIONS);
    if (!Number.isInteger(props.capacity) || props.capacity < 1) {
      throw new PropError(this, "capacity", props.capacity, "must be a whole number of at least 1");
    }
    if (props.modelName.trim() === "")
      throw new PropError(this, "modelName", props.modelName, "must name a model");
    if (props.modelVersion.trim() === "")
      throw new PropError(this, "modelVersion", props.modelVersion, "must pin a model version");
    if (props.raiPolicyName.trim() === "")
      throw new PropError(this, "raiPolicyName", props.raiPolicyName, "must name a content filter policy");

    this.resource = new CognitiveDeployment(this, "Resource", {
      name: props.name,
      cognitiveAccountId: props.account.id,
      model: {
        format: props.modelFormat ?? "OpenAI",
        name: props.modelName,
        version: props.modelVersion,
      },
      sku: { name: props.sku, capacity: props.capacity },
      versionUpgradeOption: upgrade,
      raiPolicyName: props.raiPolicyName,
    });
    props.account.addOperation({
      key: `deployment:${props.name}`,
      first: this.resource,
      last: this.resource,
    });
    this.id = this.resource.id;
    this.name = props.name;
  }
}
