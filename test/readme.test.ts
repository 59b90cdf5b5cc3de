/**
 * The README's error example is what the tool prints for the bundled dev file with capacity 0.
 */
import { readFileSync } from "node:fs";
import { formatIssue } from "../config/errors";
import { environmentDir, issuesOf } from "./helpers";
import { loadEnvironments } from "../config/load";

it("the README's config error example matches the bundled dev file", () => {
  const readme = readFileSync("README.md", "utf8");
  const example = readme.match(/ {2}- (config\/environments\/dev\.yaml:(\d+):\d+: .*)$/m);
  expect(example).not.toBeNull();
  const line = Number(example![2]);
  const lines = readFileSync("config/environments/dev.yaml", "utf8").split("\n");
  expect(lines[line - 1]).toMatch(/capacity: \d+/);
  lines[line - 1] = lines[line - 1]!.replace(/capacity: \d+/, "capacity: 0");
  const dir = environmentDir({ dev: lines.join("\n") });
  const [issue] = issuesOf(() => loadEnvironments(dir, []));
  expect(formatIssue({ ...issue!, file: "config/environments/dev.yaml" })).toBe(example![1]);
});
