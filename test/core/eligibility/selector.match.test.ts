import { describeApplicant } from '../../../src/core/eligibility/applicant';
import type { Profile } from '../../../src/core/eligibility/profile';
import { matchAny, matchSelector, type MatchSubject } from '../../../src/core/eligibility/selector.match';
import type { Selector } from '../../../src/core/round/round.schema';
import { round } from './rounds.fixture';

describe('matchSelector is three-valued', () => {
  it.each<[string, Selector, Profile, 'yes' | 'no' | 'unknown']>([
    ['an absent field does not restrict', {}, {}, 'yes'],
    ['a listed employment kind matches', { employmentKinds: ['institution', 'state_enterprise'] }, { employmentKind: 'state_enterprise' }, 'yes'],
    ['an unlisted employment kind does not', { employmentKinds: ['institution'] }, { employmentKind: 'private_enterprise' }, 'no'],
    ['an unanswered employment kind is unknown', { employmentKinds: ['institution'] }, {}, 'unknown'],
    ['a fact answered yes holds', { factsAll: [{ fact: 'retired' }] }, { facts: { retired: true } }, 'yes'],
    ['a fact answered no does not', { factsAll: [{ fact: 'retired' }] }, { facts: { retired: false } }, 'no'],
    ['a fact not answered is unknown', { factsAll: [{ fact: 'retired' }] }, { facts: {} }, 'unknown'],
    ['factsNone holds when the fact is false', { factsNone: ['current_title_obtained_outside_xinjiang'] }, { facts: { current_title_obtained_outside_xinjiang: false } }, 'yes'],
    ['factsAny holds when one fact does', { factsAny: ['fanghuiju_village_work', 'temple_management_work'] }, { facts: { temple_management_work: true } }, 'yes'],
    ['factsAny is unknown while one is open', { factsAny: ['fanghuiju_village_work', 'temple_management_work'] }, { facts: { temple_management_work: false } }, 'unknown'],
    ['factsAny fails when all are false', { factsAny: ['fanghuiju_village_work', 'temple_management_work'] }, { facts: { fanghuiju_village_work: false, temple_management_work: false } }, 'no'],
    ['a listed county matches', { workCounties: ['且末县', '若羌县'] }, { workCounty: '若羌县' }, 'yes'],
    ['a prefecture-level unit is in no county', { workCounties: ['且末县'] }, { workCounty: null }, 'no'],
    ['any education record may match', { educations: ['bachelor'] }, { educations: [{ education: 'junior_college' }, { education: 'bachelor' }] }, 'yes'],
    ['no education at all does not', { educations: ['bachelor'] }, { educations: [] }, 'no'],
    ['a "no" field decides even when another is unknown', { employmentKinds: ['institution'], factsAll: [{ fact: 'retired' }] }, { employmentKind: 'agency' }, 'no'],
    ['a current title implies has_current_title', { factsAll: [{ fact: 'has_current_title' }] }, { currentTitle: { level: 'intermediate' } }, 'yes'],
    ['no current title (null) means none', { factsAll: [{ fact: 'has_current_title' }] }, { currentTitle: null }, 'no'],
    ['the prefecture answers works_in_prefecture', { factsAll: [{ fact: 'works_in_prefecture' }] }, { prefecture: '阿克苏地区' }, 'yes'],
    ['another prefecture is not this one', { factsAll: [{ fact: 'works_in_prefecture' }] }, { prefecture: '塔城地区' }, 'no'],
    ['an explicit answer wins over what is derived', { factsAll: [{ fact: 'works_in_prefecture' }] }, { prefecture: '塔城地区', facts: { works_in_prefecture: true } }, 'yes'],
  ])('%s', (_name, selector, profile, expected) => {
    expect(matchSelector(selector, subject(profile)).value).toBe(expected);
  });

  it('asks only what could change the answer', () => {
    const match = matchSelector({ employmentKinds: ['institution'], factsAll: [{ fact: 'retired' }] }, subject({ employmentKind: 'institution' }));
    expect(match.value).toBe('unknown');
    expect(match.unknowns).toEqual(['是否已经退休']);
  });

  it('checks the level, way and channel of the offer being judged', () => {
    expect(matchSelector({ levels: ['deputy_senior'] }, subject({}, { level: 'deputy_senior' })).value).toBe('yes');
    expect(matchSelector({ levels: ['deputy_senior'] }, subject({}, { level: 'intermediate' })).value).toBe('no');
    expect(matchSelector({ channels: ['directed'] }, subject({}, { channel: 'private_enterprise' })).value).toBe('no');
  });
});

describe('a continuous posting of at least N years (疆外民营企业派驻连续工作 1 年以上)', () => {
  const posted: Selector = { factsAll: [{ fact: 'posted_by_enterprise_outside_xinjiang', minContinuousYears: 1 }] };

  it.each([
    ['2023-12-31', 'yes', null],
    ['2024-01-01', 'yes', null],
    ['2024-01-02', 'no', '2025-01-01'],
  ])('posted since %s, counted to 2024-12-31: %s', (since, value, holdsFrom) => {
    const match = matchSelector(posted, subject({ facts: { posted_by_enterprise_outside_xinjiang: true }, postedSince: since }));
    expect(match.value).toBe(value);
    expect(match.holdsFrom).toBe(holdsFrom);
  });

  it('is unknown without the start of the posting', () => {
    const match = matchSelector(posted, subject({ facts: { posted_by_enterprise_outside_xinjiang: true } }));
    expect(match.value).toBe('unknown');
    expect(match.unknowns).toEqual(['从哪天起连续在本地区工作']);
  });
});

describe('matchAny (eligibility paths)', () => {
  const yes = { value: 'yes', unknowns: [], misses: [], holdsFrom: null } as const;
  const no = { value: 'no', unknowns: [], misses: ['您的单位是事业单位'], holdsFrom: null } as const;
  const open = { value: 'unknown', unknowns: ['单位性质'], misses: [], holdsFrom: null } as const;
  const later = { value: 'no', unknowns: [], misses: ['还不满1年'], holdsFrom: '2025-01-01' } as const;

  it.each([
    ['one path holding is enough', [no, yes], 'yes', null],
    ['an open path keeps it open', [no, open], 'unknown', null],
    ['a path that time cures is a wait', [no, later], 'no', '2025-01-01'],
    ['an open path beats a wait', [later, open], 'unknown', null],
    ['every path failing fails', [no, no], 'no', null],
  ] as const)('%s', (_name, matches, value, holdsFrom) => {
    const combined = matchAny(matches);
    expect(combined.value).toBe(value);
    expect(combined.holdsFrom).toBe(holdsFrom);
  });
});

// ---------------------------------------------------------------------------------------------
// Builders

function subject(profile: Profile, offer: Partial<Pick<MatchSubject, 'level' | 'way' | 'channel'>> = {}): MatchSubject {
  const aksu = round('aksu-water-2024');
  return { round: aksu, applicant: describeApplicant(profile, aksu), countedTo: '2024-12-31', ...offer };
}
