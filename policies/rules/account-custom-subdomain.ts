import { resourceRule } from "../checks";

export const accountCustomSubdomain = resourceRule(
  {
    id: "AOAI-ACC4",
    level: "error",
    title: "Cognitive Services accounts have a custom subdomain",
    rationale:
      "Private endpoints and Entra ID authentication need the account's own subdomain; adding one later " +
      "replaces the account (new endpoint, fine-tuned models lost).",
    fix: "Set custom_subdomain_name (the estate sets it to the account name).",
    sources: {
      guidance: [
        "azurerm cognitive_account docs: custom_subdomain_name is needed to attach a private endpoint",
        "learn.microsoft.com/azure/ai-services/cognitive-services-virtual-networks",
      ],
    },
  },
  ["azurerm_cognitive_account"],
  (v) => {
    const sub = v["custom_subdomain_name"];
    return typeof sub === "string" && sub.length > 0 ? undefined : "custom_subdomain_name is not set";
  },
);
