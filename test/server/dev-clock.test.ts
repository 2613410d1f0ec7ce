import { allRounds } from '../../config/rounds';
import type { Round } from '../../src/core/round/round.schema';
import { busiestApplyMoment, devClock } from '../../src/server/runtime/dev-clock';
import { roundSeeds } from '../../src/server/runtime/round-seeds';

describe('devClock', () => {
  it('reads real time until moved, then runs on from where it was set, and goes back on null', () => {
    let real = Date.parse('2026-12-02T00:00:00Z');
    const clock = devClock({ now: () => new Date(real) });
    expect(clock.now().toISOString()).toBe('2026-12-02T00:00:00.000Z');
    clock.set(new Date('2024-08-26T02:00:00Z'));
    real += 90_000;
    expect(clock.now().toISOString()).toBe('2024-08-26T02:01:30.000Z');
    expect(clock.offsetMs()).toBeLessThan(0);
    clock.set(null);
    expect(clock.now().getTime()).toBe(real);
    expect(clock.offsetMs()).toBe(0);
  });

  it('starts where it is told to', () => {
    const clock = devClock({ now: () => new Date('2026-12-02T00:00:00Z') }, new Date('2024-08-26T02:00:00Z'));
    expect(clock.now().toISOString()).toBe('2024-08-26T02:00:00.000Z');
  });
});

describe('busiestApplyMoment', () => {
  const rounds = roundSeeds(allRounds) as unknown as Round[];

  it('picks 10:00 Beijing time on the first day the most seeded apply windows are open', () => {
    // 阿克苏 forestry and water (7月22日–8月30日) and 巴州 (8月24日–9月8日) overlap from 24 August 2024.
    expect(busiestApplyMoment(rounds)?.toISOString()).toBe('2024-08-24T02:00:00.000Z');
  });

  it('is inside every window it counts', () => {
    const at = busiestApplyMoment(rounds)?.getTime() ?? NaN;
    const open = rounds.filter((round) =>
      round.windows.some((w) => w.kind === 'apply' && w.start.kind === 'at' && w.end.kind === 'at' && Date.parse(w.start.at) <= at && at <= Date.parse(w.end.at)),
    );
    expect(open.map((r) => r.id).sort()).toEqual(['aksu-forestry-2024', 'aksu-water-2024', 'bazhou-ecoenv-2024']);
  });

  it('is null when no round announces its window', () => {
    expect(busiestApplyMoment([])).toBeNull();
  });
});
