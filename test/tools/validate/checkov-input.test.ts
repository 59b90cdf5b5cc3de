import { withoutMovedBlocks } from "../../../tools/validate/checkov-input";

describe("Checkov's input", () => {
  // As cdktf writes it: two-space JSON, moved between output and resource.
  const text = JSON.stringify(
    {
      "//": { metadata: { overrides: { stack: ["moved"] } } },
      moved: [
        { from: "azurerm_role_assignment.access_a", to: "azurerm_role_assignment.openai_access_a" },
        { from: "azurerm_role_assignment.access_b", to: "azurerm_role_assignment.openai_access_b" },
      ],
      resource: { azurerm_role_assignment: { openai_access_a: { name: "x" } } },
    },
    null,
    2,
  );

  it("has no moved block, is still JSON, and keeps every other line where it was", () => {
    const out = withoutMovedBlocks(text);
    const parsed = JSON.parse(out);
    expect(parsed.moved).toBeUndefined();
    expect(parsed["//"]).toEqual({ metadata: { overrides: { stack: ["moved"] } } });
    expect(parsed.resource.azurerm_role_assignment.openai_access_a).toEqual({ name: "x" });
    const before = text.split("\n");
    const after = out.split("\n");
    expect(after).toHaveLength(before.length);
    const line = (lines: string[]) => lines.findIndex((l) => l.includes('"openai_access_a": {'));
    expect(line(after)).toBe(line(before));
  });

  it("leaves a file without moves as it is", () => {
    const plain = JSON.stringify({ resource: { a: { b: {} } } }, null, 2);
    expect(withoutMovedBlocks(plain)).toBe(plain);
  });
});
