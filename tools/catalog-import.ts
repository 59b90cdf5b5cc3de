/**
 * `npm run catalog:import -- <dir>`: reads the JSON Azure's management API returned for Models – List and
 * Usages – List per location (saved by `az rest` or the catalog workflow) and regenerates
 * catalog/generated/azure.ts. Prints what changed against the catalog in use, for the pull request.
 *
 *   az rest --url "https://management.azure.com/subscriptions/$SUB/providers/Microsoft.CognitiveServices/locations/swedencentral/models?api-version=2025-06-01" > data/models-swedencentral.json
 *   az rest --url ".../locations/swedencentral/usages?api-version=2025-06-01" > data/usages-$SUB-swedencentral.json
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ImportError, importFiles, renderImported, type ImportedCatalog } from "../catalog/azure-api";
import { IMPORTED } from "../catalog/generated/azure";
import { today } from "../estate/today";

export const GENERATED = "catalog/generated/azure.ts";

/** What a reviewer of the catalog pull request needs to see, one line each. */
export function describeChanges(before: ImportedCatalog, after: ImportedCatalog, today: string): string[] {
  const key = (m: { name: string; version: string; location: string }) =>
    `${m.name} ${m.version} in ${m.location}`;
  const old = new Map(before.models.map((m) => [key(m), m]));
  const lines: string[] = [];
  for (const m of after.models) {
    const was = old.get(key(m));
    if (!was) lines.push(`new: ${key(m)} as ${m.skus.map((s) => s.type).join(", ") || "no type"}`);
    else {
      const gone = was.skus.filter((s) => !m.skus.some((t) => t.type === s.type)).map((s) => s.type);
      if (gone.length) lines.push(`no longer offered: ${key(m)} as ${gone.join(", ")}`);
    }
    if (m.retires && m.retires <= today && was?.retires !== m.retires)
      lines.push(`retired: ${key(m)} on ${m.retires}`);
    else if (m.retires && was?.retires !== m.retires) lines.push(`retires: ${key(m)} on ${m.retires}`);
  }
  const oldUsage = new Map(
    before.usages.map((u) => [`${u.subscriptionId}|${u.location}|${u.name}`, u.limit]),
  );
  for (const u of after.usages) {
    const was = oldUsage.get(`${u.subscriptionId}|${u.location}|${u.name}`);
    if (was !== u.limit) lines.push(`quota: ${u.name} in ${u.location}: ${was ?? "none"} → ${u.limit}`);
  }
  return lines;
}

function main(): void {
  const dir = process.argv[2];
  if (!dir || dir.startsWith("-")) {
    console.error("usage: npm run catalog:import -- <directory of models-*.json and usages-*.json>");
    process.exit(2);
  }
  const day = today();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));
  if (files.length === 0) throw new ImportError(`${dir}: no .json files`);
  const catalog = importFiles(files, day);
  writeFileSync(GENERATED, renderImported(catalog));
  const changes = describeChanges(IMPORTED, catalog, day);
  console.log(
    `${GENERATED}: ${catalog.models.length} model versions in ${catalog.locations.length} locations, ` +
      `${catalog.usages.length} usages`,
  );
  for (const line of changes) console.log(`- ${line}`);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    console.error(`catalog:import: ${error.message}`);
    process.exit(1);
  }
}
