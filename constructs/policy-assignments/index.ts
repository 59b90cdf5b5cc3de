/**
 * PolicyAssignments: built-in Azure Policy definitions assigned at a subscription, each with its
 * effect, so Azure itself audits (or denies) what the estate's own checks enforce before deploy.
 *
 * Meets: enterprise security (governance). Azure constraints that shaped it: subscription-scope
 * assignment names are at most 64 characters and may not contain % & \ ? / or end with . or space;
 * every built-in definition used here takes its effect as the `effect` parameter.
 */
import { Construct } from "constructs";
import { SubscriptionPolicyAssignment } from "../azurerm";
import { PropError, requireLength, requireMatch, requireRule } from "../validation";

export interface PolicyAssignmentSpec {
  /** Construct ID: the Terraform address. */
  readonly key: string;
  readonly name: string;
  /** /providers/Microsoft.Authorization/policyDefinitions/<GUID> */
  readonly definitionId: string;
  readonly displayName: string;
  /** Value of the definition's `effect` parameter. */
  readonly effect: string;
}

export interface PolicyAssignmentsProps {
  readonly subscriptionId: string;
  readonly assignments: readonly PolicyAssignmentSpec[];
}

const NAME = /^[^%&\\?/]*[^%&\\?/. ]$/;
const EFFECTS = ["Audit", "AuditIfNotExists", "Deny", "Disabled"];

export class PolicyAssignments extends Construct {
  constructor(scope: Construct, id: string, props: PolicyAssignmentsProps) {
    super(scope, id);
    requireRule(this, "subscriptionId", props.subscriptionId, "guid");
    for (const a of props.assignments) {
      requireLength(this, `assignments[${a.key}].name`, a.name, 1, 64);
      requireMatch(
        this,
        `assignments[${a.key}].name`,
        a.name,
        NAME,
        "may not contain % & \\ ? / or end with '.' or a space",
      );
      requireRule(this, `assignments[${a.key}].definitionId`, a.definitionId, "policyDefinitionId");
      if (!EFFECTS.includes(a.effect))
        throw new PropError(
          this,
          `assignments[${a.key}].effect`,
          a.effect,
          `must be one of: ${EFFECTS.join(", ")}`,
        );
      new SubscriptionPolicyAssignment(this, a.key, {
        name: a.name,
        subscriptionId: `/subscriptions/${props.subscriptionId}`,
        policyDefinitionId: a.definitionId,
        displayName: a.displayName,
        description: `Assigned by azure-openai-platform with effect ${a.effect}.`,
        enforce: true,
        parameters: JSON.stringify({ effect: { value: a.effect } }),
      });
    }
  }
}
