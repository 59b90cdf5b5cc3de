import { ConfigError } from "../config/errors";

/**
 * A day that exists, written YYYY-MM-DD (2026-02-30 and 2026-2-3 are not): the text must be the day's own
 * ISO form, which also rules out every other shape.
 */
export function isCalendarDate(text: string): boolean {
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

/**
 * The day model lifecycles and waiver expiries are judged on: $AOAI_TODAY (YYYY-MM-DD, for reproducible
 * runs), else today in UTC. A malformed value is refused: compared as text, "2026-1-5" or "tomorrow"
 * would silently judge every retirement date wrong.
 */
export function today(variables: NodeJS.ProcessEnv = process.env): string {
  const given = variables.AOAI_TODAY;
  if (given === undefined || given === "") return new Date().toISOString().slice(0, 10);
  if (!isCalendarDate(given)) {
    throw new ConfigError([
      {
        file: "AOAI_TODAY (environment variable)",
        path: [],
        message: "must be a day as YYYY-MM-DD, e.g. 2026-11-30; unset it to judge on today",
        value: given,
      },
    ]);
  }
  return given;
}
