import type { Construct } from "constructs";
import { Access, type RoleGrant } from "../../constructs/access";
import { roleAssignmentName, uuidV5 } from "../../constructs/access/assignment-name";
import { OpenAiAccount } from "../../constructs/openai-account";
import { synthReadable } from "../helpers";
import fc from "fast-check";

const SUB = "33333333-3333-3333-3333-333333333333";
const ACCOUNT_ID = `/subscriptions/${SUB}/resourceGroups/rg-x/providers/Microsoft.CognitiveServices/accounts/oai-x`;
const app: RoleGrant = {
  key: "chat-app-inference",
  principal: {
    objectId: "7a1c2e3f-4b5d-4c6e-8f90-a1b2c3d4e5f6",
    type: "ServicePrincipal",
    displayName: "app-chat",
  },
  roleId: "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
  roleName: "Cognitive Services OpenAI User",
  scope: ACCOUNT_ID,
};
const OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";

/** The account whose resource ID is ACCOUNT_ID: a scope known only as a reference at synth. */
const accountIn = (stack: Construct) =>
  new OpenAiAccount(stack, "openai", { name: "oai-x", location: "swedencentral", resourceGroupName: "rg-x" });
const synth = (grants: RoleGrant[]) =>
  synthReadable((stack) => new Access(stack, "access", { subscriptionId: SUB, grants }));

describe("Access", () => {
  it("assigns the role by its subscription-scoped definition ID, at the given scope, to a typed principal", () => {
    const assignment = synth([app]).resource.azurerm_role_assignment.access_chat_app_inference;
    expect(assignment).toEqual(
      expect.objectContaining({
        scope: ACCOUNT_ID,
        role_definition_id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd`,
        principal_id: app.principal.objectId,
        principal_type: "ServicePrincipal",
        description: "app-chat: Cognitive Services OpenAI User.",
        name: roleAssignmentName(ACCOUNT_ID, app.roleId, app.principal.objectId),
      }),
    );
    expect(assignment.condition).toBeUndefined();
  });

  it("names the assignment from scope, role and principal, so a re-synth or another machine gives the same GUID", () => {
    const name = synth([app]).resource.azurerm_role_assignment.access_chat_app_inference.name;
    expect(name).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(synth([app]).resource.azurerm_role_assignment.access_chat_app_inference.name).toBe(name);
    // Pinned: changing the derivation would rename (re-create) every assignment in every estate.
    expect(roleAssignmentName("/subscriptions/x", "y", "z")).toBe("4f5841c8-7f4b-51ff-8369-65d35d7914f6");
  });

  it("derives names as RFC 4122 version-5 UUIDs (the RFC's DNS example)", () => {
    expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
  });

  it("gives distinct names to distinct (scope, role, principal) triples, ignoring case", () => {
    fc.assert(
      fc.property(fc.string(), fc.uuid(), fc.uuid(), fc.uuid(), (scope, role, p1, p2) => {
        fc.pre(p1 !== p2);
        expect(roleAssignmentName(scope, role, p1)).not.toBe(roleAssignmentName(scope, role, p2));
        expect(roleAssignmentName(scope.toUpperCase(), role.toUpperCase(), p1.toUpperCase())).toBe(
          roleAssignmentName(scope, role, p1),
        );
      }),
    );
  });

  it("derives the name from scopeId when the scope is a reference, and keeps the reference as scope", () => {
    const json = synthReadable((stack) => {
      const account = accountIn(stack);
      new Access(stack, "access", {
        subscriptionId: SUB,
        grants: [{ ...app, scope: account.id, scopeId: ACCOUNT_ID }],
      });
    });
    const assignment = json.resource.azurerm_role_assignment.access_chat_app_inference;
    expect(assignment.scope).toBe("${azurerm_cognitive_account.openai.id}");
    expect(assignment.name).toBe(roleAssignmentName(ACCOUNT_ID, app.roleId, app.principal.objectId));
  });

  it("refuses a reference scope without scopeId", () => {
    expect(() =>
      synthReadable((stack) => {
        const account = accountIn(stack);
        new Access(stack, "access", { subscriptionId: SUB, grants: [{ ...app, scope: account.id }] });
      }),
    ).toThrow(/test\/access: grants\[chat-app-inference\]\.scopeId is required when scope is a reference/);
  });

  it("builds a privileged role without a reason: the guardrails (AOAI-IAM1), not the construct, judge it", () => {
    const json = synth([{ ...app, key: "ops-owner", roleId: OWNER, roleName: "Owner" }]);
    expect(json.resource.azurerm_role_assignment.access_ops_owner.role_definition_id).toMatch(
      new RegExp(`/${OWNER}$`),
    );
  });

  it("accepts a privileged role with a reason and writes the reason into the description", () => {
    const json = synth([
      {
        ...app,
        key: "break-glass",
        roleId: OWNER,
        roleName: "Owner",
        reason: "Break-glass account, PIM-gated",
      },
    ]);
    expect(json.resource.azurerm_role_assignment.access_break_glass.description).toBe(
      "app-chat: Owner. Reason: Break-glass account, PIM-gated",
    );
  });

  it("writes an ABAC condition with condition version 2.0", () => {
    const condition =
      "((!(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'})) OR (@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'training'))";
    const reader = {
      ...app,
      roleId: "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
      roleName: "Storage Blob Data Reader",
    };
    const assignment = synth([{ ...reader, condition }]).resource.azurerm_role_assignment
      .access_chat_app_inference;
    expect(assignment).toMatchObject({ condition, condition_version: "2.0" });
  });

  it.each([
    [{ roleId: "not-a-guid" }, /roleId must be a GUID/],
    [{ principal: { ...app.principal, objectId: "bob" } }, /principal\.objectId must be a GUID/],
    [
      { principal: { ...app.principal, type: "Robot" as never } },
      /principal\.type must be one of: User, Group, ServicePrincipal/,
    ],
    [{ key: "Bad Key" }, /key must be lower-case letters/],
    [{ key: "chat!" }, /grants\[chat!\]\.key must be lower-case letters/],
  ])("rejects bad grant %#", (change, message) => {
    expect(() => synth([{ ...app, ...change }])).toThrow(message);
  });

  it("refuses a subscription ID that is not a GUID, naming it", () => {
    expect(() =>
      synthReadable((stack) => new Access(stack, "access", { subscriptionId: "sub-1", grants: [app] })),
    ).toThrow(/test\/access: subscriptionId must be a GUID .*\(got "sub-1"\)$/);
  });

  describe("a principal known only at apply time (a managed identity's object ID)", () => {
    const withIdentity = (key?: string) =>
      synthReadable((stack) => {
        const account = accountIn(stack);
        new Access(stack, "access", {
          subscriptionId: SUB,
          grants: [{ ...app, principal: { ...app.principal, objectId: account.principalId, key } }],
        });
      });

    it("derives the name from the principal's key and assigns to the reference", () => {
      const assignment =
        withIdentity("account:oai-x").resource.azurerm_role_assignment.access_chat_app_inference;
      expect(assignment.principal_id).toBe("${azurerm_cognitive_account.openai.identity[0].principal_id}");
      expect(assignment.name).toBe(roleAssignmentName(ACCOUNT_ID, app.roleId, "account:oai-x"));
    });

    it("refuses it without a key, which the name needs", () => {
      expect(() => withIdentity()).toThrow(
        /test\/access: grants\[chat-app-inference\]\.principal\.key is required when objectId is a reference/,
      );
    });
  });

  it("makes every assignment wait for what it depends on, as bare addresses", () => {
    const json = synthReadable((stack) => {
      const account = accountIn(stack);
      new Access(stack, "access", { subscriptionId: SUB, grants: [app], dependsOn: [account.resource] });
    });
    expect(json.resource.azurerm_role_assignment.access_chat_app_inference.depends_on).toEqual([
      "azurerm_cognitive_account.openai",
    ]);
    expect(
      synth([app]).resource.azurerm_role_assignment.access_chat_app_inference.depends_on,
    ).toBeUndefined();
  });

  it("rejects two grants with the same key", () => {
    expect(() => synth([app, app])).toThrow(/grants\[chat-app-inference\]\.key must be unique/);
  });
});
