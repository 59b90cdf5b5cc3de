/**
 * The day lifecycles are judged on: AOAI_TODAY when it is a real day, today otherwise, and a clear
 * refusal for anything else (compared as text, a malformed day would judge every date wrong).
 */
import { ConfigError } from "../../config/errors";
import { resolveEstate } from "../../estate/resolve";
import { isCalendarDate, today } from "../../estate/today";
import { load, validEnvironment } from "../helpers";

describe("today", () => {
  it("is AOAI_TODAY when set, else the current UTC day", () => {
    expect(today({ AOAI_TODAY: "2026-02-28" })).toBe("2026-02-28");
    const now = new Date().toISOString().slice(0, 10);
    expect(today({})).toBe(now);
    expect(today({ AOAI_TODAY: "" })).toBe(now);
  });

  it.each([
    "2026-1-5",
    "tomorrow",
    "2026-02-30",
    "2026-13-01",
    "20261130",
    "2026-11-30T00:00",
    " 2026-11-30",
    // Outside years 0-9999 these are the ISO form's own first ten characters.
    "+010000-01",
    "-000001-01",
  ])("refuses AOAI_TODAY=%j, saying the form it takes", (value) => {
    let error: unknown;
    try {
      today({ AOAI_TODAY: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues).toEqual([
      {
        file: "AOAI_TODAY (environment variable)",
        path: [],
        message: "must be a day as YYYY-MM-DD, e.g. 2026-11-30; unset it to judge on today",
        value,
      },
    ]);
  });

  it("knows which days exist", () => {
    expect(["2024-02-29", "2026-12-31", "2026-01-01"].filter(isCalendarDate)).toHaveLength(3);
    expect(["2026-02-29", "2026-04-31", "2026-00-10", "2026-12-32"].filter(isCalendarDate)).toEqual([]);
  });
});

describe("resolveEstate's today", () => {
  it("is checked the same way when a caller passes it", () => {
    expect(() => resolveEstate(load({ dev: validEnvironment() }), { today: "2026-02-30" })).toThrow(
      'today must be a day as YYYY-MM-DD (got "2026-02-30")',
    );
  });
});
