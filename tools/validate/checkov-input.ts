/**
 * What Checkov reads. Checkov 3.3.30's terraform_json parser rejects a file with a top-level `moved` block
 * (a parsing error, and no checks at all for that stack), and moved blocks carry nothing a security check
 * reads. Each stacks directory is copied with its moved blocks blanked out, line for line, so the line
 * numbers Checkov reports still point into the real cdk.tf.json.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The text with its top-level `"moved": [ … ],` replaced by as many empty lines. */
export function withoutMovedBlocks(text: string): string {
  // cdktf writes top-level keys two spaces in, the closing bracket at the same indent; "moved" is never last.
  return text.replace(/^ {2}"moved": \[\n[\s\S]*?\n {2}\],\n/m, (block) =>
    "\n".repeat(block.split("\n").length - 1),
  );
}

/** A copy of a cdktf `stacks` directory for Checkov: <dir>/<stack>/cdk.tf.json, moved blocks blanked. */
export function checkovCopy(stacksDir: string): string {
  const copy = mkdtempSync(join(tmpdir(), "aoai-checkov-"));
  for (const stack of readdirSync(stacksDir)) {
    const file = join(stacksDir, stack, "cdk.tf.json");
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    mkdirSync(join(copy, stack));
    writeFileSync(join(copy, stack, "cdk.tf.json"), withoutMovedBlocks(text));
  }
  return copy;
}
