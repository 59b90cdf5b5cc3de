import { DEFAULT_POLICY, DEFAULT_POLICY_SETTINGS, HARM_FILTER_NAMES } from "../../catalog/content-filters";
import { blocks } from "../document";
import { resourceRule } from "../checks";

const HARM = Object.values(HARM_FILTER_NAMES) as string[];
/** Filters Microsoft's default has on, besides the harm categories. */
const ON_BY_DEFAULT = [
  ...(DEFAULT_POLICY_SETTINGS.jailbreak ? ["Jailbreak"] : []),
  ...(DEFAULT_POLICY_SETTINGS.protectedMaterial
    ? ["Protected Material Text", "Protected Material Code"]
    : []),
];

/** How a content filter is weaker than Microsoft.DefaultV2, one phrase per difference. */
export function weakerThanDefault(values: Readonly<Record<string, unknown>>): string[] {
  const weaker: string[] = [];
  // "Deferred" is the older API name of Asynchronous_filter (azurerm docs).
  if (values["mode"] === "Asynchronous_filter" || values["mode"] === "Deferred")
    weaker.push("asynchronous filtering");
  for (const f of blocks(values["content_filter"])) {
    const name = String(f["name"]);
    const what = `${name} ${String(f["source"]).toLowerCase()}`;
    const off = f["filter_enabled"] === false || f["block_enabled"] === false;
    if (HARM.includes(name)) {
      if (off) weaker.push(`${what} off`);
      // Low is strictest; High blocks only the most severe content, weaker than the default Medium.
      else if (f["severity_threshold"] === "High") weaker.push(`${what} High`);
    } else if (ON_BY_DEFAULT.includes(name) && off) weaker.push(`${what} off`);
  }
  return weaker;
}

export const contentFilterStrength = resourceRule(
  {
    id: "AOAI-RAI2",
    level: "error",
    title: `Content filters are at least as strict as ${DEFAULT_POLICY}`,
    rationale:
      "A weaker filter lets harmful content, jailbreak attempts or protected material through; it is a " +
      "Responsible AI decision that needs a recorded reason (and, to turn a filter off, Microsoft's approval).",
    fix: "Keep every harm category at Medium or stricter, Prompt Shields and protected material on, mode Default; or waive AOAI-RAI2 with the approved reason.",
    sources: {
      guidance: [
        "learn.microsoft.com/azure/ai-foundry/openai/concepts/content-filter",
        "Azure Policy 930f48f9 and c1ad46c6 (preview) audit the same settings more loosely: High and asynchronous filtering pass there",
      ],
    },
  },
  ["azurerm_cognitive_account_rai_policy"],
  (v) => {
    const weaker = weakerThanDefault(v);
    return weaker.length === 0 ? undefined : `is weaker than ${DEFAULT_POLICY}: ${weaker.join(", ")}`;
  },
);
