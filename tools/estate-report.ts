/**
 * The estate report: per environment, a markdown table of what runs where (region, model, type,
 * capacity, share of quota, content filter, lifecycle), for reviewers and capacity planning.
 * Pure: main.ts writes it beside cdktf.out.
 */
import { formatIssue } from "../config/errors";
import { MODELS } from "../catalog/models";
import { ciRights } from "../estate/ci-identities";
import { ALL_MODELS } from "../estate/quotas";
import type { Estate, EnvironmentEstate, QuotaUsage } from "../estate/types";
import type { GuardrailReport } from "../policies/evaluate";
import { diagram, headroomSection, placementSection } from "./placement-report";

import { RULES } from "../policies/pack";
import { waiverKey } from "../policies/waiver";
import { row, rule } from "./markdown";

function quotaCell(usage: QuotaUsage | undefined): string {
  if (!usage || usage.limit === undefined) return "not in catalog";
  if (usage.limit === 0) return "no quota (0)";
  const pct = `${Math.round((usage.used / usage.limit) * 100)}%`;
  const source = { config: " (declared)", subscription: " (subscription)", catalog: "" }[
    usage.source ?? "catalog"
  ];
  return `${pct} of ${usage.limit}${source}`;
}

export function renderEstateReport(
  estate: Estate,
  env: EnvironmentEstate,
  today: string,
  guardrails?: GuardrailReport,
): string {
  // Indexed once: a large estate has hundreds of deployments and quota entries.
  const first = new Map<string, { readonly at: number; readonly usage: QuotaUsage }>();
  estate.quotas.forEach((q, at) => {
    if (q.subscriptionId.toLowerCase() !== env.subscriptionId.toLowerCase()) return;
    const key = `${q.region}|${q.model}|${q.type}`;
    if (!first.has(key)) first.set(key, { at, usage: q });
  });
  /** The first entry for the model, or for every model (provisioned shapes), in the quotas' order. */
  const usage = (region: string, model: string, type: string) =>
    [first.get(`${region}|${model}|${type}`), first.get(`${region}|${ALL_MODELS}|${type}`)]
      .filter((x) => x !== undefined)
      .sort((a, b) => a.at - b.at)[0]?.usage;
  const lines = [
    `# Estate report: ${env.name}`,
    "",
    `From \`${env.sourceFile}\`, lifecycle judged on ${today}. Quota is per subscription, region, model and`,
    "type, summed over every environment in the subscription.",
    "",
    "## Deployments",
    "",
    row([
      "region",
      "deployment",
      "model",
      "capability",
      "type",
      "capacity",
      "quota used",
      "content filter",
      "lifecycle",
      "retires",
    ]),
    row(Array(10).fill("---")),
  ];
  for (const region of env.regions) {
    for (const d of region.account.deployments) {
      const facts = d.catalog;
      const model = facts.fineTunedFrom
        ? `${d.model.name} (fine-tuned ${facts.fineTunedFrom})`
        : `${d.model.name} ${d.model.version}`;
      lines.push(
        row([
          region.location,
          d.name,
          model,
          facts.capability,
          d.type,
          `${d.capacity} × ${facts.unit ?? "unit"}`,
          facts.fineTunedFrom ? "n/a" : quotaCell(usage(region.location, d.model.name, d.type)),
          d.raiPolicyName,
          facts.uncatalogued ? `not in catalog: ${facts.uncatalogued}` : facts.lifecycle.status,
          facts.uncatalogued ? "unknown" : (facts.lifecycle.retires ?? "not announced"),
        ]),
      );
    }
  }
  const training = env.regions.filter((r) => r.fineTuning);
  if (training.length > 0) {
    lines.push(
      "",
      "## Fine-tuning",
      "",
      "Training runs in the region, on the base models named; fine-tuned deployments keep their own retirement date.",
      "",
      row(["region", "base model", "lifecycle", "base retires", "fine-tuned deployments run until"]),
      rule(5),
    );
    for (const region of training) {
      for (const name of region.fineTuning!.baseModels) {
        const facts = MODELS.find((m) => m.name === name && m.fineTuning);
        lines.push(
          row([
            region.location,
            facts ? `${name} ${facts.version}` : name,
            facts?.lifecycle.status ?? "unknown",
            facts?.lifecycle.retires ?? "not announced",
            facts?.fineTuning?.retires ?? "not announced",
          ]),
        );
      }
    }
  }
  if (env.contentFilters.length > 0) {
    lines.push(
      "",
      "## Content filters",
      "",
      row(["filter", "base", "mode", "weaker than default", "blocklists"]),
    );
    lines.push(rule(5));
    for (const f of env.contentFilters) {
      const weaker =
        f.weakerThanDefault.length > 0
          ? `${f.weakerThanDefault.join(", ")}${f.reason ? ` (${f.reason})` : ""}`
          : "no";
      lines.push(row([f.name, f.basePolicyName, f.mode, weaker, f.blocklists.join(", ") || "none"]));
    }
  }
  lines.push(
    "",
    "## CI identities",
    "",
    "What the plan and deploy identities need for this environment's stacks (`npm run bootstrap` grants it" +
      (env.ci ? "" : " once `ci:` names them") +
      "). Key Vault keys are reached through access policies: `customerManagedKey.keyAdministrators` and `keyReaders`.",
    "",
    row(["identity", "role", "scope", "why"]),
    rule(4),
    ...ciRights(env).map((r) =>
      row([
        env.ci ? `${r.identity} (${env.ci[r.identity].displayName})` : r.identity,
        r.role,
        r.scope,
        r.why,
      ]),
    ),
  );
  lines.push("", "## Diagram", "", ...diagram(env));
  const placement = placementSection(env);
  if (placement.length > 0) lines.push("", ...placement);
  const headroom = headroomSection(estate, env);
  if (headroom.length > 0) lines.push("", ...headroom);
  if (env.waivers.length > 0) lines.push("", ...waiverSection(env, guardrails));
  const warnings = estate.warnings.filter((w) => w.file === env.sourceFile);
  if (warnings.length > 0) {
    lines.push("", "## Warnings", "", ...warnings.map((w) => `- ${formatIssue(w)}`));
  }
  return `${lines.join("\n")}\n`;
}

/** The environment's waivers: each deliberate departure from a guardrail, with its reason and reach. */
function waiverSection(env: EnvironmentEstate, guardrails: GuardrailReport | undefined): string[] {
  const uses = new Map(guardrails?.waivers.map((u) => [waiverKey(u.waiver), u.findings]));
  const title = (id: string) => RULES.find((r) => r.id === id)?.title ?? "unknown rule";
  return [
    "## Waivers",
    "",
    "Guardrail findings this environment accepts (docs/guardrails.md); synth fails once one expires.",
    "",
    row(["rule", "covers", "reason", "expires", "findings waived", "declared at"]),
    rule(6),
    ...env.waivers.map((w) =>
      row([
        `${w.rule}: ${title(w.rule)}`,
        `\`${w.resource}\``,
        w.reason,
        w.expires ?? "no expiry",
        guardrails ? (uses.get(waiverKey(w)) ?? 0) : "not synthesized",
        w.source ?? "",
      ]),
    ),
  ];
}
