/**
 * What a synth run may remove from the output directory. Terraform keeps its working files beside each
 * stack's cdk.tf.json (`.terraform/` with the installed providers, `.terraform.lock.hcl` with their
 * hashes), so a run replaces generated files and removes the directories of stacks that no longer
 * exist, and nothing else.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const STACKS = "stacks";
const MANIFEST = "manifest.json";

/** Stack names in the manifest that the App just wrote. */
export function manifestStacks(outdir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(outdir, MANIFEST), "utf8")) as { stacks: object };
  return Object.keys(manifest.stacks);
}

/** Removes the directories of stacks that are not in this run's manifest. Returns their names. */
export function removeStaleStacks(outdir: string, current: readonly string[]): string[] {
  const keep = new Set(current);
  const stale = existingStacks(outdir).filter((name) => !keep.has(name));
  for (const name of stale) rmSync(join(outdir, STACKS, name), { recursive: true, force: true });
  return stale;
}

/**
 * After a failed run: the manifest and every stack's generated configuration go, so that nothing plans
 * the output of an earlier config; Terraform's working files stay.
 */
export function retractGeneratedOutput(outdir: string): void {
  rmSync(join(outdir, MANIFEST), { force: true });
  for (const name of existingStacks(outdir))
    rmSync(join(outdir, STACKS, name, "cdk.tf.json"), { force: true });
}

/**
 * The cdktf CLI lists the stack directories before it runs the app and removes the stale ones itself
 * afterwards, with an rmSync that fails on a directory already gone; under the CLI the app leaves them.
 * The CLI is known by the context it hands every app it runs.
 */
export function cdktfCliOwnsOutput(variables: NodeJS.ProcessEnv): boolean {
  return (
    variables.CDKTF_CONTEXT_JSON !== undefined &&
    variables.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS !== undefined
  );
}

function existingStacks(outdir: string): string[] {
  const dir = join(outdir, STACKS);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}
