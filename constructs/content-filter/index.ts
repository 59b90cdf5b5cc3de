/**
 * ContentFilter: a content filter (RAI policy) on an account, with every filter written out, and its
 * blocklists attached. Deployments name it in rai_policy_name.
 *
 * Meets: responsible AI. Azure and provider constraints that shaped it:
 * - azurerm 4.55 requires all five fields of every content_filter, severity_threshold included for the
 *   binary filters (Jailbreak, Indirect Attack, Protected Material, Profanity) where Azure ignores it;
 * - base_policy_name forces replacement; Microsoft.DefaultV2 is the base Azure itself assigns;
 * - azurerm 4.55 cannot attach blocklists (customBlocklists): an azapi_update_resource on the policy
 *   owns just that property at a pinned API version; azurerm's own updates read the policy first, so
 *   they keep it;
 * - the policy must exist before the deployments that use it, and every write is an account operation,
 *   serialized with the others.
 */
import { dependable } from "cdktf";
import { Construct } from "constructs";
import { AzapiUpdateResource, COGNITIVE_SERVICES_API_VERSION } from "../azapi";
import { CognitiveAccountRaiPolicy } from "../azurerm";
import type { Blocklist } from "../blocklist";
import type { OpenAiAccount } from "../openai-account";
import {
  DEFAULT_POLICY,
  FILTER_MODES,
  FILTER_SOURCES,
  HARM_FILTER_NAMES,
} from "../../catalog/content-filters";
import { PropError, requireOneOf, requireRule } from "../validation";

export interface RaiFilter {
  /** Azure's filter name: Hate, Sexual, Violence, Selfharm, Jailbreak, Indirect Attack, ... */
  readonly name: string;
  readonly source: "Prompt" | "Completion";
  readonly enabled: boolean;
  readonly blocking: boolean;
  /** Block at this severity and above; ignored by Azure for binary filters. */
  readonly severityThreshold: "Low" | "Medium" | "High";
}

export interface ContentFilterProps {
  readonly account: OpenAiAccount;
  readonly name: string;
  /** Every filter, for every source it applies to. */
  readonly filters: readonly RaiFilter[];
  /**
   * @default "Microsoft.DefaultV2"
   */
  readonly basePolicyName?: string;
  /**
   * "Default" filters before a response is returned; "Asynchronous_filter" streams first.
   * @default "Default"
   */
  readonly mode?: (typeof FILTER_MODES)[number];
  /**
   * Blocklists applied to prompts and completions.
   * @default none
   */
  readonly blocklists?: readonly Blocklist[];
  /**
   * @default no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Filters Azure needs on both prompt and completion for a policy to filter harm at all. */
const HARM_FILTERS = Object.values(HARM_FILTER_NAMES);

export class ContentFilter extends Construct {
  /** The policy name, as deployments reference it. */
  readonly name: string;
  readonly policy: CognitiveAccountRaiPolicy;
  /** Sets the policy's customBlocklists (azapi): azurerm 4.55 cannot. */
  readonly blocklistAttachment: AzapiUpdateResource;

  constructor(scope: Construct, id: string, props: ContentFilterProps) {
    super(scope, id);
    const mode = props.mode ?? "Default";
    requireRule(this, "name", props.name, "raiName");
    if (props.name.toLowerCase().startsWith("microsoft"))
      throw new PropError(this, "name", props.name, "may not start with Microsoft (Azure's own policies)");
    requireOneOf(this, "mode", mode, FILTER_MODES);
    const seen = new Set<string>();
    for (const f of props.filters) {
      const sources = FILTER_SOURCES[f.name];
      if (!sources)
        throw new PropError(
          this,
          "filters[].name",
          f.name,
          `must be one of: ${Object.keys(FILTER_SOURCES).join(", ")}`,
        );
      requireOneOf(this, `filters[${f.name}].source`, f.source, sources as ("Prompt" | "Completion")[]);
      requireOneOf(this, `filters[${f.name}].severityThreshold`, f.severityThreshold, [
        "Low",
        "Medium",
        "High",
      ]);
      const key = `${f.name}/${f.source}`;
      if (seen.has(key)) throw new PropError(this, "filters", key, "must name each filter and source once");
      seen.add(key);
    }
    for (const harm of HARM_FILTERS) {
      for (const source of ["Prompt", "Completion"]) {
        if (!seen.has(`${harm}/${source}`))
          throw new PropError(
            this,
            "filters",
            `${harm}/${source}`,
            "must include every harm category for prompts and completions",
          );
      }
    }

    this.policy = new CognitiveAccountRaiPolicy(this, "Resource", {
      name: props.name,
      cognitiveAccountId: props.account.id,
      basePolicyName: props.basePolicyName ?? DEFAULT_POLICY,
      mode,
      contentFilter: props.filters.map((f) => ({
        name: f.name,
        source: f.source,
        filterEnabled: f.enabled,
        blockEnabled: f.blocking,
        severityThreshold: f.severityThreshold,
      })),
      tags: { ...props.tags },
    });

    // Always present, even with no blocklists: removing an azapi_update_resource leaves Azure as it
    // was, so detaching the last blocklist must be a write of an empty list. Re-applied whenever the
    // policy is replaced.
    const blocklists = props.blocklists ?? [];
    this.blocklistAttachment = new AzapiUpdateResource(this, "blocklists", {
      type: `Microsoft.CognitiveServices/accounts/raiPolicies@${COGNITIVE_SERVICES_API_VERSION}`,
      resourceId: this.policy.id,
      body: {
        properties: {
          customBlocklists: blocklists.flatMap((b) =>
            ["Prompt", "Completion"].map((source) => ({ blocklistName: b.name, blocking: true, source })),
          ),
        },
      },
      dependsOn: [...blocklists.map((b) => b.resource), this.policy],
      // replace_triggered_by takes a bare address; cdktf would write a resource as "${…}".
      lifecycle: { replaceTriggeredBy: [dependable(this.policy)] },
    });
    props.account.addOperation({
      key: `content-filter:${props.name}`,
      first: this.policy,
      last: this.blocklistAttachment,
    });
    this.name = props.name;
  }
}
