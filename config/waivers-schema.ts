/**
 * waivers: the one way to accept a guardrail finding (docs/guardrails.md). Each names a rule, the
 * resources it covers, why, and optionally until when; an expired waiver fails synth.
 */
import { z } from "zod";
import { RULE_IDS } from "../policies/pack";
import { reason } from "./common-schema";
import { closest } from "./suggest";

/** Text that stands in for a reason without giving one. */
const PLACEHOLDER = /^\s*(todo|tbd|n\/?a|none|fixme|temporary|temp|see ticket|approved|because)\b/i;

export const waiverSchema = z
  .strictObject({
    rule: z
      .string()
      .refine((id) => RULE_IDS.includes(id), {
        error: (issue) => {
          const near = closest(String(issue.input), RULE_IDS);
          return `is not a guardrail rule${near ? `; did you mean ${near}?` : ""} (docs/guardrails.md lists them)`;
        },
      })
      .describe("Rule ID from docs/guardrails.md, e.g. AOAI-ACC6."),
    resource: z
      .string()
      .min(1)
      .describe(
        "What the waiver covers: a Terraform address (azurerm_cognitive_account.openai), the same in one stack " +
          "(lz-swedencentral/azurerm_cognitive_account.openai) or a construct path; * matches anything.",
      ),
    reason: reason
      .refine(
        (text) => text.split(/\s+/).filter((w) => /[a-z]/i.test(w)).length >= 4 && !PLACEHOLDER.test(text),
        {
          error: "must say why in a sentence a reviewer can check (at least four words, no placeholder)",
        },
      )
      .describe(
        "Why the finding is accepted, in a sentence: shown in the estate report and the plan review.",
      ),
    expires: z.iso
      .date({ error: "must be a date, YYYY-MM-DD" })
      .optional()
      .describe(
        "Last day the waiver holds; afterwards synth fails until it is renewed or the finding fixed.",
      ),
  })
  .describe("Accepts one guardrail finding, deliberately.");

export const waiversSchema = z
  .array(waiverSchema)
  .default([])
  .describe("Guardrail findings this environment accepts, each with its reason (docs/guardrails.md).");
