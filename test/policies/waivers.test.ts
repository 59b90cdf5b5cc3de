/**
 * Waivers: the one way to accept a finding. A waived finding passes and stays visible; an expired or
 * misnamed waiver is an error; a waiver that matches nothing is a warning.
 */
import { waiverSchema } from "../../config/waivers-schema";
import { evaluate } from "../../policies/evaluate";
import type { Waiver } from "../../policies/waiver";
import { estate, METADATA } from "./fixture";

const TODAY = "2026-12-02";
const bypass = (r: Record<string, any>) =>
  (r.resource.azurerm_cognitive_account.openai.network_acls.bypass = "AzureServices");
const waiver = (w: Partial<Waiver> = {}): Waiver => ({
  rule: "AOAI-ACC6",
  resource: "azurerm_cognitive_account.openai",
  reason: "AI Search indexes through the trusted-services bypass",
  source: "test.yaml: waivers[0]",
  ...w,
});
const judge = (waivers: Waiver[], edit = bypass) =>
  evaluate(estate(edit, { ...METADATA, waivers }), { today: TODAY });

describe("waivers", () => {
  it("accept a finding: no error, and the finding is kept with its waiver for the reports", () => {
    const report = judge([waiver()]);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.waived).toEqual([
      expect.objectContaining({ rule: "AOAI-ACC6", stack: "test-region", waiver: waiver() }),
    ]);
    // Both stacks carry the environment's waivers; it is used once.
    expect(report.waivers).toEqual([
      { waiver: waiver(), stacks: ["test-shared", "test-region"], findings: 1 },
    ]);
  });

  it.each([
    ["the address", "azurerm_cognitive_account.openai"],
    ["the address in its stack", "test-region/azurerm_cognitive_account.openai"],
    ["the construct path", "test-region/openai/Resource"],
    ["a pattern", "*/azurerm_cognitive_account.*"],
  ])("name what they cover by %s", (_what, resource) => {
    expect(judge([waiver({ resource })]).errors).toEqual([]);
  });

  it.each([
    ["another rule", { rule: "AOAI-ACC1" }],
    ["another resource", { resource: "azurerm_cognitive_account.other" }],
    ["another stack", { resource: "prod-*/azurerm_cognitive_account.openai" }],
    ["half an address", { resource: "azurerm_cognitive_account" }],
  ])("do not cover %s: the finding stays an error and the waiver is reported unused", (_what, w) => {
    const report = judge([waiver(w)]);
    expect(report.errors.map((f) => f.rule)).toEqual(["AOAI-ACC6"]);
    expect(report.warnings).toEqual([
      expect.objectContaining({ rule: "AOAI-WAIVER", detail: expect.stringMatching(/matches no finding$/) }),
    ]);
  });

  it("hold through their expiry day and fail the day after, naming where they were declared", () => {
    expect(judge([waiver({ expires: TODAY })]).errors).toEqual([]);
    const report = judge([waiver({ expires: "2026-12-01" })]);
    expect(report.errors.map((f) => [f.rule, f.detail])).toEqual([
      ["AOAI-ACC6", 'network_acls.bypass is "AzureServices"'],
      [
        "AOAI-WAIVER",
        "waiver AOAI-ACC6 on azurerm_cognitive_account.openai (test.yaml: waivers[0]) expired on 2026-12-01",
      ],
    ]);
  });

  it("fail when they name no rule", () => {
    const report = judge([waiver(), waiver({ rule: "AOAI-ACC99" })]);
    expect(report.errors.map((f) => f.detail)).toEqual([
      "waiver AOAI-ACC99 on azurerm_cognitive_account.openai (test.yaml: waivers[0]) names no rule",
    ]);
  });

  it("apply to the stacks that carry them, and to every stack when given to the audit", () => {
    const elsewhere = estate(bypass, METADATA);
    expect(evaluate(elsewhere, { today: TODAY }).errors.map((f) => f.rule)).toEqual(["AOAI-ACC6"]);
    expect(evaluate(elsewhere, { today: TODAY, waivers: [waiver()] }).errors).toEqual([]);
  });
});

describe("waivers: in config", () => {
  const base = { rule: "AOAI-ACC6", resource: "azurerm_cognitive_account.openai" };

  it("need a reason a reviewer can check: a sentence, not a placeholder", () => {
    expect(
      waiverSchema.safeParse({ ...base, reason: "AI Search reads it by managed identity" }).success,
    ).toBe(true);
    for (const reason of ["TODO: explain later", "approved by security", "see-ticket-1234567"])
      expect([reason, waiverSchema.safeParse({ ...base, reason }).success]).toEqual([reason, false]);
  });

  it("name a rule of the pack, suggesting the closest", () => {
    const r = waiverSchema.safeParse({
      ...base,
      rule: "AOAI-ACC06",
      reason: "AI Search reads it by managed identity",
    });
    expect(r.error?.issues[0]?.message).toBe(
      "is not a guardrail rule; did you mean AOAI-ACC6? (docs/guardrails.md lists them)",
    );
  });

  it("take an expiry as a date", () => {
    const r = waiverSchema.safeParse({
      ...base,
      reason: "AI Search reads it by managed identity",
      expires: "next year",
    });
    expect(r.error?.issues[0]?.message).toBe("must be a date, YYYY-MM-DD");
  });
});

describe("waivers: read from output or a file", () => {
  it.each([
    ["an expiry that is not a date", { expires: "31/12/2025" }, /not a date YYYY-MM-DD$/],
    ["no resource pattern", { resource: 42 as unknown as string }, /has no resource pattern$/],
    ["no reason", { reason: "" }, /has no reason$/],
  ])("accept nothing and fail when malformed: %s", (_what, w, message) => {
    const report = judge([waiver(w)]);
    expect(report.errors.map((f) => f.rule).sort()).toEqual(["AOAI-ACC6", "AOAI-WAIVER"]);
    expect(report.errors.find((f) => f.rule === "AOAI-WAIVER")!.detail).toMatch(message);
  });
});
