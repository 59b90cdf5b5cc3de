import { block } from "../document";
import { resourceRule } from "../checks";

export const protectedPreventDestroy = resourceRule(
  {
    id: "AOAI-PROT2",
    level: "error",
    title: "Accounts and key vaults in protected environments have prevent_destroy",
    rationale:
      "A plan that would replace the account (a renamed subdomain, a moved region) or destroy it fails " +
      "instead of running; the account's endpoint and fine-tuned models survive a mistaken change.",
    fix: "Set lifecycle { prevent_destroy = true } (on in protected environments).",
    protectedOnly: true,
    sources: { guidance: ["developer.hashicorp.com/terraform/language/meta-arguments/lifecycle"] },
  },
  ["azurerm_cognitive_account", "azurerm_key_vault"],
  (v) =>
    block(v["lifecycle"])?.["prevent_destroy"] === true ? undefined : "lifecycle.prevent_destroy is not true",
);
