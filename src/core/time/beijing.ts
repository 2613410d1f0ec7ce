import { err, ok, type Result } from '../result';

/**
 * Beijing time for round instants, by plain arithmetic rather than a time-zone database:
 * Asia/Shanghai has been a fixed UTC+8 with no daylight saving since 1991, so the offset is exact
 * for every date a round can hold, and the result does not depend on the host's time zone or on
 * dayjs plugins being registered.
 *
 * Window convention (used by `isWithin`): both ends are inclusive and compared to the second.
 * A notice's "截止8月30日18:00" is stored as end `2024-08-30T18:00:00+08:00`; a submission stamped
 * 18:00:00 (= 2024-08-30T10:00:00Z) is on time, 18:00:01 is late. The platform stamps whole
 * seconds, so sub-second parts of `asOf` are dropped before comparing. A day-only end is stored as
 * 23:59:59, the last second of that day, so the same rule covers it.
 */

const OFFSET_MS = 8 * 60 * 60 * 1000;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\+08:00$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A window whose two ends are round instants (`YYYY-MM-DDTHH:mm:ss+08:00`). */
export interface InstantWindow {
  readonly start: string;
  readonly end: string;
}

/**
 * Parses a round instant. Only the explicit `+08:00` form is accepted, so a value written in UTC
 * or without an offset is caught instead of being read in the host's zone.
 */
export function parseBeijingInstant(value: string): Result<Date, string> {
  const m = INSTANT.exec(value);
  if (!m) return err(`"${value}" is not YYYY-MM-DDTHH:mm:ss+08:00`);
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d ||
    check.getUTCHours() !== h || check.getUTCMinutes() !== mi || check.getUTCSeconds() !== s
  ) {
    return err(`"${value}" is not a real date and time`);
  }
  return ok(new Date(wall - OFFSET_MS));
}

/** Formats an instant as a round instant string, e.g. `2024-08-30T18:00:00+08:00`. */
export function toBeijingInstant(instant: Date): string {
  const shifted = new Date(Math.floor(instant.getTime() / 1000) * 1000 + OFFSET_MS);
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

/** The Beijing calendar date (`YYYY-MM-DD`) an instant falls on. */
export function beijingDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00:00 Beijing on a calendar date, as an instant. */
export function startOfBeijingDay(isoDate: string): Result<Date, string> {
  if (!DATE.test(isoDate)) return err(`"${isoDate}" is not YYYY-MM-DD`);
  return parseBeijingInstant(`${isoDate}T00:00:00+08:00`);
}

/** 23:59:59 Beijing on a calendar date: the last second a day-only deadline still counts. */
export function endOfBeijingDay(isoDate: string): Result<Date, string> {
  if (!DATE.test(isoDate)) return err(`"${isoDate}" is not YYYY-MM-DD`);
  return parseBeijingInstant(`${isoDate}T23:59:59+08:00`);
}

/** -1, 0 or 1 as `a` is before, at or after `b`, to the millisecond. */
export function compareInstants(a: Date, b: Date): -1 | 0 | 1 {
  const d = a.getTime() - b.getTime();
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/**
 * Whether `asOf` lies in the window, both ends inclusive, to the whole second (see file header).
 * Throws only if the window holds malformed instants, which `parseRound` already rejects.
 */
export function isWithin(window: InstantWindow, asOf: Date): boolean {
  const start = mustParse(window.start);
  const end = mustParse(window.end);
  const t = Math.floor(asOf.getTime() / 1000) * 1000;
  return start.getTime() <= t && t <= end.getTime();
}

function mustParse(value: string): Date {
  const parsed = parseBeijingInstant(value);
  if (!parsed.ok) throw new Error(`invalid round instant: ${parsed.error}`);
  return parsed.value;
}
