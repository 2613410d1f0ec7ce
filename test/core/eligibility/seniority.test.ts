import { addMonths, addYears, chineseDate } from '../../../src/core/eligibility/calendar-date';
import { completedYears, dateYearsCompleted, hasCompletedYears, seniorityCountedTo } from '../../../src/core/eligibility/seniority';
import { round } from './rounds.fixture';

describe('completed years of service, both ends counted', () => {
  it.each([
    ['2024-01-01', 1, '2024-12-31'],
    ['2023-07-01', 1, '2024-06-30'],
    ['2024-07-01', 1, '2025-06-30'],
    ['2022-01-01', 3, '2024-12-31'],
    ['2020-02-29', 1, '2021-02-27'],
  ])('from %s, %d year(s) are done on %s', (start, years, done) => {
    expect(dateYearsCompleted(start, years)).toBe(done);
    expect(hasCompletedYears(start, years, done)).toBe(true);
    expect(hasCompletedYears(start, years, addDaysBack(done))).toBe(false);
  });

  it.each([
    ['2021-01-01', '2024-12-31', 4],
    ['2021-01-02', '2024-12-31', 3],
    ['2025-01-01', '2024-12-31', 0],
    ['2024-12-31', '2024-12-31', 0],
  ])('from %s to %s is %d completed years', (start, to, years) => {
    expect(completedYears(start, to)).toBe(years);
  });
});

describe('the day years are counted to', () => {
  it('is the cut-off the round states (aksu-water-2024 四(二): 2024-12-31), as the round marks it', () => {
    const counted = seniorityCountedTo(round('aksu-water-2024'), null);
    expect(counted.date).toBe('2024-12-31');
    expect(counted.source.clause).toBe('四(二)22');
  });

  it('is the end of the apply window when the round states none, and says so', () => {
    const yuli = round('yuli-initial-junior-2024');
    const apply = yuli.windows.find((w) => w.id === 'apply')!;
    const counted = seniorityCountedTo(yuli, { date: '2024-10-22', source: apply.source });
    expect(counted.date).toBe('2024-10-22');
    expect(counted.interpretation).toContain('2024年10月22日');
  });

  it('falls back to the end of the round year, marked, when no apply window is dated either', () => {
    const counted = seniorityCountedTo(round('bazhou-ecoenv-2024'), null);
    expect(counted.date).toBe('2024-12-31');
    expect(counted.interpretation).toContain('2024年12月31日');
  });
});

describe('calendar dates', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-11-30', 3, '2025-02-28'],
    ['2024-08-30', -3, '2024-05-30'],
  ])('%s plus %d month(s) is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('adds years and writes dates the way people read them', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(chineseDate('2025-06-30')).toBe('2025年6月30日');
  });
});

// ---------------------------------------------------------------------------------------------
// Builders

function addDaysBack(date: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}
