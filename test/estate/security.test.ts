/**
 * Customer-managed keys, policy assignments and Defender: what follows from the config and from the
 * environment's protection.
 */
import { problemsOf, resolveObjects, validEnvironment } from "../helpers";

const DEPLOYER = { objectId: "0d4f5162-7e80-4f91-9c23-d4e5f6071829", displayName: "sp-deploy" };
const env = (extra: Record<string, unknown> = {}) => ({ ...validEnvironment(), ...extra });
const resolve = (...envs: Record<string, unknown>[]) => resolveObjects(envs).environments;
const problems = (...envs: Record<string, unknown>[]) => problemsOf(envs);

describe("customer-managed keys", () => {
  it("are on by default in protected environments, with a vault per region and its endpoint", () => {
    const [prod] = resolve(env({ protected: true, customerManagedKey: { keyAdministrators: [DEPLOYER] } }));
    const region = prod!.regions[0]!;
    const vault = region.customerManagedKey!.keyVaultName;
    expect(vault).toMatch(/^kv-/);
    expect(region.account.allowedFqdns).toContain(`${vault}.vault.azure.net`);
    expect(region.customerManagedKey).toEqual({
      keyVaultName: vault,
      keyType: "RSA-HSM",
      rotateAfterDays: 365,
      expireAfterDays: 730,
      keyAdministrators: [DEPLOYER],
      keyReaders: [],
      allowedIpRanges: [],
      privateEndpoint: {
        name: `pep-${vault}`,
        networkInterfaceName: `nic-pep-${vault}`,
        zoneNames: ["privatelink.vaultcore.azure.net"],
      },
    });
    expect(prod!.shared.privateDnsZones).toContain("privatelink.vaultcore.azure.net");
  });

  it("are off by default in unprotected environments, and can be turned on", () => {
    expect(resolve(env())[0]!.regions[0]!.customerManagedKey).toBeUndefined();
    expect(resolve(env())[0]!.shared.privateDnsZones).not.toContain("privatelink.vaultcore.azure.net");
    const [dev] = resolve(env({ customerManagedKey: { enabled: true, keyAdministrators: [DEPLOYER] } }));
    expect(dev!.regions[0]!.customerManagedKey?.keyType).toBe("RSA-HSM");
  });

  it("can be turned off in a protected environment", () => {
    const [prod] = resolve(env({ protected: true, customerManagedKey: { enabled: false } }));
    expect(prod!.regions[0]!.customerManagedKey).toBeUndefined();
  });

  it("need the deploy identity as key administrator, saying why they are on", () => {
    expect(problems(env({ protected: true }))).toEqual([
      {
        path: "customerManagedKey",
        message:
          "needs keyAdministrators: at least the deploy identity that runs terraform apply, which creates and rotates the key (keys are on by default in protected environments); or set enabled: false",
      },
    ]);
  });

  it("need the deploy identity as key administrator when turned on explicitly too", () => {
    expect(problems(env({ customerManagedKey: { enabled: true } }))).toEqual([
      {
        path: "customerManagedKey",
        message:
          "needs keyAdministrators: at least the deploy identity that runs terraform apply, which creates and rotates the key; or set enabled: false",
      },
    ]);
  });

  it("carry key readers and the vault's IP allow-list to each region, and leave the vault's DNS to policy", () => {
    const reader = { objectId: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", displayName: "sp-plan" };
    const [dev] = resolve(
      env({
        customerManagedKey: {
          enabled: true,
          keyAdministrators: [DEPLOYER],
          keyReaders: [reader],
          allowedIpRanges: ["203.0.113.0/28"],
        },
        network: { dns: { mode: "policy" } },
      }),
    );
    expect(dev!.regions[0]!.customerManagedKey).toMatchObject({
      keyReaders: [reader],
      allowedIpRanges: ["203.0.113.0/28"],
      privateEndpoint: { zoneNames: [] },
    });
  });

  it("need rotation to come at least 7 days before expiry", () => {
    const at = (rotateAfterDays: number) =>
      env({
        customerManagedKey: {
          enabled: true,
          keyAdministrators: [DEPLOYER],
          rotateAfterDays,
          expireAfterDays: 90,
        },
      });
    expect(resolve(at(83))[0]!.regions[0]!.customerManagedKey!.rotateAfterDays).toBe(83);
    expect(
      problems(
        env({
          customerManagedKey: {
            enabled: true,
            keyAdministrators: [DEPLOYER],
            rotateAfterDays: 90,
            expireAfterDays: 90,
          },
        }),
      ),
    ).toEqual([
      {
        path: "customerManagedKey.rotateAfterDays",
        message:
          "must be at most expireAfterDays - 7 (83): a new version must exist before the old one expires",
      },
    ]);
  });

  it("accept RSA-HSM only besides RSA, and Key Vault's minimums", () => {
    const found = problems(
      env({
        customerManagedKey: {
          enabled: true,
          keyAdministrators: [DEPLOYER],
          keyType: "EC",
          rotateAfterDays: 3,
          expireAfterDays: 7,
        },
      }),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        {
          path: "customerManagedKey.keyType",
          message: "must be RSA or RSA-HSM (Azure OpenAI accepts 2048-bit RSA keys only)",
        },
        {
          path: "customerManagedKey.rotateAfterDays",
          message: "must be at least 7 days (Key Vault's minimum)",
        },
        {
          path: "customerManagedKey.expireAfterDays",
          message: "must be at least 28 days (Key Vault's minimum)",
        },
      ]),
    );
  });

  it("need the vault zone in existing DNS mode", () => {
    const lz = env({
      protected: true,
      customerManagedKey: { keyAdministrators: [DEPLOYER] },
      network: {
        mode: "landingZone",
        dns: {
          mode: "existing",
          zoneIds: {
            "privatelink.openai.azure.com":
              "/subscriptions/66666666-6666-6666-6666-666666666666/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.openai.azure.com",
            "privatelink.cognitiveservices.azure.com":
              "/subscriptions/66666666-6666-6666-6666-666666666666/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.cognitiveservices.azure.com",
          },
        },
      },
      regions: [
        {
          location: "swedencentral",
          network: {
            privateEndpointSubnetId:
              "/subscriptions/55555555-5555-5555-5555-555555555555/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s",
          },
        },
      ],
    });
    expect(problems(lz)).toEqual([
      {
        path: "network.dns.zoneIds",
        message: "existing DNS mode needs the resource ID of zone privatelink.vaultcore.azure.net",
      },
    ]);
  });
});

describe("Azure Policy assignments", () => {
  const effects = (e: ReturnType<typeof resolve>[number]) =>
    Object.fromEntries(e.shared.policyAssignments.map((p) => [p.key, p.effect]));

  it("deny where the definition can in protected environments; the key policy stays Audit", () => {
    const [prod] = resolve(env({ protected: true, customerManagedKey: { keyAdministrators: [DEPLOYER] } }));
    expect(effects(prod!)).toEqual({
      "disable-local-auth": "Deny",
      "restrict-network": "Deny",
      "private-link": "Audit",
      // Deny would refuse the account's creation: its key is attached afterwards.
      "customer-managed-key": "Audit",
      "managed-identity": "Deny",
      "diagnostic-logs": "AuditIfNotExists",
      "defender-for-ai": "AuditIfNotExists",
    });
    expect(prod!.shared.policyAssignments.find((p) => p.key === "disable-local-auth")).toEqual({
      key: "disable-local-auth",
      name: "aoai-dev-disable-local-auth",
      definitionId:
        "/providers/Microsoft.Authorization/policyDefinitions/71ef260a-8f18-47b7-abcb-62d0673d94dc",
      displayName:
        "dev: Azure AI Services resources should have key access disabled (disable local authentication)",
      effect: "Deny",
    });
  });

  it("audit in unprotected environments, unless the config says Deny; the config wins when protected too", () => {
    const AUDIT = {
      "disable-local-auth": "Audit",
      "restrict-network": "Audit",
      "private-link": "Audit",
      "customer-managed-key": "Audit",
      "managed-identity": "Audit",
      "diagnostic-logs": "AuditIfNotExists",
      "defender-for-ai": "AuditIfNotExists",
    };
    expect(effects(resolve(env())[0]!)).toEqual(AUDIT);
    expect(effects(resolve(env({ azurePolicy: { effect: "Deny" } }))[0]!)).toMatchObject({
      "disable-local-auth": "Deny",
      "restrict-network": "Deny",
      "managed-identity": "Deny",
      "customer-managed-key": "Audit",
    });
    const protectedAudit = env({
      protected: true,
      azurePolicy: { effect: "Audit" },
      customerManagedKey: { keyAdministrators: [DEPLOYER] },
    });
    expect(effects(resolve(protectedAudit)[0]!)).toEqual(AUDIT);
  });

  it("are left to the landing zone when assign is false", () => {
    expect(resolve(env({ azurePolicy: { assign: false } }))[0]!.shared.policyAssignments).toEqual([]);
  });

  it("are made by one environment per subscription", () => {
    expect(problems(env(), env({ name: "test" }))).toEqual([
      {
        path: "azurePolicy.assign",
        message: expect.stringMatching(
          /^the subscription's policies are already assigned by .*dev\.yaml and apply here too; set assign: false$/,
        ),
      },
    ]);
  });
});

describe("Defender for AI", () => {
  it("is on by default when protected, off otherwise, and switchable", () => {
    expect(
      resolve(env({ protected: true, customerManagedKey: { keyAdministrators: [DEPLOYER] } }))[0]!.shared
        .defenderForAI,
    ).toBe(true);
    expect(resolve(env())[0]!.shared.defenderForAI).toBe(false);
    expect(resolve(env({ defenderForAI: true }))[0]!.shared.defenderForAI).toBe(true);
    const off = env({
      protected: true,
      defenderForAI: false,
      customerManagedKey: { keyAdministrators: [DEPLOYER] },
    });
    expect(resolve(off)[0]!.shared.defenderForAI).toBe(false);
  });

  it("is owned by one environment per subscription", () => {
    const found = problems(
      env({ defenderForAI: true }),
      env({ name: "test", defenderForAI: true, azurePolicy: { assign: false } }),
    );
    expect(found).toEqual([
      {
        path: "defenderForAI",
        message: expect.stringMatching(
          /^the subscription's Defender for AI plan is already managed by .*dev\.yaml; set defenderForAI: false here$/,
        ),
      },
    ]);
  });
});
