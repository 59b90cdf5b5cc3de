/**
 * Building blocks the rules share: per-resource attribute checks and "is there a resource that points
 * at this one" relations. Each rule file stays a short declaration of what it checks and why.
 */
import { blocks, ofType, references, type StackDocument, type TfBlock } from "./document";
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

/** The private endpoints in `doc` connecting to `target`, each with its connection block. */
export function connectionsTo(
  doc: StackDocument,
  target: TfBlock,
): { endpoint: TfBlock; connection: Readonly<Record<string, unknown>> }[] {
  return ofType(doc, "azurerm_private_endpoint").flatMap((endpoint) =>
    blocks(endpoint.values["private_service_connection"])
      .filter((c) => references(c["private_connection_resource_id"], target))
      .map((connection) => ({ endpoint, connection })),
  );
}

/** `attribute is <value>` for messages; `attribute is not set` when absent. */
export function shown(name: string, value: unknown): string {
  return value === undefined ? `${name} is not set` : `${name} is ${JSON.stringify(value)}`;
}

/** Cognitive Services accounts that serve Azure OpenAI models: kinds OpenAI and AIServices. */
export const OPENAI_KINDS = ["OpenAI", "AIServices"];
