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
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { CognitiveAccount } from "../azurerm";
import { addDeleteLock } from "../protection";
import { isKnown, PropError, requireOneOf, requireRule, requireName } from "../validation";

export type AccountKind = "OpenAI" | "AIServices";
export type NetworkBypass = "AzureServices" | "None";

export interface OpenAiAccountProps {
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
   * Delete lock, prevent_destroy. Leave on for anything holding fine-tuned models or serving traffic.
   * @default true
   */
  readonly protection?: boolean;
  /**
   * @default no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

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
  private lastOperation?: ITerraformDependable;

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
      lifecycle: protection ? { preventDestroy: true } : undefined,
    });

    if (protection) {
      addDeleteLock(
        this,
        this.resource.id,
        "Protected environment: holds deployments and fine-tuned models. Remove deliberately.",
      );
    }

    this.id = this.resource.id;
    this.name = props.name;
    this.location = props.location;
    this.kind = kind;
    this.customSubdomainName = subdomain;
    this.endpoint = this.resource.endpoint;
    this.principalId = this.resource.identity.principalId;
  }

  /**
   * Creates a resource that changes this account (a deployment, a content filter, the key attachment)
   * after the previous one. Azure takes one such operation per account at a time (409 RequestConflict
   * otherwise), so each depends on the one created before it. `create` receives the resource's
   * depends_on: `alsoAfter` followed by the previous operation (undefined when both are empty).
   * For constructs of this package.
   */
  chainOperation<T extends ITerraformDependable>(
    create: (dependsOn?: ITerraformDependable[]) => T,
    alsoAfter: readonly ITerraformDependable[] = [],
  ): T {
    const after = [...alsoAfter, ...(this.lastOperation ? [this.lastOperation] : [])];
    const operation = create(after.length > 0 ? after : undefined);
    this.lastOperation = operation;
    return operation;
  }

  /**
   * For CustomerManagedKey: the key is attached by azurerm_cognitive_account_customer_managed_key, so
   * the account ignores its own customer_managed_key block (otherwise every plan would remove it).
   */
  ignoreInlineCustomerManagedKey(): void {
    const lifecycle = this.resource.lifecycle ?? {};
    this.resource.lifecycle = { ...lifecycle, ignoreChanges: ["customer_managed_key"] };
  }

  /** The last operation chained on the account: what must finish before the account has settled. */
  get settledAfter(): ITerraformDependable {
    return this.lastOperation ?? this.resource;
  }
}
