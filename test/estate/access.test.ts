/**
 * Access config → role grants: intents and names resolve to built-in role GUIDs, each grant lands at its
 * scope, and misuse (unknown, privileged or misplaced roles) fails before synth with its location.
 */
import { issuesOf, resolveObjects, validEnvironment } from "../helpers";

const APP = {
  objectId: "7a1c2e3f-4b5d-4c6e-8f90-a1b2c3d4e5f6",
  type: "ServicePrincipal",
  displayName: "app-chat",
};
const SUB = "11111111-1111-1111-1111-111111111111";

function envWith(access: unknown[], extra: Record<string, unknown> = {}) {
  const env = validEnvironment() as any;
  env.regions.push({
    location: "francecentral",
    network: { addressSpace: "10.31.0.0/24", privateEndpointSubnet: "10.31.0.0/27" },
  });
  return { ...env, access, ...extra };
}
const resolve = (...envs: Record<string, unknown>[]) => resolveObjects(envs).environments;
const problems = (...envs: Record<string, unknown>[]) =>
  issuesOf(() => resolveObjects(envs)).map((i) => ({
    path: i.path.join("."),
    message: i.message,
    line: i.line,
  }));

describe("access", () => {
  it.each([
    ["inference", "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd", "Cognitive Services OpenAI User", "account"],
    [
      "model-management",
      "a001fd3d-188f-4b5d-821b-7da978bf7442",
      "Cognitive Services OpenAI Contributor",
      "account",
    ],
    [
      "usage-reader",
      "bba48692-92b0-4667-a9ad-c31c7b334ac2",
      "Cognitive Services Usages Reader",
      "environment",
    ],
    [
      "Storage Blob Data Reader",
      "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
      "Storage Blob Data Reader",
      "account",
    ],
    [
      "cognitive services openai user",
      "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
      "Cognitive Services OpenAI User",
      "account",
    ],
    [
      "A001FD3D-188F-4B5D-821B-7DA978BF7442",
      "a001fd3d-188f-4b5d-821b-7da978bf7442",
      "Cognitive Services OpenAI Contributor",
      "account",
    ],
  ])("resolves %s to role %s", (role, id, name, scope) => {
    const [env] = resolve(envWith([{ name: "app", principal: APP, roles: [role], scope }]));
    const grants = scope === "environment" ? env!.shared.access : env!.regions[0]!.access;
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ roleId: id, roleName: name, principal: APP });
  });

  it("accepts a role definition GUID it does not know (custom or newer roles), with a reason", () => {
    const custom = "0b7c9e2a-1111-4222-8333-444455556666";
    expect(problems(envWith([{ name: "app", principal: APP, roles: [custom] }]))).toEqual([
      expect.objectContaining({
        path: "access.0.roles.0",
        message:
          "is not in the role catalog (catalog/roles.ts): say in reason what the role is and why it is needed",
      }),
    ]);
    const reason = "Custom role 'AOAI deployment reader' from the platform team";
    const [env] = resolve(envWith([{ name: "app", principal: APP, roles: [custom], reason }]));
    expect(env!.regions[0]!.access[0]).toMatchObject({
      key: `app-role-${custom}`,
      roleId: custom,
      roleName: custom,
    });
  });

  it("grants account-scope roles on every region's account, by the account's resource ID", () => {
    const [env] = resolve(envWith([{ name: "app", principal: APP, roles: ["inference"] }]));
    for (const region of env!.regions) {
      expect(region.access).toEqual([
        expect.objectContaining({
          key: "app-inference",
          scope: "account",
          scopeId: `/subscriptions/${SUB}/resourceGroups/${region.resourceGroupName}/providers/Microsoft.CognitiveServices/accounts/${region.account.name}`,
        }),
      ]);
    }
    expect(env!.shared.access).toEqual([]);
  });

  it("grants resource-group roles on the region's group, and only in the listed regions", () => {
    const [env] = resolve(
      envWith([
        {
          name: "team",
          principal: APP,
          roles: ["model-management"],
          scope: "resourceGroup",
          regions: ["francecentral"],
        },
      ]),
    );
    const [sdc, frc] = env!.regions;
    expect(sdc!.access).toEqual([]);
    expect(frc!.access).toEqual([
      expect.objectContaining({
        scope: "resourceGroup",
        scopeId: `/subscriptions/${SUB}/resourceGroups/${frc!.resourceGroupName}`,
      }),
    ]);
  });

  it("grants environment-scope roles on the subscription, in the shared stack", () => {
    const [env] = resolve(
      envWith([{ name: "ops", principal: APP, roles: ["usage-reader", "Reader"], scope: "environment" }]),
    );
    expect(env!.shared.access.map((g) => [g.key, g.scopeId])).toEqual([
      ["ops-usage-reader", `/subscriptions/${SUB}`],
      ["ops-reader", `/subscriptions/${SUB}`],
    ]);
    expect(env!.regions.every((r) => r.access.length === 0)).toBe(true);
  });

  // That AOAI-IAM1 then fails the synth without a waiver is test/stacks/guardrails.test.ts's.
  it("leaves privileged roles to the guardrails: they resolve as written, with no waiver made up", () => {
    const [env] = resolve(
      envWith([
        {
          name: "ops",
          principal: APP,
          roles: ["Owner", "contributor", "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"],
        },
      ]),
    );
    expect(env!.regions[0]!.access.map((g) => g.roleName)).toEqual([
      "Owner",
      "Contributor",
      "User Access Administrator",
    ]);
    expect(env!.waivers).toEqual([]);
  });

  it("accepts a privileged role with a reason and carries the reason to the assignment", () => {
    const reason = "Break-glass group, membership through PIM only";
    const [env] = resolve(
      envWith([{ name: "break-glass", principal: APP, roles: ["Owner"], scope: "resourceGroup", reason }]),
    );
    expect(env!.regions[0]!.access[0]).toMatchObject({
      roleId: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
      reason,
    });
  });

  it("rejects a reason too short to say anything", () => {
    expect(problems(envWith([{ name: "ops", principal: APP, roles: ["Owner"], reason: "because" }]))).toEqual(
      [
        expect.objectContaining({
          path: "access.0.reason",
          message: "must say why, in at least 10 characters",
        }),
      ],
    );
  });

  it("rejects an unknown role name, listing what is accepted", () => {
    expect(problems(envWith([{ name: "app", principal: APP, roles: ["OpenAI Superuser"] }]))).toEqual([
      expect.objectContaining({
        path: "access.0.roles.0",
        message:
          'unknown role: use an intent (inference, model-management, usage-reader), a built-in role name such as "Cognitive Services OpenAI User", or a role definition GUID',
      }),
    ]);
  });

  it("rejects Usages Reader below the subscription", () => {
    expect(problems(envWith([{ name: "ops", principal: APP, roles: ["usage-reader"] }]))).toEqual([
      expect.objectContaining({
        path: "access.0.roles.0",
        message: "Cognitive Services Usages Reader works at subscription scope only: set scope: environment",
      }),
    ]);
  });

  it("rejects regions at environment scope, regions the environment lacks, duplicate names and roles", () => {
    const found = problems(
      envWith([
        { name: "ops", principal: APP, roles: ["Reader"], scope: "environment", regions: ["swedencentral"] },
        {
          name: "app",
          principal: APP,
          roles: ["inference", "Cognitive Services OpenAI User"],
          regions: ["eastus2"],
        },
        { name: "app", principal: APP, roles: ["inference"] },
      ]),
    );
    expect(found.map((p) => [p.path, p.message])).toEqual([
      [
        "access.0.regions",
        "applies to account and resourceGroup scopes only; the environment scope is the subscription",
      ],
      ["access.1.regions.0", "is not one of the environment's regions: swedencentral, francecentral"],
      ["access.1.roles.1", "grants the same role as roles[0]"],
      ["access.2.name", "duplicate grant name (also at access[1])"],
      [
        "access.2",
        "gives app-chat Cognitive Services OpenAI User at the same scope as access[1] (app): keep one",
      ],
    ]);
  });

  it("rejects two grants of one role to one principal at one scope (one Azure assignment, managed twice)", () => {
    const found = problems(
      envWith([
        { name: "app", principal: APP, roles: ["inference"], regions: ["swedencentral"] },
        {
          name: "app-too",
          principal: { ...APP, objectId: APP.objectId.toUpperCase() },
          roles: ["inference"],
        },
        { name: "app-rg", principal: APP, roles: ["inference"], scope: "resourceGroup" },
      ]),
    );
    expect(found.map((p) => [p.path, p.message])).toEqual([
      [
        "access.1",
        "gives app-chat Cognitive Services OpenAI User at the same scope as access[0] (app): keep one",
      ],
    ]);
  });

  it("lets one principal hold one role in disjoint regions through two grants, but not twice subscription-wide", () => {
    const twoRegions = envWith(
      [
        { name: "app-sdc", principal: APP, roles: ["inference"], regions: ["swedencentral"] },
        { name: "app-frc", principal: APP, roles: ["inference"], regions: ["francecentral"] },
      ],
      {
        regions: [
          ...(validEnvironment().regions as unknown[]),
          {
            location: "francecentral",
            network: { addressSpace: "10.31.0.0/24", privateEndpointSubnet: "10.31.0.0/27" },
          },
        ],
      },
    );
    const [env] = resolve(twoRegions);
    expect(env!.regions.map((r) => r.access.map((g) => g.principal.objectId))).toEqual([
      [APP.objectId],
      [APP.objectId],
    ]);
    const twice = envWith([
      { name: "reader", principal: APP, roles: ["Monitoring Reader"], scope: "environment" },
      { name: "reader-too", principal: APP, roles: ["Monitoring Reader"], scope: "environment" },
    ]);
    // Reported once, at the second grant (not a second time as if another environment held it).
    expect(problems(twice).map((p) => [p.path, p.message])).toEqual([
      ["access.1", "gives app-chat Monitoring Reader at the same scope as access[0] (reader): keep one"],
    ]);
  });

  it("lets one principal hold two roles at one scope through separate grants, and two principals one role", () => {
    const OTHER = { ...APP, objectId: "8b2d3f4a-5c6e-4d7f-9a01-b2c3d4e5f6a7", displayName: "app-other" };
    const [env] = resolve(
      envWith([
        { name: "app-user", principal: APP, roles: ["inference"] },
        {
          name: "app-reader",
          principal: APP,
          roles: ["Cognitive Services Usages Reader"],
          scope: "environment",
        },
        { name: "app-contrib", principal: APP, roles: ["Cognitive Services OpenAI Contributor"] },
        { name: "other-user", principal: OTHER, roles: ["inference"] },
      ]),
    );
    expect(env!.regions[0]!.access.map((g) => [g.principal.displayName, g.roleName])).toEqual([
      ["app-chat", "Cognitive Services OpenAI User"],
      ["app-chat", "Cognitive Services OpenAI Contributor"],
      ["app-other", "Cognitive Services OpenAI User"],
    ]);
  });

  it.each<[string, string[] | undefined, string[] | undefined]>([
    ["every region, then one", undefined, ["swedencentral"]],
    ["two regions, then one of them", ["swedencentral", "francecentral"], ["swedencentral"]],
    ["one region, then two including it", ["francecentral"], ["swedencentral", "francecentral"]],
  ])("finds the same assignment twice when region lists overlap: %s", (_what, first, second) => {
    const found = problems(
      envWith([
        { name: "first", principal: APP, roles: ["inference"], ...(first && { regions: first }) },
        { name: "second", principal: APP, roles: ["inference"], ...(second && { regions: second }) },
      ]),
    );
    expect(found.map((p) => [p.path, p.message])).toEqual([
      [
        "access.1",
        "gives app-chat Cognitive Services OpenAI User at the same scope as access[0] (first): keep one",
      ],
    ]);
  });

  it("treats subscription-wide grants as one scope whatever regions they wrongly name", () => {
    const found = problems(
      envWith([
        { name: "ops", principal: APP, roles: ["Reader"], scope: "environment", regions: ["swedencentral"] },
        {
          name: "ops-too",
          principal: APP,
          roles: ["Reader"],
          scope: "environment",
          regions: ["francecentral"],
        },
      ]),
    );
    expect(found.map((p) => p.path)).toEqual(["access.0.regions", "access.1.regions", "access.1"]);
  });

  it("reports a role listed twice in one grant once, not also as a second grant", () => {
    const found = problems(envWith([{ name: "app", principal: APP, roles: ["inference", "inference"] }]));
    expect(found.map((p) => [p.path, p.message])).toEqual([
      ["access.0.roles.1", "grants the same role as roles[0]"],
    ]);
  });

  it("reads a privileged grant's reason as a waiver of AOAI-IAM1 on each privileged assignment, and says so", () => {
    const reason = "Break-glass group, membership through PIM only";
    const { environments, warnings } = resolveObjects([
      envWith([
        { name: "ops", principal: APP, roles: ["inference", "Cognitive Services Contributor"], reason },
      ]),
    ]);
    expect(environments[0]!.waivers).toEqual([
      {
        rule: "AOAI-IAM1",
        resource: "*/access/ops-cognitive-services-contributor",
        reason,
        source: expect.stringMatching(/: access\.0\.reason$/),
      },
    ]);
    expect(warnings.map((w) => [w.path, w.message])).toContainEqual([
      ["access", 0, "reason"],
      expect.stringMatching(/^is replaced by waivers: it is read as the waiver \{ rule: AOAI-IAM1/),
    ]);
  });

  it("accepts ABAC conditions only on roles Azure takes them for", () => {
    const condition =
      "@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'training'";
    expect(problems(envWith([{ name: "app", principal: APP, roles: ["inference"], condition }]))).toEqual([
      expect.objectContaining({
        path: "access.0.condition",
        message: expect.stringMatching(/^Cognitive Services OpenAI User takes no ABAC condition/),
      }),
    ]);
    const [env] = resolve(
      envWith([{ name: "app", principal: APP, roles: ["Storage Blob Data Reader"], condition }]),
    );
    expect(env!.regions[0]!.access[0]!.condition).toBe(condition);
  });

  it("rejects a principal without a valid object ID or type", () => {
    const found = problems(
      envWith([
        {
          name: "app",
          principal: { objectId: "app-chat", type: "App", displayName: "x" },
          roles: ["inference"],
        },
      ]),
    );
    expect(found.map((p) => p.path).sort()).toEqual([
      "access.0.principal.objectId",
      "access.0.principal.type",
    ]);
  });

  it("refuses the same subscription-wide grant from two environments sharing a subscription", () => {
    const grant = { name: "ops", principal: APP, roles: ["Reader"], scope: "environment" };
    const dev = envWith([grant], { azurePolicy: { assign: false } });
    const test = { ...envWith([grant]), name: "test" };
    expect(problems(dev, test)).toEqual([
      expect.objectContaining({
        path: "access",
        message: expect.stringMatching(
          /^app-chat already holds Reader on this subscription through .*dev\.yaml; grant it in one environment$/,
        ),
      }),
    ]);
  });
});
