// Transpiles the TypeScript sources to dist/ with esbuild (no type checking: that is
// `npm run typecheck`). One file in, one file out, so node resolves dependencies from
// node_modules as usual and only the provider modules actually imported are loaded.
import { build } from "esbuild";
import { readdirSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const sourceDirs = ["catalog", "config", "estate", "constructs", "policies", "stacks", "tools"];
const skip = new Set(["node_modules", "dist", "cdktf.out", "test"]);

function collect(dir, out) {
  for (const entry of readdirSync(dir)) {
    if (skip.has(entry)) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (entry.endsWith(".ts") && !entry.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

const entryPoints = [join(root, "main.ts"), join(root, "index.ts")];
for (const dir of sourceDirs) collect(join(root, dir), entryPoints);

rmSync(join(root, "dist"), { recursive: true, force: true });
await build({
  entryPoints: entryPoints.map((p) => relative(root, p)),
  absWorkingDir: root,
  outdir: "dist",
  outbase: ".",
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: "inline",
  logLevel: "warning",
});
