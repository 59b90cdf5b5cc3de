/**
 * One error type for every problem found in config before synthesis, so the user sees all of them at
 * once, each with the file, the line, the path inside the file, the value and the fix.
 */
export type ConfigPath = readonly (string | number)[];

export interface ConfigIssue {
  /** The config file, relative to the working directory. */
  readonly file: string;
  /** Path inside the file, e.g. ["regions", 0, "deployments", 1, "capacity"]. Empty for the whole file. */
  readonly path: ConfigPath;
  /** What is wrong and what is allowed. */
  readonly message: string;
  /** The offending value, when there is one. */
  readonly value?: unknown;
  /** 1-based position in the file, when known. */
  readonly line?: number;
  readonly column?: number;
}

/** Renders a path as a reader would type it: regions[0].deployments[1].capacity */
export function formatPath(path: ConfigPath): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out || "(top level)";
}

function formatValue(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function formatIssue(issue: ConfigIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}:${issue.column ?? 1}` : issue.file;
  const got = "value" in issue && issue.value !== undefined ? ` (got ${formatValue(issue.value)})` : "";
  const path = issue.path.length > 0 ? `${formatPath(issue.path)}: ` : "";
  return `${where}: ${path}${issue.message}${got}`;
}

export class ConfigError extends Error {
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(
      `invalid configuration (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n` +
        issues.map((i) => `  - ${formatIssue(i)}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}
