import { assess } from '../../../src/core/eligibility/assess';
import type { OfferAssessment } from '../../../src/core/eligibility/assessment';
import type { Profile } from '../../../src/core/eligibility/profile';
import { DURING, offerOf, onlyReason, round } from './rounds.fixture';

describe('the apply window at asOf, in Beijing time whatever the server clock', () => {
  it.each<[string, string, OfferAssessment['window']['state']]>([
    ['a second before it opens (2024-07-21 23:59:59 Beijing)', '2024-07-21T15:59:59Z', 'not_started'],
    ['the moment it opens (2024-07-22 00:00 Beijing)', '2024-07-21T16:00:00Z', 'open'],
    ['the 18:00 deadline itself (2024-08-30 18:00:00 Beijing)', '2024-08-30T10:00:00Z', 'open'],
    ['within the last second (18:00:00.999)', '2024-08-30T10:00:00.999Z', 'open'],
    ['one second after 18:00', '2024-08-30T10:00:01Z', 'closed'],
    ['later that evening, still 30 August in Beijing', '2024-08-30T15:00:00Z', 'closed'],
  ])('aksu-water (三(一)): %s is %s', (_name, iso, state) => {
    const offer = offerOf(assess(aksu(), round('aksu-water-2024'), new Date(iso)), 'directed_evaluation:intermediate');
    expect(offer.window).toEqual({ state, start: '2024-07-22T00:00:00+08:00', end: '2024-08-30T18:00:00+08:00' });
  });

  it('says the deadline in words with its time', () => {
    const offer = offerOf(assess(aksu(), round('aksu-water-2024'), new Date('2024-08-30T10:00:00Z')), 'directed_evaluation:intermediate');
    expect(onlyReason(offer, 'WINDOW.APPLY').message).toBe('网上申报时间为2024年7月22日至2024年8月30日 18:00（北京时间），现在可以申报。');
  });

  it('ends a day-only window at 23:59:59 Beijing (yuli-initial-junior-2024: 2024-10-22)', () => {
    const yuli = round('yuli-initial-junior-2024');
    expect(offerOf(assess({}, yuli, new Date('2024-10-22T15:59:59Z')), 'initial_junior:junior_assistant').window.state).toBe('open');
    expect(offerOf(assess({}, yuli, new Date('2024-10-22T16:00:00Z')), 'initial_junior:junior_assistant').window.state).toBe('closed');
  });
});

describe('tacheng: per-series windows inside the overall one (三(五)1), intersected', () => {
  it.each<[string, Partial<Profile>, string, string, OfferAssessment['window']]>([
    ['工程系列 on 2023-09-05 has not started (09-11 – 09-28)', { series: 'engineering', specialty: 'engineering.water' }, 'local_specialties:intermediate', '2023-09-05T02:00:00Z', w('not_started', '2023-09-11T00:00:00+08:00', '2023-09-28T23:59:59+08:00')],
    ['农业系列 on 2023-09-05 is open (09-02 – 09-10)', { series: 'agriculture', specialty: 'agriculture.agronomy' }, 'local_specialties:intermediate', '2023-09-05T02:00:00Z', w('open', '2023-09-02T00:00:00+08:00', '2023-09-10T23:59:59+08:00')],
    ['农业系列 closes after 2023-09-10 23:59:59', { series: 'agriculture', specialty: 'agriculture.agronomy' }, 'local_specialties:intermediate', '2023-09-10T16:00:00Z', w('closed', '2023-09-02T00:00:00+08:00', '2023-09-10T23:59:59+08:00')],
    ['艺术系列 on 2023-09-05 has closed (08-21 – 08-26)', { series: 'art', specialty: undefined }, 'local_series:intermediate', '2023-09-05T02:00:00Z', w('closed', '2023-08-21T00:00:00+08:00', '2023-08-26T23:59:59+08:00')],
    ['技工院校教师 on 2023-08-15 is open (08-15 – 08-20)', { series: 'technical_school_teacher', specialty: undefined }, 'local_series:junior_assistant', '2023-08-14T16:00:00Z', w('open', '2023-08-15T00:00:00+08:00', '2023-08-20T23:59:59+08:00')],
    ['an unknown series is open only as far as the overall window says', { series: undefined, specialty: undefined }, 'local_specialties:intermediate', '2023-09-05T02:00:00Z', w('unknown', '2023-08-15T00:00:00+08:00', '2023-09-28T23:59:59+08:00')],
    // The per-series dates are part of 三(五)1's sentence on 中、初级 applications: a directed
    // 副高 in 农艺 is given no apply window by this notice.
    ['副高级 in 农业系列 is not given the 中、初级 dates', { series: 'agriculture', specialty: 'agriculture.agronomy' }, 'directed_agriculture:deputy_senior', '2023-09-05T02:00:00Z', w('unknown', null, null)],
    ['an unknown series after the overall window is closed for sure', { series: undefined, specialty: undefined }, 'local_specialties:intermediate', '2023-09-28T16:00:00Z', w('closed', '2023-08-15T00:00:00+08:00', '2023-09-28T23:59:59+08:00')],
  ])('%s', (_name, patch, key, iso, window) => {
    const offer = offerOf(assess(tacheng(patch), round('tacheng-all-series-2023'), new Date(iso)), key);
    expect(offer.window).toEqual(window);
  });

  it('counts years to the end of the applicant’s own window when the round has no cut-off', () => {
    const profile = tacheng({ series: 'agriculture', specialty: 'agriculture.agronomy', skill: { level: 'technician', obtainedOn: '2020-09-10' } });
    const offer = offerOf(assess(profile, round('tacheng-all-series-2023'), new Date('2023-09-05T02:00:00Z')), 'local_specialties:intermediate');
    expect(onlyReason(offer, 'BRIDGE.YEARS').message).toContain('到2023年9月10日已满3年');
  });
});

describe('tacheng sends senior titles and unavailable specialties to the autonomous region (二(二)(四))', () => {
  const asOf = DURING['tacheng-all-series-2023'];

  it.each(['region_senior:senior', 'region_senior:deputy_senior'])('%s is forwarded, with what that means', (key) => {
    const offer = offerOf(assess(tacheng(), round('tacheng-all-series-2023'), asOf), key);
    expect(offer.forwardedTo).toContain('推荐到自治区评审');
    expect(offer.forwardedTo).toContain('地区人社局职称社会化评价中心');
    expect(offer.verdict).toBe('eligible_if');
    expect(onlyReason(offer, 'FORWARD.TO_REGION').outcome).toBe('cannot_judge');
    expect(offer).toMatchObject({ fee: null, materials: [], dates: [], window: { state: 'unknown', start: null, end: null } });
    expect(offer.defense.status).toBe('unknown');
  });

  it.each<[string, Partial<Profile>, string]>([
    ['a specialty the prefecture evaluates is not forwarded', { series: 'agriculture', specialty: 'agriculture.agronomy' }, 'fail'],
    ['a series the prefecture does not evaluate is forwarded', { series: 'health', specialty: undefined }, 'pass'],
    ['an engineering specialty not in its list is forwarded', { series: 'engineering', specialty: 'engineering.petroleum' }, 'pass'],
    ['an unknown specialty is asked', { series: undefined, specialty: undefined }, 'unknown'],
  ])('mid level: %s', (_name, patch, outcome) => {
    const offer = offerOf(assess(tacheng(patch), round('tacheng-all-series-2023'), asOf), 'region_unavailable:intermediate');
    expect(onlyReason(offer, 'FORWARD.NOT_APPLICABLE').outcome).toBe(outcome);
  });

  it('still applies its own exclusions to a forwarded level', () => {
    const offer = offerOf(assess(tacheng({ facts: { retired: true, works_in_prefecture: true, has_employment_relationship: true } }), round('tacheng-all-series-2023'), asOf), 'region_senior:deputy_senior');
    expect(offer.verdict).toBe('ineligible');
  });
});

describe('key dates', () => {
  it('lists the round’s dates for this person, relative and tentative ones explained', () => {
    const offer = offerOf(assess(aksu(), round('bazhou-ecoenv-2024'), DURING['bazhou-ecoenv-2024']), 'evaluation:intermediate');
    expect(offer.dates.map((d) => d.kind)).toEqual(['apply', 'review', 'paper_materials', 'fee_payment', 'defense']);
    expect(offer.dates.find((d) => d.kind === 'defense')?.note).toContain('拟定');
  });

  it('leaves out windows for other levels (aksu-water: the defense is for 高级工程师 only)', () => {
    const a = assess(aksu(), round('aksu-water-2024'), DURING['aksu-water-2024']);
    expect(offerOf(a, 'directed_evaluation:deputy_senior').dates.some((d) => d.kind === 'defense')).toBe(true);
    expect(offerOf(a, 'directed_evaluation:intermediate').dates.some((d) => d.kind === 'defense')).toBe(false);
    expect(offerOf(a, 'directed_evaluation:intermediate').dates.find((d) => d.kind === 'fee_payment')?.note).toBe('通过形式审核后开始');
  });
});

// ---------------------------------------------------------------------------------------------
// Builders

function w(state: OfferAssessment['window']['state'], start: string | null, end: string | null): OfferAssessment['window'] {
  return { state, start, end };
}

function aksu(): Profile {
  return { prefecture: '阿克苏地区', employmentKind: 'institution', specialty: 'engineering.water' };
}

function tacheng(patch: Partial<Profile> = {}): Profile {
  return {
    employmentKind: 'institution',
    series: 'engineering',
    specialty: 'engineering.water',
    facts: { retired: false, works_in_prefecture: true, has_employment_relationship: true },
    appraisals: [2020, 2021, 2022].map((year) => ({ year, result: 'qualified' as const })),
    ...patch,
  };
}
