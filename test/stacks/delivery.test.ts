/**
 * Delivery: the rights the CI identities need (derived from the estate), the bootstrap stack that grants
 * them and creates the state storage, and the state backends a config can choose.
 */
import { Testing } from "cdktf";
import { roleAssignmentName } from "../../constructs/access/assignment-name";
import { STORAGE_BLOB_DATA_READER } from "../../catalog/roles";
import { ciRights, delegationCondition } from "../../estate/ci-identities";
import { BootstrapStack } from "../../stacks/bootstrap-stack";
import { bootstrapProblems } from "../../tools/bootstrap";
import { problemsOf, resolveObjects, synthEstate, validEnvironment } from "../helpers";
import { synthBundledEstate } from "./bundled";

const { estate, synthesized } = synthBundledEstate();
const prod = estate.environments.find((e) => e.name === "prod")!;
const dev = estate.environments.find((e) => e.name === "dev")!;

describe("CI identities", () => {
  it("may assign exactly the roles the environment's stacks assign", () => {
    const assigned = new Set(
      [...synthesized]
        .filter(([stack]) => stack.startsWith("prod-"))
        .flatMap(([, j]) => Object.values<any>(j.resource.azurerm_role_assignment ?? {}))
        .map((a) => String(a.role_definition_id).split("/").pop()!.toLowerCase()),
    );
    const rbac = ciRights(prod).find((r) => r.role === "Role Based Access Control Administrator")!;
    expect(rbac.identity).toBe("deploy");
    expect(rbac.condition).toBe(delegationCondition([...assigned].sort()));
  });

  it("give prod's deploy identity policy, Defender, locks and state; the plan identity reads only", () => {
    const roles = (identity: string) =>
      ciRights(prod)
        .filter((r) => r.identity === identity)
        .map((r) => `${r.role} @ ${r.scope}`);
    expect(roles("plan")).toEqual(["Reader @ subscription", "Storage Blob Data Reader @ state container"]);
    expect(roles("deploy")).toEqual([
      "Contributor @ subscription",
      "Role Based Access Control Administrator @ subscription",
      "Resource Policy Contributor @ subscription",
      "Security Admin @ subscription",
      "Management Lock Operator (azure-openai-platform) @ subscription",
      "Storage Blob Data Contributor @ state container",
    ]);
  });

  it("follow the config: no locks in unprotected dev, no state rights with local state", () => {
    const roles = ciRights(dev).map((r) => r.role);
    expect(roles).not.toContain("Management Lock Operator (azure-openai-platform)");
    expect(roles).not.toContain("Storage Blob Data Contributor");
    expect(roles).toContain("Contributor");
  });
});

describe("bootstrap stack", () => {
  const stack = new BootstrapStack(Testing.app(), "prod-bootstrap", prod);
  const r = JSON.parse(Testing.synth(stack));
  const storage = r.resource.azurerm_storage_account.state;

  it("keeps its own state locally: the store it creates cannot hold it yet", () => {
    expect(r.terraform.backend.local.path).toMatch(/terraform\.tfstate$/);
  });

  it("creates private, Entra-only state storage with versions, soft delete, a lock and no public endpoint", () => {
    expect(storage).toMatchObject({
      name: "sttfstateprod001",
      resource_group_name: "${azurerm_resource_group.state_resource_group.name}",
      location: "swedencentral",
      account_replication_type: "GZRS",
      shared_access_key_enabled: false,
      default_to_oauth_authentication: true,
      allow_nested_items_to_be_public: false,
      public_network_access_enabled: false,
      blob_properties: { versioning_enabled: true, delete_retention_policy: { days: 30 } },
      lifecycle: { prevent_destroy: true },
    });
    expect(r.resource.azurerm_management_lock.state_Lock.scope).toBe("${azurerm_storage_account.state.id}");
    expect(r.resource.azurerm_private_endpoint.state_private_endpoint).toMatchObject({
      subnet_id: (prod.stateBackend as { privateEndpointSubnetId: string }).privateEndpointSubnetId,
      private_service_connection: { subresource_names: ["blob"] },
    });
  });

  it("grants every CI right the estate derives, to the named identity, at its scope", () => {
    const assignments = Object.values<any>(r.resource.azurerm_role_assignment);
    const rights = ciRights(prod);
    expect(assignments).toHaveLength(rights.length);
    for (const right of rights) {
      const principal = prod.ci![right.identity].objectId;
      const match = assignments.find(
        (a) => a.principal_id === principal && String(a.description).includes(`: ${right.role}.`),
      );
      expect([right.role, match?.scope]).toEqual([
        right.role,
        right.scope === "state container"
          ? "${azurerm_storage_container.state_container.id}"
          : "/subscriptions/33333333-3333-3333-3333-333333333333",
      ]);
      expect(match.condition).toBe(right.condition);
    }
  });

  it("names the state grants after the container's ID, so they are the same on every run and importable", () => {
    const backend = prod.stateBackend as { containerScopeId: string };
    expect(backend.containerScopeId).toBe(
      "/subscriptions/33333333-3333-3333-3333-333333333333/resourceGroups/rg-tfstate-prod/providers/Microsoft.Storage/storageAccounts/sttfstateprod001/blobServices/default/containers/tfstate",
    );
    const reader = Object.values<any>(r.resource.azurerm_role_assignment).find(
      (a) =>
        a.principal_id === prod.ci!.plan.objectId &&
        String(a.role_definition_id).endsWith(STORAGE_BLOB_DATA_READER.id),
    );
    expect(reader.name).toBe(
      roleAssignmentName(backend.containerScopeId, STORAGE_BLOB_DATA_READER.id, prod.ci!.plan.objectId),
    );
  });

  it("defines the lock role with lock actions only, before it is assigned", () => {
    const role = r.resource.azurerm_role_definition.lock_operator_role;
    expect(role.permissions).toEqual([
      {
        actions: [
          "Microsoft.Authorization/locks/read",
          "Microsoft.Authorization/locks/write",
          "Microsoft.Authorization/locks/delete",
        ],
      },
    ]);
    const lockGrant = Object.values<any>(r.resource.azurerm_role_assignment).find((a) =>
      String(a.role_definition_id).endsWith(role.role_definition_id),
    );
    expect(lockGrant.depends_on).toEqual(["azurerm_role_definition.lock_operator_role"]);
  });

  it("is refused in a protected environment without a subnet for the private endpoint, naming the key", () => {
    const env = { ...validEnvironment(), protected: true, customerManagedKey: { enabled: false } } as any;
    env.stateBackend = {
      resourceGroupName: "rg-tfstate",
      storageAccountName: "sttfstate",
      containerName: "tfstate",
    };
    const [resolved] = resolveObjects([env]).environments;
    expect(bootstrapProblems(resolved!)).toEqual([
      expect.stringMatching(
        /dev\.yaml: stateBackend\.privateEndpointSubnetId: required in a protected environment/,
      ),
    ]);
    const [bare] = resolveObjects([validEnvironment()]).environments;
    expect(bootstrapProblems(bare!)).toEqual([
      expect.stringMatching(/has neither stateBackend nor ci: there is nothing to bootstrap$/),
    ]);
  });
});

describe("state backends", () => {
  const stacksOf = (stateBackend: object) => {
    return synthEstate(resolveObjects([{ ...validEnvironment(), stateBackend }]));
  };

  it("moves dev to Azure Storage by config: one state file per stack, Entra ID and OIDC, no key", () => {
    const stacks = stacksOf({
      resourceGroupName: "rg-tfstate-dev",
      storageAccountName: "sttfstatedev001",
      containerName: "tfstate",
    });
    for (const [name, j] of stacks) {
      expect(j.terraform.backend).toEqual({
        azurerm: {
          resource_group_name: "rg-tfstate-dev",
          storage_account_name: "sttfstatedev001",
          container_name: "tfstate",
          key: `${name}.tfstate`,
          use_azuread_auth: true,
          use_oidc: true,
        },
      });
    }
    // Cross-stack references read the producer's state with the same backend, and carry no secret.
    const region = stacks.get("dev-swedencentral")!;
    for (const state of Object.values<any>(region.data.terraform_remote_state))
      expect(state).toMatchObject({
        backend: "azurerm",
        config: { use_oidc: true, key: "dev-shared.tfstate" },
      });
    expect(JSON.stringify(region)).not.toMatch(/access_key|sas_token|client_secret/);
  });

  it("runs on HCP Terraform by config: one workspace per stack", () => {
    const stacks = stacksOf({ type: "hcp", organization: "contoso", workspacePrefix: "aoai-" });
    for (const [name, j] of stacks)
      expect(j.terraform.cloud).toEqual({
        hostname: "app.terraform.io",
        organization: "contoso",
        workspaces: { name: `aoai-${name}` },
      });
  });
});

describe("adopting an existing account", () => {
  const adopting = (adopt: object) => {
    const env = validEnvironment() as any;
    env.regions[0].adopt = adopt;
    return env;
  };

  it("keeps the account's names, so an import takes it over, at the same Terraform address", () => {
    const estate = resolveObjects([
      adopting({
        accountName: "contoso-openai",
        customSubdomainName: "contoso-ai",
        resourceGroupName: "rg-ai",
      }),
    ]);
    const region = synthEstate(estate).get("dev-swedencentral")!.resource;
    expect(region.azurerm_cognitive_account.openai).toMatchObject({
      name: "contoso-openai",
      custom_subdomain_name: "contoso-ai",
    });
    expect(region.azurerm_resource_group.resource_group.name).toBe("rg-ai");
    expect(region.azurerm_private_endpoint.openai_private_endpoint.name).toBe("pep-contoso-openai");
  });

  it("checks adopted names against Azure's rules, at their place in the file", () => {
    const problems = problemsOf([adopting({ accountName: "-bad name-" })]);
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: "regions.0.adopt.accountName",
        message: expect.stringMatching(
          /^Azure OpenAI account and custom subdomain name "-bad name-" is not allowed: lower-case letters, digits and '-'; starts and ends/,
        ),
      }),
    );
  });
});
