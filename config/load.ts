/**
 * Reads environment files: YAML → zod → EnvironmentConfig, with every problem located in its file.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { isMap, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { ConfigError, type ConfigIssue, type ConfigPath } from "./errors";
import { environmentSchema, type EnvironmentConfig } from "./schema";
import { keysAt } from "./json-schema";
import { closest } from "./suggest";

export const ENVIRONMENTS_DIR = "config/environments";

/** A validated environment and where it came from, so later stages can locate their own errors. */
export interface LoadedEnvironment {
  readonly file: string;
  readonly config: EnvironmentConfig;
  /** Builds an issue at a path of this file, with its line and column. */
  issueAt(path: ConfigPath, message: string, value?: unknown): ConfigIssue;
}

type Locator = (path: ConfigPath, key?: string) => { line: number; column: number } | undefined;

function locator(doc: Document, lines: LineCounter): Locator {
  return (path, key) => {
    const nodePath = key === undefined ? path : [...path, key];
    for (let n = nodePath.length; n >= 0; n--) {
      const sub = nodePath.slice(0, n);
      const last = sub[sub.length - 1];
      // For an unknown key, point at the key itself rather than its value.
      const parent = sub.length === 0 ? doc.contents : doc.getIn(sub.slice(0, -1), true);
      let node: unknown = sub.length === 0 ? doc.contents : doc.getIn(sub, true);
      if (isMap(parent) && typeof last === "string") {
        const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === last);
        if (pair && key !== undefined && n === nodePath.length) node = pair.key;
      }
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) {
        const pos = lines.linePos(range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return undefined;
  };
}

function valueAt(data: unknown, path: ConfigPath): unknown {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

type ZodIssue = z.ZodError["issues"][number];

/**
 * zod reports a bad record key as "Invalid key in record" and a value that fits no branch of a union as
 * "Invalid input", with the reason inside: bring the reason out, at the key or the field it is about. Of
 * a union's branches, the one with the fewest problems is the one the user meant.
 */
function reasons(issues: readonly ZodIssue[], prefix: readonly PropertyKey[] = []): ZodIssue[] {
  return issues.flatMap((issue): ZodIssue[] => {
    const path = [...prefix, ...issue.path];
    if (issue.code === "invalid_key" && issue.issues.length > 0)
      return reasons(issue.issues as ZodIssue[], path);
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
      return reasons(closest as ZodIssue[], path);
    }
    return [{ ...issue, path } as ZodIssue];
  });
}

function zodIssues(file: string, error: z.ZodError, data: unknown, locate: Locator): ConfigIssue[] {
  return reasons(error.issues).map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    if (issue.code === "unrecognized_keys") {
      const keys = issue.keys.map((k) => `"${k}"`).join(", ");
      const meant = issue.keys.length === 1 ? closest(issue.keys[0]!, keysAt(path)) : undefined;
      return {
        file,
        path,
        message:
          `unknown key${issue.keys.length > 1 ? "s" : ""} ${keys}: ` +
          (meant ? `did you mean "${meant}"?` : "check the spelling against config/schema.json"),
        ...locate(path, issue.keys[0]),
      };
    }
    const value = valueAt(data, path);
    return { file, path, message: issue.message, value, ...locate(path) };
  });
}

/** Loads and validates one environment file; throws ConfigError with every problem in it. */
export function loadEnvironmentFile(filePath: string): LoadedEnvironment {
  const file = relative(process.cwd(), filePath) || filePath;
  const text = readFileSync(filePath, "utf8");
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return {
          file,
          path: [],
          message: `not valid YAML: ${e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`,
          line: pos?.line,
          column: pos?.col,
        };
      }),
    );
  }
  const data: unknown = doc.toJS();
  const locate = locator(doc, lines);
  const issueAt = (path: ConfigPath, message: string, value?: unknown): ConfigIssue => ({
    file,
    path,
    message,
    value,
    ...locate(path),
  });
  const parsed = environmentSchema.safeParse(data ?? {});
  if (!parsed.success) throw new ConfigError(zodIssues(file, parsed.error, data, locate));

  const expected = basename(filePath).replace(/\.ya?ml$/, "");
  if (parsed.data.name !== expected) {
    throw new ConfigError([
      issueAt(
        ["name"],
        `must match the file name: rename the file to ${parsed.data.name}.yaml or set name: ${expected}`,
        parsed.data.name,
      ),
    ]);
  }
  return { file, config: parsed.data, issueAt };
}

/** Environment files in a directory, by environment name (the file name without .yaml). */
export function environmentFiles(dir: string = ENVIRONMENTS_DIR): Map<string, string> {
  const files = new Map<string, string>();
  const twice: ConfigIssue[] = [];
  for (const f of readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const name = f.replace(/\.ya?ml$/, "");
    const other = files.get(name);
    // One environment per name: dev.yaml beside dev.yml would silently drop one of them.
    if (other)
      twice.push({
        file: join(dir, f),
        path: [],
        message: `defines environment ${name} again, as ${other} does: keep one`,
      });
    else files.set(name, join(dir, f));
  }
  if (twice.length > 0) throw new ConfigError(twice);
  return files;
}

/**
 * Loads the named environments (all when `names` is empty). Problems in every file are collected
 * and thrown together.
 */
export function loadEnvironments(
  dir: string = ENVIRONMENTS_DIR,
  names: readonly string[] = [],
): LoadedEnvironment[] {
  const files = environmentFiles(dir);
  const available = [...files.keys()];
  const unknown = names.filter((n) => !files.has(n));
  if (unknown.length > 0) {
    throw new ConfigError(
      unknown.map((n) => ({
        file: dir,
        path: [],
        message: `unknown environment "${n}"; ${dir} has: ${available.join(", ") || "none"}`,
      })),
    );
  }
  const selected = names.length > 0 ? available.filter((n) => names.includes(n)) : available;
  if (selected.length === 0) {
    throw new ConfigError([{ file: dir, path: [], message: "no environment files (<name>.yaml) found" }]);
  }
  const loaded: LoadedEnvironment[] = [];
  const issues: ConfigIssue[] = [];
  for (const name of selected) {
    try {
      loaded.push(loadEnvironmentFile(files.get(name)!));
    } catch (e) {
      if (e instanceof ConfigError) issues.push(...e.issues);
      else throw e;
    }
  }
  if (issues.length > 0) throw new ConfigError(issues);
  return loaded;
}
