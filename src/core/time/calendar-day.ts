import * as z from 'zod';
import { chineseDate } from '../eligibility/calendar-date';

/** Whether `YYYY-MM-DD` names a day the calendar has (2024-02-30 does not). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** A `YYYY-MM-DD` day that exists, refused with `message` otherwise. */
export const calendarDay = (message: string) => z.string().refine(isCalendarDay, message);

/**
 * Why a day cannot belong to a round of `year`, or null when it can: a publicity, a defense day or a
 * committee meeting of the 2024 round happens in 2024 (a typo of the year, 2042 or 2014, is caught
 * here rather than scheduling a defense nobody attends).
 */
export function outsideRoundYear(day: string, year: number, what: string): string | null {
  return day.slice(0, 4) === String(year) ? null : `${what}应在本批次的年度（${year} 年）内，${chineseDate(day)}不在。请检查年份。`;
}
