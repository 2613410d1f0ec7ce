import fc from 'fast-check';
import { remindersDue } from '../../../src/core/defense/reminders';

const policy = { dayBefore: true, minutesBefore: 30 };
/** 10:10 Beijing, Friday 20 September 2024. */
const slot = new Date('2024-09-20T02:10:00Z');
const at = (beijing: string) => new Date(`${beijing}+08:00`);

describe('defense reminders', () => {
  it('reminds on the Beijing day before from 09:00, never at night, and 30 minutes before', () => {
    expect(remindersDue(slot, at('2024-09-19T08:59:00'), policy)).toEqual([]);
    expect(remindersDue(slot, at('2024-09-19T09:00:00'), policy)).toEqual(['day_before']);
    expect(remindersDue(slot, at('2024-09-19T23:59:00'), policy)).toEqual(['day_before']);
    expect(remindersDue(slot, at('2024-09-20T00:00:00'), policy)).toEqual([]);
    expect(remindersDue(slot, at('2024-09-20T09:39:00'), policy)).toEqual([]);
    expect(remindersDue(slot, at('2024-09-20T09:40:00'), policy)).toEqual(['soon']);
    expect(remindersDue(slot, at('2024-09-20T10:10:00'), policy)).toEqual([]);
  });

  it('follows the configuration', () => {
    expect(remindersDue(slot, at('2024-09-19T10:00:00'), { dayBefore: false, minutesBefore: 30 })).toEqual([]);
    expect(remindersDue(slot, at('2024-09-20T09:40:00'), { dayBefore: true, minutesBefore: 0 })).toEqual([]);
    expect(remindersDue(slot, at('2024-09-20T09:15:00'), { dayBefore: true, minutesBefore: 60 })).toEqual(['soon']);
  });

  it('a slot just after midnight Beijing (16:00 UTC) is reminded on the Beijing day before, not the UTC one', () => {
    const early = at('2024-09-20T00:10:00');
    expect(remindersDue(early, at('2024-09-19T09:00:00'), policy)).toEqual(['day_before']);
    expect(remindersDue(early, at('2024-09-18T23:00:00'), policy)).toEqual([]);
  });

  it('never reminds after the start, nor the day before more than 48 hours ahead', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }), (minutes) => {
        const now = new Date(slot.getTime() + minutes * 60_000);
        const due = remindersDue(slot, now, policy);
        if (minutes >= 0) return due.length === 0;
        if (due.includes('soon') && minutes < -30) return false;
        return !due.includes('day_before') || minutes >= -48 * 60;
      }),
    );
  });
});
