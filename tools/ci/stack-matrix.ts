/**
 * The stacks CI plans and deploys, read from the synthesized manifest so the workflows never hold a
 * hand-written list: stacks grouped by dependency level (level 0: `<env>-shared`; level 1: the regions,
 * which only need their shared stack), each level a GitHub Actions matrix.
 *
 *   node dist/tools/ci/stack-matrix.js [--env <name>] [--outdir cdktf.out]
 *
 * Prints `level0=`, `level1=`, `level2=` (each a JSON list of `{ "stack", "environment" }`, possibly
 * empty), `all=` (every stack, for jobs that need no order) and `stacks=` (the names, in order); appended to $GITHUB_OUTPUT when it is set. Three
 * levels cover shared, region and gateway stacks; a deeper graph needs another job in the workflows.
 */
import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

export interface ManifestStacks {
  readonly [name: string]: { readonly dependencies?: readonly string[] };
}

/** Stacks by dependency level, each level sorted; a cycle is an error (cdktf would refuse it too). */
export function stackLevels(stacks: ManifestStacks, environment?: string): string[][] {
  const names = Object.keys(stacks).filter((n) => !environment || n.startsWith(`${environment}-`));
  const level = new Map<string, number>();
  const visit = (name: string, path: readonly string[]): number => {
    if (path.includes(name)) throw new Error(`stack dependency cycle: ${[...path, name].join(" → ")}`);
    const known = level.get(name);
    if (known !== undefined) return known;
    const deps = stacks[name]?.dependencies ?? [];
    const mine = deps.length === 0 ? 0 : 1 + Math.max(...deps.map((d) => visit(d, [...path, name])));
    level.set(name, mine);
    return mine;
  };
  for (const n of names) visit(n, []);
  const levels: string[][] = [];
  for (const n of names) (levels[level.get(n)!] ??= []).push(n);
  return levels.map((l) => l.sort());
}

export const MAX_LEVELS = 3;

/** Matrix entries: the stack and its environment (the name before the first "-"), which picks identities. */
export function matrix(stacks: readonly string[]): { stack: string; environment: string }[] {
  return stacks.map((stack) => ({ stack, environment: stack.split("-")[0]! }));
}

function main(): void {
  const { values } = parseArgs({
    options: { env: { type: "string" }, outdir: { type: "string", default: "cdktf.out" } },
  });
  const manifest = JSON.parse(readFileSync(join(values.outdir!, "manifest.json"), "utf8")) as {
    stacks: ManifestStacks;
  };
  const levels = stackLevels(manifest.stacks, values.env);
  if (levels.length === 0)
    throw new Error(`no stacks${values.env ? ` for environment ${values.env}` : ""} in the manifest`);
  if (levels.length > MAX_LEVELS)
    throw new Error(`stacks form ${levels.length} dependency levels; the workflows run ${MAX_LEVELS}`);
  const lines = [
    ...Array.from({ length: MAX_LEVELS }, (_, i) => `level${i}=${JSON.stringify(matrix(levels[i] ?? []))}`),
    `all=${JSON.stringify(matrix(levels.flat()))}`,
    `stacks=${JSON.stringify(levels.flat())}`,
  ];
  for (const line of lines) console.log(line);
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `${lines.join("\n")}\n`);
}

if (require.main === module) main();
