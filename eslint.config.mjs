import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "cdktf.out/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  { files: ["**/*.js"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  {
    files: ["**/*.ts"],
    rules: {
      // The provider package root loads every resource class (~2 s, ~400 MB): deep paths only,
      // and only in the binding module, so a move to @cdktn/provider-azurerm is one file.
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@cdktf/provider-azurerm", message: "Import by deep path in constructs/azurerm.ts." },
          ],
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
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@cdktf/provider-azurerm",
              message: "Import by deep path: the root loads every resource class.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-non-null-assertion": "off" },
  },
);
