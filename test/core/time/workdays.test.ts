import holidays from '../../../config/holidays/cn-2023-2026.json';
import {
  addWorkdays,
  countWorkdays,
  HolidayCalendar,
  isWorkday,
  workdayPeriodEnd,
} from '../../../src/core/time/workdays';

const calendar = HolidayCalendar.parse(holidays);

describe('the generated calendar', () => {
  it('covers 2023–2026', () => {
    expect(calendar.yearsCovered).toEqual([2023, 2024, 2025, 2026]);
  });

  it('holds the 2024 National Day arrangement (10-01 – 10-07 off, 09-29 and 10-12 worked)', () => {
    expect(calendar.holidays.filter((d) => d.startsWith('2024-10'))).toEqual([
      '2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07',
    ]);
    expect(calendar.makeUpWorkdays).toEqual(expect.arrayContaining(['2024-09-29', '2024-10-12']));
  });
});

describe('isWorkday around the 2024 National Day holiday', () => {
  it.each([
    ['2024-09-27', true, 'Friday'],
    ['2024-09-28', false, 'Saturday'],
    ['2024-09-29', true, 'Sunday, make-up workday'],
    ['2024-09-30', true, 'Monday'],
    ['2024-10-01', false, 'National Day'],
    ['2024-10-04', false, 'Friday inside the holiday'],
    ['2024-10-07', false, 'Monday, last holiday day'],
    ['2024-10-08', true, 'Tuesday'],
    ['2024-10-12', true, 'Saturday, make-up workday'],
    ['2024-10-13', false, 'Sunday'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isWorkday(calendar, date)).toEqual({ ok: true, value: expected });
  });
});

describe('countWorkdays', () => {
  it('counts 7 working days from 2024-09-28 to 2024-10-13, make-up weekends included', () => {
    // 09-29 Sun (make-up), 09-30 Mon, 10-08 Tue, 10-09 Wed, 10-10 Thu, 10-11 Fri, 10-12 Sat (make-up)
    expect(countWorkdays(calendar, '2024-09-28', '2024-10-13')).toEqual({ ok: true, value: 7 });
  });

  it('counts an ordinary week as 5', () => {
    expect(countWorkdays(calendar, '2024-09-02', '2024-09-08')).toEqual({ ok: true, value: 5 });
  });

  it('refuses a reversed range', () => {
    expect(countWorkdays(calendar, '2024-10-13', '2024-09-28').ok).toBe(false);
  });
});

describe('addWorkdays', () => {
  it('skips the holiday and counts the make-up Sunday: 5 working days after 2024-09-27 is 2024-10-10', () => {
    // 1 = 09-29 (Sun, make-up), 2 = 09-30, 3 = 10-08, 4 = 10-09, 5 = 10-10
    expect(addWorkdays(calendar, '2024-09-27', 5)).toEqual({ ok: true, value: '2024-10-10' });
  });

  it('lands on a make-up Saturday when it is the next working day', () => {
    expect(addWorkdays(calendar, '2024-10-11', 1)).toEqual({ ok: true, value: '2024-10-12' });
  });

  it('returns the start date for n = 0', () => {
    expect(addWorkdays(calendar, '2024-10-03', 0)).toEqual({ ok: true, value: '2024-10-03' });
  });

  it('refuses a negative or fractional n', () => {
    expect(addWorkdays(calendar, '2024-10-03', -1).ok).toBe(false);
    expect(addWorkdays(calendar, '2024-10-03', 1.5).ok).toBe(false);
  });
});

describe('workdayPeriodEnd: a unit publicity of 不少于5个工作日', () => {
  it('started on Friday 2024-09-27 can end on 2024-10-09, not 10-03', () => {
    expect(workdayPeriodEnd(calendar, '2024-09-27', 5)).toEqual({ ok: true, value: '2024-10-09' });
  });

  it('started on a holiday counts from the next working day', () => {
    expect(workdayPeriodEnd(calendar, '2024-10-01', 5)).toEqual({ ok: true, value: '2024-10-12' });
  });
});

describe('refusing years the calendar does not cover', () => {
  it.each(['2027-03-03', '2022-12-30'])('refuses %s instead of guessing from the weekday', (date) => {
    expect(isWorkday(calendar, date)).toEqual({
      ok: false,
      error: { kind: 'year_not_covered', year: Number(date.slice(0, 4)), covered: [2023, 2024, 2025, 2026] },
    });
  });

  it('refuses arithmetic that runs past the last covered year', () => {
    const result = addWorkdays(calendar, '2026-12-28', 10);
    expect(result.ok ? result.value : result.error.kind).toBe('year_not_covered');
  });

  it('refuses an invalid date', () => {
    expect(isWorkday(calendar, '2024-02-30')).toEqual({ ok: false, error: { kind: 'invalid_date', value: '2024-02-30' } });
  });
});

describe('HolidayCalendar', () => {
  it('rejects a holiday outside the covered years', () => {
    const result = HolidayCalendar.safeParse({ yearsCovered: [2024], holidays: ['2025-01-01'], makeUpWorkdays: [] });
    expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'holidays.0: 2025-01-01 is outside yearsCovered',
    ]);
  });

  it('rejects a date that is both a holiday and a make-up workday', () => {
    const result = HolidayCalendar.safeParse({ yearsCovered: [2024], holidays: ['2024-10-12'], makeUpWorkdays: ['2024-10-12'] });
    expect(result.success).toBe(false);
  });
});
