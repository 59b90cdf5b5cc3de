import { withoutStackTraces } from "../../tools/stack-traces";

describe("synthesis without stack-trace capture", () => {
  const limit = () => Error.stackTraceLimit;

  it("captures nothing inside, even when cdktf raises the limit, and restores the setting after", () => {
    const before = limit();
    const inside = withoutStackTraces(() => {
      Error.stackTraceLimit = Number.MAX_SAFE_INTEGER; // what cdktf does around each capture
      const probe: { stack?: string } = {};
      Error.captureStackTrace(probe);
      return {
        limit: limit(),
        frames: (probe.stack ?? "").split("\n").filter((l) => l.includes(" at ")).length,
      };
    }, {});
    expect(inside).toEqual({ limit: 0, frames: 0 });
    expect(limit()).toBe(before);
  });

  it("restores the setting when the work throws, and the error keeps its message", () => {
    const before = limit();
    expect(() =>
      withoutStackTraces(() => {
        throw new Error("token failed to resolve");
      }, {}),
    ).toThrow("token failed to resolve");
    expect(limit()).toBe(before);
  });

  it("keeps capture on with AOAI_STACK_TRACES=1", () => {
    expect(withoutStackTraces(() => limit(), { AOAI_STACK_TRACES: "1" })).toBe(limit());
  });
});
