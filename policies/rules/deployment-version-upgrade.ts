import { resourceRule } from "../checks";

export const deploymentVersionUpgrade = resourceRule(
  {
    id: "AOAI-DEP2",
    level: "error",
    title: "Deployments choose their version-upgrade option deliberately",
    rationale:
      "Left unset, the provider's default (OnceNewDefaultVersionAvailable) lets Azure move the deployment to a " +
      "new model version without a change in review.",
    fix: "Set version_upgrade_option; NoAutoUpgrade keeps the pinned version (config: deployments[].versionUpgrade).",
    sources: {
      guidance: ["learn.microsoft.com/azure/ai-foundry/openai/how-to/working-with-models (model updates)"],
    },
  },
  ["azurerm_cognitive_deployment"],
  (v) => (typeof v["version_upgrade_option"] === "string" ? undefined : "version_upgrade_option is not set"),
);
