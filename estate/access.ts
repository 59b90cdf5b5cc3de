/**
 * Access config → role grants per scope. Roles given by intent, name or GUID resolve to built-in role
 * definition GUIDs; subscription-only roles need the environment scope. Privileged roles are the
 * guardrails' concern (AOAI-IAM1): they need a waiver.
 */
import type { ConfigIssue } from "../config/errors";
import type { LoadedEnvironment } from "../config/load";
import { resolveRole, ROLE_INTENT_NAMES, type ResolvedRole } from "../catalog/roles";
import type { RoleGrantEstate } from "./types";

export type GrantScope = "account" | "resourceGroup" | "environment";

export interface AccessGrant extends RoleGrantEstate {
  readonly scope: GrantScope;
  /** Regions the grant applies to (all when undefined); meaningless at environment scope. */
  readonly regions?: readonly string[];
  /** The config entry it came from. */
  readonly source: { readonly name: string; readonly index: number };
}

export function resolveAccess(env: LoadedEnvironment, issues: ConfigIssue[]): AccessGrant[] {
  const { access, regions } = env.config;
  const locations = regions.map((r) => r.location as string);
  const at = (path: (string | number)[], message: string, value?: unknown) =>
    issues.push(env.issueAt(["access", ...path], message, value));
  const names = new Map<string, number>();
  const grants: AccessGrant[] = [];

  access.forEach((grant, i) => {
    const first = names.get(grant.name);
    if (first !== undefined) at([i, "name"], `duplicate grant name (also at access[${first}])`, grant.name);
    else names.set(grant.name, i);

    if (grant.regions && grant.scope === "environment") {
      at(
        [i, "regions"],
        "applies to account and resourceGroup scopes only; the environment scope is the subscription",
      );
    }
    grant.regions?.forEach((r, k) => {
      if (!locations.includes(r))
        at([i, "regions", k], `is not one of the environment's regions: ${locations.join(", ")}`, r);
    });

    const seen = new Map<string, number>();
    grant.roles.forEach((text, j) => {
      const role = resolveRole(text);
      if (!role) {
        at(
          [i, "roles", j],
          `unknown role: use an intent (${ROLE_INTENT_NAMES.join(", ")}), a built-in role name such as "Cognitive Services OpenAI User", or a role definition GUID`,
          text,
        );
        return;
      }
      const again = seen.get(role.id);
      if (again !== undefined) {
        at([i, "roles", j], `grants the same role as roles[${again}]`, text);
        return;
      }
      seen.set(role.id, j);
      if (role.subscriptionScopeOnly && grant.scope !== "environment") {
        at([i, "roles", j], `${role.name} works at subscription scope only: set scope: environment`, text);
      }
      if (!role.known && !grant.reason) {
        at(
          [i, "roles", j],
          "is not in the role catalog (catalog/roles.ts): say in reason what the role is and why it is needed",
          text,
        );
      }
      if (grant.condition && !role.conditions) {
        at(
          [i, "condition"],
          `${role.name} takes no ABAC condition; Azure accepts them on storage data roles and on role-assignment delegation (User Access Administrator, RBAC Administrator)`,
        );
      }
      grants.push(toGrant({ name: grant.name, index: i }, role, grant));
    });
  });
  checkOverlaps(grants, at);
  return grants;
}

/**
 * Two grants giving one principal one role at one scope would be one Azure assignment (same derived
 * name) managed twice; removing either grant would delete it.
 */
function checkOverlaps(
  grants: readonly AccessGrant[],
  at: (path: (string | number)[], message: string) => void,
) {
  grants.forEach((g, i) => {
    const other = grants
      .slice(0, i)
      .find(
        (o) =>
          o.scope === g.scope &&
          o.roleId === g.roleId &&
          o.principal.objectId.toLowerCase() === g.principal.objectId.toLowerCase() &&
          (g.scope === "environment" ||
            !o.regions ||
            !g.regions ||
            o.regions.some((r) => g.regions!.includes(r))),
      );
    // A role listed twice in one grant is reported at the grant and resolved once, so `other` is
    // always another grant.
    if (other) {
      at(
        [g.source.index],
        `gives ${g.principal.displayName} ${g.roleName} at the same scope as access[${other.source.index}] (${other.source.name}): keep one`,
      );
    }
  });
}

function toGrant(
  source: AccessGrant["source"],
  role: ResolvedRole,
  grant: {
    principal: RoleGrantEstate["principal"];
    scope: GrantScope;
    regions?: readonly string[];
    reason?: string;
    condition?: string;
  },
): AccessGrant {
  return {
    key: `${source.name}-${role.label}`,
    principal: { ...grant.principal },
    roleId: role.id,
    roleName: role.name ?? role.id,
    reason: grant.reason,
    condition: grant.condition,
    scope: grant.scope,
    regions: grant.regions,
    source,
  };
}
