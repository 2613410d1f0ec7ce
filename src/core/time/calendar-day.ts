import * as z from 'zod';

/** Whether `YYYY-MM-DD` names a day the calendar has (2024-02-30 does not). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** A `YYYY-MM-DD` day that exists, refused with `message` otherwise. */
export const calendarDay = (message: string) => z.string().refine(isCalendarDay, message);
