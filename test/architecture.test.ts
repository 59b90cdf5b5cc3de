/**
 * The layers, as imports: each folder may import only the folders below it (docs/architecture.md).
 * catalog is the bottom; policies (the guardrail rules) read only it; config and constructs read it
 * (config also the rule IDs); estate reads config; stacks map the estate onto constructs and apply the
 * guardrails; tools and main.ts sit on top. Nothing below stacks imports cdktf or the bindings except
 * constructs and the one policies file that makes the pack an aspect.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");
const ALLOWED: Record<string, readonly string[]> = {
  catalog: ["catalog"],
  policies: ["catalog", "policies"],
  config: ["catalog", "policies", "config"],
  estate: ["catalog", "policies", "config", "estate"],
  constructs: ["catalog", "constructs"],
  stacks: ["catalog", "policies", "estate", "constructs", "stacks"],
};
/** The only file of policies/ that may load cdktf: the rules read Terraform JSON, not constructs. */
const POLICIES_ASPECT = join("policies", "aspect.ts");
/** Packages a layer may not import: the pure layers decide, constructs apply. */
const FORBIDDEN_PACKAGES: Record<string, RegExp> = {
  catalog: /^(cdktf|constructs|@cdktf\/)/,
  config: /^(cdktf|constructs|@cdktf\/)/,
  estate: /^(cdktf|constructs|@cdktf\/)/,
  policies: /^(cdktf|constructs|@cdktf\/)/,
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
  const forbidden = relative(ROOT, file) === POLICIES_ASPECT ? /^@cdktf\// : FORBIDDEN_PACKAGES[layer];
  if (!allowed) return [];
  return imports(text).filter((spec) =>
    spec.startsWith(".")
      ? !allowed.includes(layerOf(resolve(dirname(file), spec)))
      : (forbidden?.test(spec) ?? false),
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
    expect(wrongImports(join(ROOT, "policies", "rules", "x.ts"), 'import { App } from "cdktf";\n')).toEqual([
      "cdktf",
    ]);
    expect(wrongImports(join(ROOT, POLICIES_ASPECT), 'import { Aspects } from "cdktf";\n')).toEqual([]);
    expect(
      wrongImports(join(ROOT, POLICIES_ASPECT), 'import { X } from "@cdktf/provider-azurerm/lib/x";\n'),
    ).toEqual(["@cdktf/provider-azurerm/lib/x"]);
    expect(wrongImports(join(ROOT, "policies", "x.ts"), 'import { y } from "../estate/types";\n')).toEqual([
      "../estate/types",
    ]);
    expect(
      wrongImports(join(ROOT, "constructs", "x", "index.ts"), 'export { y } from "../../stacks/moved";\n'),
    ).toEqual(["../../stacks/moved"]);
  });
});
