/**
 * Content filter config → the RAI policies each account gets. Presets expand to every filter Azure
 * takes; where a filter is weaker than Microsoft's default is recorded (the guardrail AOAI-RAI2 asks for a
 * waiver); every deployment names a filter that exists. Blocklists expand to items with stable names.
 */
import { createHash } from "node:crypto";
import type { ConfigIssue } from "../config/errors";
import type { LoadedEnvironment } from "../config/load";
import {
  DEFAULT_POLICY,
  DEFAULT_POLICY_SETTINGS,
  HARM_CATEGORIES,
  HARM_FILTER_NAMES,
  type Severity,
} from "../catalog/content-filters";
import type { BlocklistEstate, ContentFilterEstate, RaiFilterEstate, Tags } from "./types";

const STRICTNESS: Record<Severity, number> = { Low: 3, Medium: 2, High: 1, Off: 0 };

const PRESETS = {
  default: DEFAULT_POLICY_SETTINGS,
  strict: {
    severity: "Low",
    jailbreak: true,
    indirectAttack: true,
    protectedMaterial: true,
    profanity: true,
  },
} as const;

/**
 * azurerm 4.55 requires severity_threshold on every filter, binary ones included, where Azure ignores
 * it (hashicorp/terraform-provider-azurerm#28653).
 */
const BINARY_THRESHOLD = "High";

export interface ResolvedContentFilters {
  readonly filters: ContentFilterEstate[];
  readonly blocklists: BlocklistEstate[];
}

export function resolveContentFilters(
  env: LoadedEnvironment,
  tags: Tags,
  issues: ConfigIssue[],
): ResolvedContentFilters {
  const { contentFilters, blocklists, regions } = env.config;
  const filters: ContentFilterEstate[] = [];

  for (const [name, config] of Object.entries(contentFilters)) {
    const at = (sub: (string | number)[], message: string, value?: unknown) =>
      issues.push(env.issueAt(["contentFilters", name, ...sub], message, value));
    if (name.toLowerCase().startsWith("microsoft"))
      at([], "names starting with Microsoft are Azure's own policies");
    const preset = PRESETS[config.preset];
    const weaker: string[] = [];
    const list: RaiFilterEstate[] = [];

    for (const category of HARM_CATEGORIES) {
      for (const source of ["Prompt", "Completion"] as const) {
        const key = source === "Prompt" ? "prompt" : "completion";
        const severity: Severity = config.severity?.[category]?.[key] ?? preset.severity;
        if (STRICTNESS[severity] < STRICTNESS.Medium) weaker.push(`${category} ${key} ${severity}`);
        list.push({
          name: HARM_FILTER_NAMES[category],
          source,
          enabled: severity !== "Off",
          blocking: severity !== "Off",
          severityThreshold: severity === "Off" ? "High" : severity,
        });
      }
    }
    const binary = (apiName: string, source: "Prompt" | "Completion", on: boolean) =>
      list.push({ name: apiName, source, enabled: on, blocking: on, severityThreshold: BINARY_THRESHOLD });

    const jailbreak = config.jailbreak ?? preset.jailbreak;
    const protectedMaterial = config.protectedMaterial ?? preset.protectedMaterial;
    const profanity = config.profanity ?? preset.profanity;
    if (!jailbreak) weaker.push("jailbreak shield off");
    if (!protectedMaterial) weaker.push("protected material off");
    if (config.mode === "Asynchronous_filter") weaker.push("asynchronous filtering");
    binary("Jailbreak", "Prompt", jailbreak);
    binary("Indirect Attack", "Prompt", config.indirectAttack ?? preset.indirectAttack);
    binary("Protected Material Text", "Completion", protectedMaterial);
    binary("Protected Material Code", "Completion", protectedMaterial);
    binary("Profanity", "Prompt", profanity);
    binary("Profanity", "Completion", profanity);

    config.blocklists.forEach((b, i) => {
      if (!(b in blocklists))
        at(
          ["blocklists", i],
          `is not defined under blocklists: ${Object.keys(blocklists).join(", ") || "(none)"}`,
          b,
        );
    });
    filters.push({
      name,
      basePolicyName: DEFAULT_POLICY,
      mode: config.mode,
      filters: list,
      blocklists: [...config.blocklists],
      weakerThanDefault: weaker,
      reason: config.reason,
      tags: config.reason ? { ...tags, "weaker-filter-reason": config.reason } : tags,
    });
  }

  regions.forEach((region, r) =>
    region.deployments.forEach((d, i) => {
      if (d.contentFilter === DEFAULT_POLICY || d.contentFilter in contentFilters) return;
      const message =
        d.contentFilter === "Microsoft.Default"
          ? `Microsoft.Default has no Prompt Shields or protected-material filters: use ${DEFAULT_POLICY} or a filter of your own`
          : `is not a content filter of this environment: define it under contentFilters, or use ${DEFAULT_POLICY}`;
      issues.push(env.issueAt(["regions", r, "deployments", i, "contentFilter"], message, d.contentFilter));
    }),
  );

  return {
    filters,
    blocklists: Object.entries(blocklists).map(([name, b]) => {
      const seen = new Map<string, number>();
      const items = b.terms.flatMap((t, i) => {
        const term = typeof t === "string" ? { pattern: t, regex: false } : t;
        // Named by content, so reordering terms changes nothing.
        const hash = createHash("sha256").update(`${term.regex}|${term.pattern}`).digest("hex").slice(0, 12);
        const first = seen.get(hash);
        if (first !== undefined) {
          issues.push(env.issueAt(["blocklists", name, "terms", i], `repeats terms[${first}]`, term.pattern));
          return [];
        }
        seen.set(hash, i);
        return [{ name: `item-${hash}`, pattern: term.pattern, regex: term.regex }];
      });
      return { name, description: b.description, items };
    }),
  };
}
