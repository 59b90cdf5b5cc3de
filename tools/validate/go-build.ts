/**
 * Builds a binary from a Go module version served by the Go module proxy: download the module, copy it
 * (the module cache is read-only, and a go.mod `replace` only applies inside the main module), build.
 * The binary is written under a temporary name and renamed, so an interrupted build leaves no binary.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { GoBuild } from "./builds";

export class BuildError extends Error {
  constructor(
    readonly command: string,
    readonly output: string,
  ) {
    super(`${command}\n${output}`);
  }
}

export function goAvailable(): boolean {
  return spawnSync("go", ["version"], { encoding: "utf8" }).status === 0;
}

export function goBuild(build: GoBuild, destination: string, log: (line: string) => void): void {
  const work = mkdtempSync(join(tmpdir(), "aoai-gobuild-"));
  try {
    const env = { ...process.env, GOFLAGS: "-mod=mod", CGO_ENABLED: "0" };
    const download = run(
      "go",
      ["mod", "download", "-json", `${build.module}@${build.moduleVersion}`],
      work,
      env,
    );
    const dir = (JSON.parse(download) as { Dir?: string }).Dir;
    if (!dir) throw new BuildError(`go mod download ${build.module}@${build.moduleVersion}`, download);
    const source = join(work, "src");
    cpSync(dir, source, { recursive: true });
    makeWritable(source);
    mkdirSync(dirname(destination), { recursive: true });
    const partial = `${destination}.partial`;
    log(`building ${build.module} ${build.release} (go build ${build.package})`);
    run("go", ["build", "-trimpath", `-ldflags=${build.ldflags}`, "-o", partial, build.package], source, env);
    renameSync(partial, destination);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): string {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}`;
    throw new BuildError(`${command} ${args.join(" ")}`, output.trim());
  }
  return result.stdout;
}

function makeWritable(dir: string): void {
  // cpSync keeps the module cache's read-only modes; the build writes nothing there, but removal must work.
  spawnSync("chmod", ["-R", "u+w", dir]);
  chmodSync(dir, 0o755);
}
