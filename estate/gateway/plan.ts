/**
 * The gateway as the estate decides it: where it runs (the primary region, in its reserved gateway
 * subnet or a landing zone's), its globally unique name, one backend per placed region of each workload
 * in placement's order, the accounts its identity may call, and the teams with their limits.
 */
import type { ConfigIssue } from "../../config/errors";
import type { LoadedEnvironment } from "../../config/load";
import { TEXT_RULES } from "../../catalog/text-rules";
import { uniqueSuffix } from "../naming";
import type { EnvironmentEstate, GatewayEstate } from "../types";

export function planGateway(
  env: LoadedEnvironment,
  estate: EnvironmentEstate,
  issues: ConfigIssue[],
): GatewayEstate | undefined {
  const config = env.config;
  const g = config.gateway;
  if (!g.enabled) return undefined;
  const at = (path: (string | number)[], message: string, value?: unknown) =>
    issues.push(env.issueAt(["gateway", ...path], message, value));
  if (estate.workloads.length === 0) {
    at(
      ["enabled"],
      "routes placed workloads: declare workloads: (the gateway's backends come from their placement)",
    );
    return undefined;
  }
  if (!config.tenantId) {
    at(["enabled"], "needs tenantId: the gateway accepts Entra ID tokens of this tenant only");
    return undefined;
  }
  const region = estate.regions.find((r) => r.location === estate.shared.location) ?? estate.regions[0]!;
  let subnet: GatewayEstate["subnet"];
  if (region.network.mode === "managed") {
    const prefix = config.regions.find((r) => r.location === region.location)?.network?.gatewaySubnet;
    if (!prefix) {
      at(
        ["enabled"],
        `needs regions[${region.location}].network.gatewaySubnet: room for the gateway in its VNet`,
      );
      return undefined;
    }
    subnet = {
      mode: "managed",
      virtualNetworkName: region.network.virtualNetwork.name,
      resourceGroupName: region.resourceGroupName,
      addressPrefix: prefix,
    };
  } else {
    if (!g.subnetId) {
      at(["subnetId"], "is required in landingZone mode: the landing zone's subnet for the gateway");
      return undefined;
    }
    subnet = { mode: "existing", id: g.subnetId };
  }
  const publisherEmail =
    g.publisherEmail ?? (TEXT_RULES.email.pattern.test(config.owner) ? config.owner : undefined);
  if (!publisherEmail) {
    at(["publisherEmail"], "is required when owner is not an e-mail address (API Management asks for one)");
    return undefined;
  }
  const suffix = uniqueSuffix(
    { subscriptionId: config.subscriptionId, workload: config.workload, environment: config.name },
    "gateway",
    6,
  );
  // Global (`<name>.azure-api.net`), 1-50 letters, digits and hyphens: with the schema's limits on
  // workload (10) and environment (8) names this is at most 31 characters, always valid.
  const name = `apim-${config.workload}-${config.name}-${suffix}`;
  const workloads = estate.workloads.map((w) => w.name);
  g.teams.forEach((t, i) =>
    (t.workloads ?? []).forEach((w, j) => {
      if (!workloads.includes(w))
        at(["teams", i, "workloads", j], `is not a workload: ${workloads.join(", ")}`, w);
    }),
  );
  return {
    stackName: `${config.name}-gateway`,
    name,
    insightsName: `appi-${name}`,
    location: region.location,
    resourceGroupName: estate.shared.resourceGroupName,
    sku: g.sku ?? (config.protected ? "Premium_1" : "Developer_1"),
    publisherName: config.owner,
    publisherEmail,
    tenantId: config.tenantId,
    subnet,
    regionStackName: region.stackName,
    workloads: estate.workloads.map((w) => ({
      name: w.name,
      // Placement's order: primary, then the largest shares; the gateway tries them in turn.
      backends: w.targets.map((t, i) => ({
        id: `${w.name}-${t.region}`,
        region: t.region,
        url: `${t.endpoint}openai`,
        priority: i + 1,
        weight: t.capacity,
      })),
    })),
    accounts: [...new Set(estate.workloads.flatMap((w) => w.targets.map((t) => t.region)))].map(
      (location) => {
        const account = estate.regions.find((r) => r.location === location)!.account;
        return { location, name: account.name, resourceId: account.resourceId };
      },
    ),
    teams: g.teams.map((t) => ({
      name: t.name,
      clientIds: [...t.clientIds],
      tokensPerMinute: t.tokensPerMinute,
      workloads: t.workloads ?? workloads,
    })),
  };
}
