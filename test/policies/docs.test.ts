import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GUARDRAILS_DOC, renderGuardrailsDoc } from "../../policies/docs";
import { RULES } from "../../policies/pack";

describe("docs/guardrails.md", () => {
  const committed = readFileSync(join(__dirname, "..", "..", GUARDRAILS_DOC), "utf8");

  it("is what npm run docs generates from the rules (run it after changing a rule)", () => {
    expect(committed).toBe(renderGuardrailsDoc());
  });

  it("has one row per rule, with its sources and fix", () => {
    for (const rule of RULES) {
      const row = committed.split("\n").find((l) => l.includes(`</a>${rule.id} |`));
      expect([rule.id, row?.includes(rule.fix.replace(/\|/g, "\\|"))]).toEqual([rule.id, true]);
      for (const id of rule.sources.checkov ?? []) expect(row).toContain(`Checkov ${id}`);
    }
  });
});
