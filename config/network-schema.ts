/**
 * Network settings: where each region's private endpoint lives and how its name resolves.
 * Shape only; the address plan (containment, overlap, room) is checked in estate/network-plan.ts.
 */
import { z } from "zod";
import { PRIVATE_DNS_ZONES } from "../catalog/private-dns";
import { textOf } from "./common-schema";

const cidr = textOf("cidr");
const ipv4 = textOf("ipv4");
export const ipOrCidr = textOf("ipv4OrCidr");
const fqdn = textOf("fqdn");
const subnetId = textOf("subnetId");
const zoneId = textOf("privateDnsZoneId");

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
    addressPool: cidr
      .optional()
      .describe(
        "managed mode: where the planner takes a /22 for each region a workload needs that regions: does not list.",
      ),
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
          .max(256, { error: "must be at most 256 characters: it is written to the account's tags" })
          .optional()
          .describe(
            "Deprecated: waive AOAI-ACC1 under waivers: instead. Still read as that waiver, with a warning.",
          ),
      })
      .optional()
      .describe(
        "Opens the account's public endpoint to these ranges only (e.g. self-hosted CI runners). Needs a waiver of AOAI-ACC1.",
      ),
    allowedFqdns: z
      .array(fqdn)
      .default([])
      .describe("FQDNs the accounts may call out to, besides those the estate derives."),
  })
  .describe("Private networking for the environment.");
