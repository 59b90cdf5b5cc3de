/**
 * The environment's guardrail waivers: its `waivers:` list, plus the reason fields that served as
 * waivers before it (network.publicAccess.reason, a content filter's reason, a privileged grant's
 * reason). Those still work, as the waiver they stand for, with a warning saying what to write instead.
 * A landing zone whose policy writes private DNS records (network.dns.mode: policy) waives AOAI-NET2.
 */
import type { ConfigIssue } from "../config/errors";
import type { LoadedEnvironment } from "../config/load";
import { isPrivilegedRole } from "../catalog/roles";
import type { AccessGrant } from "./access";
import type { Waiver } from "../policies/waiver";

const sanitize = (id: string) => id.replace(/[^A-Za-z0-9_]/g, "_");

function legacy(
  env: LoadedEnvironment,
  warnings: ConfigIssue[],
  path: (string | number)[],
  waiver: Omit<Waiver, "source">,
): Waiver {
  const yaml = `{ rule: ${waiver.rule}, resource: "${waiver.resource}", reason: ... }`;
  warnings.push(
    env.issueAt(
      path,
      `is replaced by waivers: it is read as the waiver ${yaml}; move the reason there and remove this field`,
    ),
  );
  return { ...waiver, source: `${env.file}: ${path.join(".")}` };
}

export function resolveWaivers(
  env: LoadedEnvironment,
  grants: readonly AccessGrant[],
  warnings: ConfigIssue[],
): Waiver[] {
  const config = env.config;
  const waivers: Waiver[] = config.waivers.map((w, i) => ({
    rule: w.rule,
    resource: w.resource,
    reason: w.reason,
    expires: w.expires,
    source: `${env.file}: waivers[${i}]`,
  }));
  if (config.network.dns.mode === "policy") {
    // Decided by the config, not a deviation: the landing zone's DeployIfNotExists policy adds the zone group.
    waivers.push({
      rule: "AOAI-NET2",
      resource: "azurerm_cognitive_account.*",
      reason:
        "network.dns.mode is policy: the landing zone's Azure Policy (DeployIfNotExists) adds each private endpoint's DNS zone group.",
      source: `${env.file}: network.dns.mode`,
    });
  }
  const publicReason = config.network.publicAccess?.reason;
  if (publicReason !== undefined) {
    waivers.push(
      legacy(env, warnings, ["network", "publicAccess", "reason"], {
        rule: "AOAI-ACC1",
        resource: "azurerm_cognitive_account.*",
        reason: publicReason,
      }),
    );
  }
  for (const [name, filter] of Object.entries(config.contentFilters)) {
    if (filter.reason === undefined) continue;
    waivers.push(
      legacy(env, warnings, ["contentFilters", name, "reason"], {
        rule: "AOAI-RAI2",
        resource: `azurerm_cognitive_account_rai_policy.content_filter_${sanitize(name)}`,
        reason: filter.reason,
      }),
    );
  }
  // Each privileged assignment's construct ID is its grant key (estate/access.ts).
  for (const grant of grants) {
    if (grant.reason === undefined || !isPrivilegedRole(grant.roleId)) continue;
    waivers.push(
      legacy(env, warnings, ["access", grant.source.index, "reason"], {
        rule: "AOAI-IAM1",
        resource: `*/access/${grant.key}`,
        reason: grant.reason,
      }),
    );
  }
  return waivers;
}
