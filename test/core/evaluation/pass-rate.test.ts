import { capRefusals, checkCaps, mostPassing } from '../../../src/core/evaluation/pass-rate';
import type { Level } from '../../../src/core/round/round.schema';
import { round as loadRound } from '../eligibility/rounds.fixture';

// aksu-forestry-2024 四(七): 正高级、副高级通过率分别不高于60%、75%; 中、初级职称评审不设置通过率.
const forestry = loadRound('aksu-forestry-2024');

describe('mostPassing', () => {
  it.each([
    // [evaluated, percent, most that may pass]
    [1, 75, 0],
    [2, 75, 1],
    [3, 75, 2],
    [4, 75, 3],
    [5, 75, 3],
    [8, 75, 6],
    [1, 60, 0],
    [2, 60, 1],
    [3, 60, 1],
    [4, 60, 2],
    [5, 60, 3],
    [10, 60, 6],
    [0, 60, 0],
  ])('lets %i evaluated at %i %% have at most %i passes', (evaluated, percent, most) => {
    expect(mostPassing(evaluated, percent)).toBe(most);
    // The boundary itself: one more pass would be above the rate.
    expect(most / Math.max(evaluated, 1)).toBeLessThanOrEqual(percent / 100);
    if (evaluated > most) expect((most + 1) / evaluated).toBeGreaterThan(percent / 100);
  });
});

describe('checkCaps', () => {
  it.each<[Level, number, number, number | null, number]>([
    // [level, evaluated, passes, allowed, excess]
    ['deputy_senior', 4, 3, 3, 0],
    ['deputy_senior', 4, 4, 3, 1],
    ['senior', 5, 3, 3, 0],
    ['senior', 5, 4, 3, 1],
    ['senior', 5, 5, 3, 2],
    ['deputy_senior', 1, 1, 0, 1],
    ['intermediate', 4, 4, null, 0],
    ['junior_assistant', 3, 3, null, 0],
  ])('counts %s: %i evaluated, %i pass → allowed %s, %i too many', (level, evaluated, passes, allowed, excess) => {
    const results = Array.from({ length: evaluated }, (_, i) => ({ level, pass: i < passes }));
    expect(checkCaps(forestry, results)).toEqual([expect.objectContaining({ level, evaluated, passes, allowed, excess })]);
  });

  it('checks each level on its own', () => {
    const results = [...row('senior', 5, 3), ...row('deputy_senior', 4, 4), ...row('intermediate', 2, 2)];
    const checks = checkCaps(forestry, results);
    expect(checks.map((c) => [c.level, c.excess])).toEqual([
      ['senior', 0],
      ['deputy_senior', 1],
      ['intermediate', 0],
    ]);
    expect(capRefusals(checks)).toEqual(['副高级评审了 4 人，通过率不得高于 75%，最多通过 3 人；现在记为通过 4 人，多了 1 人（四(七)）。']);
  });

  it('sets no cap where the round states none', () => {
    const water = loadRound('aksu-water-2024');
    expect(water.passRates).toEqual([]);
    expect(checkCaps(water, row('deputy_senior', 2, 2))).toEqual([expect.objectContaining({ allowed: null, excess: 0 })]);
  });
});

function row(level: Level, evaluated: number, passes: number) {
  return Array.from({ length: evaluated }, (_, i) => ({ level, pass: i < passes }));
}
