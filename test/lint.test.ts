/**
 * The binding rule: only constructs/azurerm.ts imports @cdktf/provider-azurerm, and only by deep path.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ESLint } from "eslint";

// The config is passed in rather than found: ESLint loads config files with import(), which jest's
// CommonJS sandbox does not allow.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require("../eslint.config.js");
const eslint = new ESLint({ cwd: join(__dirname, ".."), overrideConfigFile: true, overrideConfig: config });
const messages = async (code: string, filePath: string) =>
  (await eslint.lintText(code, { filePath })).flatMap((r) => r.messages.map((m) => m.message));

// Held in a variable so no line of this file looks like a root import to text-based checks.
const PROVIDER_ROOT = ["@cdktf", "provider-azurerm"].join("/");

describe("provider imports", () => {
  it("fail lint from the package root, anywhere", async () => {
    const code = `import { CognitiveAccount } from "${PROVIDER_ROOT}";\nexport const x = CognitiveAccount;\n`;
    expect(await messages(code, "stacks/example.ts")).toEqual([expect.stringMatching(/Import by deep path/)]);
    expect(await messages(code, "constructs/azurerm.ts")).toEqual([
      expect.stringMatching(/Import by deep path/),
    ]);
  });

  it("fail lint by deep path outside the binding module", async () => {
    const code =
      'import { ResourceGroup } from "@cdktf/provider-azurerm/lib/resource-group";\nexport const x = ResourceGroup;\n';
    expect(await messages(code, "constructs/other/index.ts")).toEqual([
      expect.stringMatching(/Only constructs\/azurerm\.ts/),
    ]);
    expect(await messages(code, "constructs/azurerm.ts")).toEqual([]);
  });

  it("come only from constructs/azurerm.ts in the source tree (and the example of an outside app)", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        if (["node_modules", "dist", "cdktf.out", ".git"].includes(entry)) continue;
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) walk(path);
        else if (
          path.endsWith(".ts") &&
          /^\s*(import|export)\b[^;]*from "@cdktf\/provider-azurerm/m.test(readFileSync(path, "utf8"))
        )
          offenders.push(path);
      }
    };
    walk(".");
    expect(offenders.sort()).toEqual(["constructs/azurerm.ts", "examples/library-app.ts"]);
  });
});
