/**
 * The layers, as imports: each folder may import only the folders below it (docs/architecture.md).
 * catalog is the bottom; config and constructs read only it; estate reads config; stacks map the estate
 * onto constructs; tools and main.ts sit on top. Nothing below stacks imports cdktf or the bindings
 * except constructs.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");
const ALLOWED: Record<string, readonly string[]> = {
  catalog: ["catalog"],
  config: ["catalog", "config"],
  estate: ["catalog", "config", "estate"],
  constructs: ["catalog", "constructs"],
  stacks: ["catalog", "estate", "constructs", "stacks"],
};
/** Packages a layer may not import: the pure layers decide, constructs apply. */
const FORBIDDEN_PACKAGES: Record<string, RegExp> = {
  catalog: /^(cdktf|constructs|@cdktf\/)/,
  config: /^(cdktf|constructs|@cdktf\/)/,
  estate: /^(cdktf|constructs|@cdktf\/)/,
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return entry.endsWith(".ts") ? [path] : [];
  });
}

function imports(text: string): string[] {
  return [...text.matchAll(/^(?:import|export)[^"']*?from\s+["']([^"']+)["']/gm)].map((m) => m[1]!);
}

const layerOf = (file: string) => relative(ROOT, file).split("/")[0]!;

/** The imports of `file` (its text given) that break its layer's rule. */
function wrongImports(file: string, text: string): string[] {
  const layer = layerOf(file);
  const allowed = ALLOWED[layer];
  if (!allowed) return [];
  return imports(text).filter((spec) =>
    spec.startsWith(".")
      ? !allowed.includes(layerOf(resolve(dirname(file), spec)))
      : (FORBIDDEN_PACKAGES[layer]?.test(spec) ?? false),
  );
}

describe("layers", () => {
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    it(`${layer}/ imports only ${allowed.join(", ")}`, () => {
      const wrong = sources(join(ROOT, layer)).flatMap((file) =>
        wrongImports(file, readFileSync(file, "utf8")).map((spec) => `${relative(ROOT, file)} → ${spec}`),
      );
      expect(wrong).toEqual([]);
    });
  }

  it("the check catches an arrow the wrong way, and a package a pure layer must not load", () => {
    const config = join(ROOT, "config", "load.ts");
    expect(wrongImports(config, 'import { resolveEstate } from "../estate/resolve";\n')).toEqual([
      "../estate/resolve",
    ]);
    expect(wrongImports(config, 'import { x } from "../catalog/models";\n')).toEqual([]);
    expect(wrongImports(join(ROOT, "estate", "x.ts"), 'import { App } from "cdktf";\n')).toEqual(["cdktf"]);
    expect(
      wrongImports(join(ROOT, "constructs", "x", "index.ts"), 'export { y } from "../../stacks/moved";\n'),
    ).toEqual(["../../stacks/moved"]);
  });
});
