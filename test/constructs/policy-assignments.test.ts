import { DefenderForAi } from "../../constructs/defender-for-ai";
import { PolicyAssignments, type PolicyAssignmentSpec } from "../../constructs/policy-assignments";
import { synthReadable } from "../helpers";

const SUB = "33333333-3333-3333-3333-333333333333";
const spec: PolicyAssignmentSpec = {
  key: "disable-local-auth",
  name: "aoai-prod-disable-local-auth",
  definitionId: "/providers/Microsoft.Authorization/policyDefinitions/71ef260a-8f18-47b7-abcb-62d0673d94dc",
  displayName: "prod: key access disabled",
  effect: "Deny",
};
const synth = (assignments: PolicyAssignmentSpec[]) =>
  synthReadable((stack) => new PolicyAssignments(stack, "policy", { subscriptionId: SUB, assignments }))
    .resource;

describe("PolicyAssignments", () => {
  it("assigns the definition at the subscription with its effect as the effect parameter", () => {
    expect(synth([spec]).azurerm_subscription_policy_assignment.policy_disable_local_auth).toMatchObject({
      name: "aoai-prod-disable-local-auth",
      subscription_id: `/subscriptions/${SUB}`,
      policy_definition_id: spec.definitionId,
      enforce: true,
      parameters: JSON.stringify({ effect: { value: "Deny" } }),
      display_name: "prod: key access disabled",
      description: "Assigned by azure-openai-platform with effect Deny.",
    });
  });

  it.each<[Partial<PolicyAssignmentSpec>, RegExp]>([
    [
      { effect: "Block" },
      /test\/policy: assignments\[disable-local-auth\]\.effect must be one of: Audit, AuditIfNotExists, Deny, Disabled \(got "Block"\)/,
    ],
    [{ name: "x".repeat(65) }, /assignments\[disable-local-auth\]\.name must be 1-64 characters/],
    [{ name: "a/b" }, /assignments\[disable-local-auth\]\.name may not contain/],
    [
      { definitionId: "71ef260a-8f18-47b7-abcb-62d0673d94dc" },
      /assignments\[disable-local-auth\]\.definitionId must be a built-in policy definition ID/,
    ],
  ])("rejects a bad assignment %#", (change, message) => {
    expect(() => synth([{ ...spec, ...change }])).toThrow(message);
  });

  it("refuses a subscription ID that is not a GUID, naming it", () => {
    expect(() =>
      synthReadable(
        (stack) => new PolicyAssignments(stack, "policy", { subscriptionId: "prod", assignments: [spec] }),
      ),
    ).toThrow(/test\/policy: subscriptionId must be a GUID.*\(got "prod"\)$/);
  });
});

describe("DefenderForAi", () => {
  it("puts the subscription's AI plan on the Standard tier", () => {
    const json = synthReadable((stack) => new DefenderForAi(stack, "defender_for_ai"));
    expect(json.resource.azurerm_security_center_subscription_pricing.defender_for_ai).toMatchObject({
      resource_type: "AI",
      tier: "Standard",
    });
  });
});
