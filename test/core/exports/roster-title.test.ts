import { round } from '../eligibility/rounds.fixture';
import { rosterTitle } from '../../../src/core/exports/roster';

describe('rosterTitle', () => {
  const water = round('aksu-water-2024');

  it('writes the current and the applied-for title alike: the name in the specialty or series with its level', () => {
    const engineer = { series: 'engineering', specialty: 'engineering.water' };
    expect(rosterTitle(water, engineer, 'deputy_senior')).toBe('高级工程师（副高级）');
    expect(rosterTitle(water, engineer, 'intermediate')).toBe('工程师（中级）');
  });

  it('writes the level alone where the round names no title for it', () => {
    expect(rosterTitle(water, { series: 'engineering', specialty: 'engineering.water' }, 'senior')).toBe('正高级');
    expect(rosterTitle(water, { series: 'no-such', specialty: null }, 'intermediate')).toBe('中级');
  });
});
