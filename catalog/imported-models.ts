/**
 * The model catalog with Azure's own data laid over the hand-written facts. For every location whose
 * model list was imported, the imported offers replace the hand-written ones (a region that stopped
 * offering a type stops being accepted); imported retirement dates and lifecycle win; model versions
 * Azure lists and the catalog does not are added. Capability, units, default quota and fine-tuning, which
 * the API does not give, stay hand-written.
 */
import type { ImportedCatalog, ImportedModel } from "./azure-api";
import { DEPLOYMENT_TYPES, isDataZone, isProvisioned, type DeploymentType } from "./deployment-types";
import type { Capability, Lifecycle, ModelVersionFacts, PtuRules } from "./models";

const isType = (t: string): t is DeploymentType => (DEPLOYMENT_TYPES as readonly string[]).includes(t);

/**
 * Azure's ModelLifecycleStatus in the catalog's words. The API's names are one step behind the docs':
 * its `Deprecating` is the docs' Deprecated (existing customers only), and its `Deprecated` means
 * retired (requests fail with 410). `Stable` is the old name of `GenerallyAvailable`.
 */
function status(imported: string | undefined, fallback: Lifecycle["status"]): Lifecycle["status"] {
  if (!imported) return fallback;
  if (/^legacy$/i.test(imported)) return "Legacy";
  if (/deprecat|retir/i.test(imported)) return "Deprecated";
  if (/preview/i.test(imported)) return "Preview";
  return "GA";
}

/** The API's `Deprecated`: the model is retired, whatever date it gives. */
const isRetired = (imported: string | undefined) => imported !== undefined && /^deprecated$/i.test(imported);

function capability(model: ImportedModel): Capability {
  const c = model.capabilities;
  if (c.includes("embeddings")) return "embeddings";
  if (c.includes("imageGenerations")) return "image";
  if (c.some((x) => /audio|realtime|speech/i.test(x))) return "audio";
  return "chat";
}

export function withImported(
  hand: readonly ModelVersionFacts[],
  imported: ImportedCatalog,
): ModelVersionFacts[] {
  const importedOn = imported.provenance?.importedOn;
  if (imported.models.length === 0) return [...hand];
  const replaced = new Set(imported.locations);
  const rows = new Map<string, ImportedModel[]>();
  for (const m of imported.models)
    rows.set(`${m.name}|${m.version}`, [...(rows.get(`${m.name}|${m.version}`) ?? []), m]);

  const offersOf = (base: ModelVersionFacts["offers"], mine: readonly ImportedModel[]) => {
    const offers: Partial<Record<DeploymentType, string[]>> = {};
    for (const type of DEPLOYMENT_TYPES) {
      const kept = (base[type] ?? []).filter((r) => !replaced.has(r));
      const added = mine.filter((m) => m.skus.some((s) => s.type === type)).map((m) => m.location);
      const all = [...new Set([...kept, ...added])].sort();
      if (all.length) offers[type] = all;
    }
    return offers;
  };
  const lifecycleOf = (base: Lifecycle, mine: readonly ImportedModel[]): Lifecycle => {
    const dates = mine
      .map((m) => m.retires)
      .filter((d): d is string => d !== undefined)
      .sort();
    // Retirement rolls out region by region: the earliest date is the one to plan for.
    let retires = dates[0] ?? base.retires;
    if (mine.some((m) => isRetired(m.status)) && importedOn && (!retires || retires > importedOn))
      retires = importedOn;
    return { ...base, status: status(mine[0]?.status, base.status), retires };
  };

  const merged = hand.map((facts) => {
    const mine = rows.get(`${facts.name}|${facts.version}`) ?? [];
    return { ...facts, offers: offersOf(facts.offers, mine), lifecycle: lifecycleOf(facts.lifecycle, mine) };
  });
  const known = new Set(hand.map((m) => `${m.name}|${m.version}`));
  for (const [key, mine] of rows) {
    if (known.has(key)) continue;
    const first = mine[0]!;
    merged.push({
      name: first.name,
      version: first.version,
      capability: capability(first),
      unit: "1K TPM",
      lifecycle: lifecycleOf({ status: "GA" }, mine),
      offers: offersOf({}, mine),
      ptu: ptuOf(mine),
    });
  }
  return merged;
}

/** PTU minimum and step from the provisioned SKUs' capacity, when Azure gives them. */
function ptuOf(mine: readonly ImportedModel[]): PtuRules | undefined {
  const skus = mine
    .flatMap((m) => m.skus)
    .filter((s) => isType(s.type) && isProvisioned(s.type) && s.capacity?.min);
  const rule = (pick: (t: DeploymentType) => boolean) => {
    const s = skus.find((x) => pick(x.type as DeploymentType));
    return s ? { min: s.capacity!.min!, step: s.capacity!.step ?? s.capacity!.min! } : undefined;
  };
  const shared = rule((t) => t !== "ProvisionedManaged" && (t.startsWith("Global") || isDataZone(t)));
  const regional = rule((t) => t === "ProvisionedManaged");
  if (!shared && !regional) return undefined;
  return { globalAndDataZone: shared ?? regional!, regional: regional ?? shared! };
}
