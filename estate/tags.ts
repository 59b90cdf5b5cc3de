/**
 * Tags every resource carries. The platform's own keys cannot be overridden from config: cost reports
 * and policy depend on them.
 */
import type { EnvironmentConfig } from "../config/schema";

export const MANAGED_BY = "azure-openai-platform";

/** Azure allows 50 tags on a resource; DNS zones allow 15, so the platform keeps its own set small. */
export const MAX_TAGS = 15;

export function platformTags(config: EnvironmentConfig): Record<string, string> {
  return {
    environment: config.name,
    workload: config.workload,
    owner: config.owner,
    "cost-center": config.costCenter,
    "managed-by": MANAGED_BY,
  };
}

export interface TagProblem {
  readonly key?: string;
  readonly message: string;
}

/** Merges config tags over nothing and under the platform's; reports keys that collide. */
export function mergeTags(config: EnvironmentConfig): {
  tags: Record<string, string>;
  problems: TagProblem[];
} {
  const platform = platformTags(config);
  const reserved = new Set(Object.keys(platform));
  const problems: TagProblem[] = [];
  for (const key of Object.keys(config.tags)) {
    // Azure tag names are case-insensitive, so "Owner" would collide with "owner".
    if (reserved.has(key.toLowerCase())) {
      problems.push({
        key,
        message: `"${key}" is set by the platform from the environment (${[...reserved].join(", ")}); remove it from tags`,
      });
    }
  }
  const tags = { ...config.tags, ...platform };
  if (Object.keys(tags).length > MAX_TAGS) {
    problems.push({
      message: `${Object.keys(tags).length} tags in all; at most ${MAX_TAGS} (private DNS zones take no more), of which ${reserved.size} are the platform's`,
    });
  }
  return { tags, problems };
}
