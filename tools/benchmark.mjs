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

/** Runs node with args; wall seconds, peak MB (GNU time reports the child's; without it, 0) and stdout. */
function run(args, env = {}) {
  // GNU time reports the child's peak memory; without it only the time is measured.
  const [cmd, cmdArgs] = hasTime
    ? ["/usr/bin/time", ["-f", "%M", process.execPath, ...args]]
    : [process.execPath, args];
  const start = process.hrtime.bigint();
  const result = spawnSync(cmd, cmdArgs, { cwd: root, env: { ...process.env, ...env }, encoding: "utf8" });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} failed:\n${result.stderr}`);
  const megabytes = hasTime ? Number(result.stderr.trim().split("\n").at(-1)) / 1024 : 0;
  return { seconds, megabytes, stdout: result.stdout };
}

const tempDir = (name) => mkdtempSync(join(tmpdir(), `aoai-${name}-`));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = (runs) =>
  `median ${median(runs.map((r) => r.seconds)).toFixed(2)} s over ${runs.length} runs, ` +
  `peak ${Math.max(...runs.map((r) => r.megabytes)).toFixed(0)} MB`;
const synth = (configArgs) => run(["dist/main.js", ...configArgs], { CDKTF_OUTDIR: join(tempDir("bench"), "cdktf.out") });

spawnSync(process.execPath, ["tools/build.mjs"], { cwd: root, stdio: "inherit" });

// 1. The bundled estate.
const bundled = Array.from({ length: RUNS }, () => synth([]));
const bundledMedian = median(bundled.map((r) => r.seconds));
const bundledOk =
  bundledMedian <= BUDGET.seconds && Math.max(...bundled.map((r) => r.megabytes)) <= BUDGET.megabytes;
console.log(
  `synth of the bundled estate: ${summary(bundled)} (budget ${BUDGET.seconds} s, ${BUDGET.megabytes} MB): ` +
    (bundledOk ? "within budget" : "OVER BUDGET"),
);

// 2. The large estate against the floor; runs alternate, so both see the same load.
const scratch = tempDir("bench-large");
const configDir = join(scratch, "environments");
writeLargeEstate(configDir);
const output = join(scratch, "out", "cdktf.out");
const large = [];
const floor = [];
for (let i = 0; i < RUNS; i++) {
  // The first run's output is the floor's input.
  const outdir = i === 0 ? output : join(tempDir("bench"), "cdktf.out");
  large.push(run(["dist/main.js", "--config-dir", configDir], { CDKTF_OUTDIR: outdir }));
  if (i > 0) rmSync(join(outdir, ".."), { recursive: true, force: true });
  const measured = run(["tools/bench/floor.mjs", output]);
  floor.push({ ...measured, ...JSON.parse(measured.stdout) });
}
rmSync(scratch, { recursive: true, force: true });
const ratio = median(large.map((r) => r.seconds)) / median(floor.map((r) => r.seconds));
const { stacks, resources } = floor[0];
console.log(`synth of a large estate (${stacks} stacks, ${resources} resources): ${summary(large)}`);
console.log(`floor, cdktf alone (generic resources, construction and synth only): ${summary(floor)}`);
console.log(
  `large estate / floor: ${ratio.toFixed(2)} (budget ${MAX_RATIO}): ${ratio <= MAX_RATIO ? "within budget" : "OVER BUDGET"}`,
);
process.exit(bundledOk && ratio <= MAX_RATIO ? 0 : 1);
