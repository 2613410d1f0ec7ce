import { assess } from '../../../src/core/eligibility/assess';
import type { ReasonOutcome, Verdict } from '../../../src/core/eligibility/assessment';
import type { Profile } from '../../../src/core/eligibility/profile';
import { DURING, offerOf, onlyReason, reasonOf, round } from './rounds.fixture';

/**
 * yuli-initial-junior-2024 一: 中专 3 years, 大专 2, 本科 1 of professional work. The notice states no cut-off, so years
 * count to the end of its apply window, 2024-10-22 (marked as an interpretation).
 */
const KEY = 'initial_junior:junior_assistant';

describe('initial determination of junior titles (yuli-initial-junior-2024 一)', () => {
  it.each<[string, Profile, ReasonOutcome, Verdict, string | null]>([
    ['本科 + exactly 1 year at the count date', graduate('bachelor', '2023-10-23'), 'pass', 'eligible', null],
    ['本科 one day short of 1 year', graduate('bachelor', '2023-10-24'), 'later', 'not_yet', '2024-10-23'],
    ['大专 + exactly 2 years', graduate('junior_college', '2022-10-23'), 'pass', 'eligible', null],
    ['大专 one day short of 2 years', graduate('junior_college', '2022-10-24'), 'later', 'not_yet', '2024-10-23'],
    ['中专 + exactly 3 years', graduate('secondary_vocational', '2021-10-23'), 'pass', 'eligible', null],
    ['中专 one day short of 3 years', graduate('secondary_vocational', '2021-10-24'), 'later', 'not_yet', '2024-10-23'],
    ['本科 graduated in July 2024: a full year on 2025-06-30', graduate('bachelor', '2024-07-01'), 'later', 'not_yet', '2025-06-30'],
  ])('%s', (_name, profile, outcome, verdict, earliest) => {
    const offer = offerOf(assess(profile, round('yuli-initial-junior-2024'), DURING['yuli-initial-junior-2024']), KEY);
    const r = onlyReason(offer, 'INITIAL.YEARS');
    expect(r.outcome).toBe(outcome);
    expect(r.source.clause).toBe('一');
    expect(r.interpretation).toContain('2024年10月22日');
    expect(offer.verdict).toBe(verdict);
    expect(offer.earliestDate).toBe(earliest);
  });

  it('counts from the later of graduation and starting professional work', () => {
    const profile = graduate('bachelor', '2023-10-24', { professionalWorkSince: '2020-01-01' });
    const r = onlyReason(offerOf(assess(profile, round('yuli-initial-junior-2024'), DURING['yuli-initial-junior-2024']), KEY), 'INITIAL.YEARS');
    expect(r.outcome).toBe('later');
    expect(r.earliestDate).toBe('2024-10-23');
    expect(r.message).toContain('2024年10月23日满1年');
  });

  it('takes the education met soonest, whatever order the list is in', () => {
    const educations: Profile['educations'] = [
      { education: 'secondary_vocational', fullTime: true, graduatedOn: '2019-07-01' },
      { education: 'bachelor', fullTime: true, graduatedOn: '2024-07-01' },
    ];
    for (const list of [educations, [...educations].reverse()]) {
      const profile = graduate('bachelor', '2024-07-01', { educations: list, professionalWorkSince: '2019-08-01' });
      const r = onlyReason(offerOf(assess(profile, round('yuli-initial-junior-2024'), DURING['yuli-initial-junior-2024']), KEY), 'INITIAL.YEARS');
      expect(r.outcome).toBe('pass');
      expect(r.message).toContain('中专毕业');
    }
  });

  it.each<[string, Partial<Profile>, ReasonOutcome]>([
    ['a part-time degree does not count', { educations: [{ education: 'bachelor', fullTime: false, graduatedOn: '2015-07-01' }] }, 'fail'],
    ['a technical-school class is not a 普通院校 education here', { educations: [{ education: 'junior_college', technicalSchoolClass: '高级工班', fullTime: true, graduatedOn: '2015-07-01' }] }, 'fail'],
    ['a master’s degree is not in the notice: named, not guessed', { educations: [{ education: 'master', fullTime: true, graduatedOn: '2015-07-01' }] }, 'cannot_judge'],
    ['no education answered: asked', { educations: undefined }, 'unknown'],
    ['no graduation date: asked', { educations: [{ education: 'bachelor', fullTime: true }] }, 'unknown'],
  ])('%s', (_name, patch, outcome) => {
    const offer = offerOf(assess(graduate('bachelor', '2020-07-01', patch), round('yuli-initial-junior-2024'), DURING['yuli-initial-junior-2024']), KEY);
    expect(onlyReason(offer, 'INITIAL.YEARS').outcome).toBe(outcome);
  });

  it.each<[string, Partial<Profile>, string]>([
    ['a qualified appraisal is required (经考核合格)', { appraisals: [{ year: 2023, result: 'unqualified' }] }, '考核不合格'],
    ['the unit must be in 尉犁县', { workCounty: '库尔勒市' }, '库尔勒市'],
  ])('rejects when %s', (_name, patch, words) => {
    const offer = offerOf(assess(graduate('bachelor', '2020-07-01', patch), round('yuli-initial-junior-2024'), DURING['yuli-initial-junior-2024']), KEY);
    expect(offer.verdict).toBe('ineligible');
    expect(offer.reasons.filter((r) => r.outcome === 'fail').map((r) => r.message).join()).toContain(words);
  });

  it('offers only the titles the table lists: no 员级 for 石油专业', () => {
    const a = assess(graduate('bachelor', '2020-07-01'), round('yuli-initial-junior-2024'), DURING['yuli-initial-junior-2024']);
    expect(offerOf(a, KEY).titleNames).toEqual(['助理工程师']);
    expect(offerOf(a, 'initial_junior:junior_yuan').verdict).toBe('ineligible');
    expect(onlyReason(offerOf(a, 'initial_junior:junior_yuan'), 'SCOPE.TITLE').outcome).toBe('fail');
  });

  it('leaves the years to the named documents where the notice states none (bazhou initial)', () => {
    const profile = graduate('bachelor', '2020-07-01', { prefecture: '巴音郭楞蒙古自治州', specialty: 'engineering.ecology_environment', facts: { retired: false } });
    const offer = offerOf(assess(profile, round('bazhou-ecoenv-2024'), DURING['bazhou-ecoenv-2024']), 'initial:junior_assistant');
    expect(reasonOf(offer, 'INITIAL.YEARS')).toBeUndefined();
    expect(onlyReason(offer, 'EXTERNAL.INITIAL_DETERMINATION_CONDITIONS').outcome).toBe('cannot_judge');
  });
});

// ---------------------------------------------------------------------------------------------
// Builders

/** A full-time graduate of `education` who started professional work on the day of graduation. */
function graduate(education: NonNullable<Profile['educations']>[number]['education'], graduatedOn: string, patch: Partial<Profile> = {}): Profile {
  return {
    workCounty: '尉犁县',
    employmentKind: 'institution',
    series: 'engineering',
    specialty: 'engineering.petroleum',
    educations: [{ education, fullTime: true, graduatedOn }],
    professionalWorkSince: graduatedOn,
    currentTitle: null,
    appraisals: [{ year: 2023, result: 'qualified' }],
    continuingEducation: [2023, 2024].map((year) => ({ year, publicHours: 30, professionalHours: 60 })),
    facts: { fanghuiju_village_work: false, temple_management_work: false, preschool_support_teaching: false },
    ...patch,
  };
}
