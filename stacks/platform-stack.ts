/**
 * Base of every stack: the azurerm provider for the environment, the state backend, the guardrail pack
 * (policies/) with the environment's waivers, and readable, stable Terraform addresses.
 *
 * cdktf's default logical IDs end in a hash of the construct path (`openai_Resource_1A2B3C4D`). Here the
 * address is the path itself (`openai`, `deployment_chat`), so reviewers read plans without a decoder
 * ring. A construct ID is a Terraform address: renaming one destroys and recreates the resource.
 */
import {
  AzurermBackend,
  CloudBackend,
  NamedCloudWorkspace,
  TerraformStack,
  type TerraformElement,
} from "cdktf";
import type { Construct, Node } from "constructs";
import { AzurermProvider } from "../constructs/azurerm";
import { applyGuardrails, takeGuardrailSnapshot } from "../policies/aspect";
import type { EnvironmentEstate } from "../estate/types";

/** Path components left out of addresses: a construct's primary resource is named after the construct. */
const HIDDEN_IDS = new Set(["Resource", "Default"]);

/**
 * A stack whose Terraform addresses are construct paths. Used by PlatformStack, and by construct tests
 * so they can assert on the addresses a real stack gives.
 */
export class ReadableAddressStack extends TerraformStack {
  private readonly addresses = new Map<string, string>();

  /** The JSON the guardrails already resolved, when nothing can have changed since (policies/aspect.ts). */
  public override toTerraform(): Record<string, unknown> {
    return takeGuardrailSnapshot(this) ?? super.toTerraform();
  }

  protected override allocateLogicalId(element: TerraformElement | Node): string {
    const node = "node" in element ? element.node : element;
    const stackIndex = node.scopes.indexOf(this);
    const parts = node.scopes
      .slice(stackIndex + 1)
      .map((c) => c.node.id)
      .filter((id) => !HIDDEN_IDS.has(id));
    if (parts.length === 0) return super.allocateLogicalId(element);
    const address = parts.map((p) => p.replace(/[^A-Za-z0-9_]/g, "_")).join("_");
    const owner = this.addresses.get(address);
    if (owner !== undefined && owner !== node.path) {
      throw new Error(
        `${node.path}: Terraform address "${address}" is already used by ${owner}; choose another construct ID`,
      );
    }
    this.addresses.set(address, node.path);
    return address;
  }
}

/** The environment's azurerm provider, with the features every stack of it relies on. */
export function addAzurermProvider(stack: TerraformStack, env: EnvironmentEstate): AzurermProvider {
  return new AzurermProvider(stack, "azurerm", {
    subscriptionId: env.subscriptionId,
    tenantId: env.tenantId,
    // Data-plane calls to storage use Entra ID: the estate holds no storage keys.
    storageUseAzuread: true,
    features: [
      {
        // Unprotected environments purge on destroy so names can be reused at once; protected ones
        // keep soft-deleted accounts recoverable for 48 hours.
        cognitiveAccount: [{ purgeSoftDeleteOnDestroy: !env.protected }],
        resourceGroup: [{ preventDeletionIfContainsResources: true }],
        // Key-encryption vaults have purge protection (Azure OpenAI requires it), so purging could
        // only fail; a destroyed vault or key stays recoverable for 90 days and is recovered on re-create.
        // Storage accounts here are private, with a blob endpoint only: reading queue or static-website
        // properties through the data plane would fail with 403. Everything the estate sets on
        // storage (blob properties, containers) goes through Resource Manager.
        storage: [{ dataPlaneAvailable: false }],
        keyVault: [
          {
            purgeSoftDeleteOnDestroy: false,
            purgeSoftDeletedKeysOnDestroy: false,
            recoverSoftDeletedKeyVaults: true,
            recoverSoftDeletedKeys: true,
          },
        ],
      },
    ],
  });
}

export class PlatformStack extends ReadableAddressStack {
  constructor(scope: Construct, id: string, env: EnvironmentEstate) {
    super(scope, id);
    addAzurermProvider(this, env);
    applyGuardrails(
      this,
      { today: env.today },
      { environment: env.name, protected: env.protected, peerRanges: env.peerRanges, waivers: env.waivers },
    );
    const backend = env.stateBackend;
    if (backend?.type === "azurerm") {
      new AzurermBackend(this, {
        resourceGroupName: backend.resourceGroupName,
        storageAccountName: backend.storageAccountName,
        containerName: backend.containerName,
        key: `${id}.tfstate`,
        // Entra ID and OIDC, never access keys: cross-stack references copy the backend block into
        // the consuming stack's terraform_remote_state.
        useAzureadAuth: true,
        useOidc: true,
      });
    } else if (backend?.type === "hcp") {
      new CloudBackend(this, {
        hostname: backend.hostname,
        organization: backend.organization,
        workspaces: new NamedCloudWorkspace(`${backend.workspacePrefix}${id}`),
      });
    }
  }
}
