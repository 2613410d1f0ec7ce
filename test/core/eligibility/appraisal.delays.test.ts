import { assess } from '../../../src/core/eligibility/assess';
import type { ReasonOutcome, Verdict } from '../../../src/core/eligibility/assessment';
import type { Profile } from '../../../src/core/eligibility/profile';
import { DURING, offerOf, onlyReason, reasonOf, round } from './rounds.fixture';

/**
 * bazhou-ecoenv-2024 五(一)10: each 基本合格 delays application 1 year, each 不合格 2 years. The years themselves
 * are set by 62号, so the delay runs from the round's counting day (its apply window ends
 * 2024-09-08; the notice states no cut-off).
 */
describe('appraisal delays (bazhou-ecoenv-2024 五(一)10)', () => {
  it.each<[string, Profile['appraisals'], ReasonOutcome, Verdict, string | null]>([
    ['no delay when every appraisal is qualified', results('qualified', 'excellent', 'qualified'), 'pass', 'eligible_if', null],
    ['one 基本合格 delays 1 year', results('qualified', 'basically_qualified', 'qualified'), 'later', 'not_yet', '2025-09-08'],
    ['one 不合格 delays 2 years', results('qualified', 'unqualified', 'qualified'), 'later', 'not_yet', '2026-09-08'],
    ['two 基本合格 delay 2 years', results('basically_qualified', 'basically_qualified', 'qualified'), 'later', 'not_yet', '2026-09-08'],
    ['one of each delays 3 years', results('basically_qualified', 'unqualified', 'qualified'), 'later', 'not_yet', '2027-09-08'],
    ['an appraisal before the current title was obtained does not count', [{ year: 2018, result: 'unqualified' }, ...results('qualified', 'qualified', 'qualified')], 'pass', 'eligible_if', null],
    ['unanswered appraisals are asked', undefined, 'unknown', 'eligible_if', null],
  ])('%s', (_name, appraisals, outcome, verdict, earliest) => {
    const offer = offerOf(assess(engineer({ appraisals }), round('bazhou-ecoenv-2024'), DURING['bazhou-ecoenv-2024']), 'evaluation:junior_assistant');
    const r = onlyReason(offer, 'APPRAISAL.DELAY');
    expect(r.outcome).toBe(outcome);
    expect(r.source.clause).toBe('五(一)10');
    expect(offer.verdict).toBe(verdict);
    expect(offer.earliestDate).toBe(earliest);
  });

  it('says the date in words and marks the reading', () => {
    const offer = offerOf(assess(engineer({ appraisals: results('qualified', 'basically_qualified', 'qualified') }), round('bazhou-ecoenv-2024'), DURING['bazhou-ecoenv-2024']), 'evaluation:intermediate');
    const r = onlyReason(offer, 'APPRAISAL.DELAY');
    expect(r.message).toContain('2025年9月8日');
    expect(r.interpretation).toBeDefined();
  });

  it('applies only in a round that states delays (aksu has none)', () => {
    const profile = engineer({ prefecture: '阿克苏地区', specialty: 'engineering.water', appraisals: results('qualified', 'unqualified', 'qualified') });
    const offer = offerOf(assess(profile, round('aksu-water-2024'), DURING['aksu-water-2024']), 'directed_evaluation:intermediate');
    expect(reasonOf(offer, 'APPRAISAL.DELAY')).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Builders

/** Results for 2021, 2022 and 2023 in that order. */
function results(...r: NonNullable<Profile['appraisals']>[number]['result'][]): NonNullable<Profile['appraisals']> {
  return r.map((result, i) => ({ year: 2021 + i, result }));
}

function engineer(patch: Partial<Profile> = {}): Profile {
  return {
    prefecture: '巴音郭楞蒙古自治州',
    workCounty: '库尔勒市',
    unitLevel: 'prefecture',
    employmentKind: 'institution',
    series: 'engineering',
    specialty: 'engineering.ecology_environment',
    currentTitle: { level: 'junior_assistant', obtainedOn: '2019-12-01' },
    appraisals: results('qualified', 'qualified', 'qualified'),
    continuingEducation: [2020, 2021, 2022, 2023, 2024].map((year) => ({ year, publicHours: 30, professionalHours: 60 })),
    facts: { retired: false, fanghuiju_village_work: false, temple_management_work: false, preschool_support_teaching: false },
    ...patch,
  };
}
