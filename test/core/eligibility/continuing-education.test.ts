import { assess } from '../../../src/core/eligibility/assess';
import type { ReasonOutcome } from '../../../src/core/eligibility/assessment';
import type { Profile } from '../../../src/core/eligibility/profile';
import { DURING, offerOf, onlyReason, reasonOf, round, type RoundId } from './rounds.fixture';

type Hours = NonNullable<Profile['continuingEducation']>;

describe('continuing education per round', () => {
  it.each<[string, RoundId, string, Hours | undefined, ReasonOutcome, string]>([
    // aksu 四(一)15 / 四(一)4: 90 hours a year, 60 professional, 2021–2024.
    ['aksu-water: 30 + 60 every year 2021–2024 passes', 'aksu-water-2024', 'directed_evaluation:intermediate', hours([2021, 2022, 2023, 2024], 30, 60), 'pass', '四(一)15'],
    ['aksu-water: 40 professional hours in 2022 fails', 'aksu-water-2024', 'directed_evaluation:intermediate', [...hours([2021, 2023, 2024], 30, 60), { year: 2022, publicHours: 50, professionalHours: 40 }], 'fail', '四(一)15'],
    ['aksu-water: 80 hours in total in 2023 fails', 'aksu-water-2024', 'directed_evaluation:intermediate', [...hours([2021, 2022, 2024], 30, 60), { year: 2023, publicHours: 20, professionalHours: 60 }], 'fail', '四(一)15'],
    ['aksu-water: 90 professional hours alone are enough', 'aksu-water-2024', 'directed_evaluation:intermediate', hours([2021, 2022, 2023, 2024], 0, 90), 'pass', '四(一)15'],
    ['aksu-water: this year still short can be finished before applying', 'aksu-water-2024', 'directed_evaluation:intermediate', [...hours([2021, 2022, 2023], 30, 60), { year: 2024, publicHours: 10, professionalHours: 20 }], 'unknown', '四(一)15'],
    ['aksu-forestry: a missing year is asked', 'aksu-forestry-2024', 'directed_evaluation:intermediate', hours([2021, 2022, 2023], 30, 60), 'unknown', '四(一)4'],
    // bazhou 五(一)12: 30 public + 60 professional; junior the last two years; mid public 2020–2024, professional 2022–2024.
    ['bazhou junior: 2023 and 2024 are enough', 'bazhou-ecoenv-2024', 'evaluation:junior_assistant', hours([2023, 2024], 30, 60), 'pass', '五(一)12'],
    ['bazhou mid: professional hours are not needed for 2020–2021', 'bazhou-ecoenv-2024', 'evaluation:intermediate', [...hours([2020, 2021], 30, 0), ...hours([2022, 2023, 2024], 30, 60)], 'pass', '五(一)12'],
    ['bazhou mid: public hours are needed for 2020', 'bazhou-ecoenv-2024', 'evaluation:intermediate', [...hours([2020], 20, 0), ...hours([2021], 30, 0), ...hours([2022, 2023, 2024], 30, 60)], 'fail', '五(一)12'],
    // yuli 五(一)4: 2023 and 2024.
    ['yuli: 2023 and 2024 at 30 + 60 pass', 'yuli-initial-junior-2024', 'initial_junior:junior_assistant', hours([2023, 2024], 30, 60), 'pass', '五(一)4'],
    ['yuli: no hours answered are asked', 'yuli-initial-junior-2024', 'initial_junior:junior_assistant', undefined, 'unknown', '五(一)4'],
    // tacheng 三(三)2(5): certificates asked for, hours not stated.
    ['tacheng: the hours are not in the notice', 'tacheng-all-series-2023', 'local_specialties:intermediate', hours([2021, 2022, 2023], 30, 60), 'cannot_judge', '三(三)2(5)'],
  ])('%s', (_name, id, key, ce, outcome, clause) => {
    const offer = offerOf(assess(profileFor(id, { continuingEducation: ce }), round(id), DURING[id]), key);
    const r = onlyReason(offer, 'CE.HOURS');
    expect(r.outcome).toBe(outcome);
    expect(r.source.clause).toBe(clause);
  });

  it('says how many hours are missing in which year', () => {
    const ce = [...hours([2021, 2023, 2024], 30, 60), { year: 2022, publicHours: 50, professionalHours: 40 }];
    const offer = offerOf(assess(profileFor('aksu-water-2024', { continuingEducation: ce }), round('aksu-water-2024'), DURING['aksu-water-2024']), 'directed_evaluation:intermediate');
    expect(onlyReason(offer, 'CE.HOURS').message).toContain('2022年专业科目40学时，差20学时');
  });

  it('adds up two rows for the same year', () => {
    const ce: Hours = [...hours([2021, 2022, 2023, 2024], 30, 60).filter((h) => h.year !== 2022), { year: 2022, publicHours: 30 }, { year: 2022, professionalHours: 60 }];
    const offer = offerOf(assess(profileFor('aksu-water-2024', { continuingEducation: ce }), round('aksu-water-2024'), DURING['aksu-water-2024']), 'directed_evaluation:intermediate');
    expect(onlyReason(offer, 'CE.HOURS').outcome).toBe('pass');
  });
});

describe('continuing-education exemptions', () => {
  it.each<[RoundId, string]>([
    ['aksu-water-2024', 'directed_evaluation:intermediate'],
    ['bazhou-ecoenv-2024', 'evaluation:intermediate'],
    ['yuli-initial-junior-2024', 'initial_junior:junior_assistant'],
    ['tacheng-all-series-2023', 'local_specialties:intermediate'],
  ])('%s: 访惠聚 village work is exempt by the approved form', (id, key) => {
    const profile = profileFor(id, { continuingEducation: [], facts: { ...profileFor(id).facts, fanghuiju_village_work: true } });
    const offer = offerOf(assess(profile, round(id), DURING[id]), key);
    expect(onlyReason(offer, 'CE.EXEMPT').outcome).toBe('info');
    expect(reasonOf(offer, 'CE.HOURS')).toBeUndefined();
    expect(offer.materials.find((m) => m.code === 'ce_exemption_form')?.need).toBe('required');
    expect(offer.materials.find((m) => m.code === 'continuing_education')).toBeUndefined();
  });

  it('aksu: a private-enterprise first-timer is not held to the hours (不做硬性要求)', () => {
    const profile = profileFor('aksu-water-2024', {
      employmentKind: 'private_enterprise',
      mandarinGrade: null,
      continuingEducation: [],
      facts: { ...profileFor('aksu-water-2024').facts, first_title_application: true, employer_licence_registered_in_prefecture: true },
    });
    const offer = offerOf(assess(profile, round('aksu-water-2024'), DURING['aksu-water-2024']), 'private_enterprise_evaluation:intermediate');
    expect(onlyReason(offer, 'CE.NOT_HARD_REQUIREMENT').outcome).toBe('info');
    expect(onlyReason(offer, 'CE.HOURS').outcome).toBe('info');
    expect(offer.verdict).toBe('eligible_if');
    expect(offer.materials.find((m) => m.code === 'continuing_education')?.need).toBe('if_any');
  });

  it('aksu: the same shortfall fails a private-enterprise employee applying again', () => {
    const profile = profileFor('aksu-water-2024', {
      employmentKind: 'private_enterprise',
      mandarinGrade: null,
      continuingEducation: hours([2021, 2022, 2023, 2024], 0, 0),
      facts: { ...profileFor('aksu-water-2024').facts, first_title_application: false, employer_licence_registered_in_prefecture: true },
    });
    const offer = offerOf(assess(profile, round('aksu-water-2024'), DURING['aksu-water-2024']), 'private_enterprise_evaluation:intermediate');
    expect(onlyReason(offer, 'CE.HOURS').outcome).toBe('fail');
    expect(offer.verdict).toBe('ineligible');
  });

  it('a shortfall is an open question, not a failure, while an exemption might still apply', () => {
    const profile = profileFor('yuli-initial-junior-2024', { continuingEducation: hours([2023, 2024], 0, 0), facts: {} });
    const r = onlyReason(offerOf(assess(profile, round('yuli-initial-junior-2024'), DURING['yuli-initial-junior-2024']), 'initial_junior:junior_assistant'), 'CE.HOURS');
    expect(r.outcome).toBe('unknown');
    expect(r.message).toContain('可以申请免继续教育');
  });
});

// ---------------------------------------------------------------------------------------------
// Builders

function hours(years: readonly number[], publicHours: number, professionalHours: number): Hours {
  return years.map((year) => ({ year, publicHours, professionalHours }));
}

const noVillage = { fanghuiju_village_work: false, temple_management_work: false, preschool_support_teaching: false, ethnic_minority_special_trainee: false };

function profileFor(id: RoundId, patch: Partial<Profile> = {}): Profile {
  const base: Record<RoundId, Profile> = {
    'aksu-water-2024': { prefecture: '阿克苏地区', employmentKind: 'institution', specialty: 'engineering.water', mandarinGrade: '二级甲等', facts: { ...noVillage, retired: false }, applicationsThisYear: [] },
    'aksu-forestry-2024': { prefecture: '阿克苏地区', employmentKind: 'institution', specialty: 'engineering.forestry_grassland', mandarinGrade: '二级甲等', facts: { ...noVillage, retired: false }, applicationsThisYear: [] },
    'bazhou-ecoenv-2024': { prefecture: '巴音郭楞蒙古自治州', employmentKind: 'institution', specialty: 'engineering.ecology_environment', facts: { ...noVillage, retired: false } },
    'tacheng-all-series-2023': { employmentKind: 'institution', specialty: 'agriculture.agronomy', facts: { ...noVillage, retired: false, works_in_prefecture: true, has_employment_relationship: true } },
    'yuli-initial-junior-2024': {
      workCounty: '尉犁县',
      employmentKind: 'institution',
      specialty: 'engineering.petroleum',
      educations: [{ education: 'bachelor', fullTime: true, graduatedOn: '2022-07-01' }],
      professionalWorkSince: '2022-07-01',
      appraisals: [{ year: 2023, result: 'qualified' }],
      facts: noVillage,
    },
  };
  return { ...base[id], ...patch };
}
