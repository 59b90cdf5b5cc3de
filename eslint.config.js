const js = require("@eslint/js");
const globals = require("globals");
const tseslint = require("typescript-eslint");

const rootImport = {
  name: "@cdktf/provider-azurerm",
  message: "Import by deep path in constructs/azurerm.ts: the package root loads every resource class.",
};

module.exports = tseslint.config(
  { ignores: ["node_modules/", "dist/", "cdktf.out/", "cdktf.out.bootstrap/", "coverage/", ".venv/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  { files: ["**/*.js"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  {
    files: ["**/*.ts"],
    rules: {
      // The provider package root loads every resource class (~2 s, ~400 MB): deep paths only,
      // and only in the binding module, so a move to @cdktn/provider-azurerm touches one file.
      "no-restricted-imports": [
        "error",
        {
          paths: [rootImport],
          patterns: [
            {
              group: ["@cdktf/provider-azurerm/*"],
              message: "Only constructs/azurerm.ts imports the provider bindings; import from there.",
            },
          ],
        },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["constructs/azurerm.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [rootImport] }] },
  },
  {
    // An app outside this project: it imports the bindings itself (deep paths still), not our module.
    files: ["examples/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [rootImport] }] },
  },
  {
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
