// Writes a large, prod-like estate for `npm run bench`: 3 protected environments (own subscriptions, so
// quota never collides), each in every region where the model catalog offers 10 current deployments,
// with customer-managed keys, a strict content filter with a blocklist, access grants, and fine-tuning
// storage where a base model trains. Deployments are chosen from the catalog in dist/ (build first), so
// the estate stays valid as the catalog changes: each candidate's newest version that is not retiring
// within 90 days of `today`, as DataZoneStandard where offered, else GlobalStandard.
//
//   node tools/bench/large-estate.mjs <dir>      writes <dir>/perf1.yaml … perf3.yaml
import { mkdirSync, existsSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { stringify } from "yaml";

const root = new URL("../..", import.meta.url).pathname;
const require = createRequire(import.meta.url);
/** The built catalog (catalog/models.ts, catalog/regions.ts), loaded when writing: the benchmark builds first. */
let catalog;
function loadCatalog() {
  const dir = join(root, "dist/catalog");
  if (!existsSync(dir)) throw new Error("no catalog in dist/: run node tools/build.mjs first");
  return { ...require(join(dir, "models.js")), ...require(join(dir, "regions.js")) };
}

export const ENVIRONMENTS = 3;
const DEPLOYMENTS = 10;
const CHAT_FILTER = "prod-chat";
/** Candidates in order of preference: deployment name, model, content filter, capacity. */
const CANDIDATES = [
  ["chat", "gpt-5.1", CHAT_FILTER, 100],
  ["embeddings", "text-embedding-3-large", "Microsoft.DefaultV2", 100],
  ["reasoning", "gpt-5.5", CHAT_FILTER, 50],
  ["chat-large", "gpt-5.4", CHAT_FILTER, 50],
  ["chat-mini", "gpt-5.4-mini", CHAT_FILTER, 50],
  ["chat-nano", "gpt-5.4-nano", CHAT_FILTER, 50],
  ["codex", "gpt-5.1-codex", CHAT_FILTER, 50],
  ["embeddings-small", "text-embedding-3-small", "Microsoft.DefaultV2", 50],
  ["embeddings-ada", "text-embedding-ada-002", "Microsoft.DefaultV2", 50],
  ["chat-5-mini", "gpt-5-mini", CHAT_FILTER, 50],
  ["codex-5", "gpt-5-codex", CHAT_FILTER, 50],
  ["chat-5-nano", "gpt-5-nano", CHAT_FILTER, 50],
  ["images", "gpt-image-2", "Microsoft.DefaultV2", 3],
];

const daysUntil = (today, day) => (Date.parse(day) - Date.parse(today)) / 86_400_000;
const current = (m, today) =>
  (m.lifecycle.status === "GA" || m.lifecycle.status === "Legacy") &&
  (!m.lifecycle.retires || daysUntil(today, m.lifecycle.retires) > 90);

/** Up to DEPLOYMENTS valid deployments for a region, from CANDIDATES. */
function deploymentsFor(location, today) {
  const types = [...(catalog.regionFacts(location).dataZone ? ["DataZoneStandard"] : []), "GlobalStandard"];
  const chosen = [];
  for (const [name, model, contentFilter, capacity] of CANDIDATES) {
    const versions = catalog.MODELS.filter((m) => m.name === model && current(m, today)).sort((a, b) =>
      b.version.localeCompare(a.version),
    );
    const facts = versions[0];
    const type = facts && types.find((t) => facts.offers[t]?.includes(location));
    if (!type) continue;
    chosen.push({ name, model: { name: model, version: facts.version }, type, capacity, contentFilter });
    if (chosen.length === DEPLOYMENTS) break;
  }
  return chosen;
}

/** Base models that train in the region (regional training), current ones only. */
const fineTunableIn = (location, today) => [
  ...new Set(
    catalog.MODELS.filter((m) => m.fineTuning?.trainingRegions.includes(location) && current(m, today)).map(
      (m) => m.name,
    ),
  ),
];

const guid = (env, n) => `${String(env + 1).repeat(8)}-0000-4000-8000-${String(n).padStart(12, "0")}`;

function environment(e, today) {
  const name = `perf${e + 1}`;
  const subscriptionId = guid(e, 1);
  const deployer = { objectId: guid(e, 2), displayName: `sp-aoai-deploy-${name} (CI deploy identity)` };
  const regions = catalog.REGION_NAMES.map((location, r) => {
    const deployments = deploymentsFor(location, today);
    if (deployments.length < DEPLOYMENTS) return undefined;
    // Every VNet its own 10.x.0.0/22, distinct across environments too (none overlaps the peer ranges).
    const x = 100 + e * catalog.REGION_NAMES.length + r;
    const bases = fineTunableIn(location, today);
    return {
      location,
      network: {
        addressSpace: `10.${x}.0.0/22`,
        privateEndpointSubnet: `10.${x}.0.0/26`,
        gatewaySubnet: `10.${x}.1.0/24`,
        privateEndpointIp: `10.${x}.0.10`,
      },
      ...(bases.length > 0 && {
        fineTuning: {
          baseModels: bases,
          dataScientists: [{ objectId: guid(e, 3), type: "Group", displayName: "grp-ai-data-scientists" }],
        },
      }),
      deployments,
    };
  }).filter(Boolean);
  return {
    name,
    workload: "aoai",
    subscriptionId,
    tenantId: "22222222-2222-2222-2222-222222222222",
    protected: true,
    owner: "platform-ai@contoso.com",
    costCenter: "CC-1042",
    tags: { "data-classification": "confidential" },
    logAnalytics: { retentionDays: 365 },
    network: {
      mode: "managed",
      dns: { mode: "managed" },
      peerRanges: ["10.0.0.0/16", "172.16.0.0/12"],
      clientRanges: ["10.50.0.0/16"],
    },
    access: [
      {
        name: "chat-app",
        principal: { objectId: guid(e, 4), type: "ServicePrincipal", displayName: `app-chat-${name}` },
        roles: ["inference"],
      },
      {
        name: "ai-engineers",
        principal: { objectId: guid(e, 5), type: "Group", displayName: "grp-ai-engineers" },
        roles: ["model-management"],
        scope: "resourceGroup",
      },
      {
        name: "platform-ops",
        principal: { objectId: guid(e, 6), type: "Group", displayName: "grp-platform-ops" },
        roles: ["usage-reader", "Monitoring Reader"],
        scope: "environment",
      },
    ],
    customerManagedKey: { keyType: "RSA-HSM", keyAdministrators: [deployer] },
    azurePolicy: { effect: "Deny" },
    defenderForAI: true,
    stateBackend: {
      resourceGroupName: `rg-tfstate-${name}`,
      storageAccountName: `sttfstate${name}001`,
      containerName: "tfstate",
      privateEndpointSubnetId: `/subscriptions/${subscriptionId}/resourceGroups/rg-ci-runners/providers/Microsoft.Network/virtualNetworks/vnet-ci-runners/subnets/snet-private-endpoints`,
    },
    ci: {
      plan: { objectId: guid(e, 7), displayName: `sp-aoai-plan-${name} (CI plan identity, read-only)` },
      deploy: deployer,
    },
    contentFilters: { [CHAT_FILTER]: { preset: "strict", blocklists: ["internal-codenames"] } },
    blocklists: {
      "internal-codenames": {
        description: "Unreleased product code names must not appear in prompts or answers.",
        terms: ["Project Bluebird", { pattern: "CONTOSO-[0-9]{4}", regex: true }],
      },
    },
    regions,
  };
}

/** Writes the environment files into dir; returns their names. */
export function writeLargeEstate(
  dir,
  today = process.env.AOAI_TODAY ?? new Date().toISOString().slice(0, 10),
) {
  catalog ??= loadCatalog();
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: ENVIRONMENTS }, (_, e) => {
    const env = environment(e, today);
    writeFileSync(join(dir, `${env.name}.yaml`), stringify(env));
    return env.name;
  });
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: node tools/bench/large-estate.mjs <dir>");
  console.log(`wrote ${writeLargeEstate(dir).join(", ")} to ${dir}`);
}
