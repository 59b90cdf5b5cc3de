/** `npm run docs`: writes docs/guardrails.md from the rule pack. */
import { writeFileSync } from "node:fs";
import { GUARDRAILS_DOC, renderGuardrailsDoc } from "../policies/docs";

writeFileSync(GUARDRAILS_DOC, renderGuardrailsDoc());
process.stdout.write(`wrote ${GUARDRAILS_DOC}\n`);
