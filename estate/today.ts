import { ConfigError } from "../config/errors";

/**
 * A day that exists, written YYYY-MM-DD (2026-02-30 and 2026-2-3 are not). The pattern is needed beside
 * the ISO round trip: outside years 0-9999 the ISO form is ±YYYYYY-MM-DD, so "+010000-01" would round-trip.
 */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
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
