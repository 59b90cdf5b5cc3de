import { KEY_RULES } from "../../catalog/key-vault";
import { ofType, references } from "../document";
import { resourceRule } from "../checks";

export const keyOpenAiCompatible = resourceRule(
  {
    id: "AOAI-KEY3",
    level: "error",
    title: `Keys that encrypt an account are RSA ${KEY_RULES.keySize}`,
    rationale: `Azure OpenAI accepts only RSA or RSA-HSM keys of ${KEY_RULES.keySize} bits; any other key fails the apply after the vault is built.`,
    fix: `Set key_type = "RSA-HSM" (or "RSA") and key_size = ${KEY_RULES.keySize}.`,
    sources: { guidance: ["learn.microsoft.com/azure/ai-foundry/openai/encrypt-data-at-rest"] },
  },
  ["azurerm_key_vault_key"],
  (v, key, { stack }) => {
    const used = ofType(stack, "azurerm_cognitive_account_customer_managed_key").some((c) =>
      references(c.values["key_vault_key_id"], key),
    );
    if (!used) return undefined;
    const ok = ["RSA", "RSA-HSM"].includes(String(v["key_type"])) && v["key_size"] === KEY_RULES.keySize;
    return ok ? undefined : `is ${String(v["key_type"])} ${String(v["key_size"])}`;
  },
);
