import { ofType, references } from "../document";
import { resourceRule } from "../checks";

const LEVELS = ["CanNotDelete", "ReadOnly"];

export const protectedLock = resourceRule(
  {
    id: "AOAI-PROT1",
    level: "error",
    title: "Accounts and key vaults in protected environments carry a delete lock",
    rationale:
      "A lock stops a deletion from the portal, the CLI or another pipeline, which prevent_destroy cannot see; " +
      "a deleted account loses its fine-tuned models and a deleted vault its keys.",
    fix: 'Add an azurerm_management_lock with lock_level = "CanNotDelete" scoped to the resource (on in protected environments).',
    protectedOnly: true,
    sources: { guidance: ["learn.microsoft.com/azure/azure-resource-manager/management/lock-resources"] },
  },
  ["azurerm_cognitive_account", "azurerm_key_vault"],
  (_v, resource, { stack }) =>
    ofType(stack, "azurerm_management_lock").some(
      (l) => references(l.values["scope"], resource) && LEVELS.includes(String(l.values["lock_level"])),
    )
      ? undefined
      : "has no delete lock",
);
