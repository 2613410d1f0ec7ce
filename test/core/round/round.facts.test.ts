import { allRounds } from '../../../config/rounds';
import { parseRounds } from '../../../src/core/round/round.loader';
import { factsUsedBy } from '../../../src/core/round/round.facts';

const rounds = (() => {
  const parsed = parseRounds(allRounds);
  if (!parsed.ok) throw new Error(parsed.error.join('\n'));
  return new Map(parsed.value.map((r) => [r.id, r]));
})();

describe('factsUsedBy', () => {
  it.each([
    ['aksu-water-2024', 'village_work_this_year', true],
    ['tacheng-all-series-2023', 'ethnic_minority_special_trainee', true],
    ['yuli-initial-junior-2024', 'ethnic_minority_special_trainee', false],
    ['bazhou-ecoenv-2024', 'fanghuiju_village_work', true],
    ['yuli-initial-junior-2024', 'posted_by_enterprise_outside_xinjiang', false],
    ['aksu-forestry-2024', 'posted_by_enterprise_outside_xinjiang', true],
  ] as const)('%s conditions on %s: %s', (id, fact, expected) => {
    const round = rounds.get(id);
    expect(round).toBeDefined();
    expect(factsUsedBy(round!).has(fact)).toBe(expected);
  });
});
