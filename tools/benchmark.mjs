// `npm run bench`: times a full synth of the bundled estate (the main job) and checks it against the
// project's budget. Runs the built app in a child process, as `npm run synth` does, a few times, and
// reports the median wall time and the peak resident memory.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BUDGET = { seconds: 3, megabytes: 300 };
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = new URL("..", import.meta.url).pathname;

const hasTime = existsSync("/usr/bin/time");
spawnSync(process.execPath, ["tools/build.mjs"], { cwd: root, stdio: "inherit" });
const times = [];
let peakKb = 0;
for (let i = 0; i < RUNS; i++) {
  const outdir = join(mkdtempSync(join(tmpdir(), "aoai-bench-")), "cdktf.out");
  const start = process.hrtime.bigint();
  // GNU time reports the child's peak memory; without it only the time is measured.
  const [cmd, args] = hasTime
    ? ["/usr/bin/time", ["-f", "%M", process.execPath, "dist/main.js"]]
    : [process.execPath, ["dist/main.js"]];
  const run = spawnSync(cmd, args, {
    cwd: root,
    env: { ...process.env, CDKTF_OUTDIR: outdir },
    encoding: "utf8",
  });
  times.push(Number(process.hrtime.bigint() - start) / 1e9);
  if (run.status !== 0) throw new Error(`synth failed:\n${run.stderr}`);
  if (hasTime) peakKb = Math.max(peakKb, Number(run.stderr.trim().split("\n").at(-1)));
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const megabytes = peakKb / 1024;
const ok = median <= BUDGET.seconds && megabytes <= BUDGET.megabytes;
console.log(
  `synth of the bundled estate: median ${median.toFixed(2)} s over ${RUNS} runs, peak ${megabytes.toFixed(0)} MB ` +
    `(budget ${BUDGET.seconds} s, ${BUDGET.megabytes} MB): ${ok ? "within budget" : "OVER BUDGET"}`,
);
process.exit(ok ? 0 : 1);
