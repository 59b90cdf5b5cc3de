/**
 * The guardrail report as SARIF 2.1.0, for GitHub code scanning: one rule per guardrail with its
 * sources, one result per finding at the block's line; waived findings carry a suppression with the
 * waiver's reason, so code scanning shows them as dismissed rather than hiding them.
 */
import { isAbsolute, relative } from "node:path";
import { pathToFileURL } from "node:url";
import type { Finding, GuardrailReport } from "../../policies/evaluate";
import { RULES, WAIVER_RULE } from "../../policies/pack";

/** Where each rule is explained, relative to the repository root (SARIF viewers show it as a property). */
const RULES_DOC = "docs/guardrails.md";

export interface SarifInput {
  readonly report: GuardrailReport;
  /** The file each stack was read from. */
  readonly files: ReadonlyMap<string, string>;
  /** The line of a block in its stack's file. */
  readonly lineOf: (stack: string, address: string) => number | undefined;
  /** Paths in the report are relative to this directory (the repository root). */
  readonly root: string;
  readonly version: string;
}

/** A file inside the root as a path from %SRCROOT% (what code scanning places); outside it, a file URI. */
function artifact(file: string, root: string) {
  const path = relative(root, file).split("\\").join("/");
  return path.startsWith("../") || isAbsolute(path)
    ? { uri: pathToFileURL(file).href }
    : { uri: path, uriBaseId: "%SRCROOT%" };
}

function location(f: Finding, input: SarifInput) {
  const file = input.files.get(f.stack);
  const line = input.lineOf(f.stack, f.address);
  return {
    ...(file
      ? {
          physicalLocation: {
            artifactLocation: artifact(file, input.root),
            ...(line ? { region: { startLine: line } } : {}),
          },
        }
      : {}),
    logicalLocations: [{ fullyQualifiedName: `${f.stack}/${f.address}`, kind: "resource" }],
  };
}

export function toSarif(input: SarifInput): Record<string, unknown> {
  const rules = [
    ...RULES.map((r) => ({
      id: r.id,
      name: r.id,
      shortDescription: { text: r.title },
      fullDescription: { text: r.rationale },
      help: { text: r.fix },
      defaultConfiguration: { level: r.level },
      properties: {
        checkov: r.sources.checkov ?? [],
        azurePolicy: r.sources.azurePolicy ?? [],
        guidance: r.sources.guidance ?? [],
        protectedOnly: r.protectedOnly ?? false,
        documentation: `${RULES_DOC}#${r.id.toLowerCase()}`,
      },
    })),
    {
      id: WAIVER_RULE,
      name: WAIVER_RULE,
      shortDescription: { text: "Waivers are current and name a rule" },
      help: { text: "Renew or remove the waiver." },
      defaultConfiguration: { level: "error" },
    },
  ];
  const results = input.report.findings.map((f) => ({
    ruleId: f.rule,
    level: f.level,
    message: { text: `${f.address}: ${f.detail}. Fix: ${f.fix}` },
    locations: [location(f, input)],
    ...(f.waiver
      ? {
          suppressions: [
            {
              kind: "external",
              justification: `${f.waiver.reason}${f.waiver.expires ? ` (until ${f.waiver.expires})` : ""}`,
            },
          ],
        }
      : {}),
  }));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        originalUriBaseIds: { "%SRCROOT%": { uri: `${pathToFileURL(input.root).href}/` } },
        tool: {
          driver: {
            name: "azure-openai-platform guardrails",
            version: input.version,
            rules,
          },
        },
        results,
      },
    ],
  };
}
