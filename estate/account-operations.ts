/**
 * The order of the operations on one account. Azure takes one change to an account at a time (409
 * RequestConflict otherwise), so the stack chains them in this order: the customer-managed key first
 * (everything after it is encrypted with it), then the blocklists the filters use, the content filters,
 * and the deployments that name them, each group in config order. The keys are the ones the constructs
 * register (OpenAiAccount.addOperation); the order does not depend on the order a stack creates them in.
 */
import type { BlocklistEstate, ContentFilterEstate, DeploymentEstate } from "./types";

export function accountOperations(parts: {
  readonly customerManagedKey: boolean;
  readonly blocklists: readonly BlocklistEstate[];
  readonly contentFilters: readonly ContentFilterEstate[];
  readonly deployments: readonly DeploymentEstate[];
}): string[] {
  // Only blocklists some filter attaches are created in a region.
  const used = new Set(parts.contentFilters.flatMap((f) => f.blocklists));
  return [
    ...(parts.customerManagedKey ? ["customer-managed-key"] : []),
    ...parts.blocklists.filter((b) => used.has(b.name)).map((b) => `blocklist:${b.name}`),
    ...parts.contentFilters.map((f) => `content-filter:${f.name}`),
    ...parts.deployments.map((d) => `deployment:${d.name}`),
  ];
}
