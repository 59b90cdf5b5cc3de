/**
 * The shape of a guardrail rule. A rule is pure: it reads synthesized stacks and returns violations.
 * It never reads config or the construct tree, so it works on any Terraform JSON.
 */
import type { StackDocument, TfBlock } from "./document";

export type RuleLevel = "error" | "warning";

export interface RuleSources {
  /** Checkov check IDs this rule covers: the same fixture passes or fails in both (test/policies). */
  readonly checkov?: readonly string[];
  /** Azure Policy built-in definition GUIDs. */
  readonly azurePolicy?: readonly string[];
  /** Microsoft guidance or provider documentation. */
  readonly guidance?: readonly string[];
}

export interface Violation {
  readonly target: TfBlock;
  /** What is wrong on this block, in a phrase: `public_network_access_enabled is true`. */
  readonly detail: string;
}

/** What a rule sees: its stack, and every stack audited with it (for relations across stacks). */
export interface RuleContext {
  readonly stack: StackDocument;
  readonly stacks: readonly StackDocument[];
}

export interface Rule {
  /** Stable ID, used by waivers: never reuse or rename one. */
  readonly id: string;
  readonly level: RuleLevel;
  readonly title: string;
  /** Why it matters, in a sentence or two. */
  readonly rationale: string;
  /** What to change, in config terms where the estate has a setting for it. */
  readonly fix: string;
  readonly sources: RuleSources;
  /** Only for protected environments (locks, prevent_destroy, customer-managed keys). */
  readonly protectedOnly?: boolean;
  check(context: RuleContext): Violation[];
}
