/**
 * Arithmetic on calendar dates written `YYYY-MM-DD` (Beijing dates: the round data and the
 * profile give days, not instants). Strings in this one format sort in time order, so comparing
 * them as strings is exact. Computed with UTC fields only, so the host's time zone never leaks in.
 */

export type IsoDateString = string;

interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function parse(date: IsoDateString): Ymd {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function format({ year, month, day }: Ymd): IsoDateString {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Adds whole months; a day past the end of the target month becomes its last day (01-31 + 1 → 02-28). */
export function addMonths(date: IsoDateString, months: number): IsoDateString {
  const { year, month, day } = parse(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return format({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** Adds whole years; 29 February becomes 28 February in a common year. */
export function addYears(date: IsoDateString, years: number): IsoDateString {
  return addMonths(date, years * 12);
}

/** Adds (or, negative, subtracts) calendar days. */
export function addDays(date: IsoDateString, days: number): IsoDateString {
  const { year, month, day } = parse(date);
  const t = new Date(Date.UTC(year, month - 1, day + days));
  return format({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
}

/** The calendar year of a date. */
export function yearOf(date: IsoDateString): number {
  return parse(date).year;
}

/** The later of two dates. */
export function laterDate(a: IsoDateString, b: IsoDateString): IsoDateString {
  return a >= b ? a : b;
}

/** The earlier of two dates. */
export function earlierDate(a: IsoDateString, b: IsoDateString): IsoDateString {
  return a <= b ? a : b;
}

/** `2025年6月30日`: how a date is written to applicants. */
export function chineseDate(date: IsoDateString): string {
  const { year, month, day } = parse(date);
  return `${year}年${month}月${day}日`;
}
