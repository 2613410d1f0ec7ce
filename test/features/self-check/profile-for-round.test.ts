import { assess } from '../../../src/core/eligibility/assess';
import type { Profile } from '../../../src/core/eligibility/profile';
import { profileForRound } from '../../../src/features/self-check/profile-for-round';
import { visibleQuestions } from '../../../src/features/self-check/questions';
import { DURING, offerOf, round } from '../../core/eligibility/rounds.fixture';

describe('profileForRound: what the answers mean for the round', () => {
  // A prefecture-level unit's engineer who works in 且末县 (bazhou-ecoenv-2024 六(一) exempts those who work there).
  const answers: Profile = {
    employmentKind: 'institution',
    unitLevel: 'prefecture',
    workCounty: '且末县',
    specialty: 'engineering.ecology_environment',
    series: 'engineering',
    facts: { works_in_prefecture: true, retired: false },
  };

  it('keeps the county a prefecture-level unit’s staff member works in, and sets the prefecture', () => {
    expect(profileForRound(answers, round('bazhou-ecoenv-2024'))).toEqual({ ...answers, prefecture: '巴音郭楞蒙古自治州' });
  });

  it('makes the 且末县 defense exemption reachable from the answers (it was not, when the county was never asked)', () => {
    const ctx = { round: round('bazhou-ecoenv-2024'), year: 2024, latestMonth: '2024-08' };
    expect(visibleQuestions(answers, ctx).map((q) => q.id)).toContain('workCounty');
    const offer = offerOf(assess(profileForRound(answers, round('bazhou-ecoenv-2024')), round('bazhou-ecoenv-2024'), DURING['bazhou-ecoenv-2024']), 'evaluation:intermediate');
    expect(offer.defense.status).toBe('exempt');
    expect(offer.defense.message).toContain('且末县');
  });

  it('leaves the answers alone for someone working elsewhere', () => {
    const elsewhere: Profile = { facts: { works_in_prefecture: false } };
    expect(profileForRound(elsewhere, round('bazhou-ecoenv-2024'))).toEqual(elsewhere);
  });
});
