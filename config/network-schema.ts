/**
 * Network settings: where each region's private endpoint lives and how its name resolves.
 * Shape only; the address plan (containment, overlap, room) is checked in estate/network-plan.ts.
 */
import { z } from "zod";
import { CIDR_PATTERN, IPV4_PATTERN } from "../catalog/cidr";
import { PRIVATE_DNS_ZONES } from "../catalog/private-dns";

const cidr = z.string().regex(CIDR_PATTERN, { error: "must be an IPv4 CIDR range such as 10.20.0.0/24" });
const ipv4 = z.string().regex(IPV4_PATTERN, { error: "must be an IPv4 address such as 10.20.0.10" });
export const ipOrCidr = z.string().regex(new RegExp(`${IPV4_PATTERN.source}|${CIDR_PATTERN.source}`), {
  error: "must be an IPv4 address or CIDR range",
});
const fqdn = z.string().regex(/^(?=.{1,253}$)(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, {
  error: "must be a fully qualified domain name such as example.blob.core.windows.net",
});
const subnetId = z
  .string()
  .regex(
    /^\/subscriptions\/[0-9a-fA-F-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i,
    {
      error:
        "must be a subnet resource ID: /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>",
    },
  );
const zoneId = z
  .string()
  .regex(
    /^\/subscriptions\/[0-9a-fA-F-]{36}\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/privateDnsZones\/[^/]+$/i,
    {
      error:
        "must be a private DNS zone resource ID: /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/privateDnsZones/<zone>",
    },
  );

export const NETWORK_MODES = ["managed", "landingZone"] as const;
export const DNS_MODES = ["managed", "existing", "policy"] as const;

export const regionNetworkSchema = z
  .strictObject({
    addressSpace: cidr.optional().describe("managed mode: the region's VNet address space."),
    privateEndpointSubnet: cidr
      .optional()
      .describe("managed mode: the private-endpoint subnet, inside addressSpace."),
    gatewaySubnet: cidr
      .optional()
      .describe(
        "managed mode: room reserved inside addressSpace for the API gateway's subnet (not created yet).",
      ),
    privateEndpointSubnetId: subnetId
      .optional()
      .describe("landingZone mode: the existing subnet for private endpoints."),
    privateEndpointIp: ipv4
      .optional()
      .describe("Static IP for the account's private endpoint. Default: dynamic."),
  })
  .describe(
    "The region's network: managed (addressSpace, privateEndpointSubnet) or landing zone (privateEndpointSubnetId).",
  );

export const networkSchema = z
  .strictObject({
    mode: z
      .enum(NETWORK_MODES, { error: `must be one of: ${NETWORK_MODES.join(", ")}` })
      .default("managed")
      .describe(
        "managed: the project creates a VNet per region. landingZone: existing subnets, no VNet created.",
      ),
    dns: z
      .strictObject({
        mode: z
          .enum(DNS_MODES, { error: `must be one of: ${DNS_MODES.join(", ")}` })
          .default("managed")
          .describe(
            "managed: the shared stack owns the zones. existing: zones from a hub. policy: Azure Policy writes records.",
          ),
        zoneIds: z
          .partialRecord(
            z.enum(PRIVATE_DNS_ZONES, { error: `must be one of: ${PRIVATE_DNS_ZONES.join(", ")}` }),
            zoneId,
          )
          .optional()
          .describe("existing mode: zone resource IDs by zone name."),
      })
      .default({ mode: "managed" }),
    peerRanges: z
      .array(cidr)
      .default([])
      .describe(
        "Address ranges of networks this one peers or connects with (hub, on-premises): no VNet may overlap them.",
      ),
    clientRanges: z
      .array(cidr)
      .default([])
      .describe(
        "Ranges outside the region's VNet allowed to reach its private endpoints on 443 (e.g. peered app VNets).",
      ),
    trustedServicesBypass: z
      .boolean()
      .default(false)
      .describe(
        "Let trusted Azure services (AI Search, Machine Learning) through the account firewall by managed identity.",
      ),
    publicAccess: z
      .strictObject({
        allowedIpRanges: z
          .array(ipOrCidr)
          .min(1, { error: "list at least one range, or remove publicAccess" }),
        reason: z
          .string()
          .min(10, { error: "say why public access is needed (at least 10 characters)" })
          .max(256, { error: "must be at most 256 characters: it is written to the account's tags" }),
      })
      .optional()
      .describe(
        "Opens the account's public endpoint to these ranges only (e.g. self-hosted CI runners). Shows in review.",
      ),
    allowedFqdns: z
      .array(fqdn)
      .default([])
      .describe("FQDNs the accounts may call out to, besides those the estate derives."),
  })
  .describe("Private networking for the environment.");

export type NetworkConfig = z.infer<typeof networkSchema>;
export type RegionNetworkConfig = z.infer<typeof regionNetworkSchema>;
