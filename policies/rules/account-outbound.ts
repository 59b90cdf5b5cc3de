import { OPENAI_KINDS, resourceRule } from "../checks";

/** Azure accepts at most 1,000 entries in an account's FQDN allow-list. */
const MAX_FQDNS = 1000;

export const accountOutbound = resourceRule(
  {
    id: "AOAI-ACC7",
    level: "error",
    title: "Azure OpenAI accounts restrict outbound access to an FQDN allow-list",
    rationale:
      "Data loss prevention: with outbound access restricted, the account can only call the hosts listed " +
      "(its key vault, its storage), so prompts and data cannot be sent elsewhere. Unlike Checkov, it " +
      "also covers kind AIServices and accepts an empty list (nothing may be called).",
    fix: "Set outbound_network_access_restricted = true and list the allowed hosts in fqdns (config: network.allowedFqdns).",
    sources: {
      checkov: ["CKV_AZURE_247"],
      guidance: ["learn.microsoft.com/azure/ai-services/cognitive-services-data-loss-prevention"],
    },
  },
  ["azurerm_cognitive_account"],
  (v) => {
    if (!OPENAI_KINDS.includes(String(v["kind"]))) return undefined;
    if (v["outbound_network_access_restricted"] !== true)
      return "outbound_network_access_restricted is not true";
    const fqdns = v["fqdns"];
    // An empty list is the strictest setting (nothing may be called); Checkov fails it, the pack does not.
    if (fqdns !== undefined && !Array.isArray(fqdns)) return "fqdns is not a list";
    if (Array.isArray(fqdns) && fqdns.length > MAX_FQDNS)
      return `fqdns has ${fqdns.length} entries; Azure allows ${MAX_FQDNS}`;
    return undefined;
  },
);
