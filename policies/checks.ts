/**
 * Building blocks the rules share: per-resource attribute checks and "is there a resource that points
 * at this one" relations. Each rule file stays a short declaration of what it checks and why.
 */
import { ofType, references, type StackDocument, type TfBlock } from "./document";
import type { Rule, RuleContext, Violation } from "./rule";

export type RuleInfo = Omit<Rule, "check">;

/**
 * A rule over every resource of some types: `test` returns what is wrong, or undefined when the
 * resource complies.
 */
export function resourceRule(
  info: RuleInfo,
  types: readonly string[],
  test: (
    values: Readonly<Record<string, unknown>>,
    resource: TfBlock,
    context: RuleContext,
  ) => string | undefined,
): Rule {
  return {
    ...info,
    check(context) {
      return context.stack.resources
        .filter((r) => types.includes(r.type))
        .flatMap((r): Violation[] => {
          const detail = test(r.values, r, context);
          return detail === undefined ? [] : [{ target: r, detail }];
        });
    },
  };
}

/** Resources of `type` in `doc` with an attribute (at `path`) that references `target`. */
export function pointingAt(
  doc: StackDocument,
  type: string,
  target: TfBlock,
  pick: (v: Readonly<Record<string, unknown>>) => unknown,
): TfBlock[] {
  return ofType(doc, type).filter((r) => references(pick(r.values), target));
}

/** `attribute is <value>` for messages; `attribute is not set` when absent. */
export function shown(name: string, value: unknown): string {
  return value === undefined ? `${name} is not set` : `${name} is ${JSON.stringify(value)}`;
}

/** Cognitive Services accounts that serve Azure OpenAI models: kinds OpenAI and AIServices. */
export const OPENAI_KINDS = ["OpenAI", "AIServices"];
