// `npm run mutate:groups -- constructs [--force]`: mutation testing of a folder in groups, each group's
// files against the test files that are about them, then one report over all groups.
//
// Why groups: most mutants are static (they run while test files build their fixtures), and Stryker runs
// every selected test file for each of those. Against the whole test/constructs folder that is ~7 s a
// mutant; against a construct's own test files, well under a second. The score counts only the listed
// tests' kills, so it is a lower bound on what the whole suite reaches.
//
// Every file of the folder must be in exactly one group (checked before anything runs), so the merged
// report holds each file once.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const t = (name) => `test/constructs/${name}.test.ts`;
const e = (name) => `test/estate/${name}.test.ts`;
const GROUPS = {
  estate: [
    {
      tag: "placement",
      files: ["estate/placement/allocate.ts", "estate/placement/targets.ts", "estate/placement/workloads.ts"],
      tests: ["test/estate/placement"],
    },
    {
      tag: "gateway",
      files: [
        "estate/gateway/plan.ts",
        "estate/gateway/policy.ts",
        "estate/gateway/workbook.ts",
        "estate/gateway/xml.ts",
      ],
      tests: ["test/estate/gateway"],
    },
    {
      tag: "network",
      files: ["estate/network-plan.ts", "estate/security.ts"],
      tests: [e("network-plan"), e("security")],
    },
    {
      tag: "access",
      files: ["estate/access.ts", "estate/ci-identities.ts"],
      tests: [e("access"), e("ci-identities")],
    },
    {
      tag: "models",
      files: ["estate/model-checks.ts", "estate/quotas.ts"],
      tests: [e("model-checks"), e("quotas"), "test/catalog/azure-import.test.ts"],
    },
    {
      tag: "filters",
      files: ["estate/content-filters.ts", "estate/account-operations.ts"],
      tests: [e("content-filters"), e("account-operations")],
    },
    {
      tag: "names",
      files: [
        "estate/tags.ts",
        "estate/waivers.ts",
        "estate/types.ts",
        "estate/naming.ts",
        "estate/today.ts",
      ],
      tests: [e("resolve"), e("naming"), e("today"), e("waivers")],
    },
    // Every estate test resolves through it: its own tests are all of them.
    { tag: "resolve", files: ["estate/resolve.ts"], tests: ["test/estate"] },
  ],
  constructs: [
    { tag: "ai-gateway", files: ["constructs/ai-gateway/index.ts"], tests: [t("ai-gateway")] },
    {
      tag: "customer-managed-key",
      files: ["constructs/customer-managed-key/index.ts"],
      tests: [t("customer-managed-key"), t("resource-options")],
    },
    {
      tag: "openai-account",
      files: ["constructs/openai-account/index.ts", "constructs/model-deployment/index.ts"],
      tests: [t("openai-account"), t("model-deployment"), t("resource-options")],
    },
    { tag: "gateway-usage", files: ["constructs/gateway-usage/index.ts"], tests: [t("gateway-usage")] },
    {
      tag: "storage",
      files: [
        "constructs/fine-tuning-storage/index.ts",
        "constructs/state-store/index.ts",
        "constructs/secure-storage.ts",
      ],
      tests: [t("fine-tuning-storage"), t("state-store")],
    },
    {
      tag: "networking",
      files: [
        "constructs/network/index.ts",
        "constructs/private-endpoint/index.ts",
        "constructs/private-dns-zones/index.ts",
      ],
      tests: [t("networking")],
    },
    {
      tag: "access",
      files: ["constructs/access/index.ts", "constructs/access/assignment-name.ts"],
      tests: [t("access"), t("resource-options")],
    },
    {
      tag: "alerts",
      files: [
        "constructs/account-alerts/index.ts",
        "constructs/action-group/index.ts",
        "constructs/metric-alert.ts",
      ],
      tests: [t("account-alerts"), t("metric-alert")],
    },
    {
      tag: "filters",
      files: ["constructs/blocklist/index.ts", "constructs/content-filter/index.ts"],
      tests: [t("blocklist"), t("content-filter")],
    },
    {
      tag: "subscription",
      files: ["constructs/policy-assignments/index.ts", "constructs/defender-for-ai/index.ts"],
      tests: [t("policy-assignments")],
    },
    {
      tag: "shared",
      files: [
        "constructs/log-workspace/index.ts",
        "constructs/diagnostics/index.ts",
        "constructs/validation.ts",
        "constructs/azapi.ts",
        "constructs/azurerm.ts",
        "constructs/resource-options.ts",
      ],
      tests: [t("shared-constructs"), t("azapi"), t("resource-options")],
    },
  ],
};

const [folder, ...stryker] = process.argv.slice(2);
const groups = GROUPS[folder];
if (!groups) {
  console.error(`usage: npm run mutate:groups -- <${Object.keys(GROUPS).join("|")}> [stryker flags]`);
  process.exit(2);
}

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
const inFolder = walk(folder).filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));
const grouped = groups.flatMap((g) => g.files);
const missing = inFolder.filter((f) => !grouped.includes(f));
const twice = grouped.filter((f, i) => grouped.indexOf(f) !== i || !inFolder.includes(f));
if (missing.length || twice.length) {
  console.error(
    `Groups of ${folder}/ must hold each of its files once: missing ${missing}; twice or absent ${twice}`,
  );
  process.exit(1);
}

// MUTATE_GROUPS=<tag>,<tag> reruns only those groups; the report still covers every group's last run.
const only = process.env.MUTATE_GROUPS?.split(",").map((tag) => tag.trim());
const reports = [];
for (const g of groups) {
  reports.push(`reports/mutation/focused-${folder}-${g.tag}.json`);
  if (only && !only.includes(g.tag)) continue;
  const tag = `${folder}-${g.tag}`;
  console.log(`\n## ${g.files.join(", ")} against ${g.tests.join(", ")}`);
  const run = spawnSync(
    "npx",
    ["stryker", "run", "stryker.focused.config.mjs", "--mutate", g.files.join(","), ...stryker],
    {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, MUTATE_TESTS: g.tests.join(","), MUTATE_TAG: tag },
    },
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
}
// Each group's report keeps files an earlier, differently grouped run wrote to its incremental file:
// take from it only the group's own files, into one report for the folder.
const files = {};
groups.forEach((g, i) => {
  if (!existsSync(reports[i])) return;
  const own = JSON.parse(readFileSync(reports[i], "utf8")).files;
  for (const f of g.files) if (own[f]) files[f] = own[f];
});
const merged = `reports/mutation/groups-${folder}.json`;
writeFileSync(merged, JSON.stringify({ schemaVersion: "1", thresholds: { high: 80, low: 60 }, files }));
const report = spawnSync("node", ["tools/mutation-report.mjs", merged], { stdio: "inherit" });
process.exit(report.status ?? 1);
