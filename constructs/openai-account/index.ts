/**
 * OpenAiAccount: one Azure OpenAI (or AI services) account with every secure setting written out.
 *
 * Meets: enterprise security (keyless, private, restricted egress, managed identity, protection).
 * Azure constraints that shaped it:
 * - custom_subdomain_name is required for private endpoints and Entra ID auth, and changing it, the
 *   name, kind or location replaces the account (new endpoint, fine-tuned models lost).
 * - Checkov and Azure Policy flag omitted attributes even where a default would be secure, so
 *   public access, local auth, network ACLs and outbound restriction are always explicit.
 * - The provider purges soft-deleted accounts on destroy unless told otherwise (provider features);
 *   protection here adds a CanNotDelete lock and prevent_destroy.
 */
import { dependable, Lazy, type ITerraformDependable, type TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { AccountAlerts, type AccountAlertsProps } from "../account-alerts";
import { ACCOUNT_SUBRESOURCE } from "../../catalog/private-dns";
import { scopeIds } from "../../catalog/resource-ids";
import { ROLE_INTENTS, builtInRole } from "../../catalog/roles";
import type { Principal } from "../access";
import { CognitiveAccount, type ManagementLock, type RoleAssignment } from "../azurerm";
import type { PrivateEndpoint } from "../private-endpoint";
import {
  addDiagnostics,
  addPrivateEndpoints,
  applyProtection,
  ResourceGrants,
  type DiagnosticsOptions,
  type PrivateEndpointsOptions,
  type ProtectionOptions,
  type ResourceGrant,
  type RoleAssignmentsOptions,
} from "../resource-options";
import { isKnown, PropError, requireOneOf, requireRule, requireName } from "../validation";

export type AccountKind = "OpenAI" | "AIServices";
export type NetworkBypass = "AzureServices" | "None";

export interface OpenAiAccountProps
  extends ProtectionOptions, DiagnosticsOptions, PrivateEndpointsOptions, RoleAssignmentsOptions {
  /** Account name; also the custom subdomain unless `customSubdomainName` says otherwise. */
  readonly name: string;
  readonly location: string;
  readonly resourceGroupName: string;
  /**
   * Globally unique DNS label of the account endpoint (`https://<label>.openai.azure.com`).
   * @default the account name
   */
  readonly customSubdomainName?: string;
  /**
   * @default "OpenAI"
   */
  readonly kind?: AccountKind;
  /**
   * Azure OpenAI has one pricing tier for the account; deployments carry their own SKUs.
   * @default "S0"
   */
  readonly skuName?: "S0";
  /**
   * Reach the account from public networks at all. Keep false and use private endpoints.
   * @default false
   */
  readonly publicNetworkAccessEnabled?: boolean;
  /**
   * Public IPv4 addresses or CIDR ranges allowed through the account firewall (e.g. self-hosted CI
   * runners). Only meaningful with public network access enabled.
   * @default none
   */
  readonly allowedIpRanges?: readonly string[];
  /**
   * Let trusted Azure services (AI Search, Machine Learning, AI services, by managed identity) through
   * the firewall.
   * @default "None"
   */
  readonly networkBypass?: NetworkBypass;
  /**
   * FQDNs the account may call out to while outbound access is restricted (e.g. its fine-tuning storage).
   * @default none: no outbound calls
   */
  readonly allowedFqdns?: readonly string[];
  /**
   * Metric alerts on throttling (HTTP 429), server errors, response time and, with `provisioned`, PTU
   * utilization (`AccountAlerts`), with thresholds and the action group to notify. `false` turns them off.
   * @default on, with the default thresholds and no action group
   */
  readonly alerts?: false | AccountAlertsOptions;
  /**
   * @default no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The alert props an account fills in itself (its ID, name, group and tags) left out. */
export type AccountAlertsOptions = Omit<
  AccountAlertsProps,
  "accountId" | "accountName" | "resourceGroupName" | "tags"
>;

const MAX_FQDNS = 1000;

export class OpenAiAccount extends Construct {
  /** Azure resource ID. */
  readonly id: string;
  readonly name: string;
  readonly location: string;
  readonly kind: AccountKind;
  readonly customSubdomainName: string;
  /** The endpoint clients must call (the custom-subdomain host). */
  readonly endpoint: string;
  /** Object ID of the account's system-assigned identity. */
  readonly principalId: string;
  /** The provider resource, for constructs of this package that attach to the account. */
  readonly resource: CognitiveAccount;
  /** The delete lock, when protected. */
  readonly lock?: ManagementLock;
  /**
   * Private endpoints into the account (subresource "account"). Each waits until the account has
   * settled: its key attached and its last operation done.
   */
  readonly privateEndpoints: readonly PrivateEndpoint[];
  private readonly operations: AccountOperation[] = [];
  private declaredOrder?: readonly string[];
  private readonly grants: ResourceGrants;

  constructor(scope: Construct, id: string, props: OpenAiAccountProps) {
    super(scope, id);
    const kind = props.kind ?? "OpenAI";
    const subdomain = props.customSubdomainName ?? props.name;
    const bypass = props.networkBypass ?? "None";
    const ipRules = props.allowedIpRanges ?? [];
    const fqdns = props.allowedFqdns ?? [];
    const publicAccess = props.publicNetworkAccessEnabled ?? false;
    const protection = props.protection ?? true;

    requireName(this, "name", props.name, "openAiAccount");
    requireName(this, "customSubdomainName", subdomain, "openAiAccount");
    requireOneOf(this, "kind", kind, ["OpenAI", "AIServices"]);
    requireOneOf(this, "skuName", props.skuName ?? "S0", ["S0"]);
    requireOneOf(this, "networkBypass", bypass, ["AzureServices", "None"]);
    for (const ip of ipRules) requireRule(this, "allowedIpRanges", ip, "ipv4OrCidr", "entries");
    if (ipRules.length > 0 && !publicAccess) {
      throw new PropError(
        this,
        "allowedIpRanges",
        ipRules,
        "has no effect while publicNetworkAccessEnabled is false; enable public access explicitly or remove the ranges",
      );
    }
    for (const fqdn of fqdns) requireRule(this, "allowedFqdns", fqdn, "fqdn", "entries");
    if (fqdns.length > MAX_FQDNS)
      throw new PropError(this, "allowedFqdns", fqdns.length, `may hold at most ${MAX_FQDNS} entries`);
    if (isKnown(props.location) && props.location.trim() === "")
      throw new PropError(this, "location", props.location, "must be an Azure region");

    this.resource = new CognitiveAccount(this, "Resource", {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      kind,
      skuName: props.skuName ?? "S0",
      customSubdomainName: subdomain,
      publicNetworkAccessEnabled: publicAccess,
      localAuthEnabled: false,
      outboundNetworkAccessRestricted: true,
      fqdns: [...fqdns],
      networkAcls: { defaultAction: "Deny", bypass, ipRules: [...ipRules] },
      identity: { type: "SystemAssigned" },
      tags: { ...props.tags },
    });

    this.lock = applyProtection(
      this,
      this.resource,
      protection,
      "Protected environment: holds deployments and fine-tuned models. Remove deliberately.",
    );

    this.id = this.resource.id;
    this.name = props.name;
    this.location = props.location;
    this.kind = kind;
    this.customSubdomainName = subdomain;
    this.endpoint = this.resource.endpoint;
    this.principalId = this.resource.identity.principalId;

    addDiagnostics(this, this.id, props.diagnostics);
    if (props.alerts !== false)
      new AccountAlerts(this, "alerts", {
        accountId: this.id,
        accountName: props.name,
        resourceGroupName: props.resourceGroupName,
        tags: props.tags,
        ...props.alerts,
      });
    this.privateEndpoints = addPrivateEndpoints(
      this,
      { ...props, id: this.id },
      ACCOUNT_SUBRESOURCE,
      props.privateEndpoints,
      {
        tags: props.tags,
      },
    );
    // Like an operation's, resolved at synthesis: the endpoint waits for whatever runs last on the account.
    for (const endpoint of this.privateEndpoints)
      endpoint.resource.dependsOn = Lazy.listValue({ produce: () => [dependable(this.settledAfter)] });
    this.grants = new ResourceGrants(this, this.id, props, scopeIds.account);
  }

  /** Grants a role on this account. */
  grant(grant: ResourceGrant): void {
    this.grants.grant(grant);
  }

  /** Lets a principal call the deployments (Cognitive Services OpenAI User): inference, nothing else. */
  grantInference(principal: Principal, key = `inference_${shortKey(principal)}`): void {
    const role = builtInRole(ROLE_INTENTS.inference);
    this.grant({ key, principal, roleId: role.id, roleName: role.name });
  }

  /** The role assignments on this account, by key. */
  get assignments(): Readonly<Record<string, RoleAssignment>> {
    return this.grants.assignments;
  }

  /**
   * Registers an operation on this account: a resource that changes it (a deployment, a content
   * filter, the key attachment). Azure takes one such operation per account at a time (409
   * RequestConflict otherwise), so each waits for the one before it. The order is the one given to
   * `orderOperations()`, or else the order of registration. `first` gets the depends_on: `alsoAfter`
   * followed by the previous operation's `last`. For constructs of this package.
   */
  addOperation(operation: AccountOperation): void {
    if (this.operations.some((o) => o.key === operation.key))
      throw new PropError(this, "operations", operation.key, "must have distinct keys");
    this.operations.push(operation);
    const alsoAfter = operation.alsoAfter ?? [];
    const dependsOn = () => {
      const previous = this.previousOf(operation.key);
      return [...alsoAfter, ...(previous ? [previous.last] : [])].map((d) => dependable(d));
    };
    operation.first.dependsOn = Lazy.listValue({ produce: dependsOn }, { omitEmpty: true });
  }

  /**
   * Fixes the order of the account's operations by key (see the estate's `account.operations`), so it
   * does not depend on the order constructs are created in. Every registered operation must be listed.
   */
  orderOperations(keys: readonly string[]): void {
    this.declaredOrder = [...keys];
  }

  /** The operations in the order they run. */
  get orderedOperations(): readonly AccountOperation[] {
    if (!this.declaredOrder) return this.operations;
    const byKey = new Map(this.operations.map((o) => [o.key, o]));
    const missing = this.operations.filter((o) => !this.declaredOrder!.includes(o.key)).map((o) => o.key);
    const unknown = this.declaredOrder.filter((k) => !byKey.has(k));
    if (missing.length > 0 || unknown.length > 0)
      throw new PropError(
        this,
        "orderOperations",
        { missing, unknown },
        "must list exactly the operations added to the account",
      );
    return this.declaredOrder.map((k) => byKey.get(k)!);
  }

  private previousOf(key: string): AccountOperation | undefined {
    const ordered = this.orderedOperations;
    const i = ordered.findIndex((o) => o.key === key);
    return i > 0 ? ordered[i - 1] : undefined;
  }

  /**
   * For CustomerManagedKey: the key is attached by azurerm_cognitive_account_customer_managed_key, so
   * the account ignores its own customer_managed_key block (otherwise every plan would remove it).
   */
  ignoreInlineCustomerManagedKey(): void {
    const lifecycle = this.resource.lifecycle ?? {};
    this.resource.lifecycle = { ...lifecycle, ignoreChanges: ["customer_managed_key"] };
  }

  /** The last operation on the account: what must finish before the account has settled. */
  get settledAfter(): ITerraformDependable {
    return this.orderedOperations.at(-1)?.last ?? this.resource;
  }
}

/** One change to an account, made of one or more resources chained inside it. */
export interface AccountOperation {
  /** Unique per account, e.g. "deployment:chat". The estate orders operations by these keys. */
  readonly key: string;
  /** The resource that waits for the previous operation. */
  readonly first: TerraformResource;
  /** The resource the next operation waits for. */
  readonly last: ITerraformDependable;
  /** What `first` waits for besides the previous operation. */
  readonly alsoAfter?: readonly ITerraformDependable[];
}

/** A grant key from the principal: "<role>_<first 8 characters of its object ID or key>". */
const shortKey = (p: Principal) =>
  (p.key ?? p.objectId)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")
    .slice(0, 8);
