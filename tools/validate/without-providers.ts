/**
 * A stack's configuration without the blocks of some providers, for validating the rest when a provider
 * cannot be had. References to a removed block go from depends_on and replace_triggered_by; a block that
 * uses a removed block's attributes is removed as well, and named.
 */
import type { Block, Blocks, TerraformJson } from "./terraform-json";

export interface Reduced {
  readonly config: TerraformJson;
  /** Addresses left out, for the report. */
  readonly removed: string[];
  /** Whether a block of a plugin provider is left to validate (built-in ones prove nothing). */
  readonly anyLeft: boolean;
}

interface Entry {
  readonly kind: "resource" | "data";
  readonly type: string;
  readonly name: string;
  readonly block: Block;
  readonly address: string;
}

export function withoutProviders(config: TerraformJson, providers: ReadonlySet<string>): Reduced {
  const copy = structuredClone(config);
  const removed = new Set<string>();
  const remove = (e: Entry) => {
    const byType = copy[e.kind]!;
    delete byType[e.type]![e.name];
    if (Object.keys(byType[e.type]!).length === 0) delete byType[e.type];
    removed.add(e.address);
  };

  for (const e of entries(copy)) if (providers.has(providerOf(e))) remove(e);
  // Until nothing changes: a block whose expressions read a removed block cannot be validated either.
  for (let changed = true; changed;) {
    changed = false;
    for (const e of entries(copy)) {
      const kept = (list?: string[]) => list?.filter((reference) => !removed.has(blockAddress(reference)));
      if (e.block.depends_on) e.block.depends_on = kept(e.block.depends_on);
      if (e.block.lifecycle?.replace_triggered_by)
        e.block.lifecycle.replace_triggered_by = kept(e.block.lifecycle.replace_triggered_by);
      const text = JSON.stringify({ ...e.block, "//": undefined });
      if ([...removed].some((address) => mentions(text, address))) {
        remove(e);
        changed = true;
      }
    }
  }
  for (const provider of providers) {
    delete copy.provider?.[provider];
    delete copy.terraform?.required_providers?.[provider];
  }
  // Terraform's JSON syntax refuses an empty block map ("Missing block label").
  for (const kind of ["resource", "data", "provider"] as const)
    if (Object.keys(copy[kind] ?? {}).length === 0) delete copy[kind];
  const anyLeft = entries(copy).some((e) => providerOf(e) !== "terraform");
  return { config: copy, removed: [...removed].sort(), anyLeft };
}

function entries(config: TerraformJson): Entry[] {
  return (["resource", "data"] as const).flatMap((kind) =>
    Object.entries<Blocks[string]>(config[kind] ?? {}).flatMap(([type, byName]) =>
      Object.entries(byName).map(([name, block]) => ({
        kind,
        type,
        name,
        block,
        address: `${kind === "data" ? "data." : ""}${type}.${name}`,
      })),
    ),
  );
}

/** The provider's local name: the `provider` meta-argument, else the type's prefix. */
function providerOf(e: Entry): string {
  return typeof e.block.provider === "string" ? e.block.provider.split(".")[0]! : e.type.split("_")[0]!;
}

/** `azapi_resource.x` of `azapi_resource.x.id`, `data.a_b.c` of `data.a_b.c.d`. */
function blockAddress(reference: string): string {
  return reference
    .split(".")
    .slice(0, reference.startsWith("data.") ? 3 : 2)
    .join(".");
}

function mentions(text: string, address: string): boolean {
  const escaped = address.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^A-Za-z0-9_.])${escaped}($|[^A-Za-z0-9_-])`).test(text);
}
