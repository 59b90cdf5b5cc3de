import { Testing } from "cdktf";
import type { Construct } from "constructs";
import { PrivateDnsZone } from "../../constructs/azurerm";
import { Network, type NetworkProps } from "../../constructs/network";
import { PrivateDnsZones } from "../../constructs/private-dns-zones";
import { PrivateEndpoint, type PrivateEndpointProps } from "../../constructs/private-endpoint";

const net: NetworkProps = {
  name: "vnet-test",
  location: "swedencentral",
  resourceGroupName: "rg",
  addressSpace: "10.0.0.0/24",
  privateEndpointSubnetName: "snet-pep",
  privateEndpointSubnetPrefix: "10.0.0.0/27",
  networkSecurityGroupName: "nsg-pep",
  allowedInboundRanges: ["10.0.0.0/24"],
};
const pe: PrivateEndpointProps = {
  name: "pep-test",
  location: "swedencentral",
  resourceGroupName: "rg",
  subnetId: "/subscriptions/x/subnets/s",
  targetResourceId: "/subscriptions/x/accounts/a",
  subresource: "account",
};
const synth = (fn: (scope: Construct) => void) => JSON.parse(Testing.synthScope(fn));

describe("Network", () => {
  it("links the VNet to each zone given, without auto-registration", () => {
    const json = synth((s) => {
      new Network(s, "network", {
        ...net,
        dnsZoneLinks: [{ zoneName: "privatelink.openai.azure.com", zoneResourceGroupName: "rg-dns" }],
      });
    });
    const links = Object.values<any>(json.resource.azurerm_private_dns_zone_virtual_network_link);
    const [vnetAddress] = Object.keys(json.resource.azurerm_virtual_network);
    expect(links).toEqual([
      expect.objectContaining({
        private_dns_zone_name: "privatelink.openai.azure.com",
        resource_group_name: "rg-dns",
        registration_enabled: false,
        virtual_network_id: `\${azurerm_virtual_network.${vnetAddress}.id}`,
      }),
    ]);
  });

  it.each<[string, Partial<NetworkProps>, RegExp]>([
    ["a malformed address space", { addressSpace: "10.0.0.0" }, /addressSpace must be an IPv4 CIDR range/],
    [
      "no allowed inbound range",
      { allowedInboundRanges: [] },
      /allowedInboundRanges must name at least one source range/,
    ],
    [
      "a malformed inbound range",
      { allowedInboundRanges: ["any"] },
      /allowedInboundRanges entries must be an IPv4 CIDR range/,
    ],
  ])("rejects %s", (_what, change, message) => {
    expect(() => synth((s) => new Network(s, "network", { ...net, ...change }))).toThrow(message);
  });
});

describe("PrivateEndpoint", () => {
  it("connects automatically to the target's subresource, with no zone group when no zones are given", () => {
    const endpoint = Object.values<any>(
      synth((s) => new PrivateEndpoint(s, "pe", pe)).resource.azurerm_private_endpoint,
    )[0];
    expect(endpoint.private_service_connection).toEqual({
      name: "psc-pep-test",
      private_connection_resource_id: "/subscriptions/x/accounts/a",
      subresource_names: ["account"],
      is_manual_connection: false,
    });
    expect(endpoint.private_dns_zone_group).toBeUndefined();
    expect(endpoint.ip_configuration).toBeUndefined();
    expect(endpoint.custom_network_interface_name).toBe("nic-pep-test");
  });

  it("registers in the zones given and takes a static IP", () => {
    const endpoint = Object.values<any>(
      synth(
        (s) =>
          new PrivateEndpoint(s, "pe", { ...pe, dnsZoneIds: ["zone-1", "zone-2"], staticIp: "10.0.0.10" }),
      ).resource.azurerm_private_endpoint,
    )[0];
    expect(endpoint.private_dns_zone_group).toEqual({
      name: "default",
      private_dns_zone_ids: ["zone-1", "zone-2"],
    });
    expect(endpoint.ip_configuration).toEqual([
      {
        name: "ip-pep-test",
        private_ip_address: "10.0.0.10",
        subresource_name: "account",
        member_name: "default",
      },
    ]);
  });

  it("rejects a malformed static IP", () => {
    expect(() => synth((s) => new PrivateEndpoint(s, "pe", { ...pe, staticIp: "10.0.0" }))).toThrow(
      /pe: staticIp must be an IPv4 address/,
    );
  });
});

describe("PrivateDnsZones", () => {
  it("creates each zone and exposes its ID by name", () => {
    let ids: Readonly<Record<string, string>> = {};
    const json = JSON.stringify(
      synth((s) => {
        ids = new PrivateDnsZones(s, "dns", {
          zoneNames: ["privatelink.openai.azure.com"],
          resourceGroupName: "rg",
        }).zoneIds;
      }),
    );
    expect(json).toHaveResourceWithProperties(PrivateDnsZone, {
      name: "privatelink.openai.azure.com",
      resource_group_name: "rg",
    });
    expect(Object.keys(ids)).toEqual(["privatelink.openai.azure.com"]);
  });

  it("refuses more tags than a zone takes", () => {
    const tags = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`t${i}`, "x"]));
    expect(() =>
      synth((s) => new PrivateDnsZones(s, "dns", { zoneNames: [], resourceGroupName: "rg", tags })),
    ).toThrow(/at most 15/);
  });
});
