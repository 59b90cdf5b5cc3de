/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // Transpile only (isolatedModules in tsconfig): type checking is `npm run typecheck`,
  // because checking the provider's declaration files costs seconds per worker.
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  clearMocks: true,
};
