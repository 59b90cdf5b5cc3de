/**
 * Content filter config → RAI policies: presets, per-category thresholds, the weaker-than-default rule,
 * references from deployments and blocklists.
 */
import { problemsOf, resolveObjects, validEnvironment } from "../helpers";

function env(
  contentFilters: Record<string, unknown>,
  extra: Record<string, unknown> = {},
  filter = "Microsoft.DefaultV2",
) {
  const e = validEnvironment() as any;
  e.regions[0].deployments[0].contentFilter = filter;
  return { ...e, contentFilters, ...extra };
}
const resolve = (e: Record<string, unknown>) => resolveObjects([e]).environments[0]!;
const problems = (e: Record<string, unknown>) => problemsOf([e]);
const filterOf = (e: Record<string, unknown>, name: string) =>
  resolve(e).contentFilters.find((f) => f.name === name)!;
const threshold = (f: ReturnType<typeof filterOf>, name: string, source: string) =>
  f.filters.find((x) => x.name === name && x.source === source);

describe("content filters", () => {
  it("default preset: Medium on every harm category both ways, jailbreak and protected material on", () => {
    const f = filterOf(env({ chat: {} }), "chat");
    expect(f.basePolicyName).toBe("Microsoft.DefaultV2");
    expect(f.mode).toBe("Default");
    for (const harm of ["Hate", "Sexual", "Violence", "Selfharm"]) {
      for (const source of ["Prompt", "Completion"]) {
        expect(threshold(f, harm, source)).toEqual({
          name: harm,
          source,
          enabled: true,
          blocking: true,
          severityThreshold: "Medium",
        });
      }
    }
    expect(threshold(f, "Jailbreak", "Prompt")).toMatchObject({ enabled: true, blocking: true });
    expect(threshold(f, "Indirect Attack", "Prompt")).toMatchObject({ enabled: false });
    expect(threshold(f, "Protected Material Text", "Completion")).toMatchObject({
      enabled: true,
      blocking: true,
    });
    expect(threshold(f, "Protected Material Code", "Completion")).toMatchObject({
      enabled: true,
      blocking: true,
    });
    expect(f.filters).toHaveLength(14);
    expect(f.weakerThanDefault).toEqual([]);
    expect(f.tags["weaker-filter-reason"]).toBeUndefined();
  });

  it("writes the binary filters with the threshold azurerm requires and Azure ignores (High), in order", () => {
    const f = filterOf(env({ chat: { profanity: true } }), "chat");
    const binary = (name: string, source: string, on: boolean) => ({
      name,
      source,
      enabled: on,
      blocking: on,
      severityThreshold: "High",
    });
    expect(f.filters.slice(8)).toEqual([
      binary("Jailbreak", "Prompt", true),
      binary("Indirect Attack", "Prompt", false),
      binary("Protected Material Text", "Completion", true),
      binary("Protected Material Code", "Completion", true),
      binary("Profanity", "Prompt", true),
      binary("Profanity", "Completion", true),
    ]);
    expect(filterOf(env({ chat: {} }), "chat").filters.filter((x) => x.name === "Profanity")).toEqual([
      binary("Profanity", "Prompt", false),
      binary("Profanity", "Completion", false),
    ]);
  });

  it("turns a category Off into a disabled filter at the High threshold azurerm still requires", () => {
    const f = filterOf(
      env({
        chat: {
          severity: { hate: { prompt: "Off" } },
          reason: "Moderation tooling must see raw hate speech",
        },
      }),
      "chat",
    );
    expect(threshold(f, "Hate", "Prompt")).toEqual({
      name: "Hate",
      source: "Prompt",
      enabled: false,
      blocking: false,
      severityThreshold: "High",
    });
  });

  it("has no policies when the environment defines none", () => {
    expect(resolve(env({})).contentFilters).toEqual([]);
  });

  it("strict preset: Low everywhere, every shield and profanity on", () => {
    const f = filterOf(env({ tight: { preset: "strict" } }), "tight");
    const harms = f.filters.filter((x) => ["Hate", "Sexual", "Violence", "Selfharm"].includes(x.name));
    expect(new Set(harms.map((x) => x.severityThreshold))).toEqual(new Set(["Low"]));
    expect(
      f.filters
        .filter((x) => !["Hate", "Sexual", "Violence", "Selfharm"].includes(x.name))
        .every((x) => x.enabled),
    ).toBe(true);
  });

  it("applies per-category thresholds over the preset", () => {
    const f = filterOf(
      env({ chat: { preset: "strict", severity: { violence: { completion: "Medium" } } } }),
      "chat",
    );
    expect(threshold(f, "Violence", "Completion")?.severityThreshold).toBe("Medium");
    expect(threshold(f, "Violence", "Prompt")?.severityThreshold).toBe("Low");
  });

  it("records how a filter is weaker than Microsoft's default, and leaves the verdict to AOAI-RAI2", () => {
    const lax = filterOf(
      env({
        lax: {
          severity: { hate: { prompt: "High" }, sexual: { completion: "Off" } },
          jailbreak: false,
          protectedMaterial: false,
          mode: "Asynchronous_filter",
        },
      }),
      "lax",
    );
    expect(lax.weakerThanDefault).toEqual([
      "hate prompt High",
      "sexual completion Off",
      "jailbreak shield off",
      "protected material off",
      "asynchronous filtering",
    ]);
  });

  it("reads a filter's reason as a waiver of AOAI-RAI2 on that filter", () => {
    const reason = "Medical triage: symptom descriptions trip the self-harm filter at Medium";
    const e = resolve(env({ "med-triage": { severity: { selfHarm: { prompt: "High" } }, reason } }));
    expect(e.waivers).toEqual([
      expect.objectContaining({
        rule: "AOAI-RAI2",
        resource: "azurerm_cognitive_account_rai_policy.content_filter_med_triage",
        reason,
      }),
    ]);
  });

  it("accepts it with a reason, turns Off into a disabled filter and records what is weaker", () => {
    const reason = "Medical triage: symptom descriptions trip the self-harm filter at Medium";
    const f = filterOf(
      env({ medical: { severity: { selfHarm: { prompt: "High", completion: "Off" } }, reason } }),
      "medical",
    );
    expect(f.reason).toBe(reason);
    expect(f.weakerThanDefault).toEqual(["selfHarm prompt High", "selfHarm completion Off"]);
    // The reason travels with the policy, so it shows in every plan.
    expect(f.tags).toMatchObject({ "weaker-filter-reason": reason, environment: "dev" });
    expect(threshold(f, "Selfharm", "Completion")).toMatchObject({ enabled: false, blocking: false });
  });

  it("needs every deployment's filter to exist, and refuses Microsoft.Default", () => {
    expect(problems(env({}, {}, "strict"))).toEqual([
      {
        path: "regions.0.deployments.0.contentFilter",
        message:
          "is not a content filter of this environment: define it under contentFilters, or use Microsoft.DefaultV2",
      },
    ]);
    expect(problems(env({}, {}, "Microsoft.Default"))).toEqual([
      {
        path: "regions.0.deployments.0.contentFilter",
        message:
          "Microsoft.Default has no Prompt Shields or protected-material filters: use Microsoft.DefaultV2 or a filter of your own",
      },
    ]);
    expect(() => resolve(env({ strict: { preset: "strict" } }, {}, "strict"))).not.toThrow();
  });

  it("refuses names of Azure's own policies", () => {
    expect(problems(env({ "Microsoft.Mine": {} }))).toEqual([
      {
        path: "contentFilters.Microsoft.Mine",
        message: "names starting with Microsoft are Azure's own policies",
      },
    ]);
  });
});

describe("blocklists", () => {
  const blocklists = {
    codenames: { terms: ["Project Bluebird", { pattern: "CONTOSO-[0-9]{4}", regex: true }] },
  };

  it("expand to items named by their content, so reordering changes nothing", () => {
    const a = resolve(env({ chat: { blocklists: ["codenames"] } }, { blocklists })).blocklists[0]!;
    const reversed = { codenames: { terms: [...blocklists.codenames.terms].reverse() } };
    const b = resolve(env({ chat: { blocklists: ["codenames"] } }, { blocklists: reversed })).blocklists[0]!;
    // Each term keeps its own name wherever it stands (a name from the position would rename, and so
    // replace, items when terms move); the name is pinned, as a change of hashing would replace them all.
    const byPattern = (x: typeof a) => Object.fromEntries(x.items.map((i) => [i.pattern, i.name]));
    expect(byPattern(b)).toEqual(byPattern(a));
    expect(a.items.map((i) => i.name)).toEqual(["item-43b705f743a9", "item-cf145a36db94"]);
    expect(a.items).toEqual([
      { name: expect.stringMatching(/^item-[0-9a-f]{12}$/), pattern: "Project Bluebird", regex: false },
      { name: expect.stringMatching(/^item-[0-9a-f]{12}$/), pattern: "CONTOSO-[0-9]{4}", regex: true },
    ]);
  });

  it("are carried on the filter that names them", () => {
    expect(filterOf(env({ chat: { blocklists: ["codenames"] } }, { blocklists }), "chat").blocklists).toEqual(
      ["codenames"],
    );
  });

  it("say what is defined when a filter names a missing one: every name, or none", () => {
    const two = { ...blocklists, products: { terms: ["Contoso Widget"] } };
    expect(problems(env({ chat: { blocklists: ["missing"] } }, { blocklists: two }))).toEqual([
      {
        path: "contentFilters.chat.blocklists.0",
        message: "is not defined under blocklists: codenames, products",
      },
    ]);
    expect(problems(env({ chat: { blocklists: ["missing"] } }))).toEqual([
      { path: "contentFilters.chat.blocklists.0", message: "is not defined under blocklists: (none)" },
    ]);
  });

  it("must exist where a filter names them, and hold no repeated term", () => {
    expect(problems(env({ chat: { blocklists: ["missing"] } }, { blocklists }))).toEqual([
      { path: "contentFilters.chat.blocklists.0", message: "is not defined under blocklists: codenames" },
    ]);
    expect(problems(env({}, { blocklists: { twice: { terms: ["a b", "a b"] } } }))).toEqual([
      { path: "blocklists.twice.terms.1", message: "repeats terms[0]" },
    ]);
  });
});
