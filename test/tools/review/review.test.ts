import { classify } from "../../../tools/review/changes";
import { parsePlan } from "../../../tools/review/plan";
import { COMMENT_LIMIT, MARKER, renderReview } from "../../../tools/review/render";
import { reviewStack } from "../../../tools/review/review";
import { account, change, plan } from "./fixtures";

const review = (
  p: Record<string, unknown>,
  stack = "prod-swedencentral",
  paths: Record<string, string> = {},
) =>
  reviewStack({ stack, plan: parsePlan(JSON.stringify(p), `${stack}.json`), constructPath: (a) => paths[a] });

describe("reading plans", () => {
  it("refuses plan format 2.x with a clear error, and what is not a plan", () => {
    expect(() => parsePlan(JSON.stringify(plan({ format_version: "2.0" })), "p.json")).toThrow(
      "p.json: plan format 2.0 is not supported (this review reads format 1.x",
    );
    expect(() => parsePlan("{}", "p.json")).toThrow(/p\.json: no format_version/);
    expect(() => parsePlan("plan: 1 to add", "p.json")).toThrow(/p\.json: not JSON/);
  });

  it("ignores keys it does not know (minor versions add them)", () => {
    const r = review(plan({ format_version: "1.9", some_future_key: { x: 1 } }));
    expect(r.changes).toEqual([]);
  });
});

describe("classifying changes", () => {
  it.each([
    [["delete", "create"], "replace", "delete-first"],
    [["create", "delete"], "replace", "create-first"],
    [["create", "forget"], "replace", "create-first"],
  ])("reads %j as a %s with the old object %s", (actions, kind, order) => {
    const c = classify(change("azurerm_subnet.s", actions, {}, {}));
    expect(c).toMatchObject({ kind, replaceOrder: order });
  });

  it("counts an import, a move and a deletion, and an import that also updates as both", () => {
    const r = review(
      plan({
        resource_changes: [
          change(
            "azurerm_resource_group.rg",
            ["no-op"],
            { name: "rg" },
            { name: "rg" },
            {
              change: { importing: { id: "/subscriptions/s/resourceGroups/rg" } },
            },
          ),
          change(
            "azurerm_subnet.new",
            ["no-op"],
            { name: "s" },
            { name: "s" },
            { previous_address: "azurerm_subnet.old" },
          ),
          change("azurerm_subnet.gone", ["delete"], { name: "g" }, null, {
            action_reason: "delete_because_no_resource_config",
          }),
          change(
            "azurerm_virtual_network.v",
            ["update"],
            { tags: {} },
            { tags: { a: "b" } },
            {
              change: { importing: { id: "/vnet" } },
            },
          ),
          change("azurerm_network_security_group.same", ["no-op"], { name: "n" }, { name: "n" }),
        ],
      }),
    );
    expect(r.counts).toMatchObject({ import: 2, move: 1, delete: 1, update: 1, "no-op": 1 });
    expect(r.changes.map((c) => [c.address, c.kind])).toEqual([
      ["azurerm_resource_group.rg", "import"],
      ["azurerm_subnet.new", "move"],
      ["azurerm_subnet.gone", "delete"],
      ["azurerm_virtual_network.v", "update"],
    ]);
    const text = renderReview([r]);
    expect(text).toContain(
      "`azurerm_resource_group.rg` import (imported from `/subscriptions/s/resourceGroups/rg`)",
    );
    expect(text).toContain("`azurerm_subnet.new` move (moved from `azurerm_subnet.old`)");
    expect(text).toContain("delete_because_no_resource_config");
  });

  it("puts an action it does not know where a human will see it", () => {
    const r = review(plan({ resource_changes: [change("azurerm_subnet.s", ["teleport"], {}, {})] }));
    expect(renderReview([r])).toContain("### Needs a human: actions this review does not know");
  });
});

describe("attribute diffs", () => {
  it("masks sensitive values on both sides and shows unknown ones as known after apply", () => {
    const r = review(
      plan({
        resource_changes: [
          change(
            "azurerm_cognitive_account.openai",
            ["update"],
            account({ primary_access_key: "old-secret", endpoint: "https://old/" }),
            account({ primary_access_key: "new-secret", endpoint: null }),
            {
              change: {
                after_unknown: { endpoint: true },
                before_sensitive: { primary_access_key: true },
                after_sensitive: { primary_access_key: true },
              },
            },
          ),
        ],
      }),
    );
    const diffs = r.changes[0]!.diffs;
    expect(diffs).toContainEqual({ path: "primary_access_key", before: "(sensitive)", after: "(sensitive)" });
    expect(diffs).toContainEqual({ path: "endpoint", before: "https://old/", after: "(known after apply)" });
    const text = renderReview([r]);
    expect(text).not.toContain("secret");
    expect(text).toContain("| endpoint | `https://old/` | _(known after apply)_ |");
  });

  it("maps each address to its construct path", () => {
    const r = review(
      plan({ resource_changes: [change("azurerm_subnet.s", ["create"], null, { name: "s" })] }),
      "dev-swedencentral",
      { "azurerm_subnet.s": "dev-swedencentral/network/subnet" },
    );
    expect(renderReview([r])).toContain("`azurerm_subnet.s` create — dev-swedencentral/network/subnet");
  });
});

describe("drift", () => {
  it("shows drift that feeds the plan in full and sums up the rest", () => {
    const r = review(
      plan({
        resource_drift: [
          change(
            "azurerm_cognitive_account.openai",
            ["update"],
            account(),
            account({ local_auth_enabled: true }),
          ),
          change("azurerm_resource_group.rg", ["update"], { tags: {} }, { tags: { x: "y" } }),
        ],
        relevant_attributes: [
          { resource: "azurerm_cognitive_account.openai", attribute: ["local_auth_enabled"] },
        ],
      }),
    );
    expect(r.drift.relevant.map((d) => d.address)).toEqual(["azurerm_cognitive_account.openai"]);
    const text = renderReview([r]);
    expect(text).toContain("Drift that this plan acts on (changed outside Terraform):");
    expect(text).toContain("| local_auth_enabled | `false` | `true` |");
    expect(text).toContain("Other drift: 1 × azurerm_resource_group");
  });
});

describe("the comment", () => {
  it("says a plan with no changes is one, with no risks", () => {
    const text = renderReview([
      review(plan({ resource_changes: [change("azurerm_subnet.s", ["no-op"], {}, {})] })),
    ]);
    expect(text.startsWith(MARKER)).toBe(true);
    expect(text).toContain("## Plan review: 1 stack, 0 with changes, 0 risks");
    expect(text).not.toContain("### Risks");
  });

  it("fits the comment limit by trimming details, never risks", () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      change(
        `azurerm_subnet.s${i}`,
        ["update"],
        { address_prefixes: ["10.0.0.0/24"], tags: { i: "x".repeat(60) } },
        {
          address_prefixes: ["10.0.1.0/24"],
          tags: { i: "y".repeat(60) },
        },
      ),
    );
    const risky = change(
      "azurerm_cognitive_account.openai",
      ["delete", "create"],
      account(),
      account({ name: "oai-new" }),
      {
        change: { replace_paths: [["name"]] },
      },
    );
    const r = review(plan({ resource_changes: [...many, risky] }));
    const full = renderReview([r], Number.MAX_SAFE_INTEGER);
    expect(full.length).toBeGreaterThan(COMMENT_LIMIT);
    const fitted = renderReview([r]);
    expect(fitted.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(fitted).toMatch(/\*\*high\*\* prod-swedencentral `azurerm_cognitive_account\.openai`: replaced/);
    expect(fitted).toContain("_Details trimmed to fit 65,536 characters");
  });
});
