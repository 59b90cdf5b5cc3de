// `npm run mutate:report`: the mutation score of the last `npm run mutate`, per top-level folder and per
// file (worst first), with each file's count of surviving mutants. Reads reports/mutation/mutation.json,
// or the reports given as arguments, merged (a narrowed run's report holds only the files it mutated).
// Score = (killed + timeout) / (killed + timeout + survived + no coverage); ignored (static) mutants and
// compile or runtime errors do not count.
import { existsSync, readFileSync } from "node:fs";

const reports = process.argv.length > 2 ? process.argv.slice(2) : ["reports/mutation/mutation.json"];
const missing = reports.filter((path) => !existsSync(path));
if (missing.length) {
  console.error(`No mutation report at ${missing.join(", ")}: run \`npm run mutate\` first.`);
  process.exit(1);
}
const files = Object.assign({}, ...reports.map((path) => JSON.parse(readFileSync(path, "utf8")).files));

const COLUMNS = {
  Killed: "killed",
  Timeout: "timeout",
  Survived: "survived",
  NoCoverage: "no-cov",
  Ignored: "ignored",
};
const tally = () => Object.fromEntries([...Object.values(COLUMNS), "mutants"].map((key) => [key, 0]));
const score = (t) => {
  const detected = t.killed + t.timeout;
  const valid = detected + t.survived + t["no-cov"];
  return valid ? (100 * detected) / valid : NaN;
};

const byFile = new Map();
const byFolder = new Map();
const all = tally();
for (const [name, { mutants }] of Object.entries(files)) {
  const folder = name.includes("/") ? `${name.split("/")[0]}/` : "./";
  if (!byFolder.has(folder)) byFolder.set(folder, tally());
  byFile.set(name, tally());
  for (const { status } of mutants) {
    for (const t of [byFile.get(name), byFolder.get(folder), all]) {
      t.mutants++;
      if (COLUMNS[status]) t[COLUMNS[status]]++;
    }
  }
}

const pct = (t) => (Number.isNaN(score(t)) ? "n/a" : score(t).toFixed(1));

function table(title, rows) {
  const keys = Object.keys(all);
  const width = Math.max(title.length, ...rows.map(([name]) => name.length));
  const line = (cells) =>
    cells
      .map((c, i) => (i ? String(c).padStart(i === 1 ? 6 : keys[i - 2].length) : c.padEnd(width)))
      .join("  ");
  console.log(line([title, "score", ...keys]));
  const rank = (t) => (Number.isNaN(score(t)) ? Infinity : score(t)); // n/a (nothing testable) last
  rows.sort(([, a], [, b]) => rank(a) - rank(b) || b.survived - a.survived);
  for (const [name, t] of rows) console.log(line([name, pct(t), ...keys.map((k) => t[k])]));
}

table("folder", [...byFolder]);
console.log(`all: ${pct(all)}% over ${reports.join(", ")}\n`);
table("file", [...byFile]);
