/**
 * Every refusal of the environment schema, one bad value at a time: the path it is reported at and the
 * exact message, which says what is allowed. A message is the user's only guide, so each is pinned.
 */
import { issuesOf, load, validEnvironment } from "../helpers";
import { REGION_NAMES } from "../../catalog/regions";
import { DEPLOYMENT_TYPES } from "../../catalog/deployment-types";

const REGIONS = REGION_NAMES.join(", ");
const PRINCIPAL = {
  objectId: "7a1c2e3f-4b5d-4c6e-8f90-a1b2c3d4e5f6",
  type: "ServicePrincipal",
  displayName: "app-chat",
};
const GRANT = { name: "chat", principal: PRINCIPAL, roles: ["inference"] };
const QUOTA = {
  region: "swedencentral",
  model: "gpt-5.1",
  type: "GlobalStandard",
  capacity: 100,
  reason: "Support request 1234 granted more quota",
};
const TEAM = { name: "app", clientIds: ["6f1d2e3c-4b5a-4c69-8d7e-0f1a2b3c4d5e"], tokensPerMinute: 1000 };
const BACKEND = {
  resourceGroupName: "rg-tfstate",
  storageAccountName: "sttfstate001",
  containerName: "tfstate",
};

const WORKLOAD = { name: "w", model: { name: "gpt-5.1", version: "2025-11-13" }, demand: 1, boundary: "EU" };

const region = (e: any) => e.regions[0];
const deployment = (e: any) => e.regions[0].deployments[0];

/** [what, edit of validEnvironment(), path, message] */
const CASES: [string, (e: any) => void, string, string][] = [
  // Environment
  ["no regions", (e) => (e.regions = []), "regions", "an environment needs at least one region"],
  [
    "an environment name with capitals",
    (e) => (e.name = "Dev"),
    "name",
    "must be 2-8 lower-case letters or digits, starting with a letter (it is part of every resource name)",
  ],
  [
    "a malformed tenant",
    (e) => (e.tenantId = "tenant"),
    "tenantId",
    "must be a Entra tenant GUID such as 00000000-0000-0000-0000-000000000000",
  ],
  [
    "a primary region the environment does not have",
    (e) => (e.primaryRegion = "francecentral"),
    "primaryRegion",
    "must be one of the environment's regions: swedencentral",
  ],
  [
    "a primary region that is not a region",
    (e) => (e.primaryRegion = "mars"),
    "primaryRegion",
    `must be an Azure OpenAI region: ${REGIONS}`,
  ],
  [
    "too short a retention",
    (e) => (e.logAnalytics = { retentionDays: 29 }),
    "logAnalytics.retentionDays",
    "must be 30-730 days",
  ],
  [
    "too long a retention",
    (e) => (e.logAnalytics = { retentionDays: 731 }),
    "logAnalytics.retentionDays",
    "must be 30-730 days",
  ],
  [
    "a tag name too long for storage accounts",
    (e) => (e.tags = { ["t".repeat(129)]: "x" }),
    `tags.${"t".repeat(129)}`,
    "tag names are at most 128 characters here (storage accounts' limit)",
  ],
  [
    "a tag name with a forbidden character",
    (e) => (e.tags = { "a/b": "x" }),
    "tags.a/b",
    "tag names cannot contain < > % & \\ ? /",
  ],
  // Regions and deployments
  [
    "an unknown account kind",
    (e) => (region(e).kind = "Speech"),
    "regions.0.kind",
    "must be one of: OpenAI, AIServices",
  ],
  [
    "an unknown upgrade option",
    (e) => (deployment(e).versionUpgrade = "Always"),
    "regions.0.deployments.0.versionUpgrade",
    "must be one of: NoAutoUpgrade, OnceCurrentVersionExpired, OnceNewDefaultVersionAvailable",
  ],
  [
    "a version that is neither text nor a number",
    (e) => (deployment(e).model.version = true),
    "regions.0.deployments.0.model.version",
    "Invalid input: expected string, received boolean",
  ],
  // Network
  [
    "an unknown network mode",
    (e) => (e.network = { mode: "hub" }),
    "network.mode",
    "must be one of: managed, landingZone",
  ],
  [
    "an unknown DNS mode",
    (e) => (e.network = { dns: { mode: "custom" } }),
    "network.dns.mode",
    "must be one of: managed, existing, policy",
  ],
  [
    "a zone the estate does not use",
    (e) => (e.network = { dns: { mode: "existing", zoneIds: { "privatelink.example.com": "x" } } }),
    "network.dns.zoneIds",
    'unknown key "privatelink.example.com": check the spelling against config/schema.json',
  ],
  [
    "public access with no range",
    (e) => (e.network = { publicAccess: { allowedIpRanges: [] } }),
    "network.publicAccess.allowedIpRanges",
    "list at least one range, or remove publicAccess",
  ],
  [
    "public access with a short reason",
    (e) => (e.network = { publicAccess: { allowedIpRanges: ["203.0.113.4"], reason: "CI" } }),
    "network.publicAccess.reason",
    "say why public access is needed (at least 10 characters)",
  ],
  [
    "public access with a reason too long for a tag",
    (e) => (e.network = { publicAccess: { allowedIpRanges: ["203.0.113.4"], reason: "x".repeat(257) } }),
    "network.publicAccess.reason",
    "must be at most 256 characters: it is written to the account's tags",
  ],
  // Access
  [
    "a grant name with capitals",
    (e) => (e.access = [{ ...GRANT, name: "Chat" }]),
    "access.0.name",
    "must be 2-40 lower-case letters, digits or '-', starting with a letter",
  ],
  [
    "a grant with no role",
    (e) => (e.access = [{ ...GRANT, roles: [] }]),
    "access.0.roles",
    "needs at least one role",
  ],
  [
    "an unknown grant scope",
    (e) => (e.access = [{ ...GRANT, scope: "tenant" }]),
    "access.0.scope",
    "must be one of: account, resourceGroup, environment",
  ],
  [
    "a grant in an unknown region",
    (e) => (e.access = [{ ...GRANT, regions: ["mars"] }]),
    "access.0.regions.0",
    `must be an Azure OpenAI region: ${REGIONS}`,
  ],
  [
    "an unknown principal type",
    (e) => (e.access = [{ ...GRANT, principal: { ...PRINCIPAL, type: "Robot" } }]),
    "access.0.principal.type",
    "must be one of: User, Group, ServicePrincipal",
  ],
  [
    "a malformed principal",
    (e) => (e.access = [{ ...GRANT, principal: { ...PRINCIPAL, objectId: "me" } }]),
    "access.0.principal.objectId",
    "must be a Entra object GUID such as 00000000-0000-0000-0000-000000000000",
  ],
  [
    "a short grant reason",
    (e) => (e.access = [{ ...GRANT, reason: "  because " }]),
    "access.0.reason",
    "must say why, in at least 10 characters",
  ],
  [
    "a grant reason too long",
    (e) => (e.access = [{ ...GRANT, reason: "x".repeat(257) }]),
    "access.0.reason",
    "must be at most 256 characters",
  ],
  // Customer-managed key, policy
  [
    "an EC key",
    (e) => (e.customerManagedKey = { keyType: "EC" }),
    "customerManagedKey.keyType",
    "must be RSA or RSA-HSM (Azure OpenAI accepts 2048-bit RSA keys only)",
  ],
  [
    "rotation too soon",
    (e) => (e.customerManagedKey = { rotateAfterDays: 1 }),
    "customerManagedKey.rotateAfterDays",
    "must be at least 7 days (Key Vault's minimum)",
  ],
  [
    "expiry too soon",
    (e) => (e.customerManagedKey = { expireAfterDays: 1 }),
    "customerManagedKey.expireAfterDays",
    "must be at least 28 days (Key Vault's minimum)",
  ],
  [
    "an unknown policy effect",
    (e) => (e.azurePolicy = { effect: "Disabled" }),
    "azurePolicy.effect",
    "must be one of: Audit, Deny",
  ],
  // Models: filters, blocklists, quotas, fine-tuning
  [
    "an unknown severity",
    (e) => (e.contentFilters = { strictest: { severity: { hate: { prompt: "Extreme" } } } }),
    "contentFilters.strictest.severity.hate.prompt",
    "must be one of: Low, Medium, High, Off",
  ],
  [
    "an unknown preset",
    (e) => (e.contentFilters = { strictest: { preset: "lenient" } }),
    "contentFilters.strictest.preset",
    "must be one of: default, strict",
  ],
  [
    "an unknown filter mode",
    (e) => (e.contentFilters = { strictest: { mode: "Later" } }),
    "contentFilters.strictest.mode",
    "must be one of: Default, Asynchronous_filter",
  ],
  [
    "a blocklist with no term",
    (e) => (e.blocklists = { codenames: { terms: [] } }),
    "blocklists.codenames.terms",
    "needs at least one term",
  ],
  [
    "a blocklist over Azure's limit",
    (e) => (e.blocklists = { codenames: { terms: Array.from({ length: 10_001 }, (_, i) => `term ${i}`) } }),
    "blocklists.codenames.terms",
    "Azure allows at most 10,000 terms per blocklist",
  ],
  [
    "a quota in an unknown region",
    (e) => (e.quotas = [{ ...QUOTA, region: "mars" }]),
    "quotas.0.region",
    `must be an Azure OpenAI region: ${REGIONS}`,
  ],
  [
    "a quota of an unknown type",
    (e) => (e.quotas = [{ ...QUOTA, type: "Premium" }]),
    "quotas.0.type",
    `must be one of: ${DEPLOYMENT_TYPES.join(", ")}`,
  ],
  [
    "fine-tuning with no base model",
    (e) => (region(e).fineTuning = { baseModels: [] }),
    "regions.0.fineTuning.baseModels",
    "name at least one base model to train",
  ],
  [
    "a filter name Azure refuses",
    (e) => (e.contentFilters = { "Bad Name": {} }),
    "contentFilters.Bad Name",
    "must be 2-64 letters, digits, '-', '.', '_' or '~'",
  ],
  [
    "a blocklist name Azure refuses",
    (e) => (e.blocklists = { "Bad Name": { terms: ["x"] } }),
    "blocklists.Bad Name",
    "must be 2-64 letters, digits, '-', '.', '_' or '~'",
  ],
  // Monitoring, gateway
  [
    "a malformed alert e-mail",
    (e) => (e.monitoring = { emails: ["ops"] }),
    "monitoring.emails.0",
    "must be an e-mail address",
  ],
  [
    "a team name with capitals",
    (e) => (e.gateway = { teams: [{ ...TEAM, name: "App" }] }),
    "gateway.teams.0.name",
    "must be 1-40 lower-case letters, digits or '-'",
  ],
  [
    "a team with no client",
    (e) => (e.gateway = { teams: [{ ...TEAM, clientIds: [] }] }),
    "gateway.teams.0.clientIds",
    "name at least one application (client) ID the team calls with",
  ],
  [
    "a malformed client ID",
    (e) => (e.gateway = { teams: [{ ...TEAM, clientIds: ["app"] }] }),
    "gateway.teams.0.clientIds.0",
    "must be a Entra application (client) GUID such as 00000000-0000-0000-0000-000000000000",
  ],
  [
    "a gateway tier without internal mode",
    (e) => (e.gateway = { sku: "Basic_1" }),
    "gateway.sku",
    "must be one of: Developer_1, Premium_1, Premium_2, Premium_3",
  ],
  // Workloads
  [
    "a workload region that is not one",
    (e) =>
      (e.workloads = [
        {
          ...WORKLOAD,
          regions: ["mars"],
        },
      ]),
    "workloads.0.regions.0",
    `must be an Azure OpenAI region: ${REGIONS}`,
  ],
  [
    "an unknown strategy",
    (e) =>
      (e.workloads = [
        {
          ...WORKLOAD,
          strategy: "random",
        },
      ]),
    "workloads.0.strategy",
    "must be one of: single, spread, active-active, primary-secondary",
  ],
  [
    "a failover share of 0",
    (e) =>
      (e.workloads = [
        {
          ...WORKLOAD,
          failover: { minimumShare: 0 },
        },
      ]),
    "workloads.0.failover.minimumShare",
    "must be 1-100 (%)",
  ],
  [
    "a workload type that is not one",
    (e) =>
      (e.workloads = [
        {
          ...WORKLOAD,
          types: ["Premium"],
        },
      ]),
    "workloads.0.types.0",
    `must be one of: ${DEPLOYMENT_TYPES.join(", ")}`,
  ],
  // State backend
  [
    "a state location that is not a region",
    (e) => (e.stateBackend = { ...BACKEND, location: "mars" }),
    "stateBackend.location",
    "must be an Azure region name such as swedencentral",
  ],
  [
    "a state storage name too short",
    (e) => (e.stateBackend = { ...BACKEND, storageAccountName: "st" }),
    "stateBackend.storageAccountName",
    "must be 3-24 characters",
  ],
  [
    "a state storage name with capitals",
    (e) => (e.stateBackend = { ...BACKEND, storageAccountName: "StTfState" }),
    "stateBackend.storageAccountName",
    "may hold lower-case letters and digits only",
  ],
  [
    "an HCP workspace prefix with spaces",
    (e) => (e.stateBackend = { type: "hcp", organization: "contoso", workspacePrefix: "a b" }),
    "stateBackend.workspacePrefix",
    "may hold letters, digits, '-' and '_' only",
  ],
];

describe("the environment schema refuses", () => {
  it.each(CASES)("%s", (_what, edit, path, message) => {
    const e = validEnvironment() as any;
    edit(e);
    const found = issuesOf(() => load({ [e.name]: e })).map((i) => ({
      path: i.path.join("."),
      message: i.message,
    }));
    expect(found).toContainEqual({ path, message });
  });
});
