import type { Construct } from "constructs";
import { CustomerManagedKey, type CustomerManagedKeyProps } from "../../constructs/customer-managed-key";
import { OpenAiAccount } from "../../constructs/openai-account";
import { chatDeployment, synthReadable } from "../helpers";

const TENANT = "22222222-2222-2222-2222-222222222222";
const DEPLOYER = "0d4f5162-7e80-4f91-9c23-d4e5f6071829";
type Props = Omit<CustomerManagedKeyProps, "account">;
const base: Props = {
  keyVaultName: "kv-aoai-prod-sdc-5698",
  location: "swedencentral",
  resourceGroupName: "rg-x",
  tenantId: TENANT,
  keyAdministrators: [{ objectId: DEPLOYER, displayName: "sp-deploy" }],
  privateEndpoints: [
    {
      name: "pep-kv",
      networkInterfaceName: "nic-pep-kv",
      subnetId: "/subscriptions/x/subnet",
      dnsZoneIds: ["/zones/privatelink.vaultcore.azure.net"],
    },
  ],
};

function build(stack: Construct, props: Partial<Props> = {}, withDeployment = false) {
  const account = new OpenAiAccount(stack, "openai", {
    name: "oai-x",
    location: "swedencentral",
    resourceGroupName: "rg-x",
  });
  new CustomerManagedKey(stack, "cmk", { ...base, ...props, account });
  if (withDeployment) {
    chatDeployment(stack, account);
  }
}
const synth = (props: Partial<Props> = {}, withDeployment = false) =>
  synthReadable((stack) => build(stack, props, withDeployment)).resource;

describe("CustomerManagedKey", () => {
  const r = synth({}, true);

  it("creates a recoverable, private vault in the access-policy model", () => {
    expect(r.azurerm_key_vault.cmk_key_vault).toMatchObject({
      name: "kv-aoai-prod-sdc-5698",
      location: "swedencentral",
      tenant_id: TENANT,
      sku_name: "premium",
      purge_protection_enabled: true,
      soft_delete_retention_days: 90,
      rbac_authorization_enabled: false,
      public_network_access_enabled: false,
      network_acls: { default_action: "Deny", bypass: "AzureServices", ip_rules: [] },
      lifecycle: { prevent_destroy: true },
    });
    expect(r.azurerm_management_lock.cmk_key_vault_Lock).toMatchObject({
      scope: "${azurerm_key_vault.cmk_key_vault.id}",
      lock_level: "CanNotDelete",
    });
  });

  it("reaches the vault through a private endpoint on subresource vault", () => {
    expect(r.azurerm_private_endpoint.cmk_private_endpoint).toMatchObject({
      private_service_connection: {
        private_connection_resource_id: "${azurerm_key_vault.cmk_key_vault.id}",
        subresource_names: ["vault"],
        is_manual_connection: false,
      },
      private_dns_zone_group: { private_dns_zone_ids: ["/zones/privatelink.vaultcore.azure.net"] },
    });
  });

  it("creates a 2048-bit HSM-backed RSA key with an expiry and a rotation policy", () => {
    expect(r.azurerm_key_vault_key.cmk_key).toMatchObject({
      key_vault_id: "${azurerm_key_vault.cmk_key_vault.id}",
      key_type: "RSA-HSM",
      key_size: 2048,
      key_opts: ["wrapKey", "unwrapKey"],
      expiration_date: '${timeadd(timestamp(), "17520h")}',
      rotation_policy: {
        automatic: { time_after_creation: "P365D" },
        expire_after: "P730D",
        notify_before_expiry: "P30D",
      },
      lifecycle: { ignore_changes: ["expiration_date"], prevent_destroy: true },
    });
  });

  it("grants the account's system-assigned identity exactly Get, WrapKey and UnwrapKey", () => {
    const grant = { ...r.azurerm_key_vault_access_policy.cmk_account_access };
    delete grant["//"];
    // Nothing else: no secret, certificate or storage permissions, no other key operation.
    expect(grant).toEqual({
      key_vault_id: "${azurerm_key_vault.cmk_key_vault.id}",
      tenant_id: TENANT,
      object_id: "${azurerm_cognitive_account.openai.identity[0].principal_id}",
      key_permissions: ["Get", "WrapKey", "UnwrapKey"],
    });
    expect(r.azurerm_cognitive_account.openai.identity).toEqual({ type: "SystemAssigned" });
  });

  it("lets the deploy identity manage the key before the key is created", () => {
    const admin = r.azurerm_key_vault_access_policy.cmk_administrator_0d4f5162;
    expect(admin.object_id).toBe(DEPLOYER);
    expect(admin.key_permissions).toEqual(
      expect.arrayContaining(["Create", "GetRotationPolicy", "SetRotationPolicy"]),
    );
    expect(admin.key_permissions).not.toContain("Purge");
    expect(r.azurerm_key_vault_key.cmk_key.depends_on).toEqual([
      "azurerm_key_vault_access_policy.cmk_administrator_0d4f5162",
      "azurerm_private_endpoint.cmk_private_endpoint",
    ]);
  });

  it("attaches the key after the identity's grant, and deployments wait for the attachment", () => {
    expect(r.azurerm_cognitive_account_customer_managed_key.cmk_attachment).toEqual(
      expect.objectContaining({
        cognitive_account_id: "${azurerm_cognitive_account.openai.id}",
        key_vault_key_id: "${azurerm_key_vault_key.cmk_key.id}",
        depends_on: ["azurerm_key_vault_access_policy.cmk_account_access"],
      }),
    );
    expect(r.azurerm_cognitive_deployment.deployment_chat.depends_on).toEqual([
      "azurerm_cognitive_account_customer_managed_key.cmk_attachment",
    ]);
  });

  it("gives read-only key access to the plan identity, before the key exists", () => {
    const PLANNER = "5e617384-9012-4b13-9e45-f60718293a4b";
    const withReader = synth({ keyReaders: [{ objectId: PLANNER, displayName: "sp-plan" }] });
    expect(withReader.azurerm_key_vault_access_policy.cmk_reader_5e617384).toMatchObject({
      object_id: PLANNER,
      key_permissions: ["Get", "List", "GetRotationPolicy"],
    });
    expect(withReader.azurerm_key_vault_key.cmk_key.depends_on).toContain(
      "azurerm_key_vault_access_policy.cmk_reader_5e617384",
    );
  });

  it("leaves the account's inline customer_managed_key to the attachment", () => {
    expect(r.azurerm_cognitive_account.openai.lifecycle).toEqual({
      prevent_destroy: true,
      ignore_changes: ["customer_managed_key"],
    });
  });

  it("notifies at most expiry - 7 days ahead, so short expiries stay valid", () => {
    const short = synth({ expireAfterDays: 28, rotateAfterDays: 14 });
    expect(short.azurerm_key_vault_key.cmk_key.rotation_policy).toEqual({
      automatic: { time_after_creation: "P14D" },
      expire_after: "P28D",
      notify_before_expiry: "P21D",
    });
  });

  it("uses a standard vault for software RSA keys", () => {
    const software = synth({ keyType: "RSA" });
    expect(software.azurerm_key_vault.cmk_key_vault.sku_name).toBe("standard");
    expect(software.azurerm_key_vault_key.cmk_key.key_type).toBe("RSA");
  });

  it("opens the firewall only to the given IPs, default action still Deny", () => {
    const open = synth({ allowedIpRanges: ["203.0.113.0/28"], privateEndpoints: undefined });
    expect(open.azurerm_key_vault.cmk_key_vault).toMatchObject({
      public_network_access_enabled: true,
      network_acls: { default_action: "Deny", bypass: "AzureServices", ip_rules: ["203.0.113.0/28"] },
    });
    expect(open.azurerm_private_endpoint).toBeUndefined();
  });

  it("says on the vault's lock what it holds", () => {
    expect(r.azurerm_management_lock.cmk_key_vault_Lock.notes).toBe(
      "Protected environment: holds the account's encryption key.",
    );
  });

  it("registers the key's attachment on the account as the operation the estate orders first", () => {
    const ordered = synthReadable((stack) => {
      const account = new OpenAiAccount(stack, "openai", {
        name: "oai-x",
        location: "swedencentral",
        resourceGroupName: "rg-x",
      });
      chatDeployment(stack, account);
      new CustomerManagedKey(stack, "cmk", { ...base, account });
      account.orderOperations(["customer-managed-key", "deployment:chat"]);
    }).resource;
    expect(ordered.azurerm_cognitive_deployment.deployment_chat.depends_on).toEqual([
      "azurerm_cognitive_account_customer_managed_key.cmk_attachment",
    ]);
  });

  it("without protection: no lock and no prevent_destroy", () => {
    const loose = synth({ protection: false });
    expect(loose.azurerm_management_lock.cmk_key_vault_Lock).toBeUndefined();
    expect(loose.azurerm_key_vault.cmk_key_vault.lifecycle).toBeUndefined();
    expect(loose.azurerm_key_vault_key.cmk_key.lifecycle).toEqual({ ignore_changes: ["expiration_date"] });
  });

  it.each<[Partial<Props>, RegExp]>([
    [
      { keyAdministrators: [] },
      /test\/cmk: keyAdministrators needs at least the identity that applies Terraform: .* \(got \[\]\)$/,
    ],
    [{ privateEndpoints: [] }, /test\/cmk: privateEndpoints or allowedIpRanges is required/],
    [{ privateEndpoints: undefined }, /test\/cmk: privateEndpoints or allowedIpRanges is required/],
    [
      { rotateAfterDays: 730 },
      /rotateAfterDays must be a whole number from 7 to expireAfterDays - 7 \(723\)/,
    ],
    [{ expireAfterDays: 14 }, /expireAfterDays must be a whole number ≥ 28/],
    [{ keyVaultName: "kv_bad" }, /keyVaultName may hold letters, digits and '-'; starts with a letter/],
    [{ keyType: "EC" as never }, /keyType must be one of: RSA, RSA-HSM/],
    [{ tenantId: "contoso" }, /tenantId must be a GUID/],
    [{ allowedIpRanges: ["everywhere"] }, /allowedIpRanges entries must be an IPv4 address or CIDR range/],
  ])("rejects bad props %#", (props, message) => {
    expect(() => synth(props)).toThrow(message);
  });
});

describe("CustomerManagedKey: from its mutation survivors", () => {
  const r = synth({ tags: { owner: "team" } });

  it("keeps the vault out of VM deployment, disk encryption and ARM template deployment", () => {
    expect(r.azurerm_key_vault.cmk_key_vault).toMatchObject({
      enabled_for_deployment: false,
      enabled_for_disk_encryption: false,
      enabled_for_template_deployment: false,
      tags: { owner: "team" },
    });
    expect(r.azurerm_key_vault_key.cmk_key.tags).toEqual({ owner: "team" });
    expect(Object.values<any>(r.azurerm_private_endpoint)[0].tags).toEqual({ owner: "team" });
  });

  it("lets key administrators manage keys, not purge them or touch secrets", () => {
    const admin = r.azurerm_key_vault_access_policy.cmk_administrator_0d4f5162;
    expect(admin.key_permissions).toEqual([
      "Get",
      "List",
      "Create",
      "Update",
      "Delete",
      "Recover",
      "GetRotationPolicy",
      "SetRotationPolicy",
      "Rotate",
    ]);
    expect(admin.secret_permissions).toBeUndefined();
  });

  it("names the key after the account unless told otherwise", () => {
    expect(r.azurerm_key_vault_key.cmk_key.name).toBe("cmk-oai-x");
    expect(synth({ keyName: "account-key" }).azurerm_key_vault_key.cmk_key.name).toBe("account-key");
    expect(() => synth({ keyName: "bad name!" })).toThrow(/^test\/cmk: keyName must /);
  });

  it("rotates no sooner than Key Vault allows and no later than 7 days before expiry", () => {
    expect(() => synth({ rotateAfterDays: 7 })).not.toThrow();
    expect(() => synth({ rotateAfterDays: 6 })).toThrow(
      /^test\/cmk: rotateAfterDays must be a whole number from 7 to expireAfterDays - 7 \(723\)/,
    );
    expect(() => synth({ rotateAfterDays: 723 })).not.toThrow();
    expect(() => synth({ rotateAfterDays: 724 })).toThrow(/rotateAfterDays must be a whole number from 7/);
    expect(() => synth({ rotateAfterDays: 30.5 })).toThrow(/rotateAfterDays must be a whole number from 7/);
  });

  it("checks every key administrator's and reader's object ID, naming which", () => {
    expect(() =>
      synth({
        keyAdministrators: [
          { objectId: DEPLOYER, displayName: "a" },
          { objectId: "me", displayName: "b" },
        ],
      }),
    ).toThrow(/^test\/cmk: keyAdministrators\[1\]\.objectId must /);
    expect(() => synth({ keyReaders: [{ objectId: "reader", displayName: "r" }] })).toThrow(
      /^test\/cmk: keyReaders\[0\]\.objectId must /,
    );
  });
});
