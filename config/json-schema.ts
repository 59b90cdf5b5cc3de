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

type JsonSchema = {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
};

let inputSchema: JsonSchema | undefined;

/** The keys an object at this path of an environment file may have (for "did you mean"). */
export function keysAt(path: readonly (string | number)[]): string[] {
  inputSchema ??= z.toJSONSchema(environmentSchema, { io: "input" }) as JsonSchema;
  let nodes: JsonSchema[] = [inputSchema];
  const expand = (n: JsonSchema): JsonSchema[] => [
    n,
    ...[...(n.anyOf ?? []), ...(n.oneOf ?? [])].flatMap(expand),
  ];
  for (const step of path) {
    nodes = nodes.flatMap(expand).flatMap((n) => {
      if (typeof step === "number") return n.items ? [n.items] : [];
      const next =
        n.properties?.[step] ??
        (typeof n.additionalProperties === "object" ? n.additionalProperties : undefined);
      return next ? [next] : [];
    });
  }
  return [...new Set(nodes.flatMap(expand).flatMap((n) => Object.keys(n.properties ?? {})))];
}
