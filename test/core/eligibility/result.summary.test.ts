import { assess } from '../../../src/core/eligibility/assess';
import type { Profile } from '../../../src/core/eligibility/profile';
import { ownReasons, summarizeAssessment, type ResultSummary } from '../../../src/core/eligibility/result.summary';
import { aksuEmployee, bazhouEngineer, privateEngineer, yuliGraduate } from './people.fixture';
import { DURING, round, type RoundId } from './rounds.fixture';

function summaryOf(id: RoundId, profile: Profile): ResultSummary {
  return summarizeAssessment(assess(profile, round(id), DURING[id]), profile, round(id));
}

describe('summarizeAssessment: the answer first', () => {
  it.each<[string, Profile]>([
    ['a retiree', { facts: { retired: true } }],
    ['a civil servant', { employmentKind: 'agency' }],
  ])('tells %s in one sentence with its clause, and lists nothing else', (_name, profile) => {
    const s = summaryOf('bazhou-ecoenv-2024', profile);
    expect(s.barred?.message).toMatch(/不能申报/);
    expect(s.barred?.source.clause).toBe('一');
    expect(s.lines).toEqual([]);
    expect(s.materials).toEqual([]);
  });

  it('folds the levels a 中级 engineer already holds and says so', () => {
    const s = summaryOf('aksu-water-2024', aksuEmployee());
    expect(s.held?.text).toBe('您已有中级职称，初级（员级）至中级不再列出。');
    expect(s.listed.map((o) => o.level)).not.toContain('intermediate');
    expect(s.listed.map((o) => o.level)).not.toContain('junior_assistant');
  });

  it('gives the senior engineer one line per channel: 副高级 to confirm by directed evaluation, the private channel out with its reason once', () => {
    const s = summaryOf('aksu-water-2024', aksuEmployee());
    const [directed, privateChannel] = s.lines;
    expect(directed?.label).toBe('评审 · 定向评价');
    expect(directed?.now).toBeNull();
    expect(directed?.ifConfirmed.map((o) => o.level)).toEqual(['deputy_senior']);
    expect(privateChannel?.out.map((o) => o.level)).toEqual(['deputy_senior']);
    expect(s.out).toHaveLength(1);
    expect(s.out[0]?.message).toContain('您的单位是事业单位');
  });

  it('lists what to confirm once, with his own years and education beside the document to check', () => {
    const s = summaryOf('aksu-water-2024', aksuEmployee());
    const years = s.toConfirm.find((c) => c.what.startsWith('正常晋升所需的学历'));
    expect(years?.ownFacts).toContain('任现职（中级）：2018年12月1日取得，截至2024年12月31日满6年。');
    expect(years?.concerns).toEqual(['副高级 · 评审 · 定向评价']);
    expect(new Set(s.toConfirm.map((c) => c.what)).size).toBe(s.toConfirm.length);
  });

  it('says a condition only the series’ document settles as one to check with the unit or HR office, not a question to answer', () => {
    const s = summaryOf('aksu-water-2024', aksuEmployee());
    expect(s.toConfirm.find((c) => c.what.startsWith('正常晋升所需的学历'))?.kind).toBe('document');
    const unsure = summaryOf('aksu-water-2024', aksuEmployee({ applicationsThisYear: undefined }));
    expect(unsure.toConfirm.filter((c) => c.kind === 'answer').map((c) => c.what)).toContainEqual(expect.stringContaining('今年是否已通过其他方式申报'));
  });

  it('gives a 本科 graduate the best level per way (初定 助理级) and folds the lower 员级', () => {
    const s = summaryOf('yuli-initial-junior-2024', yuliGraduate({ specialty: 'agriculture.agronomy', series: 'agriculture' }));
    expect(s.lines).toHaveLength(1);
    expect(s.lines[0]?.now?.level).toBe('junior_assistant');
    expect(s.listed.map((o) => o.level)).toEqual(['junior_assistant']);
  });

  it('lists every level that waits on the same unanswered questions on its own, lowest first, never as a range', () => {
    const s = summaryOf('aksu-water-2024', {});
    const directed = s.lines.find((l) => l.label === '评审 · 定向评价');
    expect(directed?.ifConfirmed.map((o) => o.level)).toEqual(['junior_assistant', 'intermediate', 'deputy_senior']);
  });

  it('offers 艾合买提 (助理级 since 2019, 本科 2016) 中级, the level he would apply for next, with its own entry before 副高级, in both channels', () => {
    const ahmat = privateEngineer({ currentTitle: { level: 'junior_assistant', obtainedOn: '2019-09-01' }, educations: [{ education: 'bachelor', fullTime: true, graduatedOn: '2016-07-01' }], professionalWorkSince: '2016-08-01' });
    const s = summaryOf('aksu-water-2024', ahmat);
    expect(s.lines.map((l) => ({ label: l.label, now: l.now?.level ?? null, ifConfirmed: l.ifConfirmed.map((o) => o.level) }))).toEqual([
      { label: '评审 · 定向评价', now: null, ifConfirmed: ['intermediate', 'deputy_senior'] },
      { label: '评审 · 民营企业专项评审', now: null, ifConfirmed: ['intermediate', 'deputy_senior'] },
    ]);
    expect(s.held?.text).toBe('您已有初级（助理级）职称，初级（员级）至初级（助理级）不再列出。');
  });

  it('says reasons every listed level shares once, and leaves them out of each level', () => {
    const s = summaryOf('aksu-water-2024', {});
    expect(s.shared.length).toBeGreaterThan(0);
    for (const offer of s.listed) {
      const own = ownReasons(offer, s.shared);
      for (const shared of s.shared) expect(own.some((r) => r.code === shared.code && r.message === shared.message)).toBe(false);
    }
  });

  it('lists every material once; masks shared by every page are said once, and none on what experts never see (the 1-inch photo)', () => {
    const s = summaryOf('bazhou-ecoenv-2024', bazhouEngineer());
    const codes = s.materials.map((m) => m.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(s.maskEverywhere).toEqual(['own_name', 'work_unit', 'unit_seal', 'own_photo_eyes']);
    expect(s.materials.find((m) => m.code === 'photo')?.mask).toEqual([]);
  });
});
