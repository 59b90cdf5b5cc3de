/**
 * Finds the stacks to audit in what the user points at: a cdktf output directory (`cdktf.out`, with
 * stacks/<name>/cdk.tf.json), its stacks directory, one stack's directory, or a directory or file of
 * hand-written Terraform JSON (*.tf.json, merged per directory as Terraform merges a module's files).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { UsageError } from "../usage-error";

export interface StackInput {
  readonly name: string;
  /** The file findings point at (the first file, for a merged directory). */
  readonly file: string;
  readonly json: Record<string, unknown>;
}

function read(file: string): Record<string, unknown> {
  try {
    const json = JSON.parse(readFileSync(file, "utf8"));
    if (typeof json !== "object" || json === null || Array.isArray(json))
      throw new Error("not a JSON object");
    return json;
  } catch (error) {
    throw new UsageError(`${file} is not Terraform JSON: ${(error as Error).message}`);
  }
}

/** Merges a module's files: each top-level section, and each block type in it, is the union. */
function merge(files: readonly string[]): Record<string, unknown> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const file of files) {
    for (const [section, value] of Object.entries(read(file))) {
      if (typeof value !== "object" || value === null || Array.isArray(value)) continue;
      out[section] ??= {};
      for (const [key, inner] of Object.entries(value)) {
        const prior = out[section][key];
        out[section][key] =
          typeof prior === "object" && prior && typeof inner === "object" && inner && !Array.isArray(inner)
            ? { ...prior, ...inner }
            : inner;
      }
    }
  }
  return out;
}

const STACK_FILE = "cdk.tf.json";

function stackDirs(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .map((d) => join(dir, d))
    .filter((d) => statSync(d).isDirectory() && existsSync(join(d, STACK_FILE)));
}

export function findStacks(target: string): StackInput[] {
  if (!existsSync(target)) throw new UsageError(`${target} does not exist`);
  if (statSync(target).isFile()) {
    const name =
      basename(target) === STACK_FILE
        ? basename(join(target, ".."))
        : basename(target).replace(/\.tf\.json$|\.json$/, "");
    return [{ name, file: target, json: read(target) }];
  }
  const stacksDir = join(target, "stacks");
  const dirs = existsSync(stacksDir) ? stackDirs(stacksDir) : stackDirs(target);
  if (dirs.length > 0)
    return dirs.map((d) => ({
      name: basename(d),
      file: join(d, STACK_FILE),
      json: read(join(d, STACK_FILE)),
    }));
  if (existsSync(join(target, STACK_FILE)))
    return [{ name: basename(target), file: join(target, STACK_FILE), json: read(join(target, STACK_FILE)) }];
  const files = readdirSync(target)
    .filter((f) => f.endsWith(".tf.json"))
    .sort()
    .map((f) => join(target, f));
  if (files.length === 0)
    throw new UsageError(
      `${target} holds no synthesized stack (stacks/<name>/cdk.tf.json) and no *.tf.json file`,
    );
  return [{ name: basename(target), file: files[0]!, json: merge(files) }];
}
