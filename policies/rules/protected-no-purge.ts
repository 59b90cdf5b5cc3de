import { block, type TfBlock } from "../document";
import type { Rule, Violation } from "../rule";

/** Feature flags that purge on destroy, with the provider's default for each: true. */
const PURGE_FLAGS: readonly [string, string][] = [
  ["cognitive_account", "purge_soft_delete_on_destroy"],
  ["key_vault", "purge_soft_delete_on_destroy"],
  ["key_vault", "purge_soft_deleted_keys_on_destroy"],
];

const needed: Record<string, string> = {
  cognitive_account: "azurerm_cognitive_account",
  key_vault: "azurerm_key_vault",
};

export const protectedNoPurge: Rule = {
  id: "AOAI-PROT3",
  level: "error",
  title: "Protected environments keep destroyed accounts and vaults recoverable (no purge on destroy)",
  rationale:
    "azurerm purges soft-deleted accounts, vaults and keys on destroy by default; a purged account cannot " +
    "be recovered and a purged key makes its data unreadable.",
  fix: "In the azurerm provider's features, set cognitive_account.purge_soft_delete_on_destroy and key_vault.purge_soft_delete_on_destroy (and purge_soft_deleted_keys_on_destroy) to false.",
  protectedOnly: true,
  sources: {
    guidance: ["registry.terraform.io/providers/hashicorp/azurerm/4.55.0/docs/guides/features-block"],
  },
  check({ stack }) {
    const types = new Set(stack.resources.map((r) => r.type));
    return stack.providers
      .filter((p: TfBlock) => p.name === "azurerm")
      .flatMap((provider): Violation[] => {
        const features = block(provider.values["features"]) ?? {};
        const purging = PURGE_FLAGS.filter(
          ([section, flag]) => types.has(needed[section]!) && block(features[section])?.[flag] !== false,
        ).map(([section, flag]) => `features.${section}.${flag}`);
        return purging.length === 0 ? [] : [{ target: provider, detail: `${purging.join(", ")} not false` }];
      });
  },
};
