import { assess } from '../../../src/core/eligibility/assess';
import type { ReasonOutcome } from '../../../src/core/eligibility/assessment';
import type { Profile } from '../../../src/core/eligibility/profile';
import type { Fact, MaterialCategory, Round } from '../../../src/core/round/round.schema';
import { DURING, offerOf, onlyReason, reasonOf, round, type RoundId } from './rounds.fixture';

type Hours = NonNullable<Profile['continuingEducation']>;

describe('continuing education per round', () => {
  it.each<[string, RoundId, string, Hours | undefined, ReasonOutcome, string]>([
    // aksu-water-2024 四(一)15, aksu-forestry-2024 四(一)4: 90 hours a year, 60 professional, 2021–2024.
    ['aksu-water: 30 + 60 every year 2021–2024 passes', 'aksu-water-2024', 'directed_evaluation:intermediate', hours([2021, 2022, 2023, 2024], 30, 60), 'pass', '四(一)15'],
    ['aksu-water: 40 professional hours in 2022 fails', 'aksu-water-2024', 'directed_evaluation:intermediate', [...hours([2021, 2023, 2024], 30, 60), { year: 2022, publicHours: 50, professionalHours: 40 }], 'fail', '四(一)15'],
    ['aksu-water: 80 hours in total in 2023 fails', 'aksu-water-2024', 'directed_evaluation:intermediate', [...hours([2021, 2022, 2024], 30, 60), { year: 2023, publicHours: 20, professionalHours: 60 }], 'fail', '四(一)15'],
    ['aksu-water: 90 professional hours alone are enough', 'aksu-water-2024', 'directed_evaluation:intermediate', hours([2021, 2022, 2023, 2024], 0, 90), 'pass', '四(一)15'],
    ['aksu-water: this year still short can be finished before applying', 'aksu-water-2024', 'directed_evaluation:intermediate', [...hours([2021, 2022, 2023], 30, 60), { year: 2024, publicHours: 10, professionalHours: 20 }], 'unknown', '四(一)15'],
    ['aksu-forestry: a missing year is asked', 'aksu-forestry-2024', 'directed_evaluation:intermediate', hours([2021, 2022, 2023], 30, 60), 'unknown', '四(一)4'],
    // bazhou-ecoenv-2024 五(一)12: 30 public + 60 professional; junior the last two years; mid public 2020–2024, professional 2022–2024.
    ['bazhou junior: 2023 and 2024 are enough', 'bazhou-ecoenv-2024', 'evaluation:junior_assistant', hours([2023, 2024], 30, 60), 'pass', '五(一)12'],
    ['bazhou mid: professional hours are not needed for 2020–2021', 'bazhou-ecoenv-2024', 'evaluation:intermediate', [...hours([2020, 2021], 30, 0), ...hours([2022, 2023, 2024], 30, 60)], 'pass', '五(一)12'],
    ['bazhou mid: public hours are needed for 2020', 'bazhou-ecoenv-2024', 'evaluation:intermediate', [...hours([2020], 20, 0), ...hours([2021], 30, 0), ...hours([2022, 2023, 2024], 30, 60)], 'fail', '五(一)12'],
    // yuli-initial-junior-2024 五(一)4: 2023 and 2024.
    ['yuli: 2023 and 2024 at 30 + 60 pass', 'yuli-initial-junior-2024', 'initial_junior:junior_assistant', hours([2023, 2024], 30, 60), 'pass', '五(一)4'],
    ['yuli: no hours answered are asked', 'yuli-initial-junior-2024', 'initial_junior:junior_assistant', undefined, 'unknown', '五(一)4'],
    // tacheng-all-series-2023 三(三)2(5): certificates asked for, hours not stated.
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

/**
 * What the exemption does to the materials is the round's data (`waivedBy` on the certificates),
 * not the category's code. Clauses from the notices: aksu-forestry-2024 四(一)4 and aksu-water-2024 四(一)15
 * “符合免继续教育培训的在继续教育栏上传免学审批表” (who: 附件4注1); bazhou-ecoenv-2024 五(一)12 and yuli-initial-junior-2024 五(一)4
 * “符合继续教育免试的，需上传继续教育免试审批表”; tacheng-all-series-2023 三(三)2(5) “可免继续教育学习；填写提交《继续教育免试表》”.
 */
describe('continuing-education certificates or the exemption form in the checklist', () => {
  it.each<[RoundId, string, Fact, string, string]>([
    ['aksu-forestry-2024', 'directed_evaluation:intermediate', 'fanghuiju_village_work', '四(一)4', '附件4注1'],
    ['aksu-water-2024', 'directed_evaluation:intermediate', 'fanghuiju_village_work', '四(一)15', '附件4注1'],
    ['aksu-water-2024', 'directed_evaluation:intermediate', 'temple_management_work', '四(一)15', '附件4注1'],
    ['bazhou-ecoenv-2024', 'evaluation:intermediate', 'fanghuiju_village_work', '五(一)12', '五(一)12'],
    ['bazhou-ecoenv-2024', 'evaluation:junior_assistant', 'preschool_support_teaching', '五(一)12', '五(一)12'],
    ['tacheng-all-series-2023', 'local_specialties:intermediate', 'fanghuiju_village_work', '三(三)2(5)', '三(三)2(5)'],
    ['tacheng-all-series-2023', 'local_specialties:junior_assistant', 'ethnic_minority_special_trainee', '三(三)2(5)', '三(三)2(5)'],
    ['yuli-initial-junior-2024', 'initial_junior:junior_assistant', 'fanghuiju_village_work', '五(一)4', '五(一)4'],
  ])('%s %s: %s gets the exemption form instead of the certificates', (id, key, fact, formClause, exemptClause) => {
    const profile = profileFor(id, { continuingEducation: [], facts: { ...profileFor(id).facts, [fact]: true } });
    const offer = offerOf(assess(profile, round(id), DURING[id]), key);
    const form = offer.materials.find((m) => m.code === 'ce_exemption_form');
    expect(form?.need).toBe('required');
    expect(form?.condition).toBeUndefined();
    expect(form?.source.clause).toBe(formClause);
    expect(offer.materials.find((m) => m.code === 'continuing_education')).toBeUndefined();
    expect(onlyReason(offer, 'CE.EXEMPT').source.clause).toBe(exemptClause);
  });

  it.each<[RoundId, string, string]>([
    ['aksu-forestry-2024', 'directed_evaluation:intermediate', '四(一)4'],
    ['aksu-water-2024', 'directed_evaluation:intermediate', '四(一)15'],
    ['bazhou-ecoenv-2024', 'evaluation:intermediate', '五(一)12'],
    ['tacheng-all-series-2023', 'local_specialties:intermediate', '三(三)2(5)'],
    ['yuli-initial-junior-2024', 'initial_junior:junior_assistant', '五(一)4'],
  ])('%s %s: someone not exempt still uploads the certificates', (id, key, clause) => {
    const profile = profileFor(id, { continuingEducation: hours([2020, 2021, 2022, 2023, 2024], 30, 60) });
    const offer = offerOf(assess(profile, round(id), DURING[id]), key);
    const certificates = offer.materials.find((m) => m.code === 'continuing_education');
    expect(certificates?.need).toBe('required');
    expect(certificates?.source.clause).toBe(clause);
    expect(offer.materials.find((m) => m.code === 'ce_exemption_form')).toBeUndefined();
    expect(reasonOf(offer, 'CE.EXEMPT')).toBeUndefined();
  });

  // The senior engineer of the issue: hours complete, so the self-check never asked about the
  // exemptions; the exemption form (evidenceOf) is not asked of him, nor its 附件 offered.
  it.each<[RoundId, string]>([
    ['aksu-water-2024', 'directed_evaluation:deputy_senior'],
    ['bazhou-ecoenv-2024', 'evaluation:intermediate'],
    ['aksu-forestry-2024', 'directed_evaluation:intermediate'],
    // Not tacheng: its notice states no hours, so they cannot be judged complete and the form stays listed with its condition.
  ])('%s %s: hours complete and the exemption questions unanswered: no exemption form', (id, key) => {
    const base = profileFor(id, { continuingEducation: hours([2020, 2021, 2022, 2023, 2024], 30, 60) });
    const profile = { ...base, facts: { retired: false } };
    const offer = offerOf(assess(profile, round(id), DURING[id]), key);
    expect(offer.materials.find((m) => m.code === 'continuing_education')?.need).toBe('required');
    expect(offer.materials.find((m) => m.code === 'ce_exemption_form')).toBeUndefined();
  });

  it('hours short and the exemption unanswered: the form is listed, saying when it is needed', () => {
    const profile = profileFor('yuli-initial-junior-2024', { continuingEducation: hours([2023, 2024], 0, 0), facts: {} });
    const form = offerOf(assess(profile, round('yuli-initial-junior-2024'), DURING['yuli-initial-junior-2024']), 'initial_junior:junior_assistant').materials.find((m) => m.code === 'ce_exemption_form');
    expect(form?.need).toBe('required');
    expect(form?.condition).toContain('访惠聚');
  });

  const villager = () => profileFor('bazhou-ecoenv-2024', { continuingEducation: [], facts: { ...profileFor('bazhou-ecoenv-2024').facts, fanghuiju_village_work: true } });
  const materialsIn = (r: Round, profile: Profile, key: string) => offerOf(assess(profile, r, DURING[r.id as RoundId]), key).materials.map((m) => `${m.code}:${m.need}`);

  it('drops whatever names the exemption in waivedBy, and only that', () => {
    const paperToo = withCategories(round('bazhou-ecoenv-2024'), (c) => (c.code === 'paper_ce_certificates' ? { ...c, waivedBy: ['village_work_by_form'] } : c));
    const codes = materialsIn(paperToo, villager(), 'evaluation:intermediate');
    expect(codes).not.toContain('continuing_education:required');
    expect(codes).not.toContain('paper_ce_certificates:required');
    // As the round file stands, the paper originals (五(四)7) are not waived: the notice does not say so.
    expect(materialsIn(round('bazhou-ecoenv-2024'), villager(), 'evaluation:intermediate')).toContain('paper_ce_certificates:required');
  });

  it('relieves nothing by the category code alone', () => {
    const unstated = withCategories(round('bazhou-ecoenv-2024'), ({ waivedBy: _waivedBy, ...c }) => c);
    expect(materialsIn(unstated, villager(), 'evaluation:intermediate')).toContain('continuing_education:required');
  });

  it('relaxes the certificates to 如有 only for an exemption of effect not_hard_requirement that waivedBy names (aksu-water-2024 四(一)15)', () => {
    const firstTimer = profileFor('aksu-water-2024', {
      employmentKind: 'private_enterprise',
      mandarinGrade: null,
      continuingEducation: [],
      facts: { ...profileFor('aksu-water-2024').facts, first_title_application: true, employer_licence_registered_in_prefecture: true },
    });
    const key = 'private_enterprise_evaluation:intermediate';
    expect(materialsIn(round('aksu-water-2024'), firstTimer, key)).toContain('continuing_education:if_any');
    const villageOnly = withCategories(round('aksu-water-2024'), (c) => (c.waivedBy ? { ...c, waivedBy: ['village_work_by_form'] } : c));
    expect(materialsIn(villageOnly, firstTimer, key)).toContain('continuing_education:required');
  });
});

// ---------------------------------------------------------------------------------------------
// Builders

/** A copy of the round with its material categories changed (the original is not touched). */
function withCategories(r: Round, change: (c: MaterialCategory) => MaterialCategory): Round {
  const copy = structuredClone(r);
  copy.materials.categories = copy.materials.categories.map(change);
  return copy;
}

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
