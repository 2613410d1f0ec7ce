import type { MeView } from '../../../src/core/contracts/api';
import type { Profile } from '../../../src/core/eligibility/profile';
import { carryAnswers, prefillFromAccount } from '../../../src/features/self-check/carry-answers';
import { aksuEmployee } from '../../core/eligibility/people.fixture';
import { round } from '../../core/eligibility/rounds.fixture';

const answered: Profile = aksuEmployee({ workCounty: '阿克苏市', facts: { works_in_prefecture: true, retired: false } });

describe('carryAnswers: switching rounds keeps what both share', () => {
  it('keeps everything about the person and the specialty both rounds list (aksu water → aksu forestry keeps the prefecture)', () => {
    const kept = carryAnswers(answered, round('aksu-forestry-2024'), round('aksu-water-2024'));
    expect(kept.educations).toEqual(answered.educations);
    expect(kept.currentTitle).toEqual(answered.currentTitle);
    expect(kept.workCounty).toBe('阿克苏市');
    expect(kept.facts?.works_in_prefecture).toBe(true);
  });

  it('drops a specialty the new round does not list, and where one works when it is another prefecture', () => {
    const kept = carryAnswers(answered, round('bazhou-ecoenv-2024'), round('aksu-water-2024'));
    expect(kept.specialty).toBeUndefined();
    expect(kept.series).toBeUndefined();
    expect(kept.workCounty).toBeUndefined();
    expect(kept.facts).toEqual({ retired: false });
    expect(kept.professionalWorkSince).toBe(answered.professionalWorkSince);
  });

  it('never changes the answers it was given', () => {
    const frozen = structuredClone(answered);
    carryAnswers(answered, round('bazhou-ecoenv-2024'), round('aksu-water-2024'));
    expect(answered).toEqual(frozen);
  });
});

describe('prefillFromAccount: what the account knows, preselected', () => {
  const me: MeView = {
    personId: 'p',
    name: '李娜',
    role: 'applicant',
    roleLabel: '申报人',
    unitName: '尉犁县农业技术推广中心',
    unitKind: 'institution',
    unitLevel: 'county',
    prefecture: '巴音郭楞蒙古自治州',
    county: '尉犁县',
    serverTime: '2024-10-10T02:00:00.000Z',
    committeeRounds: [],
    returned: [],
  };

  it('fills the unit, the prefecture and the county for a round of her own prefecture', () => {
    expect(prefillFromAccount({}, me, round('yuli-initial-junior-2024'), ['尉犁县'])).toEqual({
      employmentKind: 'institution',
      unitLevel: 'county',
      workCounty: '尉犁县',
      facts: { works_in_prefecture: true },
    });
  });

  it('fills only the unit for another prefecture, and never overrides an answer', () => {
    expect(prefillFromAccount({ employmentKind: 'private_enterprise' }, me, round('aksu-water-2024'), ['阿克苏市'])).toEqual({
      employmentKind: 'private_enterprise',
      unitLevel: 'county',
    });
  });
});
