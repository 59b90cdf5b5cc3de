/**
 * Network: a region's VNet with a private-endpoint subnet guarded by an NSG, and links from the VNet
 * to the private DNS zones its endpoints register in.
 *
 * Meets: enterprise security (private networks). Azure constraints that shaped it:
 * - An NSG applies to private endpoints only when the subnet's private-endpoint network policies are
 *   enabled; they are, so the NSG's rules hold.
 * - Azure's default NSG rules allow all traffic tagged VirtualNetwork, which includes peered and
 *   on-premises networks. The NSG therefore allows HTTPS from named ranges only and then denies all
 *   other inbound traffic explicitly.
 * - Default outbound access for new subnets is retired; the subnet turns it off explicitly.
 */
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import {
  NetworkSecurityGroup,
  NetworkSecurityRule,
  PrivateDnsZoneVirtualNetworkLink,
  Subnet,
  SubnetNetworkSecurityGroupAssociation,
  VirtualNetwork,
} from "../azurerm";
import { PropError, requireRule } from "../validation";

export interface DnsZoneLinkTarget {
  readonly zoneName: string;
  readonly zoneResourceGroupName: string;
}

export interface NetworkProps {
  readonly name: string;
  readonly location: string;
  readonly resourceGroupName: string;
  readonly addressSpace: string;
  readonly privateEndpointSubnetName: string;
  readonly privateEndpointSubnetPrefix: string;
  readonly networkSecurityGroupName: string;
  /** Source ranges allowed to reach the private endpoints on 443, typically the VNet itself and peered app VNets. */
  readonly allowedInboundRanges: readonly string[];
  /**
   * Private DNS zones to link this VNet to (managed DNS mode).
   * @default no links
   */
  readonly dnsZoneLinks?: readonly DnsZoneLinkTarget[];
  /**
   * @default no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

export class Network extends Construct {
  readonly virtualNetworkId: string;
  readonly privateEndpointSubnetId: string;
  readonly networkSecurityGroupId: string;
  /** The VNet's link to each zone, by zone name: what must exist before names in the zone resolve here. */
  readonly dnsLinks: Readonly<Record<string, ITerraformDependable>>;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    requireRule(this, "addressSpace", props.addressSpace, "cidr");
    requireRule(this, "privateEndpointSubnetPrefix", props.privateEndpointSubnetPrefix, "cidr");
    if (props.allowedInboundRanges.length === 0) {
      throw new PropError(
        this,
        "allowedInboundRanges",
        props.allowedInboundRanges,
        "must name at least one source range (usually the VNet's own)",
      );
    }
    for (const range of props.allowedInboundRanges) {
      requireRule(this, "allowedInboundRanges", range, "cidr", "entries");
    }
    const tags = { ...props.tags };

    const vnet = new VirtualNetwork(this, "Resource", {
      name: props.name,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      addressSpace: [props.addressSpace],
      tags,
    });
    const subnet = new Subnet(this, "private_endpoint_subnet", {
      name: props.privateEndpointSubnetName,
      resourceGroupName: props.resourceGroupName,
      virtualNetworkName: vnet.name,
      addressPrefixes: [props.privateEndpointSubnetPrefix],
      privateEndpointNetworkPolicies: "Enabled",
      defaultOutboundAccessEnabled: false,
    });
    const nsg = new NetworkSecurityGroup(this, "nsg", {
      name: props.networkSecurityGroupName,
      location: props.location,
      resourceGroupName: props.resourceGroupName,
      tags,
    });
    const rule = (
      id: string,
      config: Omit<
        ConstructorParameters<typeof NetworkSecurityRule>[2],
        "resourceGroupName" | "networkSecurityGroupName"
      >,
    ) =>
      new NetworkSecurityRule(this, id, {
        ...config,
        resourceGroupName: props.resourceGroupName,
        networkSecurityGroupName: nsg.name,
      });
    rule("nsg_allow_https_inbound", {
      name: "allow-https-from-clients",
      description: "Clients reach the private endpoints over HTTPS from the named ranges only.",
      priority: 100,
      direction: "Inbound",
      access: "Allow",
      protocol: "Tcp",
      sourceAddressPrefixes: [...props.allowedInboundRanges],
      sourcePortRange: "*",
      destinationAddressPrefix: props.privateEndpointSubnetPrefix,
      destinationPortRange: "443",
    });
    rule("nsg_deny_all_inbound", {
      name: "deny-all-other-inbound",
      description:
        "Overrides Azure's default AllowVnetInBound, which admits every peered and on-premises network.",
      priority: 4096,
      direction: "Inbound",
      access: "Deny",
      protocol: "*",
      sourceAddressPrefix: "*",
      sourcePortRange: "*",
      destinationAddressPrefix: "*",
      destinationPortRange: "*",
    });
    new SubnetNetworkSecurityGroupAssociation(this, "nsg_association", {
      subnetId: subnet.id,
      networkSecurityGroupId: nsg.id,
    });
    const links: Record<string, ITerraformDependable> = {};
    for (const link of props.dnsZoneLinks ?? []) {
      links[link.zoneName] = new PrivateDnsZoneVirtualNetworkLink(this, `dns_link_${link.zoneName}`, {
        name: `link-${props.name}`,
        privateDnsZoneName: link.zoneName,
        resourceGroupName: link.zoneResourceGroupName,
        virtualNetworkId: vnet.id,
        registrationEnabled: false,
        tags,
      });
    }

    this.virtualNetworkId = vnet.id;
    this.privateEndpointSubnetId = subnet.id;
    this.networkSecurityGroupId = nsg.id;
    this.dnsLinks = links;
  }
}
