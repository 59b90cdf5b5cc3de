/**
 * docs/guardrails.md, generated from the rules themselves (`npm run docs`), so the table cannot drift
 * from the pack: a test compares the committed file with this output.
 */
import { RULES, WAIVER_RULE } from "./pack";
import type { Rule } from "./rule";

export const GUARDRAILS_DOC = "docs/guardrails.md";

const AZURE_POLICY =
  "https://portal.azure.com/#view/Microsoft_Azure_Policy/PolicyDetailBlade/definitionId/%2Fproviders%2FMicrosoft.Authorization%2FpolicyDefinitions%2F";
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

function sources(rule: Rule): string {
  const s = rule.sources;
  return [
    ...(s.checkov ?? []).map((id) => `Checkov ${id}`),
    ...(s.azurePolicy ?? []).map((g) => `[Azure Policy ${g.slice(0, 8)}](${AZURE_POLICY}${g})`),
    ...(s.guidance ?? []),
  ].join("<br>");
}

export function renderGuardrailsDoc(): string {
  const rows = RULES.map(
    (r) =>
      `| <a id="${r.id.toLowerCase()}"></a>${r.id} | ${r.level}${r.protectedOnly ? " (protected)" : ""} | ${cell(r.title)} | ${cell(r.rationale)} | ${cell(r.fix)} | ${sources(r)} |`,
  );
  return `<!-- Generated from policies/rules by \`npm run docs\`; do not edit. -->
# Guardrails

Every stack passes this rule pack when it is synthesized (a cdktf aspect per stack), and
\`npm run audit -- <cdktf.out | stacks dir | *.tf.json>\` runs it over any Terraform JSON, this project's
or not, with a text, JSON or SARIF report. The rules read the synthesized resources and the relations
between them (a private endpoint's zones in another stack, a deployment's filter on its own account),
never the config, so what they judge is what Terraform will be asked to build.

- An unwaived **error** fails the synth, listing every finding with its construct path, rule and fix.
- A **warning** is printed; the bundled estate has none.
- **(protected)** rules apply to protected environments only (\`protected: true\`, the default). Output
  this project did not write counts as protected unless \`npm run audit -- --unprotected <stack glob>\` says otherwise.

## Waivers

A secure default can be turned off, deliberately. The environment file says so under \`waivers:\`, and
that is the only way: a waiver names the rule, what it covers, why, and optionally until when.

\`\`\`yaml
waivers:
  - rule: AOAI-ACC6
    # an address; or the same in one stack (lz-swedencentral/...), a construct path, a pattern with *
    resource: azurerm_cognitive_account.openai
    reason: AI Search in the landing zone indexes with the account's embeddings by managed identity.
    expires: 2027-06-30 # optional; the day after, synth fails
\`\`\`

- A waived finding passes, and is listed in the estate report and the plan review with its reason.
- An expired waiver, or one naming no rule, is an error (${WAIVER_RULE}); one that matches nothing is a warning.
- Waivers travel in each stack's output (\`//.guardrails\`), so \`npm run audit -- cdktf.out\` judges exactly
  as synth did. For other output, \`npm run audit -- --waivers <file.yaml>\` takes the same list.
- Before waivers, three fields carried reasons: \`network.publicAccess.reason\`, a content filter's
  \`reason\` and a privileged grant's \`reason\`. They still work, as the waiver each stands for
  (AOAI-ACC1, AOAI-RAI2, AOAI-IAM1), and synth warns with the waiver to write instead.
  Quota and \`uncatalogued\` reasons are not waivers: they record facts the catalog lacks, not deviations.

## Rules

| Rule | Level | Title | Why | Fix | Sources |
|---|---|---|---|---|---|
${rows.join("\n")}

Checkov checks listed for a rule agree with it on the same fixtures (test/policies/checkov-agreement.test.ts):
the fixture passes or fails in both. Where they differ on purpose (an empty FQDN list, the inline key block,
a public vault with IP rules, identity type None, more than 1,000 FQDNs), the test lists why and checks the
difference still holds.
`;
}
