/**
 * Terraform's machine-readable plan (`terraform show -json <planfile>`), the parts the review reads.
 * Format 1.x only: minor versions add keys, which are ignored; a major version may change meanings,
 * so 2.x is refused rather than guessed at. Source: Terraform "JSON Output Format" and
 * internal/command/jsonplan (format 1.2 as of Terraform 1.7+), read 2026-12-02.
 */
import { z } from "zod";

const change = z.looseObject({
  actions: z.array(z.string()).min(1),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  after_unknown: z.unknown().optional(),
  before_sensitive: z.unknown().optional(),
  after_sensitive: z.unknown().optional(),
  replace_paths: z.array(z.array(z.union([z.string(), z.number()]))).optional(),
  importing: z.looseObject({ id: z.string().optional() }).optional(),
});

const resourceChange = z.looseObject({
  address: z.string(),
  previous_address: z.string().optional(),
  mode: z.string().optional(),
  type: z.string(),
  name: z.string().optional(),
  deposed: z.string().optional(),
  action_reason: z.string().optional(),
  change,
});

export const planSchema = z.looseObject({
  format_version: z.string(),
  terraform_version: z.string().optional(),
  errored: z.boolean().optional(),
  complete: z.boolean().optional(),
  resource_changes: z.array(resourceChange).default([]),
  resource_drift: z.array(resourceChange).default([]),
  relevant_attributes: z.array(z.looseObject({ resource: z.string() })).default([]),
  output_changes: z.record(z.string(), z.looseObject({ actions: z.array(z.string()) })).default({}),
});

export type Plan = z.infer<typeof planSchema>;
export type ResourceChange = z.infer<typeof resourceChange>;

export class PlanError extends Error {}

/** Parses one plan; `source` names it in errors. */
export function parsePlan(text: string, source: string): Plan {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new PlanError(`${source}: not JSON; give the output of \`terraform show -json <planfile>\``);
  }
  const version = (raw as { format_version?: unknown })?.format_version;
  if (typeof version !== "string")
    throw new PlanError(
      `${source}: no format_version; give the output of \`terraform show -json <planfile>\``,
    );
  if (!/^1\.\d+$/.test(version))
    throw new PlanError(
      `${source}: plan format ${version} is not supported (this review reads format 1.x; a new major version may change what actions mean)`,
    );
  const parsed = planSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PlanError(`${source}: ${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}
