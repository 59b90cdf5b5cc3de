import { resolveEstate } from "../../estate/resolve";
import { renderEstateReport } from "../../tools/estate-report";
import { load, validEnvironment } from "../helpers";

describe("the estate report", () => {
  const env = validEnvironment() as any;
  env.regions[0].fineTuning = { baseModels: ["gpt-4.1-mini"] };
  env.regions[0].deployments.push(
    {
      name: "reasoning",
      model: { name: "gpt-5.4", version: "2026-03-05" },
      type: "GlobalStandard",
      capacity: 20,
    },
    {
      name: "next",
      model: { name: "gpt-6", version: "2027-01-15" },
      type: "GlobalStandard",
      capacity: 30,
      uncatalogued: { reason: "Launched after the catalog's last update" },
    },
    {
      name: "support",
      model: { name: "gpt-4.1-mini-2025-04-14.ft-0123abcd", version: "1" },
      type: "Standard",
      capacity: 5,
      contentFilter: "weak",
    },
  );
  env.quotas = [
    {
      region: "swedencentral",
      model: "gpt-6",
      type: "GlobalStandard",
      capacity: 100,
      reason: "Granted with the launch",
    },
  ];
  env.contentFilters = {
    weak: { severity: { hate: { prompt: "High" } }, reason: "Moderation tool reads hateful posts" },
  };
  const estate = resolveEstate(load({ dev: env }), { today: "2026-11-30" });
  const report = renderEstateReport(estate, estate.environments[0]!, "2026-11-30");

  it("lists each deployment with its share of quota, filter and lifecycle", () => {
    expect(report).toContain(
      "| swedencentral | chat | gpt-5.1 2025-11-13 | reasoning | GlobalStandard | 10 × 1K TPM | 1% of 1000 | Microsoft.DefaultV2 | GA | 2027-05-15 |",
    );
  });

  it("marks a model deployed beyond the catalog, with the config's reason and its declared quota", () => {
    expect(report).toContain(
      "| swedencentral | next | gpt-6 2027-01-15 | unknown | GlobalStandard | 30 × 1K TPM | 30% of 100 (declared) | Microsoft.DefaultV2 | not in catalog: Launched after the catalog's last update | unknown |",
    );
  });

  it("says when the catalog has no quota for a model, and that fine-tuned ones draw on none", () => {
    expect(report).toContain("| GlobalStandard | 20 × 1K TPM | not in catalog |");
    expect(report).toContain(
      "| swedencentral | support | gpt-4.1-mini-2025-04-14.ft-0123abcd (fine-tuned gpt-4.1-mini-2025-04-14) | chat | Standard | 5 × 1K TPM | n/a | weak | GA | 2027-10-14 |",
    );
  });

  it("shows each fine-tuning base with its stage: gpt-4.1-mini trains while Legacy", () => {
    expect(report).toContain(
      "| swedencentral | gpt-4.1-mini 2025-04-14 | Legacy | 2027-04-14 | 2027-10-14 |",
    );
  });

  it("shows a weaker filter with its reason", () => {
    expect(report).toContain(
      "| weak | Microsoft.DefaultV2 | Default | hate prompt High (Moderation tool reads hateful posts) | none |",
    );
  });

  it("lists the environment's waivers with their reach, and how many findings each accepted", () => {
    const withWaiver = {
      ...env,
      contentFilters: { weak: { severity: { hate: { prompt: "High" } } } },
      waivers: [
        {
          rule: "AOAI-RAI2",
          resource: "azurerm_cognitive_account_rai_policy.content_filter_weak",
          reason: "Moderation tool reads hateful posts",
          expires: "2027-03-31",
        },
      ],
    };
    const e = resolveEstate(load({ dev: withWaiver }), { today: "2026-11-30" });
    const env0 = e.environments[0]!;
    const used = {
      errors: [],
      warnings: [],
      waived: [],
      findings: [],
      waivers: [{ waiver: env0.waivers[0]!, stacks: [], findings: 2 }],
    };
    const text = renderEstateReport(e, env0, "2026-11-30", used);
    expect(text).toContain("## Waivers");
    expect(text).toMatch(
      /\| AOAI-RAI2: Content filters are at least as strict as Microsoft.DefaultV2 \| `azurerm_cognitive_account_rai_policy.content_filter_weak` \| Moderation tool reads hateful posts \| 2027-03-31 \| 2 \| .*dev.yaml: waivers\[0\] \|/,
    );
    expect(renderEstateReport(e, env0, "2026-11-30")).toContain("| 2027-03-31 | not synthesized |");
    // The legacy reason shows as the waiver it stands for, declared at the old field.
    expect(report).toMatch(
      /\| Moderation tool reads hateful posts \| no expiry \| not synthesized \| .*dev.yaml: contentFilters.weak.reason \|/,
    );
  });
});
