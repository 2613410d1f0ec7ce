import { beijingDate } from '../time/beijing';

/** When the defense reminders go out (config/messages/templates.json `defenseReminders`). */
export interface ReminderPolicy {
  /** On the Beijing calendar day before the defense, from `DAY_BEFORE_FROM_HOUR` o'clock. */
  readonly dayBefore: boolean;
  /** This many minutes before the slot starts (0: none). */
  readonly minutesBefore: number;
}

/** Not at night: the day-before reminder waits for 09:00 Beijing time. */
export const DAY_BEFORE_FROM_HOUR = 9;

const HOUR_MS = 3_600_000;

/**
 * The reminders due at `now` for a slot starting at `startsAt`: the day before (from 09:00 Beijing
 * that day until the day ends) and shortly before (from `minutesBefore` ahead until the start).
 * The caller sends each at most once (its outbox key); a reminder missed in its window is not sent
 * late, since a later one or the slot itself has taken its place.
 */
export function remindersDue(startsAt: Date, now: Date, policy: ReminderPolicy): ('day_before' | 'soon')[] {
  const due: ('day_before' | 'soon')[] = [];
  if (now >= startsAt) return due;
  const dayBefore = beijingDate(new Date(startsAt.getTime() - 24 * HOUR_MS));
  const beijingHour = new Date(now.getTime() + 8 * HOUR_MS).getUTCHours();
  if (policy.dayBefore && beijingDate(now) === dayBefore && beijingHour >= DAY_BEFORE_FROM_HOUR) due.push('day_before');
  if (policy.minutesBefore > 0 && now.getTime() >= startsAt.getTime() - policy.minutesBefore * 60_000) due.push('soon');
  return due;
}

/** How far ahead a reminder can be due: the timer looks no further. */
export const REMINDER_HORIZON_MS = 48 * HOUR_MS;
