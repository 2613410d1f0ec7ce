import { assess } from '../../../src/core/eligibility/assess';
import type { Profile } from '../../../src/core/eligibility/profile';
import type { Round } from '../../../src/core/round/round.schema';
import { allParsedRounds, DURING, offerOf, round, type RoundId } from './rounds.fixture';

describe('assess', () => {
  it.each<[RoundId, number]>([
    ['aksu-forestry-2024', 10],
    ['aksu-water-2024', 6],
    ['bazhou-ecoenv-2024', 7],
    ['tacheng-all-series-2023', 21],
    ['yuli-initial-junior-2024', 2],
  ])('%s: one entry per level × way × channel offered or forwarded (%d)', (id, count) => {
    const a = assess({}, round(id), DURING[id]);
    expect(a.roundId).toBe(id);
    expect(a.offers).toHaveLength(count);
    expect(new Set(a.offers.map((o) => o.key)).size).toBe(count);
  });

  it('labels each entry in Chinese', () => {
    const a = assess({}, round('bazhou-ecoenv-2024'), DURING['bazhou-ecoenv-2024']);
    expect(offerOf(a, 'initial:junior_assistant').label).toBe('初级（助理级） · 初定');
    expect(offerOf(assess({}, round('aksu-water-2024'), DURING['aksu-water-2024']), 'private_enterprise_evaluation:intermediate').label).toBe('中级 · 评审 · 民营企业专项评审');
  });

  it('records the moment it was made for', () => {
    expect(assess({}, round('yuli-initial-junior-2024'), new Date('2024-10-10T02:00:00Z')).asOf).toBe('2024-10-10T02:00:00.000Z');
  });

  it('gives a fully answered yuli graduate an unconditional yes', () => {
    const offer = offerOf(assess(yuliGraduate(), round('yuli-initial-junior-2024'), DURING['yuli-initial-junior-2024']), 'initial_junior:junior_assistant');
    expect(offer.verdict).toBe('eligible');
    expect(offer.missing).toEqual([]);
    expect(offer.titleNames).toEqual(['助理工程师']);
  });

  it('cites a clause of the round’s own notice for every reason', () => {
    for (const r of allParsedRounds) {
      const a = assess(yuliGraduate(), r, DURING[r.id as RoundId]);
      for (const reason of [...a.general, ...a.offers.flatMap((o) => o.reasons)]) {
        expect(reason.source.file).toBe(r.sourceFile);
        expect(reason.message).toMatch(/[\u4e00-\u9fa5]/);
      }
    }
  });

  it('does not mutate the profile or the round', () => {
    const profile = deepFreeze(yuliGraduate());
    const r = deepFreeze(structuredClone(round('yuli-initial-junior-2024')));
    expect(() => assess(profile, r, DURING['yuli-initial-junior-2024'])).not.toThrow();
    for (const other of allParsedRounds) expect(() => assess(profile, deepFreeze(structuredClone(other)) as Round, DURING[other.id as RoundId])).not.toThrow();
  });

  it('gives the same answer for the same inputs', () => {
    const r = round('aksu-water-2024');
    expect(assess(yuliGraduate(), r, DURING['aksu-water-2024'])).toEqual(assess(yuliGraduate(), r, DURING['aksu-water-2024']));
  });
});

// ---------------------------------------------------------------------------------------------
// Builders

function yuliGraduate(): Profile {
  return {
    prefecture: '巴音郭楞蒙古自治州',
    workCounty: '尉犁县',
    unitLevel: 'county',
    employmentKind: 'institution',
    series: 'engineering',
    specialty: 'engineering.petroleum',
    educations: [{ education: 'bachelor', fullTime: true, graduatedOn: '2023-07-01' }],
    professionalWorkSince: '2023-07-15',
    currentTitle: null,
    skill: null,
    appraisals: [{ year: 2023, result: 'qualified' }],
    continuingEducation: [2023, 2024].map((year) => ({ year, publicHours: 30, professionalHours: 60 })),
    mandarinGrade: '二级甲等',
    facts: { retired: false, fanghuiju_village_work: false, temple_management_work: false, preschool_support_teaching: false },
    applicationsThisYear: [],
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value as Record<string, unknown>).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
