/**
 * Checkov over every stack's cdk.tf.json, from a pinned install in the git-ignored .venv. A failed check
 * listed in checkov-skips.yaml counts as skipped with its reason; a skip that matches nothing is an
 * error, so the list cannot go stale.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { glob } from "../../policies/glob";
import type { StackLocator } from "./locate";

// Relative to the project root, where npm runs every script (as config/environments is).
export const REQUIREMENTS = "tools/validate/requirements.txt";
export const SKIPS_FILE = "tools/validate/checkov-skips.yaml";

const skipSchema = z.array(
  z
    .object({
      check: z.string().regex(/^CKV2?_[A-Z]+_\d+$/, "a Checkov ID such as CKV_AZURE_247"),
      stacks: z.string().default("*"),
      resources: z.string().default("*"),
      reason: z.string().min(40, "a sentence a reviewer can verify"),
    })
    .strict(),
);
export type Skip = z.infer<typeof skipSchema>[number];

export interface CheckResult {
  readonly check: string;
  readonly title: string;
  readonly stack: string;
  readonly address: string;
  readonly constructPath?: string;
}

export interface StackScan {
  readonly passed: number;
  readonly failed: CheckResult[];
  readonly skipped: (CheckResult & { readonly reason: string })[];
}

export interface Scan {
  readonly version: string;
  readonly stacks: Map<string, StackScan>;
  readonly staleSkips: Skip[];
  readonly parsingErrors: string[];
}

export function loadSkips(path = SKIPS_FILE): Skip[] {
  const parsed = skipSchema.safeParse(parse(readFileSync(path, "utf8")) ?? []);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path}: [${issue.path.join(".")}] ${issue.message}`);
  }
  return parsed.data;
}

/** A venv with exactly the pinned requirements; rebuilt when the requirements file changes. */
export function ensureCheckov(venv: string, log: (line: string) => void): string {
  const checkov = join(venv, "bin", "checkov");
  const stamp = join(venv, ".requirements.sha256");
  const wanted = createHash("sha256").update(readFileSync(REQUIREMENTS)).digest("hex");
  if (existsSync(checkov) && existsSync(stamp) && readFileSync(stamp, "utf8") === wanted) return checkov;
  log(`installing Checkov into ${venv} (pinned in ${REQUIREMENTS})`);
  run("python3", ["-m", "venv", venv]);
  run(join(venv, "bin", "pip"), ["install", "--quiet", "--disable-pip-version-check", "-r", REQUIREMENTS]);
  writeFileSync(stamp, wanted);
  return checkov;
}

/**
 * `locators` covers every stack in the directory, which Checkov reads whole; results are kept for the
 * `selected` stacks (default all), while skips are matched against all of them.
 */
export function scan(
  checkov: string,
  stacksDirs: readonly string[],
  locators: ReadonlyMap<string, StackLocator>,
  skips: readonly Skip[],
  selected: readonly string[] = [...locators.keys()],
): Scan {
  // One process per output directory (a run costs ~10 s of start-up; given several -d, Checkov prints a
  // report per directory with the earlier ones repeated); results are split by file path.
  // --skip-download: no calls to the vendor's platform; the checks ship with the package.
  const reports = stacksDirs.flatMap((dir) => {
    const result = spawnSync(
      checkov,
      ["-d", dir, "--framework", "terraform_json", "--skip-download", "--compact", "-o", "json"],
      { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, LOG_LEVEL: "ERROR" } },
    );
    const failed = (why: string) =>
      new Error(`checkov on ${dir} ${why}:\n${(result.stderr ?? "").split("\n").slice(-15).join("\n")}`);
    if (result.status !== 0 && result.status !== 1) throw failed(`exited ${result.status ?? result.error}`);
    try {
      return [JSON.parse(result.stdout)].flat() as CheckovReport[];
    } catch {
      throw failed("printed no JSON report");
    }
  });
  const stacks = new Map<string, StackScan>();
  for (const name of selected) stacks.set(name, { passed: 0, failed: [], skipped: [] });
  const used = new Set<Skip>();
  const parsingErrors: string[] = [];
  let version = "";
  for (const report of reports) {
    version = report.summary?.checkov_version ?? version;
    parsingErrors.push(...(report.results?.parsing_errors ?? []));
    for (const c of report.results?.passed_checks ?? []) {
      const stack = stackOf(c.file_path);
      const s = stacks.get(stack);
      if (s) stacks.set(stack, { ...s, passed: s.passed + 1 });
    }
    for (const c of report.results?.failed_checks ?? []) {
      const stack = stackOf(c.file_path);
      const where = locators.get(stack)?.atLine(c.file_line_range[0]);
      const found: CheckResult = {
        check: c.check_id,
        title: c.check_name,
        stack,
        address: where?.address ?? c.resource,
        constructPath: where?.constructPath,
      };
      const skip = skips.find(
        (k) => k.check === found.check && glob(k.stacks).test(stack) && glob(k.resources).test(found.address),
      );
      if (skip) used.add(skip);
      const s = stacks.get(stack);
      if (!s) continue;
      if (skip) {
        stacks.set(stack, { ...s, skipped: [...s.skipped, { ...found, reason: skip.reason }] });
      } else stacks.set(stack, { ...s, failed: [...s.failed, found] });
    }
  }
  return { version, stacks, staleSkips: skips.filter((k) => !used.has(k)), parsingErrors };
}

interface CheckovReport {
  summary?: { checkov_version?: string };
  results?: {
    passed_checks?: { file_path: string }[];
    failed_checks?: {
      check_id: string;
      check_name: string;
      file_path: string;
      file_line_range: [number, number];
      resource: string;
    }[];
    parsing_errors?: string[];
  };
}

/** Checkov reports `/prod-swedencentral/cdk.tf.json` relative to the scanned directory. */
function stackOf(filePath: string): string {
  return filePath.split("/").filter(Boolean)[0] ?? filePath;
}

function run(command: string, args: string[]): void {
  const r = spawnSync(command, args, { encoding: "utf8", stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${r.status ?? r.error})`);
}
