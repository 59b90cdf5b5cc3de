/**
 * The parts of the config layer outside the environment loader: how a problem is printed, and the
 * waiver and workload schemas' own refusals.
 */
import { ConfigError, formatIssue, formatPath } from "../../config/errors";
import { waiverSchema } from "../../config/waivers-schema";
import { workloadSchema } from "../../config/workloads-schema";

const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]);

describe("printing a problem", () => {
  it("writes a path as a reader would type it", () => {
    expect(formatPath(["regions", 0, "deployments", 12, "capacity"])).toBe(
      "regions[0].deployments[12].capacity",
    );
    expect(formatPath([3, "name"])).toBe("[3].name");
    expect(formatPath([])).toBe("(top level)");
  });

  it("gives the file, line and column, the path, the message and the value", () => {
    const issue = {
      file: "dev.yaml",
      path: ["owner"],
      message: "must be an e-mail",
      value: 3,
      line: 4,
      column: 8,
    };
    expect(formatIssue(issue)).toBe("dev.yaml:4:8: owner: must be an e-mail (got 3)");
    expect(formatIssue({ ...issue, column: undefined })).toBe(
      "dev.yaml:4:1: owner: must be an e-mail (got 3)",
    );
    expect(formatIssue({ file: "dev.yaml", path: [], message: "is empty" })).toBe("dev.yaml: is empty");
    expect(formatIssue({ file: "dev.yaml", path: [], message: "is empty", value: undefined })).toBe(
      "dev.yaml: is empty",
    );
    expect(formatIssue({ file: "dev.yaml", path: [], message: "is off", value: false })).toBe(
      "dev.yaml: is off (got false)",
    );
  });

  it("shortens a long value to 80 characters and shows values JSON cannot", () => {
    const long = "x".repeat(100);
    const printed = formatIssue({ file: "f", path: ["a"], message: "m", value: long });
    expect(printed).toBe(`f: a: m (got "${"x".repeat(76)}...)`);
    expect(`"${"x".repeat(76)}...`).toHaveLength(80);
    const exactly80 = "y".repeat(78);
    expect(formatIssue({ file: "f", path: [], message: "m", value: exactly80 })).toBe(
      `f: m (got "${exactly80}")`,
    );
    expect(formatIssue({ file: "f", path: [], message: "m", value: () => 1 })).toMatch(
      /^f: m \(got \(\) => 1\)$/,
    );
    expect(formatIssue({ file: "f", path: [], message: "m", value: null })).toBe("f: m (got null)");
  });

  it("counts the problems in one error, singular or plural", () => {
    const one = new ConfigError([{ file: "f", path: [], message: "a" }]);
    expect(one.message).toBe("invalid configuration (1 problem):\n  - f: a");
    expect(one.name).toBe("ConfigError");
    const two = new ConfigError([
      { file: "f", path: [], message: "a" },
      { file: "g", path: ["x"], message: "b" },
    ]);
    expect(two.message).toBe("invalid configuration (2 problems):\n  - f: a\n  - g: x: b");
  });
});

describe("a waiver", () => {
  const waiver = {
    rule: "AOAI-ACC6",
    resource: "azurerm_cognitive_account.openai",
    reason: "AI Search reads the account by its managed identity",
  };

  it("takes a known rule, a resource, a reason a reviewer can check, and a day it expires", () => {
    expect(waiverSchema.safeParse({ ...waiver, expires: "2027-01-31" }).success).toBe(true);
  });

  it("suggests the rule meant, and otherwise points at the list", () => {
    expect(messages(waiverSchema.safeParse({ ...waiver, rule: "AOAI-ACC66" }))).toEqual([
      ["rule", "is not a guardrail rule; did you mean AOAI-ACC6? (docs/guardrails.md lists them)"],
    ]);
    expect(messages(waiverSchema.safeParse({ ...waiver, rule: "nothing-like-it" }))).toEqual([
      ["rule", "is not a guardrail rule (docs/guardrails.md lists them)"],
    ]);
  });

  it("counts words with letters: four make a reason, three or numbers do not", () => {
    const ok = (reason: string) => waiverSchema.safeParse({ ...waiver, reason }).success;
    expect(ok("AI Search reads it")).toBe(true);
    expect(ok("AI Search reads")).toBe(false);
    expect(ok("ticket 1234 5678 9012 3456")).toBe(false);
  });

  it.each([
    "TODO: fill in later please",
    "approved by the security team",
    "way too short",
    "n/a n/a n/a n/a",
    "   tbd once the vendor answers",
    "na for this account really",
  ])("refuses the reason %j", (reason) => {
    expect(messages(waiverSchema.safeParse({ ...waiver, reason }))).toEqual([
      ["reason", "must say why in a sentence a reviewer can check (at least four words, no placeholder)"],
    ]);
  });

  it("refuses an expiry that is not a day, and an empty resource", () => {
    expect(messages(waiverSchema.safeParse({ ...waiver, expires: "2027-02-30" }))).toEqual([
      ["expires", "must be a date, YYYY-MM-DD"],
    ]);
    expect(messages(waiverSchema.safeParse({ ...waiver, resource: "" })).map(([path]) => path)).toEqual([
      "resource",
    ]);
  });
});

describe("a workload", () => {
  const workload = {
    name: "chat",
    model: { name: "gpt-5.1", version: "2025-11-13" },
    demand: 100,
    boundary: "EU",
  };

  it("spreads by default and keeps deployments on their version", () => {
    const parsed = workloadSchema.parse(workload);
    expect(parsed).toMatchObject({ strategy: "spread", versionUpgrade: "NoAutoUpgrade" });
  });

  it.each(["spread", "active-active"])(
    "cannot keep 100%% of its demand through a region's loss with %s",
    (strategy) => {
      expect(
        messages(workloadSchema.safeParse({ ...workload, strategy, failover: { minimumShare: 100 } })),
      ).toEqual([
        [
          "failover.minimumShare",
          `cannot be 100 with ${strategy}: the capacity is shared, so losing a region loses its part; use primary-secondary`,
        ],
      ]);
    },
  );

  it("keeps 100% only as primary-secondary, and any share below it as active-active", () => {
    const ok = (strategy: string, minimumShare: number) =>
      workloadSchema.safeParse({ ...workload, strategy, failover: { minimumShare } }).success;
    expect(ok("primary-secondary", 100)).toBe(true);
    expect(ok("active-active", 99)).toBe(true);
    expect(ok("active-active", 0)).toBe(false);
    expect(ok("active-active", 101)).toBe(false);
  });

  it("cannot ask a single region to survive its own loss", () => {
    expect(
      messages(workloadSchema.safeParse({ ...workload, strategy: "single", failover: { minimumShare: 50 } })),
    ).toEqual([
      ["failover", "a single region cannot survive its own loss: use active-active or primary-secondary"],
    ]);
  });

  it("refuses a name that cannot name deployments, and demand in fractions", () => {
    expect(messages(workloadSchema.safeParse({ ...workload, name: "Chat_1" })).map(([p]) => p)).toEqual([
      "name",
    ]);
    expect(
      messages(workloadSchema.safeParse({ ...workload, name: `c${"x".repeat(40)}` })).map(([p]) => p),
    ).toEqual(["name"]);
    expect(workloadSchema.safeParse({ ...workload, name: `c${"x".repeat(39)}` }).success).toBe(true);
    expect(messages(workloadSchema.safeParse({ ...workload, demand: 1.5 }))).toEqual([
      ["demand", "must be a whole number of capacity units"],
    ]);
    expect(messages(workloadSchema.safeParse({ ...workload, boundary: "APAC" }))).toEqual([
      ["boundary", "must be one of: EU, US, Global"],
    ]);
  });
});
