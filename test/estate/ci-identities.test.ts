/** The CI identities' rights: only what the estate needs, and a delegation condition Azure will parse. */
import {
  assignedRoleIds,
  bootstrapWaivers,
  ciGrantKey,
  ciRights,
  delegationCondition,
  LOCK_OPERATOR_ROLE,
} from "../../estate/ci-identities";
import { resolveObjects, validEnvironment } from "../helpers";

const ENGINEERS = {
  objectId: "4b8395a6-1234-4d35-9a67-18293a4b5c6d",
  type: "Group",
  displayName: "engineers",
};
const rightsOf = (extra: Record<string, unknown> = {}) =>
  ciRights(resolveObjects([{ ...validEnvironment(), ...extra }]).environments[0]!).map((r) => [
    r.identity,
    r.role,
    r.scope,
  ]);

describe("CI rights", () => {
  it("a bare unprotected environment: plan reads, deploy contributes, nothing else", () => {
    expect(rightsOf({ azurePolicy: { assign: false }, defenderForAI: false })).toEqual([
      ["plan", "Reader", "subscription"],
      ["deploy", "Contributor", "subscription"],
    ]);
  });

  it("add RBAC administration only when the estate grants roles, limited by a condition to those roles", () => {
    const rights = ciRights(
      resolveObjects([
        {
          ...validEnvironment(),
          azurePolicy: { assign: false },
          defenderForAI: false,
          access: [{ name: "engineers", principal: ENGINEERS, roles: ["inference"] }],
        },
      ]).environments[0]!,
    );
    const rbac = rights.find((r) => r.role === "Role Based Access Control Administrator");
    expect(rbac).toMatchObject({ identity: "deploy", scope: "subscription" });
    expect(rbac!.why).toBe("assigns the 1 role(s) the estate grants, and no other (condition)");
    expect(rbac!.condition).toBe(
      "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR " +
        "(@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {5e0bd9bd-7b93-4f28-af87-19fc36ad61bd})) AND " +
        "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})) OR " +
        "(@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {5e0bd9bd-7b93-4f28-af87-19fc36ad61bd}))",
    );
  });

  it("delegate every role the stacks assign: grants, fine-tuning storage roles and the gateway's", () => {
    const ROLE = {
      inference: "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
      blobReader: "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
      blobContributor: "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
      metricsPublisher: "3913510d-42f4-4e42-8a64-420c390055eb",
    };
    const env = validEnvironment() as any;
    expect(assignedRoleIds(resolveObjects([env]).environments[0]!)).toEqual([]);
    env.regions[0].fineTuning = { baseModels: ["gpt-4.1-mini"], dataScientists: [ENGINEERS] };
    expect(assignedRoleIds(resolveObjects([env]).environments[0]!)).toEqual(
      [ROLE.blobReader, ROLE.blobContributor].sort(),
    );
    env.tenantId = "22222222-2222-2222-2222-222222222222";
    env.regions[0].network.gatewaySubnet = "10.30.0.128/27";
    env.workloads = [
      { name: "reasoning", model: { name: "gpt-5.1", version: "2025-11-13" }, demand: 10, boundary: "EU" },
    ];
    env.gateway = { enabled: true };
    expect(assignedRoleIds(resolveObjects([env]).environments[0]!)).toEqual(
      [ROLE.blobReader, ROLE.blobContributor, ROLE.inference, ROLE.metricsPublisher].sort(),
    );
  });

  it("lists several roles in the condition, comma-separated", () => {
    expect(delegationCondition(["a", "b"])).toContain("ForAnyOfAnyValues:GuidEquals {a, b}))");
  });

  it("add policy, Defender and lock rights each only when the estate has that one", () => {
    const extra = (config: Record<string, unknown>) =>
      rightsOf({ azurePolicy: { assign: false }, defenderForAI: false, ...config })
        .map(([, role]) => String(role))
        .filter((role) => role !== "Reader" && role !== "Contributor");
    expect(extra({})).toEqual([]);
    expect(extra({ azurePolicy: { assign: true } })).toEqual(["Resource Policy Contributor"]);
    expect(extra({ defenderForAI: true })).toEqual(["Security Admin"]);
    const locks = extra({ protected: true, customerManagedKey: { enabled: false } });
    expect(locks).toHaveLength(1);
    expect(locks[0]).toMatch(/lock/i);
  });
});

const DEPLOY = { objectId: "0d4f5162-7e80-4f91-9c23-d4e5f6071829", displayName: "sp-deploy" };
/** A protected environment with Azure state storage and CI identities; `extra` changes it. */
const withCi = (extra: Record<string, unknown> = {}) =>
  resolveObjects([
    {
      ...validEnvironment(),
      protected: true,
      customerManagedKey: { keyAdministrators: [DEPLOY] },
      stateBackend: {
        resourceGroupName: "rg-tfstate",
        storageAccountName: "sttfstate001",
        containerName: "tfstate",
      },
      ci: {
        plan: { objectId: "1e506273-8f91-4a02-8d34-e5f607182930", displayName: "sp-plan" },
        deploy: DEPLOY,
      },
      ...extra,
    },
  ]).environments[0]!;

describe("the bootstrap's waivers", () => {
  it("accept the deploy identity's privileged rights by their grant address, and protected state storage's keys", () => {
    const env = withCi();
    const privileged = ciRights(env).filter((r) => r.role === "Contributor");
    expect(privileged).toHaveLength(1);
    expect(ciGrantKey(privileged[0]!)).toBe("deploy_contributor");
    expect(bootstrapWaivers(env).map((w) => [w.rule, w.resource])).toEqual([
      ["AOAI-ST6", "azurerm_storage_account.state"],
      // No access grants here, so no RBAC administration right and no waiver for one.
      ["AOAI-IAM1", "*/ci_access/deploy_contributor"],
    ]);
  });
});

describe("CI rights of a full environment", () => {
  const full = (extra: Record<string, unknown> = {}) =>
    withCi({ access: [{ name: "engineers", principal: ENGINEERS, roles: ["inference"] }], ...extra });

  it("lists each right with its role ID, scope and why, state rights last", () => {
    expect(ciRights(full()).map(({ condition: _condition, ...r }) => r)).toEqual([
      {
        identity: "plan",
        role: "Reader",
        roleId: "acdd72a7-3385-48ef-bd42-f606fba81ae7",
        scope: "subscription",
        why: "reads every resource to plan",
      },
      {
        identity: "deploy",
        role: "Contributor",
        roleId: "b24988ac-6180-42a0-ab88-20f7382dd24c",
        scope: "subscription",
        why: "creates the resource groups and everything in them",
      },
      {
        identity: "deploy",
        role: "Role Based Access Control Administrator",
        roleId: "f58310d9-a9f6-439a-9e8d-f62e7b41a168",
        scope: "subscription",
        why: "assigns the 1 role(s) the estate grants, and no other (condition)",
      },
      {
        identity: "deploy",
        role: "Resource Policy Contributor",
        roleId: "36243c78-bf99-498c-9df9-86d9f8d28608",
        scope: "subscription",
        why: "assigns 7 Azure Policy definitions",
      },
      {
        identity: "deploy",
        role: "Security Admin",
        roleId: "fb1c8493-542b-48eb-b624-b4c8fea62acd",
        scope: "subscription",
        why: "turns on the Defender for AI plan",
      },
      {
        identity: "deploy",
        role: "Management Lock Operator (azure-openai-platform)",
        scope: "subscription",
        why: "creates and removes the CanNotDelete locks (no built-in role below Owner can)",
      },
      {
        identity: "plan",
        role: "Storage Blob Data Reader",
        roleId: "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
        scope: "state container",
        why: "reads the state",
      },
      {
        identity: "deploy",
        role: "Storage Blob Data Contributor",
        roleId: "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
        scope: "state container",
        why: "writes the state and takes its lock (a blob lease)",
      },
    ]);
  });

  it("has no state rights without an azurerm state backend", () => {
    const scopes = ciRights(full({ stateBackend: undefined })).map((r) => r.scope);
    expect(scopes).not.toContain("state container");
  });

  it("lets the lock role read, write and delete locks, and nothing else", () => {
    expect(LOCK_OPERATOR_ROLE.actions).toEqual([
      "Microsoft.Authorization/locks/read",
      "Microsoft.Authorization/locks/write",
      "Microsoft.Authorization/locks/delete",
    ]);
  });

  it("keys each right by identity and role in snake case, without trailing underscores", () => {
    const keys = ciRights(full()).map(ciGrantKey);
    expect(keys).toContain("deploy_management_lock_operator_azure_openai_platform");
    expect(keys).toContain("deploy_role_based_access_control_administrator");
    expect(keys).toContain("plan_storage_blob_data_reader");
  });

  it("waives, with their reasons, the deploy identity's privileged rights and protected state's keys", () => {
    expect(bootstrapWaivers(full())).toEqual([
      {
        rule: "AOAI-ST6",
        resource: "azurerm_storage_account.state",
        reason:
          "State is encrypted twice with Microsoft-managed keys (infrastructure encryption); a customer-managed key " +
          "would need a vault that exists before the state, and losing it would make every stack's state unreadable.",
        source: "estate/ci-identities.ts",
      },
      {
        rule: "AOAI-IAM1",
        resource: "*/ci_access/deploy_contributor",
        reason: "The CI deploy identity creates the resource groups and everything in them.",
        source: "estate/ci-identities.ts",
      },
      {
        rule: "AOAI-IAM1",
        resource: "*/ci_access/deploy_role_based_access_control_administrator",
        reason: "The CI deploy identity assigns the 1 role(s) the estate grants, and no other (condition).",
        source: "estate/ci-identities.ts",
      },
    ]);
  });

  it("waives nothing for state an environment does not keep, nor for CI it does not declare", () => {
    const unprotected = bootstrapWaivers(full({ protected: false, customerManagedKey: { enabled: false } }));
    expect(unprotected.map((w) => w.rule)).not.toContain("AOAI-ST6");
    const local = bootstrapWaivers(full({ stateBackend: undefined }));
    expect(local.map((w) => w.rule)).not.toContain("AOAI-ST6");
    expect(bootstrapWaivers(full({ ci: undefined }))).toEqual([
      expect.objectContaining({ rule: "AOAI-ST6" }),
    ]);
  });
});
