import { TerraformOutput, Testing } from "cdktf";
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

  it("links no zone when given none (the existing and policy DNS modes)", () => {
    const json = synth((s) => void new Network(s, "network", net));
    expect(json.resource.azurerm_private_dns_zone_virtual_network_link).toBeUndefined();
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

describe("Network: what it builds", () => {
  let exposed: Network;
  const json = synth((s) => {
    exposed = new Network(s, "network", {
      ...net,
      allowedInboundRanges: ["10.0.0.0/24", "10.9.0.0/16"],
      dnsZoneLinks: [
        { zoneName: "privatelink.openai.azure.com", zoneResourceGroupName: "rg-dns" },
        { zoneName: "privatelink.vaultcore.azure.net", zoneResourceGroupName: "rg-dns" },
      ],
      tags: { owner: "team" },
    });
  });
  const only = (type: string) => {
    const all = Object.entries<any>(json.resource[type]);
    expect(all).toHaveLength(1);
    return all[0]!;
  };
  const [vnetAddress, vnet] = only("azurerm_virtual_network");
  const [subnetAddress, subnet] = only("azurerm_subnet");
  const [nsgAddress, nsg] = only("azurerm_network_security_group");
  const rules = Object.values<any>(json.resource.azurerm_network_security_rule);

  it("puts the endpoint subnet in the VNet with endpoint network policies on and no default outbound", () => {
    expect(vnet).toMatchObject({
      name: "vnet-test",
      address_space: ["10.0.0.0/24"],
      tags: { owner: "team" },
    });
    expect(subnet).toMatchObject({
      name: "snet-pep",
      virtual_network_name: `\${azurerm_virtual_network.${vnetAddress}.name}`,
      address_prefixes: ["10.0.0.0/27"],
      // Without the policies the NSG below would not apply to private endpoints.
      private_endpoint_network_policies: "Enabled",
      default_outbound_access_enabled: false,
    });
  });

  it("guards the subnet with an NSG: HTTPS from the named ranges, then every other inbound denied", () => {
    expect(nsg).toMatchObject({ name: "nsg-pep", tags: { owner: "team" } });
    expect(only("azurerm_subnet_network_security_group_association")[1]).toEqual(
      expect.objectContaining({
        subnet_id: `\${azurerm_subnet.${subnetAddress}.id}`,
        network_security_group_id: `\${azurerm_network_security_group.${nsgAddress}.id}`,
      }),
    );
    const allow = rules.find((r) => r.access === "Allow")!;
    const deny = rules.find((r) => r.access === "Deny")!;
    expect(rules).toHaveLength(2);
    // The names are the rules' identity in Azure; each rule needs a source port range to be valid.
    expect(allow).toMatchObject({
      name: "allow-https-from-clients",
      source_port_range: "*",
      description: expect.stringMatching(/HTTPS from the named ranges/),
      direction: "Inbound",
      protocol: "Tcp",
      source_address_prefixes: ["10.0.0.0/24", "10.9.0.0/16"],
      destination_address_prefix: "10.0.0.0/27",
      destination_port_range: "443",
      network_security_group_name: `\${azurerm_network_security_group.${nsgAddress}.name}`,
    });
    expect(deny).toMatchObject({
      name: "deny-all-other-inbound",
      source_port_range: "*",
      description: expect.stringMatching(/AllowVnetInBound/),
      direction: "Inbound",
      protocol: "*",
      source_address_prefix: "*",
      destination_address_prefix: "*",
      destination_port_range: "*",
    });
    // Lower numbers win: the allow must come first, the deny must beat Azure's defaults (65000+).
    expect(allow.priority).toBeLessThan(deny.priority);
    expect(deny.priority).toBeLessThanOrEqual(4096);
  });

  it("links the VNet to each zone once, by name, and exposes each link and its IDs", () => {
    const links = Object.entries<any>(json.resource.azurerm_private_dns_zone_virtual_network_link);
    expect(links.map(([, l]) => l.private_dns_zone_name)).toEqual([
      "privatelink.openai.azure.com",
      "privatelink.vaultcore.azure.net",
    ]);
    for (const [, l] of links) expect(l).toMatchObject({ name: "link-vnet-test", tags: { owner: "team" } });
    expect(Object.keys(exposed!.dnsLinks)).toEqual([
      "privatelink.openai.azure.com",
      "privatelink.vaultcore.azure.net",
    ]);
  });

  it("rejects a malformed subnet prefix, naming the construct path", () => {
    expect(() =>
      synth((s) => new Network(s, "network", { ...net, privateEndpointSubnetPrefix: "10.0.0.0/40" })),
    ).toThrow(/network: privateEndpointSubnetPrefix must be an IPv4 CIDR range/);
  });
});

describe("Network: references", () => {
  it("exposes the VNet, subnet and NSG IDs", () => {
    const out = synth((s) => {
      const n = new Network(s, "network", net);
      new TerraformOutput(s, "vnet", { value: n.virtualNetworkId });
      new TerraformOutput(s, "subnet", { value: n.privateEndpointSubnetId });
      new TerraformOutput(s, "nsg", { value: n.networkSecurityGroupId });
    }).output;
    expect(out.vnet.value).toMatch(/^\$\{azurerm_virtual_network\.\w+\.id\}$/);
    expect(out.subnet.value).toMatch(/^\$\{azurerm_subnet\.\w+\.id\}$/);
    expect(out.nsg.value).toMatch(/^\$\{azurerm_network_security_group\.\w+\.id\}$/);
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

  it("takes a NIC name, its dependencies as bare addresses, and tags; exposes its ID and private IP", () => {
    const json = synth((s) => {
      const before = new PrivateDnsZone(s, "zone", {
        name: "privatelink.openai.azure.com",
        resourceGroupName: "rg",
      });
      const e = new PrivateEndpoint(s, "pe", {
        ...pe,
        networkInterfaceName: "nic-custom",
        dnsZoneIds: [],
        dependsOn: [before],
        tags: { owner: "team" },
      });
      new TerraformOutput(s, "id", { value: e.id });
      new TerraformOutput(s, "ip", { value: e.privateIpAddress });
    });
    const [address, endpoint] = Object.entries<any>(json.resource.azurerm_private_endpoint)[0]!;
    expect(endpoint).toMatchObject({
      name: "pep-test",
      location: "swedencentral",
      resource_group_name: "rg",
      subnet_id: "/subscriptions/x/subnets/s",
      custom_network_interface_name: "nic-custom",
      depends_on: [expect.stringMatching(/^azurerm_private_dns_zone\.\w+$/)],
      tags: { owner: "team" },
    });
    // An empty zone list is no zone group, as with none given.
    expect(endpoint.private_dns_zone_group).toBeUndefined();
    expect(json.output.id.value).toBe(`\${azurerm_private_endpoint.${address}.id}`);
    expect(json.output.ip.value).toBe(
      `\${azurerm_private_endpoint.${address}.private_service_connection[0].private_ip_address}`,
    );
  });

  it("rejects an empty subresource, naming the construct path", () => {
    expect(() => synth((s) => new PrivateEndpoint(s, "pe", { ...pe, subresource: " " }))).toThrow(
      /pe: subresource must name a private-link subresource/,
    );
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

  it("refuses more tags than a zone takes, and takes exactly as many", () => {
    const tagsOf = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`t${i}`, "x"]));
    const zones = (tags: Record<string, string>) =>
      synth(
        (s) =>
          new PrivateDnsZones(s, "dns", {
            zoneNames: ["privatelink.openai.azure.com"],
            resourceGroupName: "rg",
            tags,
          }),
      );
    expect(() => zones(tagsOf(16))).toThrow(
      /dns: tags must be at most 15: private DNS zones take no more \(got 16\)$/,
    );
    const zone = Object.values<any>(zones(tagsOf(15)).resource.azurerm_private_dns_zone)[0];
    expect(zone.tags).toEqual(tagsOf(15));
  });

  it("refuses a zone name that is not a DNS name, naming the entry", () => {
    expect(() =>
      synth((s) => new PrivateDnsZones(s, "dns", { zoneNames: ["not a zone"], resourceGroupName: "rg" })),
    ).toThrow(/dns: zoneNames entries must be a privatelink\.\* zone name \(got "not a zone"\)$/);
  });
});
