/**
 * gateway: one private front door (Azure API Management, internal VNet) across the regional accounts,
 * routing each workload as placement ordered it, keyless, with token limits per team (docs/gateway.md).
 */
import { z } from "zod";
import { guid } from "./common-schema";
import { GATEWAY_SKUS } from "../catalog/api-management";

export const gatewayTeamSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,39}$/, { error: "must be 1-40 lower-case letters, digits or '-'" })
      .describe("The team: its token limit's counter and the Team dimension of token metrics."),
    clientIds: z
      .array(guid("Entra application (client)"))
      .min(1, { error: "name at least one application (client) ID the team calls with" })
      .describe("Entra application (client) IDs whose tokens the gateway accepts for this team."),
    tokensPerMinute: z
      .number()
      .int()
      .min(1)
      .describe("The team's token limit per minute, across all its calls."),
    workloads: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe("Workloads the team may call. Default: all."),
  })
  .describe("A team that calls the gateway.");

export const gatewaySchema = z
  .strictObject({
    enabled: z
      .boolean()
      .default(false)
      .describe("The switch: an <env>-gateway stack in front of the accounts."),
    sku: z
      .enum(GATEWAY_SKUS, { error: `must be one of: ${GATEWAY_SKUS.join(", ")}` })
      .optional()
      .describe(
        "API Management tier; internal VNet mode needs Developer or Premium. Default: Premium_1 when protected, else Developer_1.",
      ),
    subnetId: z
      .string()
      .optional()
      .describe(
        "landingZone mode: an existing subnet for the gateway (no delegation, an NSG allowing API Management).",
      ),
    publisherEmail: z
      .email()
      .optional()
      .describe("API Management's publisher e-mail. Default: owner, when it is an address."),
    teams: z
      .array(gatewayTeamSchema)
      .default([])
      .describe("Teams that call the gateway, with their token limits."),
  })
  .prefault({})
  .describe("The AI gateway in front of the regional accounts.");
