/**
 * Every DNS mode (managed, existing, policy) with and without fine-tuning storage and a customer-managed
 * key: each private endpoint points at its own resource and subresource, and registers in exactly the
 * zones its service needs, from where the mode says (the shared stack's zones, the configured IDs, or
 * none, left to Azure Policy).
 */
import { problemsOf, resolveObjects, synthEstate, validEnvironment } from "../helpers";

const ZONE_RG = "/subscriptions/66666666-6666-6666-6666-666666666666/resourceGroups/rg-dns";
const zoneId = (zone: string) => `${ZONE_RG}/providers/Microsoft.Network/privateDnsZones/${zone}`;
const OPENAI_ZONES = ["privatelink.openai.azure.com", "privatelink.cognitiveservices.azure.com"];
const VAULT_ZONE = "privatelink.vaultcore.azure.net";
const BLOB_ZONE = "privatelink.blob.core.windows.net";
const ALL_ZONES = [...OPENAI_ZONES, VAULT_ZONE, BLOB_ZONE];

type DnsMode = "managed" | "existing" | "policy";

function environment(dns: DnsMode, fineTuning: boolean, cmk: boolean, zones = ALL_ZONES) {
  const e = validEnvironment() as any;
  e.network = {
    dns:
      dns === "existing"
        ? { mode: dns, zoneIds: Object.fromEntries(zones.map((z) => [z, zoneId(z)])) }
        : { mode: dns },
  };
  if (fineTuning) e.regions[0].fineTuning = { baseModels: ["gpt-4.1-mini"] };
  if (cmk)
    e.customerManagedKey = {
      enabled: true,
      keyAdministrators: [{ objectId: "0d4f5162-7e80-4f91-9c23-d4e5f6071829", displayName: "deployer" }],
    };
  return e;
}

/** What each endpoint must connect to and register in. */
const EXPECTED = {
  openai_private_endpoint: {
    target: "${azurerm_cognitive_account.openai.id}",
    sub: "account",
    zones: OPENAI_ZONES,
  },
  cmk_private_endpoint: {
    target: "${azurerm_key_vault.cmk_key_vault.id}",
    sub: "vault",
    zones: [VAULT_ZONE],
  },
  fine_tuning_storage_private_endpoint: {
    target: "${azurerm_storage_account.fine_tuning_storage.id}",
    sub: "blob",
    zones: [BLOB_ZONE],
  },
} as const;

const cases = (["managed", "existing", "policy"] as const).flatMap((dns) =>
  [false, true].flatMap((ft) => [false, true].map((cmk) => [dns, ft, cmk] as const)),
);

describe.each(cases)("DNS %s, fine-tuning %s, customer-managed key %s", (dns, ft, cmk) => {
  const json = synthEstate(resolveObjects([environment(dns, ft, cmk)]));
  const shared = json.get("dev-shared")!;
  const region = json.get("dev-swedencentral")!;
  const endpoints: Record<string, any> = region.resource.azurerm_private_endpoint;

  it("has an endpoint for the account, and for the key vault and the storage only when they exist", () => {
    const expected = ["openai_private_endpoint"];
    if (cmk) expected.push("cmk_private_endpoint");
    if (ft) expected.push("fine_tuning_storage_private_endpoint");
    expect(Object.keys(endpoints).sort()).toEqual(expected.sort());
    // The address plan accepts a /29 (3 usable addresses) for the endpoint subnet and checks no more.
    expect(Object.keys(endpoints).length).toBeLessThanOrEqual(3);
    for (const [address, e] of Object.entries(endpoints)) {
      const want = EXPECTED[address as keyof typeof EXPECTED];
      expect(e.private_service_connection).toMatchObject({
        private_connection_resource_id: want.target,
        subresource_names: [want.sub],
        is_manual_connection: false,
      });
    }
  });

  it("registers each endpoint in its service's zones, from where the DNS mode says", () => {
    const sharedZones = Object.entries<any>(shared.resource?.azurerm_private_dns_zone ?? {});
    const outputFor = (zone: string) => {
      const [address] = sharedZones.find(([, z]) => z.name === zone) ?? [];
      expect(address).toBeDefined();
      return Object.entries<any>(shared.output).find(
        ([, o]) => o.value === `\${azurerm_private_dns_zone.${address}.id}`,
      )![0];
    };
    for (const [address, e] of Object.entries(endpoints)) {
      const zones = EXPECTED[address as keyof typeof EXPECTED].zones;
      if (dns === "policy") {
        expect(e.private_dns_zone_group).toBeUndefined();
        continue;
      }
      const ids: string[] = e.private_dns_zone_group.private_dns_zone_ids;
      if (dns === "existing") expect(ids).toEqual(zones.map(zoneId));
      else
        expect(ids).toEqual(
          zones.map(
            (z) =>
              `\${data.terraform_remote_state.cross_stack_reference_input_dev_shared.outputs.${outputFor(z)}}`,
          ),
        );
    }
  });

  it("creates zones only in managed mode, and only those its endpoints need", () => {
    const names = Object.values<any>(shared.resource?.azurerm_private_dns_zone ?? {}).map((z) => z.name);
    if (dns !== "managed") expect(names).toEqual([]);
    else
      expect(names.sort()).toEqual(
        [...OPENAI_ZONES, ...(cmk ? [VAULT_ZONE] : []), ...(ft ? [BLOB_ZONE] : [])].sort(),
      );
  });
});

describe("existing DNS mode", () => {
  it.each([
    ["the key vault's zone, with a customer-managed key", false, true, VAULT_ZONE],
    ["the blob zone, with fine-tuning", true, false, BLOB_ZONE],
  ])("refuses a config without %s", (_what, ft, cmk, missing) => {
    const zones = ALL_ZONES.filter((z) => z !== missing);
    expect(problemsOf([environment("existing", ft, cmk, zones)])).toEqual([
      { path: "network.dns.zoneIds", message: `existing DNS mode needs the resource ID of zone ${missing}` },
    ]);
  });

  it("does not ask for zones nothing uses", () => {
    const estate = resolveObjects([environment("existing", false, false, OPENAI_ZONES)]);
    expect(estate.environments[0]!.regions[0]!.privateEndpoint.zoneNames).toEqual(OPENAI_ZONES);
  });
});
