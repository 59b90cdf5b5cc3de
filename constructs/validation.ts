/**
 * Constructor-time validation for construct props. Misuse throws at once, naming the construct path,
 * the prop, the value and what is allowed, so the stack trace is not the only clue.
 */
import { Token } from "cdktf";
import type { IConstruct } from "constructs";

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

/** Patterns several constructs check against. */
export const PATTERNS = {
  guid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  ipv4OrCidr:
    /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\/(3[0-2]|[12]?\d))?$/,
  /** RAI policies, blocklists and their items: letters, digits, '-', '.', '_' and '~'. */
  raiName: /^[A-Za-z0-9][A-Za-z0-9._~-]{1,63}$/,
  /** Storage accounts: 3-24 lower-case letters or digits, globally unique. */
  storageAccountName: /^[a-z0-9]{3,24}$/,
} as const;
