/**
 * Constructor-time validation for construct props. Misuse throws at once, naming the construct path,
 * the prop, the value and what is allowed, so the stack trace is not the only clue.
 */
import { Token } from "cdktf";
import type { IConstruct } from "constructs";
import { NAME_RULES, type NamedResource } from "../catalog/name-rules";
import { TEXT_RULES, type TextRuleName } from "../catalog/text-rules";

export class PropError extends Error {
  constructor(scope: IConstruct, prop: string, value: unknown, allowed: string) {
    super(`${scope.node.path}: ${prop} ${allowed} (got ${JSON.stringify(value)})`);
    this.name = "PropError";
  }
}

/** Values only known at apply time (tokens) cannot be checked at synth. */
export function isKnown(value: unknown): boolean {
  return !Token.isUnresolved(value);
}

export function requireMatch(
  scope: IConstruct,
  prop: string,
  value: string,
  pattern: RegExp,
  allowed: string,
): void {
  if (isKnown(value) && !pattern.test(value)) throw new PropError(scope, prop, value, allowed);
}

export function requireLength(
  scope: IConstruct,
  prop: string,
  value: string,
  min: number,
  max: number,
): void {
  if (isKnown(value) && (value.length < min || value.length > max)) {
    throw new PropError(scope, prop, value, `must be ${min}-${max} characters`);
  }
}

export function requireOneOf<T extends string>(
  scope: IConstruct,
  prop: string,
  value: T,
  allowed: readonly T[],
): void {
  if (isKnown(value) && !allowed.includes(value)) {
    throw new PropError(scope, prop, value, `must be one of: ${allowed.join(", ")}`);
  }
}

/** A value of one of the catalog's text shapes (catalog/text-rules.ts); `entries` for list items. */
export function requireRule(
  scope: IConstruct,
  prop: string,
  value: string,
  rule: TextRuleName,
  subject: "" | "entries" = "",
): void {
  const allowed = `${subject ? `${subject} ` : ""}must ${TEXT_RULES[rule].allowed}`;
  requireMatch(scope, prop, value, TEXT_RULES[rule].pattern, allowed);
}

/** A resource name by Azure's naming rule for that resource (catalog/name-rules.ts). */
export function requireName(scope: IConstruct, prop: string, value: string, kind: NamedResource): void {
  const rule = NAME_RULES[kind];
  requireLength(scope, prop, value, rule.min, rule.max);
  requireMatch(scope, prop, value, rule.pattern, `may hold ${rule.allowed}`);
}
