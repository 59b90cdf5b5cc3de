/**
 * `<env>-bootstrap`: what must exist before CI can run the environment's stacks, applied once by an
 * administrator (Owner or User Access Administrator) with local state: the state storage, and the CI
 * identities' rights as the estate derives them (estate/ci-identities.ts). It is synthesized apart from
 * the estate (npm run bootstrap), so CI never plans it.
 */
import { LocalBackend } from "cdktf";
import type { Construct } from "constructs";
import { uuidV5 } from "../constructs/access/assignment-name";
import { Access, type RoleGrant } from "../constructs/access";
import { RoleDefinition } from "../constructs/azurerm";
import { StateStore } from "../constructs/state-store";
import { scopeIds } from "../catalog/resource-ids";
import { applyGuardrails } from "../policies/aspect";
import { bootstrapWaivers, ciGrantKey, ciRights, LOCK_OPERATOR_ROLE } from "../estate/ci-identities";
import type { EnvironmentEstate } from "../estate/types";
import { addAzurermProvider, ReadableAddressStack } from "./platform-stack";

/** Namespace of the custom role's GUID, so it is the same on every run (any fixed v4 UUID). */
const ROLE_NAMESPACE = "8f0c6a52-2b7e-4a51-9d1e-3c4b5a697d80";

export class BootstrapStack extends ReadableAddressStack {
  constructor(scope: Construct, id: string, env: EnvironmentEstate) {
    super(scope, id);
    addAzurermProvider(this, env);
    // Local state beside the stack: the administrator keeps terraform.tfstate, or moves it into the
    // store it created (terraform init -migrate-state with the backend the estate uses).
    new LocalBackend(this, { path: "terraform.tfstate" });
    const backend = env.stateBackend?.type === "azurerm" ? env.stateBackend : undefined;
    const store = backend
      ? new StateStore(this, "state", {
          resourceGroupName: backend.resourceGroupName,
          storageAccountName: backend.storageAccountName,
          containerName: backend.containerName,
          location: backend.location,
          privateEndpointSubnetId: backend.privateEndpointSubnetId,
          tags: env.tags,
        })
      : undefined;
    if (env.ci) this.grantCiRights(env, store, backend);
    applyGuardrails(
      this,
      { today: env.today },
      {
        environment: env.name,
        protected: env.protected,
        peerRanges: env.peerRanges,
        waivers: bootstrapWaivers(env),
      },
    );
  }

  private grantCiRights(
    env: EnvironmentEstate,
    store: StateStore | undefined,
    backend: Extract<EnvironmentEstate["stateBackend"], { type: "azurerm" }> | undefined,
  ): void {
    const subscription = scopeIds.subscription(env.subscriptionId);
    const rights = ciRights(env);
    const lockRoleId = uuidV5(`${env.subscriptionId.toLowerCase()}|lock-operator`, ROLE_NAMESPACE);
    const lockRole = rights.some((r) => r.role === LOCK_OPERATOR_ROLE.name)
      ? new RoleDefinition(this, "lock_operator_role", {
          roleDefinitionId: lockRoleId,
          name: LOCK_OPERATOR_ROLE.name,
          scope: subscription,
          description: "Creates and removes management locks; nothing else.",
          permissions: [{ actions: [...LOCK_OPERATOR_ROLE.actions] }],
          assignableScopes: [subscription],
        })
      : undefined;
    const grants: RoleGrant[] = rights.flatMap((right) => {
      const who = env.ci![right.identity];
      const roleId = right.roleId ?? lockRoleId;
      const atContainer = right.scope === "state container";
      if (atContainer && !store) return [];
      return [
        {
          key: ciGrantKey(right),
          principal: {
            objectId: who.objectId,
            type: "ServicePrincipal" as const,
            displayName: who.displayName,
          },
          roleId,
          roleName: right.role,
          scope: atContainer ? store!.containerId : subscription,
          scopeId: atContainer ? backend!.containerScopeId : subscription,
          reason: right.why,
          condition: right.condition,
        },
      ];
    });
    new Access(this, "ci_access", {
      subscriptionId: env.subscriptionId,
      grants,
      dependsOn: lockRole ? [lockRole] : undefined,
    });
  }
}
