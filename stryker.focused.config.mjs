// A quicker mutation run that counts only the kills of chosen test folders or files (a lower bound on the
// score the whole suite reaches): most mutants run at fixture setup ("static"), where Stryker must run
// every selected test file, and the stack tests' synths make that ~80 s a mutant. Folders or *.test.ts
// files in MUTATE_TESTS, comma-separated; the files to mutate with --mutate, as for `npm run mutate`:
//   MUTATE_TESTS=test/config,test/estate npm run mutate:focused -- --mutate "config/**/*.ts"
// The report and incremental file are named after MUTATE_TAG, or else after the tests.
// `npm run mutate:groups` runs a folder's files each against its own tests (tools/mutation-groups.mjs).
import base from "./stryker.config.mjs";

const tests = (process.env.MUTATE_TESTS ?? "test").split(",").map((f) => f.trim().replace(/\/$/, ""));
const tag = process.env.MUTATE_TAG ?? tests.map((f) => f.replace(/[^a-z0-9]+/gi, "-")).join("_");

export default {
  ...base,
  jest: {
    ...base.jest,
    config: {
      ...base.jest.config,
      testMatch: tests.map((f) =>
        f.endsWith(".test.ts") ? `<rootDir>/${f}` : `<rootDir>/${f}/**/*.test.ts`,
      ),
    },
  },
  jsonReporter: { fileName: `reports/mutation/focused-${tag}.json` },
  htmlReporter: { fileName: `reports/mutation/focused-${tag}.html` },
  incrementalFile: `reports/stryker-incremental-${tag}.json`,
};
