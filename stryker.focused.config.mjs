// A quicker mutation run that counts only the kills of chosen test folders (a lower bound on the score
// the whole suite reaches): most mutants run at fixture setup ("static"), where Stryker must run every
// related test file, and the stack tests' synths make that ~80 s a mutant. Folders in MUTATE_TESTS,
// comma-separated; the files to mutate with --mutate, as for `npm run mutate`:
//   MUTATE_TESTS=test/config,test/estate npm run mutate:focused -- --mutate "config/**/*.ts"
import base from "./stryker.config.mjs";

const folders = (process.env.MUTATE_TESTS ?? "test").split(",").map((f) => f.trim().replace(/\/$/, ""));
const tag = folders.map((f) => f.replace(/[^a-z0-9]+/gi, "-")).join("_");

export default {
  ...base,
  jest: {
    ...base.jest,
    config: { ...base.jest.config, testMatch: folders.map((f) => `<rootDir>/${f}/**/*.test.ts`) },
  },
  jsonReporter: { fileName: `reports/mutation/focused-${tag}.json` },
  htmlReporter: { fileName: `reports/mutation/focused-${tag}.html` },
  incrementalFile: `reports/stryker-incremental-${tag}.json`,
};
