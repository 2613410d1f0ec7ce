import { assess } from '../../../src/core/eligibility/assess';
import type { ReasonOutcome, Verdict } from '../../../src/core/eligibility/assessment';
import type { Profile } from '../../../src/core/eligibility/profile';
import { aksuEmployee, bazhouEngineer, posted, privateEngineer, tachengAgronomist, yuliGraduate } from './people.fixture';
import { DURING, offerOf, onlyReason, reasonOf, round, type RoundId } from './rounds.fixture';

describe('exclusions (bazhou-ecoenv-2024 一, tacheng-all-series-2023 一(一)(二)(三), aksu-water-2024 一(一), yuli-initial-junior-2024 一)', () => {
  it.each<[string, RoundId, string, Profile, string, ReasonOutcome, string]>([
    ['rejects a retiree (bazhou-ecoenv-2024 一)', 'bazhou-ecoenv-2024', 'evaluation:intermediate', bazhouEngineer({ facts: { retired: true } }), 'EXCLUSION.RETIRED', 'fail', '一'],
    ['rejects a retiree (tacheng-all-series-2023 一(二))', 'tacheng-all-series-2023', 'local_specialties:intermediate', tachengAgronomist({ facts: { retired: true } }), 'EXCLUSION.RETIRED', 'fail', '一(二)'],
    ['rejects a civil servant (bazhou-ecoenv-2024 一)', 'bazhou-ecoenv-2024', 'evaluation:intermediate', bazhouEngineer({ employmentKind: 'agency' }), 'EXCLUSION.AGENCY_STAFF', 'fail', '一'],
    ['rejects staff of a unit run under the civil-servant law (tacheng-all-series-2023 一(三))', 'tacheng-all-series-2023', 'local_specialties:intermediate', tachengAgronomist({ employmentKind: 'civil_service_managed_institution' }), 'EXCLUSION.CIVIL_SERVICE_MANAGED', 'fail', '一(三)'],
    ['asks whether an applicant is retired when unanswered', 'bazhou-ecoenv-2024', 'evaluation:intermediate', bazhouEngineer({ facts: {} }), 'EXCLUSION.RETIRED', 'unknown', '一'],
    ['passes a serving institution employee', 'bazhou-ecoenv-2024', 'evaluation:intermediate', bazhouEngineer(), 'EXCLUSION.AGENCY_STAFF', 'pass', '一'],
    ['names the national list for a specialty the round does not evaluate itself (以考代评, tacheng-all-series-2023 一(一))', 'tacheng-all-series-2023', 'region_unavailable:intermediate', tachengAgronomist({ series: 'accounting', specialty: 'accounting.general' }), 'EXCLUSION.EXAM_REPLACED_SPECIALTY', 'cannot_judge', '一(一)'],
  ])('%s', (_name, id, key, profile, code, outcome, clause) => {
    const offer = offerOf(assess(profile, round(id), DURING[id]), key);
    const r = onlyReason(offer, code);
    expect(r.outcome).toBe(outcome);
    expect(r.source.clause).toBe(clause);
    if (outcome === 'fail') expect(offer.verdict).toBe('ineligible');
    if (outcome === 'unknown') expect(offer.missing).toContain('是否已经退休');
  });

  it.each<[RoundId, string, Profile]>([
    ['aksu-forestry-2024', 'directed_evaluation:intermediate', aksuEmployee({ series: 'engineering', specialty: 'engineering.forestry_grassland' })],
    ['yuli-initial-junior-2024', 'initial_junior:junior_assistant', yuliGraduate()],
    ['tacheng-all-series-2023', 'local_specialties:intermediate', tachengAgronomist()],
  ])('does not raise 以考代评 for a specialty %s lists as evaluated there', (id, key, profile) => {
    const offer = offerOf(assess(profile, round(id), DURING[id]), key);
    expect(reasonOf(offer, 'EXCLUSION.EXAM_REPLACED_SPECIALTY')).toBeUndefined();
  });

  it('repeats round-wide exclusions in `general`', () => {
    const a = assess(bazhouEngineer({ facts: { retired: true } }), round('bazhou-ecoenv-2024'), DURING['bazhou-ecoenv-2024']);
    expect(a.general.find((r) => r.code === 'EXCLUSION.RETIRED')?.outcome).toBe('fail');
  });
});

describe('channels: directed evaluation and the private-enterprise special review (aksu-water-2024 一(一)(二))', () => {
  const PE = 'private_enterprise_evaluation:intermediate';

  it.each<[string, Profile, ReasonOutcome, Verdict, string | null]>([
    ['admits staff of a private enterprise licensed in the prefecture', privateEngineer({ facts: { employer_licence_registered_in_prefecture: true } }), 'pass', 'eligible_if', null],
    ['admits a freelancer whose file the prefecture agency holds', privateEngineer({ employmentKind: 'freelancer', facts: { personnel_file_held_by_prefecture_agency: true } }), 'pass', 'eligible_if', null],
    ['rejects a freelancer whose file is held elsewhere', privateEngineer({ employmentKind: 'freelancer', facts: { personnel_file_held_by_prefecture_agency: false } }), 'fail', 'ineligible', null],
    ['admits an outside-Xinjiang posting of more than a year', posted('2023-06-01'), 'pass', 'eligible_if', null],
    // Who may use the channel is judged when applying (the window ends 2024-08-30), not at the
    // seniority cut-off (2024-12-31).
    ['admits a posting of exactly one year on the last day of applying (2023-08-31 → 2024-08-30)', posted('2023-08-31'), 'pass', 'eligible_if', null],
    ['makes a posting one day short at the end of applying wait, though it is a year by the cut-off', posted('2023-09-01'), 'later', 'not_yet', '2024-08-31'],
    ['asks since when the posting runs', privateEngineer({ facts: { posted_by_enterprise_outside_xinjiang: true, employer_licence_registered_in_prefecture: false } }), 'unknown', 'eligible_if', null],
    ['rejects an institution employee', aksuEmployee({ employmentKind: 'institution' }), 'fail', 'ineligible', null],
    ['rejects a private enterprise neither licensed here nor posted', privateEngineer({ facts: { employer_licence_registered_in_prefecture: false, posted_by_enterprise_outside_xinjiang: false } }), 'fail', 'ineligible', null],
  ])('%s', (_name, profile, outcome, verdict, earliest) => {
    const offer = offerOf(assess(profile, round('aksu-water-2024'), DURING['aksu-water-2024']), PE);
    const r = onlyReason(offer, 'CHANNEL.ELIGIBILITY');
    expect(r.outcome).toBe(outcome);
    expect(r.source.clause).toBe('一(二)');
    expect(offer.verdict).toBe(verdict);
    expect(offer.earliestDate).toBe(earliest);
  });

  it('says when a short posting will be a full year, in words, and which day it was counted to and why', () => {
    const offer = offerOf(assess(posted('2023-09-01'), round('aksu-water-2024'), DURING['aksu-water-2024']), PE);
    const r = onlyReason(offer, 'CHANNEL.ELIGIBILITY');
    expect(r.message).toContain('到2024年8月30日还不满1年，2024年8月31日满1年');
    expect(r.interpretation).toContain('按网上申报截止日2024年8月30日计算');
  });

  it.each<[string, Profile, ReasonOutcome]>([
    ['admits an enterprise employee working in the prefecture', aksuEmployee({ employmentKind: 'state_enterprise' }), 'pass'],
    ['rejects someone working in another prefecture', aksuEmployee({ prefecture: '塔城地区' }), 'fail'],
    ['asks where someone works when the prefecture is not given', aksuEmployee({ prefecture: undefined }), 'unknown'],
    ['rejects a civil servant, whom the channel does not cover', aksuEmployee({ employmentKind: 'agency' }), 'fail'],
  ])('directed evaluation %s (aksu-water-2024 一(一))', (_name, profile, outcome) => {
    const offer = offerOf(assess(profile, round('aksu-water-2024'), DURING['aksu-water-2024']), 'directed_evaluation:intermediate');
    expect(onlyReason(offer, 'CHANNEL.ELIGIBILITY').outcome).toBe(outcome);
  });
});

describe('one channel per year for the same series (specialty) and level (aksu-water-2024 二)', () => {
  const water = { series: 'engineering', specialty: 'engineering.water' } as const;
  it.each<[string, Profile['applicationsThisYear'], string, ReasonOutcome]>([
    ['rejects a second channel for the same series, specialty and level', [{ ...water, level: 'intermediate', channel: 'directed' }], 'private_enterprise_evaluation:intermediate', 'fail'],
    ['allows the same channel again (the application itself)', [{ ...water, level: 'intermediate', channel: 'private_enterprise' }], 'private_enterprise_evaluation:intermediate', 'pass'],
    ['allows another level', [{ ...water, level: 'intermediate', channel: 'directed' }], 'private_enterprise_evaluation:junior_assistant', 'pass'],
    ['allows another series', [{ series: 'agriculture', level: 'intermediate', channel: 'directed' }], 'private_enterprise_evaluation:intermediate', 'pass'],
    ['allows another specialty of the same series (林草 does not block 水利)', [{ series: 'engineering', specialty: 'engineering.forestry_grassland', level: 'intermediate', channel: 'directed' }], 'private_enterprise_evaluation:intermediate', 'pass'],
    ['asks which specialty when the other application names only the series', [{ series: 'engineering', level: 'intermediate', channel: 'directed' }], 'private_enterprise_evaluation:intermediate', 'unknown'],
    ['asks which series when the other application does not say', [{ level: 'intermediate', channel: 'directed' }], 'private_enterprise_evaluation:intermediate', 'unknown'],
    ['asks when the applicant has not said', undefined, 'private_enterprise_evaluation:intermediate', 'unknown'],
    ['passes with no other application', [], 'private_enterprise_evaluation:intermediate', 'pass'],
  ])('%s', (_name, applications, key, outcome) => {
    const profile = privateEngineer({ facts: { employer_licence_registered_in_prefecture: true }, applicationsThisYear: applications });
    const offer = offerOf(assess(profile, round('aksu-water-2024'), DURING['aksu-water-2024']), key);
    const r = onlyReason(offer, 'CHANNEL.ONE_PER_YEAR');
    expect(r.outcome).toBe(outcome);
    expect(r.source.clause).toBe('二');
  });

  it('is not raised where the round has one channel only (bazhou)', () => {
    const offer = offerOf(assess(bazhouEngineer(), round('bazhou-ecoenv-2024'), DURING['bazhou-ecoenv-2024']), 'evaluation:intermediate');
    expect(reasonOf(offer, 'CHANNEL.ONE_PER_YEAR')).toBeUndefined();
  });
});

describe('Mandarin for institution staff: at least 三级乙等 (aksu-water-2024 四(一)17)', () => {
  it.each<[string, Profile, ReasonOutcome | null]>([
    ['rejects an institution employee without a certificate', aksuEmployee({ mandarinGrade: null }), 'fail'],
    ['accepts exactly 三级乙等', aksuEmployee({ mandarinGrade: '三级乙等' }), 'pass'],
    ['accepts 一级甲等', aksuEmployee({ mandarinGrade: '一级甲等' }), 'pass'],
    ['asks the grade when unanswered', aksuEmployee({ mandarinGrade: undefined }), 'unknown'],
    ['does not ask an enterprise employee', aksuEmployee({ employmentKind: 'state_enterprise', mandarinGrade: undefined }), null],
    ['asks the employer kind when it decides whether a missing certificate matters', aksuEmployee({ employmentKind: undefined, mandarinGrade: null }), 'unknown'],
    ['does not ask the employer kind when the grade is enough anyway', aksuEmployee({ employmentKind: undefined, mandarinGrade: '二级甲等' }), 'pass'],
  ])('%s', (_name, profile, outcome) => {
    const offer = offerOf(assess(profile, round('aksu-water-2024'), DURING['aksu-water-2024']), 'directed_evaluation:intermediate');
    const r = reasonOf(offer, 'MANDARIN.GRADE');
    expect(r?.outcome ?? null).toBe(outcome);
    if (r) expect(r.source.clause).toBe('四(一)17');
  });

  it('is not required by a round that states no Mandarin rule (bazhou)', () => {
    const offer = offerOf(assess(bazhouEngineer({ mandarinGrade: null }), round('bazhou-ecoenv-2024'), DURING['bazhou-ecoenv-2024']), 'evaluation:intermediate');
    expect(reasonOf(offer, 'MANDARIN.GRADE')).toBeUndefined();
  });
});

describe('social insurance for enterprise staff (bazhou-ecoenv-2024 五(一)2: 6 months with QR code; yuli-initial-junior-2024 五(一)1: the last year)', () => {
  it.each<[string, RoundId, string, Profile, ReasonOutcome | null, string | null]>([
    ['accepts 6 months at bazhou', 'bazhou-ecoenv-2024', 'evaluation:intermediate', bazhouEngineer({ employmentKind: 'private_enterprise', socialInsuranceMonths: 6 }), 'pass', null],
    ['makes 5 months at bazhou wait a month (asOf 2024-08-30)', 'bazhou-ecoenv-2024', 'evaluation:intermediate', bazhouEngineer({ employmentKind: 'private_enterprise', socialInsuranceMonths: 5 }), 'later', '2024-09-30'],
    ['asks an enterprise employee for the months', 'bazhou-ecoenv-2024', 'evaluation:intermediate', bazhouEngineer({ employmentKind: 'state_enterprise' }), 'unknown', null],
    ['does not ask an institution employee', 'bazhou-ecoenv-2024', 'evaluation:intermediate', bazhouEngineer(), null, null],
    ['accepts 12 months at yuli', 'yuli-initial-junior-2024', 'initial_junior:junior_assistant', yuliGraduate({ employmentKind: 'private_enterprise', socialInsuranceMonths: 12 }), 'pass', null],
    ['makes 11 months at yuli wait a month (asOf 2024-10-10)', 'yuli-initial-junior-2024', 'initial_junior:junior_assistant', yuliGraduate({ employmentKind: 'private_enterprise', socialInsuranceMonths: 11 }), 'later', '2024-11-10'],
  ])('%s', (_name, id, key, profile, outcome, earliest) => {
    const offer = offerOf(assess(profile, round(id), DURING[id]), key);
    const r = reasonOf(offer, 'SOCIAL_INSURANCE.MONTHS');
    expect(r?.outcome ?? null).toBe(outcome);
    expect(r?.earliestDate ?? null).toBe(earliest);
  });

  it('tells bazhou enterprise staff the proof needs a QR code', () => {
    const offer = offerOf(assess(bazhouEngineer({ employmentKind: 'private_enterprise', socialInsuranceMonths: 6 }), round('bazhou-ecoenv-2024'), DURING['bazhou-ecoenv-2024']), 'evaluation:intermediate');
    expect(onlyReason(offer, 'SOCIAL_INSURANCE.MONTHS').message).toContain('二维码');
  });
});

describe('years at the current level are the autonomous region’s rule, never guessed', () => {
  it.each<[RoundId, string, Profile]>([
    ['aksu-water-2024', 'directed_evaluation:deputy_senior', aksuEmployee()],
    ['bazhou-ecoenv-2024', 'evaluation:intermediate', bazhouEngineer()],
    ['tacheng-all-series-2023', 'local_specialties:intermediate', tachengAgronomist()],
  ])('%s %s: eligible_if with a cannot_judge naming the document', (id, key, profile) => {
    const offer = offerOf(assess(profile, round(id), DURING[id]), key);
    const r = onlyReason(offer, 'EXTERNAL.YEARS_AT_CURRENT_LEVEL');
    const rule = round(id).externalRules.find((x) => x.topic === 'years_at_current_level')!;
    expect(r.outcome).toBe('cannot_judge');
    expect(r.message).toContain(rule.document);
    expect(offer.verdict).toBe('eligible_if');
    expect(offer.missing.some((m) => m.includes(rule.document))).toBe(true);
  });
});

describe('conditions another document sets are checked against the applicant facts', () => {
  it('shows a 中级 water engineer his education, years of work and years at his level, counted to the cut-off', () => {
    const offer = offerOf(assess(aksuEmployee(), round('aksu-water-2024'), DURING['aksu-water-2024']), 'directed_evaluation:deputy_senior');
    const r = onlyReason(offer, 'EXTERNAL.YEARS_AT_CURRENT_LEVEL');
    expect(r.outcome).toBe('cannot_judge');
    expect(r.message).toContain('请用下面您的情况对照该文件中副高级的条件');
    expect(r.ownFacts).toEqual([
      '最高学历：本科（全日制），2010年7月1日毕业。',
      '从事专业技术工作：2010年8月1日起，截至2024年12月31日满14年。',
      '任现职（中级）：2018年12月1日取得，截至2024年12月31日满6年。',
    ]);
  });

  it('says which facts are missing instead of counting from a guess', () => {
    const profile = aksuEmployee({ professionalWorkSince: undefined, currentTitle: { level: 'intermediate' } });
    const offer = offerOf(assess(profile, round('aksu-water-2024'), DURING['aksu-water-2024']), 'directed_evaluation:deputy_senior');
    expect(onlyReason(offer, 'EXTERNAL.YEARS_AT_CURRENT_LEVEL').ownFacts).toEqual([
      '最高学历：本科（全日制），2010年7月1日毕业。',
      '从事专业技术工作的年限：您没有回答从何时开始，请补充后对照。',
      '现有职称：中级，没有回答取得时间，无法计算任现职年限。',
    ]);
  });

  it('names no facts for a topic that is not about years (series conditions: papers, achievements)', () => {
    const offer = offerOf(assess(aksuEmployee(), round('aksu-water-2024'), DURING['aksu-water-2024']), 'directed_evaluation:deputy_senior');
    expect(reasonOf(offer, 'EXTERNAL.SERIES_CONDITIONS')?.ownFacts).toBeUndefined();
  });
});
