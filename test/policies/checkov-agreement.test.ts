/**
 * The rule pack and Checkov agree: for each Checkov check a rule claims to cover, every fixture of that
 * rule (the compliant one and each way of breaking it) passes or fails in both. Where they differ on
 * purpose, the difference is listed below with its reason, and the test checks it still exists.
 *
 * Checkov comes from the pinned venv (.venv, installed by npm run validate). Without it the test is
 * skipped, except in CI (CI=true), where its absence fails: .ci/run validates before it tests.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { stackDocument } from "../../policies/document";
import { evaluate } from "../../policies/evaluate";
import { RULES } from "../../policies/pack";
import { METADATA, regionStack, sharedStack } from "./fixture";
import { BREAKS } from "./breaks";

const CHECKOV = resolve(__dirname, "..", "..", ".venv", "bin", "checkov");
const available = existsSync(CHECKOV);
if (!available && process.env.CI === "true")
  throw new Error(`${CHECKOV} is missing: CI runs npm run validate (which installs it) before the tests`);

type Edit = (r: Record<string, any>) => void;
const account = (r: Record<string, any>) => r.resource.azurerm_cognitive_account.openai;

/** Fixtures beyond the rule tests' breaks, where the two might part: rule → [case, edit]. */
const EXTRAS: Record<string, [string, Edit][]> = {
  "AOAI-ACC7": [["an empty allow-list", (r) => (account(r).fqdns = [])]],
  "AOAI-ACC8": [
    [
      "the inline customer_managed_key block",
      (r) => {
        delete r.resource.azurerm_cognitive_account_customer_managed_key;
        account(r).customer_managed_key = { key_vault_key_id: "${azurerm_key_vault_key.key.id}" };
      },
    ],
  ],
  "AOAI-KV2": [
    [
      "public access on, with IP rules",
      (r) => {
        const vault = r.resource.azurerm_key_vault.kv;
        vault.public_network_access_enabled = true;
        vault.network_acls.ip_rules = ["203.0.113.0/28"];
      },
    ],
  ],
};

/** Fixtures where the pack and Checkov differ by design: rule → case → why, with the pack's verdict. */
const DIFFERENCES: Record<string, Record<string, { packFails: boolean; why: string }>> = {
  "AOAI-ACC3": {
    "identity None": {
      packFails: true,
      why: "Checkov accepts any identity type, None included; Azure Policy fe3fd216 counts None as no identity.",
    },
  },
  "AOAI-ACC7": {
    "more FQDNs than Azure takes": {
      packFails: true,
      why: "Checkov only asks for a non-empty list; Azure refuses more than 1,000 entries.",
    },
    "an empty allow-list": {
      packFails: false,
      why: "An empty list is the strictest setting (nothing may be called); Checkov fails it.",
    },
  },
  "AOAI-ACC8": {
    "the inline customer_managed_key block": {
      packFails: false,
      why: "Azure (and Azure Policy 67121cc7) encrypt with the inline block too; Checkov's graph check only knows the separate resource.",
    },
  },
  "AOAI-KV2": {
    "public access on, with IP rules": {
      packFails: true,
      why: "The vault is reached through its private endpoint only; Checkov accepts a public vault with IP rules.",
    },
  },
};

const claimed = RULES.filter((r) => (r.sources.checkov ?? []).length > 0);
const cases = claimed.flatMap((rule) =>
  [["compliant", () => {}] as [string, Edit], ...(BREAKS[rule.id] ?? []), ...(EXTRAS[rule.id] ?? [])].map(
    ([what, edit], i) => ({ rule, what, edit, dir: `${rule.id}/${i}` }),
  ),
);

(available ? describe : describe.skip)("the rule pack and Checkov", () => {
  const root = mkdtempSync(join(tmpdir(), "aoai-agreement-"));
  let failed: { check_id: string; file_path: string }[] = [];

  beforeAll(() => {
    for (const c of cases) {
      const region = regionStack();
      c.edit(region);
      mkdirSync(join(root, c.dir), { recursive: true });
      writeFileSync(join(root, c.dir, "main.tf.json"), JSON.stringify(region, null, 2));
    }
    const checks = [...new Set(claimed.flatMap((r) => r.sources.checkov!))].join(",");
    const result = spawnSync(
      CHECKOV,
      [
        "-d",
        root,
        "--framework",
        "terraform_json",
        "--skip-download",
        "--compact",
        "-o",
        "json",
        "--check",
        checks,
      ],
      { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, LOG_LEVEL: "ERROR" } },
    );
    if (result.status !== 0 && result.status !== 1)
      throw new Error(`checkov exited ${result.status}: ${result.stderr}`);
    const report = [JSON.parse(result.stdout)].flat()[0];
    failed = report.results?.failed_checks ?? [];
  }, 300_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("lists only differences that name a rule's fixture", () => {
    const named = Object.entries(DIFFERENCES).flatMap(([id, d]) =>
      Object.keys(d).map((what) => `${id}: ${what}`),
    );
    expect(named.filter((n) => !cases.some((c) => `${c.rule.id}: ${c.what}` === n))).toEqual([]);
  });

  it.each(cases.map((c) => [c.rule.id, c.what, c] as const))("%s, %s: same verdict", (_id, what, c) => {
    const region = regionStack();
    c.edit(region);
    const docs = [
      stackDocument("test-shared", sharedStack(), METADATA),
      stackDocument("test-region", region, METADATA),
    ];
    const packFails = evaluate(docs, { today: "2026-12-02" }).findings.some((f) => f.rule === c.rule.id);
    const checkovFails = failed.some(
      (f) => f.file_path.includes(`/${c.dir}/`) && c.rule.sources.checkov!.includes(f.check_id),
    );
    const difference = DIFFERENCES[c.rule.id]?.[what];
    if (difference) expect([packFails, checkovFails]).toEqual([difference.packFails, !difference.packFails]);
    else expect({ pack: packFails, checkov: checkovFails }).toEqual({ pack: packFails, checkov: packFails });
  });
});
