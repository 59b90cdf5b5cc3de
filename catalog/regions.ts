/**
 * Azure regions that offer Azure OpenAI models, with the facts naming and placement need.
 *
 * Sources:
 * - Region list: the Foundry model region matrix (MicrosoftDocs/azure-ai-docs
 *   `foundry-models/includes/model-matrix/deployments-standard.md`, ms.date 2026-06-11), 28 regions.
 * - Short codes: Azure Backup geo-codes (MicrosoftDocs/azure-docs `articles/backup/scripts/geo-code-list.md`;
 *   itn, plc and spc from the AVM private-link DNS zone module's generated geo-code map).
 * - Data zones: the deployment-types article (`concepts-deployment-types-content.md`, ms.date 2026-05-08):
 *   the EU zone is France, Germany, Italy, Netherlands, Norway, Poland, Spain, Sweden and Switzerland.
 *   The UK is in neither zone.
 * Checked: 2026-11-30. Regions change: re-check the matrix before adding one.
 */
export type DataZone = "US" | "EU";

export interface RegionFacts {
  /** Azure's programmatic name, as `location` takes it. */
  readonly name: string;
  /** Short code for resource names (Azure Backup geo-code, lower case). */
  readonly shortCode: string;
  /** The Microsoft data zone the region belongs to, if any. */
  readonly dataZone?: DataZone;
}

const table: readonly RegionFacts[] = [
  { name: "australiaeast", shortCode: "ae" },
  { name: "brazilsouth", shortCode: "brs" },
  { name: "canadacentral", shortCode: "cnc" },
  { name: "canadaeast", shortCode: "cne" },
  { name: "centralus", shortCode: "cus", dataZone: "US" },
  { name: "eastus", shortCode: "eus", dataZone: "US" },
  { name: "eastus2", shortCode: "eus2", dataZone: "US" },
  { name: "francecentral", shortCode: "frc", dataZone: "EU" },
  { name: "germanywestcentral", shortCode: "gwc", dataZone: "EU" },
  { name: "italynorth", shortCode: "itn", dataZone: "EU" },
  { name: "japaneast", shortCode: "jpe" },
  { name: "koreacentral", shortCode: "krc" },
  { name: "northcentralus", shortCode: "ncus", dataZone: "US" },
  { name: "norwayeast", shortCode: "nwe", dataZone: "EU" },
  { name: "polandcentral", shortCode: "plc", dataZone: "EU" },
  { name: "southafricanorth", shortCode: "san" },
  { name: "southcentralus", shortCode: "scus", dataZone: "US" },
  { name: "southeastasia", shortCode: "sea" },
  { name: "southindia", shortCode: "ins" },
  { name: "spaincentral", shortCode: "spc", dataZone: "EU" },
  { name: "swedencentral", shortCode: "sdc", dataZone: "EU" },
  { name: "switzerlandnorth", shortCode: "szn", dataZone: "EU" },
  { name: "switzerlandwest", shortCode: "szw", dataZone: "EU" },
  { name: "uaenorth", shortCode: "uan" },
  { name: "uksouth", shortCode: "uks" },
  { name: "westeurope", shortCode: "we", dataZone: "EU" },
  { name: "westus", shortCode: "wus", dataZone: "US" },
  { name: "westus3", shortCode: "wus3", dataZone: "US" },
];

export const REGIONS: ReadonlyMap<string, RegionFacts> = new Map(table.map((r) => [r.name, r]));

/** Region names in a stable order, for schema enums and error messages. */
export const REGION_NAMES: readonly [string, ...string[]] = table.map((r) => r.name) as [string, ...string[]];

export function regionFacts(name: string): RegionFacts {
  const facts = REGIONS.get(name);
  if (!facts) throw new Error(`unknown Azure OpenAI region "${name}"; known: ${REGION_NAMES.join(", ")}`);
  return facts;
}
