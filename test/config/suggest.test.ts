import { closest, editDistance } from "../../config/suggest";

describe("did you mean", () => {
  it.each([
    ["deploymnets", "deployments", 1],
    ["gpt5.1", "gpt-5.1", 1],
    ["kitten", "sitting", 3],
    ["same", "same", 0],
    // A swap of two neighbours is one edit, anywhere in the word, including at its start.
    ["vresion", "version", 1],
    ["ab", "ba", 1],
    ["abcd", "abdc", 1],
    // Lengths that differ: every extra character is an insertion or deletion.
    ["", "abc", 3],
    ["abc", "", 3],
    ["ac", "abc", 1],
  ])("counts %s → %s as %i edit(s)", (a, b, n) => {
    expect(editDistance(a, b)).toBe(n);
  });

  it("suggests the one close candidate, ignoring case", () => {
    expect(closest("Deploymnets", ["deployments", "network", "location"])).toBe("deployments");
  });

  it("allows a third of the word's length in edits, at least one and at most three", () => {
    // 5 letters: one edit.
    expect(closest("regin", ["region"])).toBe("region");
    expect(closest("regn", ["region"])).toBeUndefined();
    // 9 letters: three edits; 12 letters: still three.
    expect(closest("depoyment", ["deployment"])).toBe("deployment");
    expect(closest("dplymnt", ["deployment"])).toBeUndefined();
    expect(closest("contentfiltr", ["contentFilters"])).toBe("contentFilters");
    expect(closest("cntntfltrsxx", ["contentFilters"])).toBeUndefined();
  });

  it("keeps the first of two candidates the same distance away only when they are the same word", () => {
    expect(closest("netwrk", ["network", "network"])).toBe("network");
    expect(closest("netwrk", ["network", "Network"])).toBeUndefined();
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
