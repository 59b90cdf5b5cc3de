import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateCommand } from "../../../tools/validate/command";

function run(argv: string[]) {
  const errors: string[] = [];
  const out: string[] = [];
  const error = jest.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
  const log = jest.spyOn(console, "log").mockImplementation((line: string) => void out.push(line));
  try {
    return { code: validateCommand(argv), errors, out };
  } finally {
    error.mockRestore();
    log.mockRestore();
  }
}

describe("npm run validate, command line", () => {
  it("answers --help with the usage", () => {
    const r = run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^usage: npm run validate -- \[<outdir>…\]/);
  });

  it("asks for a synth first when the output directory has no manifest", () => {
    const empty = mkdtempSync(join(tmpdir(), "aoai-empty-out-"));
    const r = run([empty]);
    expect(r.code).toBe(2);
    expect(r.errors).toEqual([
      `validate: no ${join(empty, "manifest.json")}: run npm run synth first; see --help`,
    ]);
  });

  it("refuses an unknown flag in one line", () => {
    const r = run(["--nope"]);
    expect(r.code).toBe(2);
    expect(r.errors).toEqual(["validate: unknown option '--nope'; see --help"]);
  });
});
