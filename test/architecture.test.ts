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

function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^(?:import|export)[^"']*?from\s+["']([^"']+)["']/gm)].map((m) => m[1]!);
}

const layerOf = (file: string) => relative(ROOT, file).split("/")[0]!;

describe("layers", () => {
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    it(`${layer}/ imports only ${allowed.join(", ")}`, () => {
      const wrong: string[] = [];
      for (const file of sources(join(ROOT, layer))) {
        for (const spec of imports(file)) {
          if (spec.startsWith(".")) {
            const target = layerOf(resolve(dirname(file), spec));
            if (!allowed.includes(target)) wrong.push(`${relative(ROOT, file)} → ${spec}`);
          } else if (FORBIDDEN_PACKAGES[layer]?.test(spec)) {
            wrong.push(`${relative(ROOT, file)} → ${spec}`);
          }
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it("catches a wrong arrow (the check reads real imports)", () => {
    const file = join(ROOT, "estate", "resolve.ts");
    expect(imports(file).some((s) => s.startsWith("../config/"))).toBe(true);
    expect(ALLOWED.config).not.toContain("estate");
  });
});
