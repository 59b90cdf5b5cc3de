// Mutation testing: `npm run mutate`, then `npm run mutate:report`. Not in CI: every mutant reloads each
// test file related to its file (22-26 of them for estate/ and config/), so a full run takes a day or two on
// two cores. Narrow it with Stryker's flag, which replaces the `mutate` list below, exclusions included:
//   npm run mutate -- --mutate 'estate/**/*.ts'
//   npm run mutate -- --mutate 'estate/access.ts,config/**/*.ts'   (a second --mutate replaces the first)
// Opt-in type checking of mutants: add `--checkers typescript`.
import { tmpdir } from "node:os";
import { join } from "node:path";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "jest",
  jest: {
    projectType: "custom",
    configFile: "jest.config.js",
    // Each mutant runs jest --findRelatedTests on its file, and jest only follows imports through files
    // under `roots`: with test/ alone it misses every test that reaches the file through another folder
    // (catalog/cidr.ts: 1 related test file instead of 27), so mutants would survive untested.
    config: { roots: ["<rootDir>"] },
  },
  // Each mutant runs only the tests that executed it in the initial run.
  coverageAnalysis: "perTest",
  mutate: [
    "config/**/*.ts",
    "estate/**/*.ts",
    "catalog/**/*.ts",
    "constructs/**/*.ts",
    "!catalog/generated/**",
    "!**/*.d.ts",
    "!**/*.test.ts",
  ],
  // Most mutants (3,394 of 4,487) run at module load too, where most test files build their fixtures in
  // describe bodies. Ignoring static mutants roughly halves a run, but then those run only the tests that
  // executed them inside a test, and survive the tests that check the describe-level fixture: measured,
  // every survivor was such a mutant, and some are killed by tests Stryker skipped. So they run the whole
  // suite (~80 s each). For a quicker, upper-bound pass: `npm run mutate -- --ignoreStatic`.
  ignoreStatic: false,
  warnings: { slow: false }, // the warning that recommends ignoreStatic
  // The TypeScript checker works with TypeScript 6, but on two cores it takes a test runner's place:
  // 2.7 times slower in a trial (it rejects ~1 mutant in 3, which the tests would mostly kill anyway).
  checkers: [],
  reporters: ["clear-text", "progress", "json", "html"],
  clearTextReporter: { logTests: false },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  // Unchanged mutants whose tests are unchanged keep their last result.
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  // Sandboxes outside the checkout, so `eslint .` and test/lint.test.ts never see instrumented copies.
  tempDirName: join(tmpdir(), "stryker-azure-openai-platform"),
  ignorePatterns: [".venv", "dist", "cdktf.out", "cdktf.out.bootstrap", "estate-report", "coverage"],
  // One in-band jest per runner; this machine has 2 cores (nproc), and more runners only contend.
  concurrency: 2,
  // Mutant time limit: 1.5 × its tests' time + the initial run's overhead + 30 s. Slack for a shared
  // two-core machine: most mutants reach code the stack tests synthesize in beforeAll, which the tests'
  // own time leaves out, and a false timeout counts as a kill.
  timeoutMS: 30000,
  timeoutFactor: 1.5,
  // The initial run executes every related test in band, with coverage.
  dryRunTimeoutMinutes: 20,
};
