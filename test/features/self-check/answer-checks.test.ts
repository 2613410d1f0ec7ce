import { checkMonths, HOURS_RULE, parseNumber } from '../../../src/features/self-check/answer-checks';
import { questions, type QuestionContext } from '../../../src/features/self-check/questions';
import type { Profile } from '../../../src/core/eligibility/profile';
import { round } from '../../core/eligibility/rounds.fixture';

const hours = { min: 0, max: 1000, decimals: true, unit: '学时' } as const;
const months = { min: 0, max: 600, decimals: false, unit: '个月' } as const;

describe('a year’s continuing-education hours', () => {
  it('refuses 999 (a slip for 99) with why, and keeps 500', () => {
    expect(parseNumber('999', HOURS_RULE)).toEqual({ ok: false, message: '一年的学时不会超过 500（那相当于 60 多个整天的培训），请检查是否多输了数字。' });
    expect(parseNumber('500', HOURS_RULE)).toEqual({ ok: true, value: 500 });
    expect(parseNumber('60', HOURS_RULE)).toEqual({ ok: true, value: 60 });
  });
});

describe('parseNumber: taken as meant, or refused with a reason, never clamped', () => {
  it.each<[string, string, typeof hours | typeof months, number | undefined]>([
    ['keeps a decimal as typed', '12.5', hours, 12.5],
    ['reads full-width digits and the Chinese decimal point', '３２．５', hours, 32.5],
    ['reads an empty field as unknown', '  ', hours, undefined],
    ['keeps the largest allowed value', '1000', hours, 1000],
    ['keeps a whole number of months', '30', months, 30],
  ])('%s', (_name, text, rule, value) => {
    expect(parseNumber(text, rule)).toEqual({ ok: true, value });
  });

  it.each<[string, string, typeof hours | typeof months, RegExp]>([
    ['refuses a negative number instead of dropping the sign', '-5', hours, /不能是负数/],
    ['refuses a value above the limit instead of clamping it', '3000', hours, /不能超过 1000学时/],
    ['refuses text', '三十', hours, /请只填数字/],
    ['refuses a decimal where only whole numbers mean something', '12.5', months, /请填整数/],
    ['refuses two decimal points', '1.2.3', hours, /请只填数字/],
  ])('%s', (_name, text, rule, message) => {
    const parsed = parseNumber(text, rule);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});

describe('checkMonths: impossible dates stop, odd ones are said', () => {
  const ctx: QuestionContext = { round: round('aksu-water-2024'), year: 2024, latestMonth: '2024-08' };
  const q = (id: string) => questions.find((x) => x.id === id)!;

  it.each<[string, string, Profile, 'errors' | 'warnings', RegExp]>([
    ['stops a date after the server\u2019s month', 'professionalWorkSince', { professionalWorkSince: '2024-11-30' }, 'errors', /不能晚于现在（2024年8月）/],
    ['says when work began before graduation', 'professionalWorkSince', { educations: [{ education: 'bachelor', graduatedOn: '2015-07-31' }], professionalWorkSince: '2014-09-30' }, 'warnings', /早于毕业时间（2015年7月）/],
    ['says when a title came before the work it rests on', 'currentTitleOn', { professionalWorkSince: '2015-07-31', currentTitle: { level: 'intermediate', obtainedOn: '2012-12-31' } }, 'warnings', /早于开始从事专业技术工作的时间（2015年7月）/],
  ])('%s', (_name, id, profile, kind, message) => {
    const findings = checkMonths(q(id), profile, ctx);
    expect(findings[kind].join('')).toMatch(message);
  });

  it('says when graduation falls after the round\u2019s cut-off (aksu-water-2024 四(二): 2024-12-31)', () => {
    const later: QuestionContext = { ...ctx, latestMonth: '2025-08' };
    expect(checkMonths(q('graduatedOn'), { educations: [{ education: 'bachelor', graduatedOn: '2025-06-30' }] }, later).warnings.join('')).toMatch(/晚于本批次资历计算截止日（2024年12月）/);
  });

  it('has nothing to say about ordinary dates', () => {
    const profile: Profile = { educations: [{ education: 'bachelor', graduatedOn: '2010-07-31' }], professionalWorkSince: '2010-08-31', currentTitle: { level: 'intermediate', obtainedOn: '2018-12-31' } };
    for (const id of ['graduatedOn', 'professionalWorkSince', 'currentTitleOn']) expect(checkMonths(q(id), profile, ctx)).toEqual({ errors: [], warnings: [] });
  });
});
