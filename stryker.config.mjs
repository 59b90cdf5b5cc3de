// Mutation testing (`npm run mutate`; not in CI: a full run takes hours on two cores).
// Narrow it with Stryker's flag, which replaces the `mutate` list below (exclusions included), e.g.
//   npm run mutate -- --mutate 'estate/**/*.ts'
//   npm run mutate -- --mutate 'estate/**/*.ts,config/**/*.ts'   (comma-separated; a second --mutate replaces the first)
// Summary of the last run: `npm run mutate:report`. Opt-in type checking of mutants: add `--checkers typescript`.
import { tmpdir } from "node:os";
import { join } from "node:path";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "jest",
  jest: { projectType: "custom", configFile: "jest.config.js" },
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
  // Static mutants (module-level code: the catalog's tables, schemas, constants) each need a fresh module
  // registry and the whole suite, minutes apiece on two cores; they are reported as Ignored.
  ignoreStatic: true,
  // The TypeScript checker works (TypeScript 6) but shares the two cores with the test runners: slower here.
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
  // Mutant time limit: 1.5 × the test's own time + 10 s, slack for a shared two-core machine.
  timeoutMS: 10000,
  timeoutFactor: 1.5,
  // The initial run executes every related test in band, with coverage.
  dryRunTimeoutMinutes: 20,
};
