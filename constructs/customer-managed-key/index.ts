/**
 * CustomerManagedKey: encrypts an Azure OpenAI account's data at rest (fine-tuning files, fine-tuned
 * models, batch and stored completions) with a key the customer holds, in a Key Vault of its own.
 *
 * Meets: enterprise security (customer-managed keys). Azure constraints that shaped it (Azure OpenAI
 * "encryption of data at rest", and the Key Vault rules in docs/security.md):
 * - the vault must be in the account's region and tenant, with soft delete and purge protection
 *   (a purged key makes the account's data unreadable for good);
 * - only RSA or RSA-HSM keys of 2048 bits are accepted; HSM keys need the premium vault SKU;
 * - the account's system-assigned identity unwraps the key through a vault access policy
 *   (Get, WrapKey, UnwrapKey): the Azure OpenAI docs require the access-policy model (ADR 0002);
 * - the account reaches a firewalled vault only as a trusted service (bypass AzureServices);
 * - Terraform itself creates the key through the vault's data plane, so it needs the private endpoint
 *   (from a runner inside the network) or a firewall IP rule;
 * - the key is attached with azurerm_cognitive_account_customer_managed_key (the form Checkov
 *   CKV2_AZURE_22 recognises) by its versioned ID: the Azure OpenAI docs say the account must be
 *   pointed at a rotated key's new version, so after Key Vault rotates the key the next plan shows the
 *   attachment moving to it (the old version stays valid until it expires);
 * - the attachment is an account update, serialized with the account's deployments (409 otherwise).
 */
import { Fn, type ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { OpenAiAccount } from "../openai-account";
import { KEY_RULES, latestRotationDay } from "../../catalog/key-vault";
import { CognitiveAccountCustomerManagedKey, KeyVault, KeyVaultAccessPolicy, KeyVaultKey } from "../azurerm";
import {
  addDiagnostics,
  addPrivateEndpoints,
  applyProtection,
  type DiagnosticsOptions,
  type PrivateEndpointsOptions,
  type ProtectionOptions,
} from "../resource-options";
import { KEY_VAULT_SUBRESOURCE } from "../../catalog/private-dns";
import { PropError, requireOneOf, requireRule, requireName } from "../validation";

export type KeyType = "RSA" | "RSA-HSM";

export interface KeyAdministrator {
  /** Entra object ID of the identity that runs Terraform applies (it creates and rotates the key). */
  readonly objectId: string;
  readonly displayName: string;
}

export interface CustomerManagedKeyProps
  extends ProtectionOptions, DiagnosticsOptions, PrivateEndpointsOptions {
  readonly account: OpenAiAccount;
  readonly keyVaultName: string;
  /** Must be the account's region. */
  readonly location: string;
  readonly resourceGroupName: string;
  /** Entra tenant of the vault: the account's tenant. */
  readonly tenantId: string;
  /** Identities allowed to manage the key (at least the one that applies Terraform). */
  readonly keyAdministrators: readonly KeyAdministrator[];
  /**
   * Identities that only read the key (Get, List, GetRotationPolicy): the read-only identity that runs
   * `terraform plan`, which refreshes the key through the vault's data plane.
   * @default none
   */
  readonly keyReaders?: readonly KeyAdministrator[];
  /**
   * What must exist before Terraform can reach the vault to create the key, e.g. the VNet's link to
   * the privatelink.vaultcore.azure.net zone.
   * @default the vault's private endpoint only
   */
  readonly keyDependsOn?: readonly ITerraformDependable[];
  /**
   * RSA-HSM keys live in hardware security modules and need the premium vault SKU.
   * @default "RSA-HSM"
   */
  readonly keyType?: KeyType;
  /**
   * @default "cmk-<account name>"
   */
  readonly keyName?: string;
  /**
   * Key Vault creates a new key version this many days after the current one.
   * @default 365
   */
  readonly rotateAfterDays?: number;
  /**
   * Each key version expires this many days after it is created.
   * @default 730
   */
  readonly expireAfterDays?: number;

  /**
   * Public IPs (e.g. CI runners) let through the vault firewall; turns public access on with
   * default action Deny.
   * @default none: public network access off
   */
  readonly allowedIpRanges?: readonly string[];
  /**
   * @default no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

const {
  keySize: KEY_SIZE,
  minExpireAfterDays: MIN_EXPIRE_AFTER_DAYS,
  minRotateAfterDays: MIN_ROTATE_AFTER_DAYS,
} = KEY_RULES;

const vaultKeyPermissions = [
  "Get",
  "List",
  "Create",
  "Update",
  "Delete",
  "Recover",
  "GetRotationPolicy",
  "SetRotationPolicy",
  "Rotate",
];

export class CustomerManagedKey extends Construct {
  readonly keyVaultId: string;
  /** The key's current version ID, as the account uses it. */
  readonly keyId: string;
  readonly vault: KeyVault;
  readonly key: KeyVaultKey;
  readonly attachment: CognitiveAccountCustomerManagedKey;
  /** The key's name, a reference: whatever uses it waits for the key. */
  readonly keyName: string;
  private readonly grant: (id: string, objectId: string, keyPermissions: string[]) => KeyVaultAccessPolicy;

  constructor(scope: Construct, id: string, props: CustomerManagedKeyProps) {
    super(scope, id);
    const keyType = props.keyType ?? "RSA-HSM";
    const rotateAfter = props.rotateAfterDays ?? 365;
    const expireAfter = props.expireAfterDays ?? 730;
    const ipRanges = props.allowedIpRanges ?? [];
    const protection = props.protection ?? true;
    const keyName = props.keyName ?? `cmk-${props.account.name}`;

    this.validate(props, { keyType, rotateAfter, expireAfter, ipRanges, keyName });

    this.vault = new KeyVault(this, "key_vault", {
      name: props.keyVaultName,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      tenantId: props.tenantId,
      skuName: keyType === "RSA-HSM" ? "premium" : "standard",
      purgeProtectionEnabled: true,
      softDeleteRetentionDays: 90,
      rbacAuthorizationEnabled: false,
      enabledForDeployment: false,
      enabledForDiskEncryption: false,
      enabledForTemplateDeployment: false,
      publicNetworkAccessEnabled: ipRanges.length > 0,
      networkAcls: { defaultAction: "Deny", bypass: "AzureServices", ipRules: [...ipRanges] },
      tags: { ...props.tags },
    });
    // The lock and the diagnostics belong to the vault (addresses cmk_key_vault_Lock, _diagnostics).
    applyProtection(
      this.vault,
      this.vault,
      protection,
      "Protected environment: holds the account's encryption key.",
    );
    addDiagnostics(this.vault, this.vault.id, props.diagnostics);
    const endpoints = addPrivateEndpoints(
      this,
      { id: this.vault.id, location: props.location, resourceGroupName: props.resourceGroupName },
      KEY_VAULT_SUBRESOURCE,
      props.privateEndpoints,
      { tags: props.tags },
    );

    const grant = (id: string, objectId: string, keyPermissions: string[]) =>
      new KeyVaultAccessPolicy(this, id, {
        keyVaultId: this.vault.id,
        tenantId: props.tenantId,
        objectId,
        keyPermissions,
      });
    const short = (objectId: string) => objectId.slice(0, 8).toLowerCase();
    const readers = (props.keyReaders ?? []).map((r) =>
      grant(`reader_${short(r.objectId)}`, r.objectId, ["Get", "List", "GetRotationPolicy"]),
    );
    const administrators = props.keyAdministrators.map((a) =>
      grant(`administrator_${short(a.objectId)}`, a.objectId, vaultKeyPermissions),
    );
    this.grant = grant;
    // The account's own identity: exactly what Azure OpenAI needs to wrap and unwrap its data keys.
    const accountAccess = this.grantKeyUse("account_access", props.account.principalId);

    this.key = new KeyVaultKey(this, "key", {
      name: keyName,
      keyVaultId: this.vault.id,
      keyType,
      keySize: KEY_SIZE,
      keyOpts: ["wrapKey", "unwrapKey"],
      // The first version expires like every rotated one; after that the rotation policy owns expiry,
      // so Terraform ignores the date instead of fighting each rotation.
      expirationDate: Fn.timeadd(Fn.timestamp(), `${expireAfter * 24}h`),
      rotationPolicy: {
        automatic: { timeAfterCreation: `P${rotateAfter}D` },
        expireAfter: `P${expireAfter}D`,
        notifyBeforeExpiry: `P${Math.min(KEY_RULES.notifyBeforeExpiryDays, latestRotationDay(expireAfter))}D`,
      },
      tags: { ...props.tags },
      dependsOn: [
        ...administrators,
        ...readers,
        ...endpoints.map((e) => e.resource),
        ...(props.keyDependsOn ?? []),
      ],
      lifecycle: { ignoreChanges: ["expiration_date"], preventDestroy: protection || undefined },
    });

    // The attachment resource owns the key; the account's inline block must not fight it.
    props.account.ignoreInlineCustomerManagedKey();
    this.attachment = new CognitiveAccountCustomerManagedKey(this, "attachment", {
      cognitiveAccountId: props.account.id,
      keyVaultKeyId: this.key.id,
    });
    props.account.addOperation({
      key: "customer-managed-key",
      first: this.attachment,
      last: this.attachment,
      alsoAfter: [accountAccess],
    });

    this.keyVaultId = this.vault.id;
    this.keyId = this.key.id;
    this.keyName = this.key.name;
  }

  /** Every prop, before anything is created: the vault name, key rules, who manages it, how Terraform reaches it. */
  private validate(
    props: CustomerManagedKeyProps,
    {
      keyType,
      rotateAfter,
      expireAfter,
      ipRanges,
      keyName,
    }: {
      keyType: KeyType;
      rotateAfter: number;
      expireAfter: number;
      ipRanges: readonly string[];
      keyName: string;
    },
  ): void {
    requireName(this, "keyVaultName", props.keyVaultName, "keyVault");
    requireRule(this, "keyName", keyName, "keyVaultKeyName");
    requireRule(this, "tenantId", props.tenantId, "guid");
    requireOneOf(this, "keyType", keyType, ["RSA", "RSA-HSM"]);
    if (props.keyAdministrators.length === 0) {
      throw new PropError(
        this,
        "keyAdministrators",
        [],
        "needs at least the identity that applies Terraform: it creates and rotates the key",
      );
    }
    props.keyAdministrators.forEach((admin, i) =>
      requireRule(this, `keyAdministrators[${i}].objectId`, admin.objectId, "guid"),
    );
    (props.keyReaders ?? []).forEach((reader, i) =>
      requireRule(this, `keyReaders[${i}].objectId`, reader.objectId, "guid"),
    );
    if (!Number.isInteger(expireAfter) || expireAfter < MIN_EXPIRE_AFTER_DAYS) {
      throw new PropError(
        this,
        "expireAfterDays",
        expireAfter,
        `must be a whole number ≥ ${MIN_EXPIRE_AFTER_DAYS}`,
      );
    }
    if (
      !Number.isInteger(rotateAfter) ||
      rotateAfter < MIN_ROTATE_AFTER_DAYS ||
      rotateAfter > latestRotationDay(expireAfter)
    ) {
      throw new PropError(
        this,
        "rotateAfterDays",
        rotateAfter,
        `must be a whole number from ${MIN_ROTATE_AFTER_DAYS} to expireAfterDays - ${KEY_RULES.rotationMarginDays} (${latestRotationDay(expireAfter)}), so a new version exists before the old one expires`,
      );
    }
    for (const ip of ipRanges) requireRule(this, "allowedIpRanges", ip, "ipv4OrCidr", "entries");
    if ((props.privateEndpoints ?? []).length === 0 && ipRanges.length === 0) {
      throw new PropError(
        this,
        "privateEndpoints",
        undefined,
        "or allowedIpRanges is required: Terraform creates the key through the vault's data plane and must reach it",
      );
    }
  }

  /**
   * Lets a managed identity wrap and unwrap data keys with this key (Get, WrapKey, UnwrapKey), as a
   * service encrypting its data at rest needs. The grant must exist before the service uses the key.
   */
  grantKeyUse(id: string, principalId: string): KeyVaultAccessPolicy {
    return this.grant(id, principalId, ["Get", "WrapKey", "UnwrapKey"]);
  }
}
