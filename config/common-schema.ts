/**
 * Pieces several config sections share: GUIDs, stated reasons and Entra principals. One definition
 * each, so a message or a limit cannot drift between sections.
 */
import { z } from "zod";
import { NAME_RULES, type NamedResource } from "../catalog/name-rules";
import { TEXT_RULES, type TextRuleName } from "../catalog/text-rules";

/** A string of one of the catalog's text shapes (catalog/text-rules.ts), with its message. */
export const textOf = (rule: TextRuleName) =>
  z.string().regex(TEXT_RULES[rule].pattern, { error: `must ${TEXT_RULES[rule].allowed}` });

/** A resource name by Azure's naming rule for it (catalog/name-rules.ts). */
export const nameOf = (kind: NamedResource) => {
  const r = NAME_RULES[kind];
  return z
    .string()
    .min(r.min, { error: `must be ${r.min}-${r.max} characters` })
    .max(r.max, { error: `must be ${r.min}-${r.max} characters` })
    .regex(r.pattern, { error: `may hold ${r.allowed}` });
};

export const guid = (what: string) =>
  z.guid({ error: `must be a ${what} GUID such as 00000000-0000-0000-0000-000000000000` });

/** Why a setting departs from the secure or default choice; shown to reviewers. */
export const reason = z
  .string()
  .trim()
  .min(10, { error: "must say why, in at least 10 characters" })
  .max(256, { error: "must be at most 256 characters" });

export const PRINCIPAL_TYPES = ["User", "Group", "ServicePrincipal"] as const;

const displayName = z.string().min(1).max(120);

/** An identity named for reviewers: object ID and display name. */
export const identitySchema = z.strictObject({
  objectId: guid("Entra object").describe("Object ID of the user, group or service principal."),
  displayName: displayName.describe("Who this is, for reviewers."),
});

/** An Entra principal that is granted roles. */
export const principalSchema = z
  .strictObject({
    objectId: guid("Entra object").describe("Object ID of the user, group or service principal."),
    type: z
      .enum(PRINCIPAL_TYPES, { error: `must be one of: ${PRINCIPAL_TYPES.join(", ")}` })
      .describe("Entra principal type; lets Azure skip a directory lookup that new principals can fail."),
    displayName: displayName.describe(
      "Who this is, for reviewers: written to each assignment's description.",
    ),
  })
  .describe("An Entra ID principal.");
