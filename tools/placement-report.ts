/**
 * The estate report's placement part: a Mermaid diagram of the environment (GitHub renders it in pull
 * requests), each workload's placement with the reasons, and the quota headroom per region. Pure.
 */
import type { Estate, EnvironmentEstate } from "../estate/types";
import { row, rule } from "./markdown";

const fmt = (n: number) => n.toLocaleString("en-US");
/** Mermaid labels are quoted; quotes inside become #quot;. */
/** 200 → "200K TPM"; PTUs as "100 PTU". */
const amount = (n: number, unit: string) => (unit === "PTU" ? `${fmt(n)} PTU` : `${fmt(n)}K TPM`);
const label = (text: string) => `"${text.replace(/"/g, "#quot;")}"`;

export function diagram(env: EnvironmentEstate): string[] {
  const lines = ["```mermaid", "flowchart LR"];
  const zones =
    env.dns.mode === "managed"
      ? env.shared.privateDnsZones
      : env.dns.mode === "existing"
        ? Object.keys(env.dns.zoneIds)
        : [];
  lines.push(`  subgraph shared[${label(`${env.shared.stackName} (${env.shared.location})`)}]`);
  lines.push(`    logs[${label(`Log Analytics ${env.shared.logAnalytics.name}`)}]`);
  if (zones.length > 0)
    lines.push(
      `    dns[${label(`Private DNS (${env.dns.mode === "managed" ? "this estate" : "landing zone"})<br/>${zones.join("<br/>")}`)}]`,
    );
  lines.push("  end");
  env.regions.forEach((r, i) => {
    lines.push(
      `  subgraph r${i}[${label(`${r.stackName} (${r.location}${r.dataZone ? `, ${r.dataZone} data zone` : ""})`)}]`,
    );
    lines.push(`    a${i}[${label(`${r.account.name}<br/>${r.account.kind}, keyless, private`)}]`);
    lines.push(`    pe${i}[${label(`private endpoint ${r.privateEndpoint.name}`)}]`);
    r.account.deployments.forEach((d, j) =>
      lines.push(`    d${i}_${j}[${label(`${d.name}: ${d.model.name} ${d.type} ${fmt(d.capacity)}`)}]`),
    );
    lines.push("  end");
    lines.push(`  pe${i} --> a${i}`);
    r.account.deployments.forEach((_, j) => lines.push(`  a${i} --> d${i}_${j}`));
    if (zones.length > 0 && r.privateEndpoint.zoneNames.length > 0) lines.push(`  pe${i} -. DNS .-> dns`);
    lines.push(`  a${i} -. logs .-> logs`);
  });
  if (env.gateway) {
    const g = env.gateway;
    lines.push(`  subgraph gw[${label(`${g.stackName} (${g.location})`)}]`);
    lines.push(`    apim[${label(`API Management ${g.name}<br/>internal VNet, Entra ID only, ${g.sku}`)}]`);
    lines.push("  end");
    lines.push(`  clients((${label("applications")})) --> apim`);
    env.regions.forEach((r, i) => {
      if (g.accounts.some((a) => a.location === r.location))
        lines.push(`  apim -- managed identity --> pe${i}`);
    });
  }
  lines.push("```");
  return lines;
}

export function placementSection(env: EnvironmentEstate): string[] {
  if (env.workloads.length === 0) return [];
  const lines = [
    "## Placement",
    "",
    "Workloads placed by the planner (docs/placement.md): each region's share, the quota it had left, and why.",
  ];
  for (const w of env.workloads) {
    const share =
      w.minimumShare !== undefined
        ? `, losing any one region keeps ≥ ${Math.round(w.minimumShare * 100)}%`
        : "";
    lines.push(
      "",
      `### ${w.name}: ${w.model} ${w.version}, ${amount(w.demand, w.unit)}, ${w.boundary} boundary, ${w.strategy}${share}`,
      "",
      row(["region", "type", "capacity", "role", "quota left before", "quota", "region added"]),
      rule(7),
      ...w.regions.map((r) =>
        row([
          r.region,
          r.type,
          fmt(r.capacity),
          r.role,
          fmt(r.available),
          fmt(r.quota),
          r.added ? "yes, from network.addressPool" : "no",
        ]),
      ),
    );
    if (w.worstLoss)
      lines.push(
        "",
        `Losing ${w.worstLoss.region}, the largest share, leaves ${fmt(w.worstLoss.remaining)} of ${fmt(w.demand)} ${w.unit}.`,
      );
    if (w.passedOver.length > 0)
      lines.push("", `Not used: ${w.passedOver.map((p) => `${p.region} (${p.why})`).join("; ")}.`);
    lines.push(
      "",
      `Clients try, in order: ${w.targets.map((t) => `${t.region} (${t.endpoint}, deployment ${t.deployment})`).join(", then ")}.`,
    );
  }
  return lines;
}

/** Quota left per region, model and type, over everything the subscription places. */
export function headroomSection(estate: Estate, env: EnvironmentEstate): string[] {
  const quotas = estate.quotas.filter(
    (q) => q.subscriptionId.toLowerCase() === env.subscriptionId.toLowerCase() && q.limit !== undefined,
  );
  if (quotas.length === 0) return [];
  return [
    "## Quota headroom",
    "",
    "Per subscription, region, model and deployment type, over every environment in the subscription.",
    "",
    row(["region", "model", "type", "used", "quota", "left"]),
    rule(6),
    ...[...quotas]
      .sort(
        (a, b) =>
          a.region.localeCompare(b.region) || a.model.localeCompare(b.model) || a.type.localeCompare(b.type),
      )
      .map((q) => row([q.region, q.model, q.type, fmt(q.used), fmt(q.limit!), fmt(q.limit! - q.used)])),
  ];
}

/** The endpoints file beside the report: per workload, where clients call it, in order. */
export function workloadEndpoints(env: EnvironmentEstate) {
  // With the gateway on, clients call it; the regional targets stay listed for the gateway and for operators.
  const gateway = env.gateway ? `https://${env.gateway.name}.azure-api.net/openai` : undefined;
  return {
    environment: env.name,
    ...(gateway ? { gateway } : {}),
    workloads: Object.fromEntries(
      env.workloads.map((w) => [
        w.name,
        { model: w.model, version: w.version, ...(gateway ? { endpoint: gateway } : {}), targets: w.targets },
      ]),
    ),
  };
}
