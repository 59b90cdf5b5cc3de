import { closest, editDistance } from "../../config/suggest";

describe("did you mean", () => {
  it.each([
    ["deploymnets", "deployments", 1],
    ["gpt5.1", "gpt-5.1", 1],
    ["kitten", "sitting", 3],
    ["same", "same", 0],
  ])("counts %s → %s as %i edit(s)", (a, b, n) => {
    expect(editDistance(a, b)).toBe(n);
  });

  it("suggests the one close candidate, ignoring case", () => {
    expect(closest("Deploymnets", ["deployments", "network", "location"])).toBe("deployments");
  });

  it("suggests nothing when the closest is too far, or when two are equally close", () => {
    expect(closest("colour", ["deployments", "network"])).toBeUndefined();
    expect(closest("ab", ["ac", "ad"])).toBeUndefined();
  });

  it("leaves out candidates that cannot be meant", () => {
    expect(closest("gpt-6", ["gpt-5"], (c) => c.replace(/\D/g, "") === "6")).toBeUndefined();
    expect(closest("gpt-6", ["gpt-5"])).toBe("gpt-5");
  });
});
