/**
 * Azure OpenAI content-filter (RAI policy) facts: the filters Azure knows and the sources each applies to,
 * the harm categories, severities and modes, and the built-in policy deployments get by default.
 *
 * Sources: Cognitive Services REST API 2025-06-01, RaiContentFilters – List (filter names and sources);
 * "Content filtering" concepts page (severity levels, Microsoft.DefaultV2's settings). Checked 2026-11-30.
 */

/** The built-in policy Azure assigns a deployment that names none; custom filters start from it too. */
export const DEFAULT_POLICY = "Microsoft.DefaultV2";

/** Harm categories by their config key, with the filter name Azure uses for each. */
export const HARM_FILTER_NAMES = {
  hate: "Hate",
  sexual: "Sexual",
  violence: "Violence",
  selfHarm: "Selfharm",
} as const;
export type HarmCategory = keyof typeof HARM_FILTER_NAMES;
export const HARM_CATEGORIES = Object.keys(HARM_FILTER_NAMES) as HarmCategory[];

/** Filter names Azure knows and the sources each applies to. Harm filters need both to filter at all. */
export const FILTER_SOURCES: Readonly<Record<string, readonly ("Prompt" | "Completion")[]>> = {
  Hate: ["Prompt", "Completion"],
  Sexual: ["Prompt", "Completion"],
  Violence: ["Prompt", "Completion"],
  Selfharm: ["Prompt", "Completion"],
  Profanity: ["Prompt", "Completion"],
  Jailbreak: ["Prompt"],
  "Indirect Attack": ["Prompt"],
  "Protected Material Text": ["Completion"],
  "Protected Material Code": ["Completion"],
};

/** Block at this severity and above: Low is strictest; Off disables the filter. */
export const SEVERITIES = ["Low", "Medium", "High", "Off"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** "Default" filters before a response is returned; "Asynchronous_filter" streams first. */
export const FILTER_MODES = ["Default", "Asynchronous_filter"] as const;

/** What Microsoft.DefaultV2 sets: Medium on every harm category, Prompt Shields for jailbreaks, protected material on. */
export const DEFAULT_POLICY_SETTINGS = {
  severity: "Medium",
  jailbreak: true,
  indirectAttack: false,
  protectedMaterial: true,
  profanity: false,
} as const;
