import { block } from "../document";
import { resourceRule } from "../checks";

export const accountManagedIdentity = resourceRule(
  {
    id: "AOAI-ACC3",
    level: "error",
    title: "Cognitive Services accounts have a managed identity",
    rationale:
      "The account reaches its customer-managed key and fine-tuning storage as itself; Azure OpenAI " +
      "supports customer-managed keys only with a system-assigned identity.",
    fix: 'Add identity { type = "SystemAssigned" }.',
    sources: {
      checkov: ["CKV_AZURE_238"],
      azurePolicy: ["fe3fd216-4f83-4fc1-8984-2bbec80a3418"],
      guidance: ["learn.microsoft.com/azure/ai-foundry/openai/encrypt-data-at-rest"],
    },
  },
  ["azurerm_cognitive_account"],
  (v) => {
    const type = block(v["identity"])?.["type"];
    return typeof type === "string" && type !== "" && type !== "None" ? undefined : "has no managed identity";
  },
);
