import * as z from 'zod';
import { err, ok, type Result } from '../result';

/**
 * Working-day arithmetic (工作日) on calendar dates, with the official holiday calendar passed in
 * as data. A date whose year the calendar does not cover is refused: treating its weekdays as
 * working days would silently ignore that year's holidays and make-up days.
 *
 * A working day is a Monday–Friday that is not a holiday, or a make-up workday (调休上班) on a
 * weekend. Dates are Beijing calendar dates `YYYY-MM-DD` (see beijing.ts `beijingDate`).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const CalendarDate = z
  .string()
  .regex(ISO_DATE, 'must be YYYY-MM-DD')
  .refine((v) => !ISO_DATE.test(v) || isRealDate(v), 'is not a real date');

export const HolidayCalendar = z
  .strictObject({
    /** Years whose holidays and make-up days are all listed; others are refused. */
    yearsCovered: z.array(z.number().int().min(2000).max(2100)).min(1),
    /** 法定节假日 (days off, weekend days inside a holiday included). */
    holidays: z.array(CalendarDate),
    /** 调休上班的周末. */
    makeUpWorkdays: z.array(CalendarDate),
    /** Where the data came from and what it leaves out, for people. */
    source: z.string().min(1).optional(),
    scope: z.string().min(1).optional(),
    generatedBy: z.string().min(1).optional(),
  })
  .superRefine((cal, ctx) => {
    const covered = new Set(cal.yearsCovered);
    const holidays = new Set(cal.holidays);
    (['holidays', 'makeUpWorkdays'] as const).forEach((key) => {
      cal[key].forEach((date, i) => {
        if (!covered.has(Number(date.slice(0, 4)))) {
          ctx.addIssue({ code: 'custom', path: [key, i], message: `${date} is outside yearsCovered` });
        }
      });
    });
    cal.makeUpWorkdays.forEach((date, i) => {
      if (holidays.has(date)) ctx.addIssue({ code: 'custom', path: ['makeUpWorkdays', i], message: `${date} is also a holiday` });
    });
  });
export type HolidayCalendar = z.infer<typeof HolidayCalendar>;

export type WorkdayError =
  | { readonly kind: 'year_not_covered'; readonly year: number; readonly covered: readonly number[] }
  | { readonly kind: 'invalid_date'; readonly value: string }
  | { readonly kind: 'invalid_argument'; readonly message: string };

interface Compiled {
  readonly years: Set<number>;
  readonly holidays: Set<string>;
  readonly makeUp: Set<string>;
}

// Calendars are immutable data loaded once; compiling them once per object keeps lookups O(1).
const compiled = new WeakMap<HolidayCalendar, Compiled>();

function compile(cal: HolidayCalendar): Compiled {
  let c = compiled.get(cal);
  if (!c) {
    c = { years: new Set(cal.yearsCovered), holidays: new Set(cal.holidays), makeUp: new Set(cal.makeUpWorkdays) };
    compiled.set(cal, c);
  }
  return c;
}

/** Whether a date is a working day; refuses dates in years the calendar does not cover. */
export function isWorkday(cal: HolidayCalendar, date: string): Result<boolean, WorkdayError> {
  const day = toDayNumber(date);
  if (day === null) return err({ kind: 'invalid_date', value: date });
  return workdayAt(compile(cal), cal, day);
}

/** Working days from `from` to `to`, both included. */
export function countWorkdays(cal: HolidayCalendar, from: string, to: string): Result<number, WorkdayError> {
  const a = toDayNumber(from);
  if (a === null) return err({ kind: 'invalid_date', value: from });
  const b = toDayNumber(to);
  if (b === null) return err({ kind: 'invalid_date', value: to });
  if (b < a) return err({ kind: 'invalid_argument', message: `${to} is before ${from}` });
  const c = compile(cal);
  let count = 0;
  for (let day = a; day <= b; day += 1) {
    const w = workdayAt(c, cal, day);
    if (!w.ok) return w;
    if (w.value) count += 1;
  }
  return ok(count);
}

/** The `n`-th working day after `from` (`from` itself not counted); `n` = 0 gives `from`. */
export function addWorkdays(cal: HolidayCalendar, from: string, n: number): Result<string, WorkdayError> {
  if (!Number.isInteger(n) || n < 0) return err({ kind: 'invalid_argument', message: `n must be a whole number ≥ 0, got ${n}` });
  const start = toDayNumber(from);
  if (start === null) return err({ kind: 'invalid_date', value: from });
  const c = compile(cal);
  let day = start;
  let left = n;
  while (left > 0) {
    day += 1;
    const w = workdayAt(c, cal, day);
    if (!w.ok) return w;
    if (w.value) left -= 1;
  }
  return ok(fromDayNumber(day));
}

/**
 * The date on which a period of `n` working days that starts on `start` is complete, counting
 * `start` when it is a working day (单位公示不少于 5 个工作日: the first day the notice may end).
 */
export function workdayPeriodEnd(cal: HolidayCalendar, start: string, n: number): Result<string, WorkdayError> {
  if (!Number.isInteger(n) || n < 1) return err({ kind: 'invalid_argument', message: `n must be a whole number ≥ 1, got ${n}` });
  const first = isWorkday(cal, start);
  if (!first.ok) return first;
  return addWorkdays(cal, start, first.value ? n - 1 : n);
}

function workdayAt(c: Compiled, cal: HolidayCalendar, day: number): Result<boolean, WorkdayError> {
  const date = fromDayNumber(day);
  const year = Number(date.slice(0, 4));
  if (!c.years.has(year)) return err({ kind: 'year_not_covered', year, covered: [...cal.yearsCovered] });
  if (c.makeUp.has(date)) return ok(true);
  if (c.holidays.has(date)) return ok(false);
  // Day 0 (1970-01-01) was a Thursday.
  const weekday = (((day + 4) % 7) + 7) % 7;
  return ok(weekday !== 0 && weekday !== 6);
}

const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** Days since 1970-01-01, or null when `date` is not a real YYYY-MM-DD date. */
function toDayNumber(date: string): number | null {
  if (!isRealDate(date)) return null;
  const m = ISO_DATE.exec(date) as RegExpExecArray;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
}

function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function isRealDate(date: string): boolean {
  const m = ISO_DATE.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}
