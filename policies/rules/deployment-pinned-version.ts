import { block } from "../document";
import { resourceRule } from "../checks";

export const deploymentPinnedVersion = resourceRule(
  {
    id: "AOAI-DEP1",
    level: "error",
    title: "Deployments pin a model version",
    rationale:
      "Without a version Azure picks one at create time, so two regions or two applies can run different " +
      "models under the same name, and the catalog cannot check the version's lifecycle.",
    fix: "Set model.version (config: deployments[].model.version).",
    sources: { guidance: ["learn.microsoft.com/azure/ai-foundry/openai/how-to/working-with-models"] },
  },
  ["azurerm_cognitive_deployment"],
  (v) => {
    const version = block(v["model"])?.["version"];
    return typeof version === "string" && version.length > 0 ? undefined : "model.version is not set";
  },
);
