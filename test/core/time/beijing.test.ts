import { allRounds } from '../../../config/rounds';
import { parseRound } from '../../../src/core/round/round.loader';
import {
  beijingDate,
  compareInstants,
  endOfBeijingDay,
  isWithin,
  parseBeijingInstant,
  startOfBeijingDay,
  toBeijingInstant,
} from '../../../src/core/time/beijing';

describe('parseBeijingInstant', () => {
  it('reads +08:00 wall time as the UTC instant 8 hours earlier', () => {
    const parsed = parseBeijingInstant('2024-08-30T18:00:00+08:00');
    expect(parsed.ok && parsed.value.toISOString()).toBe('2024-08-30T10:00:00.000Z');
  });

  it.each([
    ['2024-08-30T10:00:00Z', 'UTC form'],
    ['2024-08-30T18:00:00', 'no offset'],
    ['2024-08-30T18:00:00+09:00', 'another offset'],
    ['2024-08-30', 'a bare date'],
    ['2024-02-30T00:00:00+08:00', 'an impossible date'],
    ['2024-08-30T24:00:00+08:00', 'hour 24'],
  ])('refuses %s (%s)', (value) => {
    expect(parseBeijingInstant(value).ok).toBe(false);
  });

  it('round-trips through toBeijingInstant', () => {
    expect(toBeijingInstant(new Date('2023-12-31T16:00:00.900Z'))).toBe('2024-01-01T00:00:00+08:00');
  });
});

describe('beijingDate', () => {
  it.each([
    ['2024-09-08T15:59:59Z', '2024-09-08'],
    ['2024-09-08T16:00:00Z', '2024-09-09'],
    ['2023-12-31T16:00:00Z', '2024-01-01'],
  ])('puts %s on Beijing date %s', (iso, date) => {
    expect(beijingDate(new Date(iso))).toBe(date);
  });
});

describe('day bounds', () => {
  it('starts a Beijing day at 16:00 UTC of the day before', () => {
    const start = startOfBeijingDay('2024-10-24');
    expect(start.ok && start.value.toISOString()).toBe('2024-10-23T16:00:00.000Z');
  });

  it('ends a Beijing day at 15:59:59 UTC', () => {
    const end = endOfBeijingDay('2024-09-15');
    expect(end.ok && end.value.toISOString()).toBe('2024-09-15T15:59:59.000Z');
  });

  it('refuses a malformed date', () => {
    expect(endOfBeijingDay('2024-9-15').ok).toBe(false);
  });
});

describe('compareInstants', () => {
  it('orders instants whatever zone they were written in', () => {
    expect(compareInstants(new Date('2024-08-30T18:00:00+08:00'), new Date('2024-08-30T10:00:00Z'))).toBe(0);
    expect(compareInstants(new Date('2024-08-30T18:00:01+08:00'), new Date('2024-08-30T10:00:00Z'))).toBe(1);
    expect(compareInstants(new Date('2024-08-30T09:59:59Z'), new Date('2024-08-30T18:00:00+08:00'))).toBe(-1);
  });
});

describe('isWithin: the aksu deadline 截止8月30日18:00 (ends inclusive, to the second)', () => {
  const apply = { start: '2024-07-22T00:00:00+08:00', end: '2024-08-30T18:00:00+08:00' };

  it.each([
    ['2024-08-30T09:59:59Z', true, 'one second before 18:00 Beijing'],
    ['2024-08-30T10:00:00Z', true, 'exactly 18:00:00 Beijing: still on time'],
    ['2024-08-30T10:00:00.999Z', true, 'within the 18:00:00 second'],
    ['2024-08-30T10:00:01Z', false, '18:00:01 Beijing: late'],
    ['2024-08-30T12:00:00Z', false, '20:00 Beijing, though still 8/30 in UTC and before UTC 18:00'],
    ['2024-07-21T16:00:00Z', true, '00:00 Beijing on 7/22, the first second'],
    ['2024-07-21T15:59:59Z', false, '23:59:59 Beijing on 7/21'],
  ])('%s → %s (%s)', (iso, expected) => {
    expect(isWithin(apply, new Date(iso))).toBe(expected);
  });

  it('agrees with the round file', () => {
    const json = allRounds.find((r) => (r as { id: string }).id === 'aksu-water-2024');
    const parsed = parseRound(json);
    if (!parsed.ok) throw new Error(parsed.error.join('\n'));
    const w = parsed.value.windows.find((x) => x.id === 'apply');
    if (!w || w.start.kind !== 'at' || w.end.kind !== 'at') throw new Error('aksu-water apply window missing');
    const window = { start: w.start.at, end: w.end.at };
    expect([isWithin(window, new Date('2024-08-30T10:00:00Z')), isWithin(window, new Date('2024-08-30T10:00:01Z'))]).toEqual([true, false]);
  });

  it('counts the whole last day of a day-only window (bazhou-ecoenv-2024: 9月8日)', () => {
    const bazhou = { start: '2024-08-24T00:00:00+08:00', end: '2024-09-08T23:59:59+08:00' };
    expect(isWithin(bazhou, new Date('2024-09-08T15:59:59Z'))).toBe(true);
    expect(isWithin(bazhou, new Date('2024-09-08T16:00:00Z'))).toBe(false);
  });

  it('throws on a malformed window, which parseRound never lets through', () => {
    expect(() => isWithin({ start: '2024-07-22', end: apply.end }, new Date())).toThrow(/invalid round instant/);
  });
});
