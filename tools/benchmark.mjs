// `npm run bench`: times the synth, in child processes as `npm run synth` runs it, BENCH_RUNS times each
// (median wall time, peak resident memory), in two cases, and checks each against its budget:
// 1. the bundled estate (config/environments): absolute seconds and megabytes;
// 2. a large estate (tools/bench/large-estate.mjs: 3 protected environments × every region × 10
//    deployments): relative to the floor, measured in the same run. The floor (tools/bench/floor.mjs) is
//    what cdktf itself needs to synthesize the same resources: the large estate's output re-created with
//    cdktf's generic TerraformResource, TerraformProvider and TerraformStack, timing only construct
//    creation and app.synth(). Budget: the synth's median at most 1.5 times the floor's.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeLargeEstate } from "./bench/large-estate.mjs";

const BUDGET = { seconds: 3, megabytes: 300 };
const MAX_RATIO = 1.5;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = new URL("..", import.meta.url).pathname;
const hasTime = existsSync("/usr/bin/time");

/** Runs node with args: wall seconds, and the child's CPU seconds and peak MB (GNU time; without it, 0). */
function run(args, env = {}) {
  const [cmd, cmdArgs] = hasTime
    ? ["/usr/bin/time", ["-f", "%M %U %S", process.execPath, ...args]]
    : [process.execPath, args];
  const start = process.hrtime.bigint();
  const result = spawnSync(cmd, cmdArgs, { cwd: root, env: { ...process.env, ...env }, encoding: "utf8" });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} failed:\n${result.stderr}`);
  const [kb, user, system] = hasTime
    ? result.stderr.trim().split("\n").at(-1).split(" ").map(Number)
    : [0, 0, 0];
  return { seconds, cpuSeconds: user + system, megabytes: kb / 1024, stdout: result.stdout };
}

const tempDir = (name) => mkdtempSync(join(tmpdir(), `aoai-${name}-`));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const medianOf = (runs, key) => median(runs.map((r) => r[key]));
const summary = (runs, cpu = false) =>
  `median ${medianOf(runs, "seconds").toFixed(2)} s${cpu ? ` (CPU ${medianOf(runs, "cpuSeconds").toFixed(2)} s)` : ""} ` +
  `over ${runs.length} runs, peak ${Math.max(...runs.map((r) => r.megabytes)).toFixed(0)} MB`;
/** Synthesizes into outdir, or into a temp dir removed afterwards. */
function synth(configArgs, outdir) {
  const dir = outdir ?? join(tempDir("bench"), "cdktf.out");
  const result = run(["dist/main.js", ...configArgs], { CDKTF_OUTDIR: dir });
  if (!outdir) rmSync(join(dir, ".."), { recursive: true, force: true });
  return result;
}

spawnSync(process.execPath, ["tools/build.mjs"], { cwd: root, stdio: "inherit" });

// 1. The bundled estate.
const bundled = Array.from({ length: RUNS }, () => synth([]));
const bundledOk =
  medianOf(bundled, "seconds") <= BUDGET.seconds &&
  Math.max(...bundled.map((r) => r.megabytes)) <= BUDGET.megabytes;
console.log(
  `synth of the bundled estate: ${summary(bundled)} (budget ${BUDGET.seconds} s, ${BUDGET.megabytes} MB): ` +
    (bundledOk ? "within budget" : "OVER BUDGET"),
);

// 2. The large estate against the floor; runs alternate, so both see the same load. The floor reports its own
// timed section (wall and CPU); the budget is on wall time, CPU time is shown as the figure load disturbs less.
const scratch = tempDir("bench-large");
const configDir = join(scratch, "environments");
writeLargeEstate(configDir);
const output = join(scratch, "cdktf.out");
const large = [];
const floor = [];
for (let i = 0; i < RUNS; i++) {
  // The first run's output is the floor's input.
  large.push(synth(["--config-dir", configDir], i === 0 ? output : undefined));
  const measured = run(["tools/bench/floor.mjs", output]);
  floor.push({ ...measured, ...JSON.parse(measured.stdout) });
}
rmSync(scratch, { recursive: true, force: true });
const ratio = medianOf(large, "seconds") / medianOf(floor, "seconds");
const cpuRatio = medianOf(large, "cpuSeconds") / medianOf(floor, "cpuSeconds");
const { stacks, resources } = floor[0];
console.log(`synth of a large estate (${stacks} stacks, ${resources} resources): ${summary(large, hasTime)}`);
console.log(`floor, cdktf alone (generic resources, construction and synth only): ${summary(floor, true)}`);
console.log(
  `large estate / floor: ${ratio.toFixed(2)}${hasTime ? ` (CPU time ${cpuRatio.toFixed(2)})` : ""} ` +
    `(budget ${MAX_RATIO}): ${ratio <= MAX_RATIO ? "within budget" : "OVER BUDGET"}`,
);
process.exit(bundledOk && ratio <= MAX_RATIO ? 0 : 1);
