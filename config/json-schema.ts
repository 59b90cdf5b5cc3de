/**
 * The JSON Schema editors use for completion and inline errors, generated from the zod schema so the
 * two cannot disagree. YAML files point at it with `# yaml-language-server: $schema=../schema.json`.
 */
import { z } from "zod";
import { environmentSchema } from "./schema";

export const SCHEMA_FILE = "config/schema.json";

export function environmentJsonSchema(): string {
  // "input": what a user writes, so keys with defaults are optional.
  const schema = z.toJSONSchema(environmentSchema, { io: "input", target: "draft-2020-12" });
  return `${JSON.stringify({ ...schema, title: "azure-openai-platform environment" }, null, 2)}\n`;
}
