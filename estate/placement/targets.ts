/**
 * Where clients of a placed workload go: per region its endpoint and deployment name, in the order to
 * try them (the primary, then the regions holding most capacity). A gateway or a client's retry list
 * takes this order; the estate report and the shared stack's outputs publish it.
 */
import type { EnvironmentEstate, WorkloadEstate } from "../types";
import type { WorkloadPlacement } from "./workloads";

const ROLE_ORDER = { primary: 0, active: 1, secondary: 2 } as const;

export function workloadTargets(
  placements: readonly WorkloadPlacement[],
  env: Pick<EnvironmentEstate, "regions">,
): WorkloadEstate[] {
  return placements.map((p) => ({
    ...p,
    targets: p.regions
      .map((r, preference) => ({ r, preference }))
      .sort(
        (a, b) =>
          ROLE_ORDER[a.r.role] - ROLE_ORDER[b.r.role] ||
          b.r.capacity - a.r.capacity ||
          a.preference - b.preference,
      )
      .map(({ r }) => {
        const account = env.regions.find((x) => x.location === r.region)?.account;
        return {
          region: r.region,
          role: r.role,
          deployment: p.name,
          capacity: r.capacity,
          // Entra ID clients call the account's own subdomain; it is fixed at creation, so known here.
          endpoint: account ? `https://${account.customSubdomainName}.openai.azure.com/` : "",
        };
      }),
  }));
}
