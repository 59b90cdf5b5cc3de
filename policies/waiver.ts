/**
 * A waiver: one rule, on the resources a pattern names, for a stated reason, until an optional date.
 * The single way to accept a finding; the config's `waivers:` and `npm run audit -- --waivers` both
 * produce these.
 */
import { glob } from "./glob";

export interface Waiver {
  /** Rule ID, e.g. AOAI-ACC1. */
  readonly rule: string;
  /**
   * What it covers, matched against the Terraform address (`azurerm_cognitive_account.openai`), the
   * address in its stack (`prod-swedencentral/azurerm_cognitive_account.openai`) and the construct path.
   * `*` matches any run of characters.
   */
  readonly resource: string;
  /** Why the finding is accepted: a real sentence, shown in the estate report and the plan review. */
  readonly reason: string;
  /** Last day (YYYY-MM-DD) the waiver holds; after it the waiver is an error. */
  readonly expires?: string;
  /** Where it was declared, for messages: `config/environments/prod.yaml: waivers[0]`. */
  readonly source?: string;
}

/** Whether the waiver's pattern names this block. */
export function waiverCovers(
  waiver: Waiver,
  target: { stack: string; address: string; path: string },
): boolean {
  const re = glob(waiver.resource);
  return re.test(target.address) || re.test(`${target.stack}/${target.address}`) || re.test(target.path);
}

/** Whether the waiver has run out on `today` (YYYY-MM-DD): it holds through its expiry day. */
export const waiverExpired = (waiver: Waiver, today: string): boolean =>
  waiver.expires !== undefined && waiver.expires < today;

/** A stable identity for one declared waiver, to count its uses across the stacks it travels with. */
export const waiverKey = (w: Waiver): string =>
  [w.source ?? "", w.rule, w.resource, w.expires ?? ""].join("\u0000");
