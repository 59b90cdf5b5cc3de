/**
 * The Azure regions the bundled environments use, and their subscriptions, for the catalog workflow:
 * prints `locations=<json>` and `subscriptions=<json>` (appended to $GITHUB_OUTPUT when it is set).
 */
import { appendFileSync } from "node:fs";
import { ENVIRONMENTS_DIR, loadEnvironments } from "../../config/load";

export function estateLocations(dir = ENVIRONMENTS_DIR): { locations: string[]; subscriptions: string[] } {
  const environments = loadEnvironments(dir, []);
  const unique = (values: string[]) => [...new Set(values)].sort();
  return {
    locations: unique(environments.flatMap((e) => e.config.regions.map((r) => r.location))),
    subscriptions: unique(environments.map((e) => e.config.subscriptionId.toLowerCase())),
  };
}

if (require.main === module) {
  const { locations, subscriptions } = estateLocations(process.argv[2]);
  const lines = [`locations=${JSON.stringify(locations)}`, `subscriptions=${JSON.stringify(subscriptions)}`];
  for (const line of lines) console.log(line);
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `${lines.join("\n")}\n`);
}
