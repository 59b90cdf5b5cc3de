/**
 * Address plan and DNS checks, before synth: CIDRs parse and are aligned, subnets lie inside their
 * VNet, no two VNets overlap each other or a declared peer range, each private-endpoint subnet has room
 * for its endpoints, static IPs are assignable, and the DNS mode fits the network mode.
 */
import type { ConfigIssue } from "../config/errors";
import type { LoadedEnvironment } from "../config/load";
import { contains, isAssignable, overlaps, parseCidr, type Cidr } from "../catalog/cidr";
import { zonesForRegion } from "../catalog/private-dns";
import { usesCustomerManagedKey } from "./security";

/**
 * Azure's smallest subnet is a /29 (8 addresses, 3 usable), which holds every private endpoint a region
 * has: the account's, the key vault's (customer-managed key) and the fine-tuning storage's. A region
 * with a fourth endpoint must check the subnet's room again (test/stacks/dns-combinations.test.ts fails
 * first).
 */
const MIN_SUBNET_PREFIX = 29;

type Report = (path: (string | number)[], message: string, value?: unknown) => void;

/** The address plan of one environment: ranges parse, VNets and peers do not overlap, subnets have room. */
export function checkNetworkPlan(env: LoadedEnvironment, issues: ConfigIssue[]): void {
  const { network, regions } = env.config;
  const at: Report = (path, message, value) => issues.push(env.issueAt(path, message, value));
  const parse = (path: (string | number)[], text: string): Cidr | undefined => {
    const parsed = parseCidr(text);
    if (typeof parsed === "string") {
      at(path, parsed, text);
      return undefined;
    }
    return parsed;
  };

  const peers = network.peerRanges.map((r, i) => ({
    cidr: parse(["network", "peerRanges", i], r),
    index: i,
  }));
  network.clientRanges.forEach((r, i) => parse(["network", "clientRanges", i], r));
  checkDns(env, at);

  const vnets: { cidr: Cidr; index: number }[] = [];
  regions.forEach((region, i) => {
    const path = ["regions", i, "network"];
    const net = region.network;
    if (network.mode === "landingZone") {
      if (!net?.privateEndpointSubnetId) {
        at(path, "landingZone mode needs privateEndpointSubnetId: the existing subnet for private endpoints");
      }
      for (const key of ["addressSpace", "privateEndpointSubnet", "gatewaySubnet"] as const) {
        if (net?.[key])
          at([...path, key], "is for managed mode; landingZone mode creates no VNet: remove it", net[key]);
      }
      return;
    }
    if (!net?.addressSpace || !net.privateEndpointSubnet) {
      at(
        path,
        "managed network mode needs addressSpace and privateEndpointSubnet (or set network.mode: landingZone with existing subnets)",
      );
      return;
    }
    if (net.privateEndpointSubnetId) {
      at(
        [...path, "privateEndpointSubnetId"],
        "is for landingZone mode; managed mode creates the subnet: remove it",
        net.privateEndpointSubnetId,
      );
    }
    const vnet = parse([...path, "addressSpace"], net.addressSpace);
    const subnet = parse([...path, "privateEndpointSubnet"], net.privateEndpointSubnet);
    const gateway = net.gatewaySubnet ? parse([...path, "gatewaySubnet"], net.gatewaySubnet) : undefined;
    if (!vnet || !subnet) return;

    for (const other of vnets) {
      if (overlaps(vnet, other.cidr)) {
        at(
          [...path, "addressSpace"],
          `overlaps regions[${other.index}].network.addressSpace (${other.cidr.text}); regional VNets must not overlap`,
          vnet.text,
        );
      }
    }
    vnets.push({ cidr: vnet, index: i });
    for (const peer of peers) {
      if (peer.cidr && overlaps(vnet, peer.cidr)) {
        at(
          [...path, "addressSpace"],
          `overlaps network.peerRanges[${peer.index}] (${peer.cidr.text}); peered networks must not overlap`,
          vnet.text,
        );
      }
    }
    checkSubnets(at, path, { vnet, subnet, gateway, privateEndpointIp: net.privateEndpointIp });
  });
}

/** DNS mode against network mode, and in existing mode a zone ID for every zone the regions need. */
function checkDns(env: LoadedEnvironment, at: Report): void {
  const { network, regions } = env.config;
  if (network.mode === "landingZone" && network.dns.mode === "managed") {
    at(
      ["network", "dns", "mode"],
      "managed DNS links zones to the project's VNets, and landingZone mode creates none: use existing or policy",
      "managed",
    );
  }
  if (network.dns.mode === "existing") {
    const cmk = usesCustomerManagedKey(env.config);
    const needed = new Set(regions.flatMap((r) => zonesForRegion(r.kind, cmk, r.fineTuning !== undefined)));
    for (const zone of needed) {
      const id = network.dns.zoneIds?.[zone];
      if (!id) at(["network", "dns", "zoneIds"], `existing DNS mode needs the resource ID of zone ${zone}`);
      else if (!id.toLowerCase().endsWith(`/privatednszones/${zone}`)) {
        at(["network", "dns", "zoneIds", zone], `the resource ID must end with /privateDnsZones/${zone}`, id);
      }
    }
  } else if (network.dns.zoneIds) {
    at(
      ["network", "dns", "zoneIds"],
      `zoneIds are only used in existing DNS mode (mode is ${network.dns.mode}); remove them`,
    );
  }
}

/** The endpoint subnet inside the VNet with room for the region's endpoints; the gateway subnet beside it. */
function checkSubnets(
  at: Report,
  path: (string | number)[],
  plan: { vnet: Cidr; subnet: Cidr; gateway?: Cidr; privateEndpointIp?: string },
): void {
  const { vnet, subnet, gateway } = plan;
  if (!contains(vnet, subnet)) {
    at([...path, "privateEndpointSubnet"], `lies outside the VNet's address space ${vnet.text}`, subnet.text);
  } else if (subnet.prefix > MIN_SUBNET_PREFIX) {
    at(
      [...path, "privateEndpointSubnet"],
      `is smaller than /${MIN_SUBNET_PREFIX}, the smallest subnet Azure allows`,
      subnet.text,
    );
  }
  if (gateway) {
    if (!contains(vnet, gateway))
      at([...path, "gatewaySubnet"], `lies outside the VNet's address space ${vnet.text}`, gateway.text);
    if (overlaps(gateway, subnet))
      at([...path, "gatewaySubnet"], `overlaps privateEndpointSubnet ${subnet.text}`, gateway.text);
  }
  if (plan.privateEndpointIp && !isAssignable(subnet, plan.privateEndpointIp)) {
    at(
      [...path, "privateEndpointIp"],
      `is not an assignable address of privateEndpointSubnet ${subnet.text} (Azure reserves the first four and the last)`,
      plan.privateEndpointIp,
    );
  }
}
