import type { Profile } from '../../../src/core/eligibility/profile';
import { nextQuestion, questions, visibleQuestions, type QuestionContext } from '../../../src/features/self-check/questions';
import type { Round } from '../../../src/core/round/round.schema';
import { round, type RoundId } from '../../core/eligibility/rounds.fixture';

const ctxOf = (id: RoundId, patch: (r: Round) => Round = (r) => r): QuestionContext => ({ round: patch(round(id)), year: round(id).year, latestMonth: '2024-10' });
const visibleIds = (profile: Profile, ctx: QuestionContext) => visibleQuestions(profile, ctx).map((q) => q.id);
const byId = (id: string) => questions.find((q) => q.id === id)!;

describe('which questions show, asked of the rules in the round', () => {
  it.each<[string, RoundId, Profile, string, boolean]>([
    // Exclusions the round states end the questionnaire; those it does not state are not asked.
    ['asks about retirement where the round excludes retirees (bazhou-ecoenv-2024 一)', 'bazhou-ecoenv-2024', {}, 'retired', true],
    ['does not ask about retirement where the round states no such exclusion (yuli)', 'yuli-initial-junior-2024', {}, 'retired', false],
    ['asks nothing more of a retiree', 'bazhou-ecoenv-2024', { facts: { retired: true } }, 'education', false],
    ['keeps the retirement question itself, so the answer can be changed', 'bazhou-ecoenv-2024', { facts: { retired: true } }, 'retired', true],
    ['asks nothing more of a civil servant', 'bazhou-ecoenv-2024', { employmentKind: 'agency' }, 'specialty', false],
    // Where one works: asked whatever the unit's level (bazhou-ecoenv-2024 六 exempts 且末县 / 若羌县 workers).
    ['asks the county of a prefecture-level unit', 'bazhou-ecoenv-2024', { unitLevel: 'prefecture', facts: { works_in_prefecture: true } }, 'workCounty', true],
    ['does not ask the county of someone working elsewhere', 'bazhou-ecoenv-2024', { facts: { works_in_prefecture: false } }, 'workCounty', false],
    // Facts asked only where a rule of the round uses them and the rest of that rule may apply.
    ['asks an institution employee for the Mandarin grade (aksu-water-2024 四(一)17)', 'aksu-water-2024', { employmentKind: 'institution' }, 'mandarin', true],
    ['does not ask a private-enterprise employee for the Mandarin grade', 'aksu-water-2024', { employmentKind: 'private_enterprise' }, 'mandarin', false],
    ['asks a private-enterprise employee whether the licence is registered here (aksu-water-2024 一(二))', 'aksu-water-2024', { employmentKind: 'private_enterprise' }, 'licence', true],
    ['does not ask an institution employee about a licence', 'aksu-water-2024', { employmentKind: 'institution' }, 'licence', false],
    ['asks a freelancer where the personnel file is held', 'aksu-water-2024', { employmentKind: 'freelancer' }, 'personnelFile', true],
    ['does not ask a private-enterprise employee where the personnel file is held', 'aksu-water-2024', { employmentKind: 'private_enterprise' }, 'personnelFile', false],
    ['asks since when a posting runs once posted', 'aksu-water-2024', { employmentKind: 'private_enterprise', facts: { posted_by_enterprise_outside_xinjiang: true } }, 'postedSince', true],
    ['does not ask for a posting date where the round has no posting rule', 'yuli-initial-junior-2024', { employmentKind: 'private_enterprise', facts: { posted_by_enterprise_outside_xinjiang: true } }, 'postedSince', false],
    ['asks an enterprise employee for months of social insurance (bazhou)', 'bazhou-ecoenv-2024', { employmentKind: 'state_enterprise' }, 'socialInsurance', true],
    ['does not ask an institution employee for months of social insurance', 'bazhou-ecoenv-2024', { employmentKind: 'institution' }, 'socialInsurance', false],
    ['asks a private-enterprise employee whether this is the first application (aksu CE exemption)', 'aksu-water-2024', { employmentKind: 'private_enterprise' }, 'firstApplication', true],
    ['does not ask an institution employee whether this is the first application', 'aksu-water-2024', { employmentKind: 'institution' }, 'firstApplication', false],
    ['asks about another channel this year where the round allows one channel (aksu-water-2024 二)', 'aksu-water-2024', {}, 'otherApplication', true],
    ['does not ask about another channel where the round has one', 'bazhou-ecoenv-2024', {}, 'otherApplication', false],
    ['asks about a skill certificate where the round has the skill bridge', 'aksu-water-2024', {}, 'skill', true],
    ['does not ask about a skill certificate where it has none', 'yuli-initial-junior-2024', {}, 'skill', false],
    ['asks whether the education was full-time where initial determination needs it (yuli)', 'yuli-initial-junior-2024', { educations: [{ education: 'bachelor' }] }, 'fullTime', true],
    ['asks the date of the title only once there is one', 'aksu-water-2024', { currentTitle: null }, 'currentTitleOn', false],
  ])('%s', (_name, id, profile, question, shown) => {
    expect(visibleIds(profile, ctxOf(id)).includes(question)).toBe(shown);
  });

  it('follows the round: without its retirement exclusion, retirees are not asked (nothing is copied from the rules)', () => {
    const withoutRetirement = ctxOf('bazhou-ecoenv-2024', (r) => ({ ...r, exclusions: r.exclusions.filter((e) => e.reason !== 'retired') }));
    expect(visibleIds({}, withoutRetirement)).not.toContain('retired');
    expect(visibleIds({ facts: { retired: true } }, withoutRetirement)).toContain('education');
  });

  it('moves on past a question the answer itself hid: a retiree goes to the result', () => {
    const ctx = ctxOf('bazhou-ecoenv-2024');
    expect(nextQuestion(byId('retired'), { facts: { retired: true } }, ctx)).toBeNull();
    expect(nextQuestion(byId('retired'), { facts: { retired: false } }, ctx)?.id).toBe('worksInPrefecture');
  });

  it('offers every series the notice lists, those without specialties as a whole (tacheng)', () => {
    const specialty = byId('specialty');
    if (specialty.kind !== 'specialty') throw new Error('specialty question');
    const groups = specialty.groups(ctxOf('tacheng-all-series-2023'));
    expect(groups.map((g) => g.title)).toEqual(round('tacheng-all-series-2023').series.map((s) => s.name));
    expect(groups.find((g) => g.title === '新闻系列')?.options).toEqual([{ value: 'journalism', label: '新闻系列' }]);
    // Every specialty of yuli's 43-row table is offered, once, under its series.
    const offered = specialty.groups(ctxOf('yuli-initial-junior-2024')).flatMap((g) => g.options.map((o) => o.value));
    expect(new Set(offered).size).toBe(offered.length);
    for (const s of round('yuli-initial-junior-2024').specialties) expect(offered).toContain(s.code);
  });

  it('stores a month as its last day, so no year of service is counted early', () => {
    const graduated = byId('graduatedOn');
    if (graduated.kind !== 'month') throw new Error('month question');
    const profile = graduated.write({ educations: [{ education: 'bachelor' }] }, '2024-02');
    expect(profile.educations?.[0]?.graduatedOn).toBe('2024-02-29');
    expect(graduated.read(profile)).toBe('2024-02');
  });
});

describe('the appraisal years asked', () => {
  const appraisals = byId('appraisals');
  const rowsOf = (profile: Profile) => (appraisals.kind === 'rows' ? appraisals.rows(ctxOf('bazhou-ecoenv-2024'), profile).map((r) => r.label) : []);

  it('asks the three years before the round of someone who has worked longer', () => {
    expect(rowsOf({ professionalWorkSince: '2010-07-31' })).toEqual(['2023年', '2022年', '2021年']);
    expect(rowsOf({})).toEqual(['2023年', '2022年', '2021年']);
  });

  it('asks someone who began work in August 2023 for 2023 only, and someone who began this year for none', () => {
    expect(rowsOf({ professionalWorkSince: '2023-08-31' })).toEqual(['2023年']);
    expect(visibleIds({ professionalWorkSince: '2024-07-31' }, ctxOf('bazhou-ecoenv-2024'))).not.toContain('appraisals');
    expect(visibleIds({ professionalWorkSince: '2023-08-31' }, ctxOf('bazhou-ecoenv-2024'))).toContain('appraisals');
  });
});

describe('quotation marks', () => {
  it('nests a channel name’s own quotes as Chinese does: ‘’ inside “”', () => {
    const other = byId('otherApplication');
    const labels = other.kind === 'choice' ? other.options(ctxOf('aksu-forestry-2024')).map((o) => o.label) : [];
    expect(labels).toContain('已通过“地区‘定向评价’评审”申报');
  });
});
