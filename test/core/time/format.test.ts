import { formatBeijingClock, formatBeijingDate, formatBeijingDateTime, formatBeijingMoment, formatBeijingShort } from '../../../src/core/time/format';

describe('Beijing formatting', () => {
  it.each([
    ['2024-08-30T10:00:00Z', '2024年8月30日 18:00'],
    ['2024-08-30T16:30:00Z', '2024年8月31日 00:30'],
    ['2023-12-31T16:00:00Z', '2024年1月1日 00:00'],
    ['2024-10-24T01:05:00Z', '2024年10月24日 09:05'],
  ])('formats %s as %s whatever the host time zone', (iso, expected) => {
    expect(formatBeijingDateTime(new Date(iso))).toBe(expected);
  });

  it('gives the Beijing date, which is a day later than UTC after 16:00 UTC', () => {
    expect(formatBeijingDate(new Date('2024-09-08T16:00:00Z'))).toBe('2024年9月9日');
    expect(formatBeijingDate(new Date('2024-09-08T15:59:59Z'))).toBe('2024年9月8日');
  });

  it('drops the time when an instant is the start or the end of a day', () => {
    expect(formatBeijingShort(new Date('2024-09-08T23:59:59+08:00'))).toBe('9月8日');
    expect(formatBeijingShort(new Date('2024-07-22T00:00:00+08:00'))).toBe('7月22日');
    expect(formatBeijingShort(new Date('2024-08-30T18:00:00+08:00'))).toBe('8月30日 18:00');
  });

  it('names a deadline by its day when it is the end of that day, by its time otherwise', () => {
    expect(formatBeijingMoment(new Date('2024-10-22T23:59:59+08:00'))).toBe('2024年10月22日');
    expect(formatBeijingMoment(new Date('2024-08-30T10:00:00Z'))).toBe('2024年8月30日 18:00');
  });
});

describe('formatBeijingClock', () => {
  it('shows the Beijing time of day, across UTC midnight', () => {
    expect(formatBeijingClock(new Date('2024-09-20T01:30:00Z'))).toBe('09:30');
    expect(formatBeijingClock(new Date('2024-09-19T16:05:00Z'))).toBe('00:05');
  });
});
