import { describeApplicant } from '../../../src/core/eligibility/applicant';
import { appraisalDelay } from '../../../src/core/eligibility/appraisal.delays';
import { assess } from '../../../src/core/eligibility/assess';
import type { Reason, ReasonOutcome } from '../../../src/core/eligibility/assessment';
import { buildOfferContext } from '../../../src/core/eligibility/offer-context.build';
import type { Profile } from '../../../src/core/eligibility/profile';
import { skillBridgeReasons } from '../../../src/core/eligibility/skill-bridge';
import type { HighSkillBridge, Level, Round } from '../../../src/core/round/round.schema';
import { DURING, offerOf, onlyReason, reasonOf, round, type RoundId } from './rounds.fixture';

/** aksu-water counts years to its cut-off 2024-12-31 (四(二)22); the bridge is 四(二)24. */
describe('high-skill bridge: 高级工 / 技师 / 高级技师 after 2 / 3 / 4 years → 助理级 / 中级 / 副高级', () => {
  it.each<[string, Profile['skill'], Level, ReasonOutcome, string | null]>([
    ['高级工 with 2 years by the cut-off → 助理级', skill('senior_worker', '2023-01-01'), 'junior_assistant', 'pass', null],
    ['高级工 one day short of 2 years → 助理级 later', skill('senior_worker', '2023-01-02'), 'junior_assistant', 'later', '2025-01-01'],
    ['技师 with 3 years by the cut-off → 中级', skill('technician', '2022-01-01'), 'intermediate', 'pass', null],
    ['技师 one day short of 3 years → 中级 later', skill('technician', '2022-01-02'), 'intermediate', 'later', '2025-01-01'],
    ['高级技师 with 4 years by the cut-off → 副高级', skill('senior_technician', '2021-01-01'), 'deputy_senior', 'pass', null],
    ['高级技师 one day short of 4 years → 副高级 later', skill('senior_technician', '2021-01-02'), 'deputy_senior', 'later', '2025-01-01'],
  ])('%s', (_name, s, level, outcome, earliest) => {
    const reasons = bridge('aksu-water-2024', worker({ skill: s }), level);
    const years = only(reasons, 'BRIDGE.YEARS');
    expect(years.outcome).toBe(outcome);
    expect(years.earliestDate ?? null).toBe(earliest);
    expect(years.source.clause).toBe('四(二)24');
  });

  it.each<[string, Profile['skill'], Level, ReasonOutcome]>([
    ['a 高级工 cannot bridge to 中级', skill('senior_worker', '2015-01-01'), 'intermediate', 'fail'],
    ['a 技师 cannot bridge to 副高级', skill('technician', '2015-01-01'), 'deputy_senior', 'fail'],
    ['a 高级技师 may bridge to 中级', skill('senior_technician', '2015-01-01'), 'intermediate', 'pass'],
  ])('%s', (_name, s, level, outcome) => {
    expect(only(bridge('aksu-water-2024', worker({ skill: s }), level), 'BRIDGE.SKILL').outcome).toBe(outcome);
  });

  it('counts years given as a number from the assessment day (2024-08-01 minus 3 years)', () => {
    const reasons = bridge('aksu-water-2024', worker({ skill: { level: 'technician', yearsOfSkilledWork: 3 } }), 'intermediate');
    const years = only(reasons, 'BRIDGE.YEARS');
    expect(years.outcome).toBe('pass');
    expect(years.interpretation).toContain('推算');
  });

  it('asks for the years when neither a date nor a number is given', () => {
    expect(only(bridge('aksu-water-2024', worker({ skill: { level: 'technician' } }), 'intermediate'), 'BRIDGE.YEARS').outcome).toBe('unknown');
  });

  it.each<[string, Profile['appraisals'], ReasonOutcome]>([
    ['passes with 2021–2023 all qualified', appraisals({ 2021: 'qualified', 2022: 'excellent', 2023: 'qualified' }), 'pass'],
    ['fails with one 基本合格 among the last three', appraisals({ 2021: 'qualified', 2022: 'basically_qualified', 2023: 'qualified' }), 'fail'],
    ['fails when one year was not appraised', appraisals({ 2021: 'qualified', 2022: 'not_appraised', 2023: 'qualified' }), 'fail'],
    ['ignores years before the last three', appraisals({ 2020: 'unqualified', 2021: 'qualified', 2022: 'qualified', 2023: 'qualified' }), 'pass'],
    ['asks for a missing year', appraisals({ 2022: 'qualified', 2023: 'qualified' }), 'unknown'],
  ])('last 3 appraisals qualified: %s', (_name, list, outcome) => {
    const reasons = bridge('aksu-water-2024', worker({ appraisals: list }), 'intermediate');
    expect(only(reasons, 'BRIDGE.APPRAISALS').outcome).toBe(outcome);
  });

  it('waives education, thesis, foreign language and computer conditions', () => {
    expect(only(bridge('aksu-water-2024', worker(), 'intermediate'), 'BRIDGE.WAIVED').message).toMatch(/学历、论文、外语、计算机/);
  });

  it.each<[string, RoundId, Partial<Profile>, ReasonOutcome]>([
    ['is open to 工程系列 as 工程技术 (aksu)', 'aksu-water-2024', {}, 'pass'],
    ['is open to 农业系列 (tacheng-all-series-2023 一(四))', 'tacheng-all-series-2023', { series: 'agriculture', specialty: 'agriculture.agronomy' }, 'pass'],
    ['is closed to 新闻系列, which the notice does not list (tacheng)', 'tacheng-all-series-2023', { series: 'journalism', specialty: undefined }, 'fail'],
  ])('%s', (_name, id, patch, outcome) => {
    expect(only(bridge(id, worker(patch), 'intermediate'), 'BRIDGE.SERIES').outcome).toBe(outcome);
  });

  it('does not apply without a skill, nor in a round without a bridge (bazhou)', () => {
    expect(bridge('aksu-water-2024', worker({ skill: null }), 'intermediate')).toBeNull();
    expect(bridge('bazhou-ecoenv-2024', worker({ series: 'engineering', specialty: 'engineering.ecology_environment' }), 'intermediate')).toBeNull();
  });

  it('replaces the years-at-level rule it makes unnecessary, and keeps normal promotion as a summed-up alternative', () => {
    const offer = offerOf(assess(worker(), round('aksu-water-2024'), DURING['aksu-water-2024']), 'directed_evaluation:intermediate');
    expect(onlyReason(offer, 'BRIDGE.YEARS').outcome).toBe('pass');
    expect(reasonOf(offer, 'EXTERNAL.YEARS_AT_CURRENT_LEVEL')).toBeUndefined();
    expect(onlyReason(offer, 'PATH.ALTERNATIVE').outcome).toBe('info');
    expect(offer.verdict).toBe('eligible_if');
  });

  it('falls back to normal promotion when the bridge is not yet open, and says when it will be', () => {
    const offer = offerOf(assess(worker({ skill: skill('technician', '2022-06-01') }), round('aksu-water-2024'), DURING['aksu-water-2024']), 'directed_evaluation:intermediate');
    expect(offer.verdict).toBe('eligible_if');
    expect(onlyReason(offer, 'EXTERNAL.YEARS_AT_CURRENT_LEVEL').outcome).toBe('cannot_judge');
    expect(onlyReason(offer, 'PATH.ALTERNATIVE').message).toContain('2025年5月31日');
  });
});

/**
 * Which series the bridge is open in, by the round's series codes (aksu-water-2024 四(二)24 and tacheng-all-series-2023 一(四)
 * list 工程技术、农业、工艺美术、文物博物、实验技术、艺术、体育、技工院校教师; aksu-forestry-2024 四(六) lists none).
 * Expectations are written from the notice text.
 */
const BRIDGE_CLAUSE: Partial<Record<RoundId, string>> = { 'aksu-forestry-2024': '四(六)', 'aksu-water-2024': '四(二)24', 'tacheng-all-series-2023': '一(四)' };

describe('high-skill bridge: the series it is open in', () => {
  it.each<[RoundId, Profile['series'], ReasonOutcome]>([
    ['aksu-forestry-2024', 'engineering', 'pass'], // 四(六) names no series
    ['aksu-water-2024', 'engineering', 'pass'], // 工程技术
    ['aksu-water-2024', 'agriculture', 'fail'], // listed, but not a series of this round
    ['tacheng-all-series-2023', 'engineering', 'pass'], // 工程技术
    ['tacheng-all-series-2023', 'agriculture', 'pass'], // 农业
    ['tacheng-all-series-2023', 'cultural_relics_museum', 'pass'], // 文物博物
    ['tacheng-all-series-2023', 'art', 'pass'], // 艺术
    ['tacheng-all-series-2023', 'sports_coach', 'pass'], // 体育
    ['tacheng-all-series-2023', 'technical_school_teacher', 'pass'], // 技工院校教师
    ['tacheng-all-series-2023', 'journalism', 'fail'],
    ['tacheng-all-series-2023', 'broadcasting', 'fail'],
    ['tacheng-all-series-2023', 'minority_language_translation', 'fail'],
    ['tacheng-all-series-2023', 'library', 'fail'],
    ['tacheng-all-series-2023', 'mass_culture', 'fail'],
    ['tacheng-all-series-2023', 'party_school_teacher', 'fail'],
  ])('%s: %s → %s, by code, with no name-matching caveat', (id, series, outcome) => {
    const r = only(bridge(id, worker({ series, specialty: undefined }), 'intermediate'), 'BRIDGE.SERIES');
    expect(r.outcome).toBe(outcome);
    expect(r.interpretation).toBeUndefined();
    expect(r.source.clause).toBe(BRIDGE_CLAUSE[id]);
  });

  it('goes by the codes, not the names, when the round gives codes', () => {
    // 艺术 stays among the names; only the code list decides.
    const r = withScope(round('tacheng-all-series-2023'), (scope) => ({ ...scope, series: scope.series?.filter((c) => c !== 'art') }));
    const reason = only(bridgeIn(r, worker({ series: 'art', specialty: undefined }), 'intermediate'), 'BRIDGE.SERIES');
    expect(reason.outcome).toBe('fail');
    expect(reason.message).toContain('不包括艺术系列');
  });

  it('falls back to comparing names, and says so, when the round gives no codes', () => {
    const r = withScope(round('tacheng-all-series-2023'), ({ series: _series, ...scope }) => scope);
    const open = only(bridgeIn(r, worker({ series: 'art', specialty: undefined }), 'intermediate'), 'BRIDGE.SERIES');
    expect(open.outcome).toBe('pass');
    expect(open.interpretation).toContain('按名称对照');
    const closed = only(bridgeIn(r, worker({ series: 'journalism', specialty: undefined }), 'intermediate'), 'BRIDGE.SERIES');
    expect(closed.outcome).toBe('fail');
    expect(closed.interpretation).toContain('按名称对照');
  });

  it('leaves the round it reads untouched', () => {
    const r = round('tacheng-all-series-2023');
    const before = JSON.stringify(r);
    bridgeIn(r, worker({ series: 'art', specialty: undefined }), 'intermediate');
    expect(JSON.stringify(r)).toBe(before);
  });
});

describe('technical-school classes count as 中专 / 大专 / 本科 (aksu-water-2024 四(二)24, tacheng-all-series-2023 一(四))', () => {
  it.each([
    ['中级工班', 'secondary_vocational', '中专'],
    ['高级工班', 'junior_college', '大专'],
    ['预备技师班', 'bachelor', '本科'],
  ] as const)('%s counts as %s in a round with the bridge', (className, education, word) => {
    const profile = worker({ educations: [{ education: 'secondary_vocational', technicalSchoolClass: className, graduatedOn: '2012-07-01' }] });
    const applicant = describeApplicant(profile, round('tacheng-all-series-2023'));
    expect(applicant.educations?.[0]?.education).toBe(education);
    const offer = offerOf(assess(profile, round('aksu-water-2024'), DURING['aksu-water-2024']), 'directed_evaluation:intermediate');
    expect(onlyReason(offer, 'BRIDGE.SCHOOL_CLASS').message).toContain(`按${word}学历`);
  });

  it('does not count as an academic education where the round has no bridge (yuli)', () => {
    const profile = worker({ educations: [{ education: 'junior_college', technicalSchoolClass: '高级工班', graduatedOn: '2012-07-01' }] });
    expect(describeApplicant(profile, round('yuli-initial-junior-2024')).educations?.[0]?.education).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Builders

function bridge(id: RoundId, profile: Profile, level: Level): readonly Reason[] | null {
  return bridgeIn(round(id), profile, level);
}

function bridgeIn(r: Round, profile: Profile, level: Level): readonly Reason[] | null {
  const id = r.id as RoundId;
  const { ctx } = buildOfferContext(r, describeApplicant(profile, r), { level, way: 'evaluation', channel: id === 'tacheng-all-series-2023' ? 'general' : 'directed' }, DURING[id]);
  return skillBridgeReasons(ctx, appraisalDelay(ctx));
}

type ListedScope = Extract<HighSkillBridge['seriesScope'], { kind: 'listed' }>;

/** A copy of the round whose first bridge has its listed scope changed (the original is not touched). */
function withScope(r: Round, change: (scope: ListedScope) => ListedScope): Round {
  const copy = structuredClone(r);
  const bridge = copy.highSkillBridges[0]!;
  if (bridge.seriesScope.kind !== 'listed') throw new Error(`${r.id}: bridge scope is not listed`);
  bridge.seriesScope = change(bridge.seriesScope);
  return copy;
}

function only(reasons: readonly Reason[] | null, code: string): Reason {
  const found = (reasons ?? []).filter((r) => r.code === code);
  if (found.length !== 1) throw new Error(`expected one ${code}, got ${found.length}`);
  return found[0]!;
}

function skill(level: NonNullable<Profile['skill']>['level'], obtainedOn: string): Profile['skill'] {
  return { level, obtainedOn };
}

function appraisals(results: Record<number, NonNullable<Profile['appraisals']>[number]['result']>): Profile['appraisals'] {
  return Object.entries(results).map(([year, result]) => ({ year: Number(year), result }));
}

function worker(patch: Partial<Profile> = {}): Profile {
  return {
    prefecture: '阿克苏地区',
    employmentKind: 'state_enterprise',
    series: 'engineering',
    specialty: 'engineering.water',
    skill: { level: 'senior_technician', obtainedOn: '2015-01-01' },
    currentTitle: null,
    appraisals: appraisals({ 2021: 'qualified', 2022: 'qualified', 2023: 'qualified' }),
    continuingEducation: [2021, 2022, 2023, 2024].map((year) => ({ year, publicHours: 30, professionalHours: 60 })),
    facts: { retired: false, fanghuiju_village_work: false, temple_management_work: false, preschool_support_teaching: false },
    applicationsThisYear: [],
    ...patch,
  };
}
