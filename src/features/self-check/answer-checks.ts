import type { Profile } from '../../core/eligibility/profile';
import type { Question, QuestionContext } from './questions';

/**
 * Checks of what a person typed or picked, before it is kept: a number is taken as meant or
 * refused with a reason (never clamped), a date that cannot be or looks wrong gets a message.
 * `error` blocks moving on; `warning` is said and the person may go on.
 */

export type Parsed = { readonly ok: true; readonly value: number | undefined } | { readonly ok: false; readonly message: string };

export interface NumberRule {
  readonly min: number;
  readonly max: number;
  /** Whether a decimal (12.5 学时) is meaningful. */
  readonly decimals: boolean;
  readonly unit: string;
  /** What to say above `max`, where the bound has a reason worth saying. */
  readonly tooMuch?: string;
}

/** Full-width digits and the Chinese decimal point, as Chinese keyboards type them, read as ASCII. */
const toAscii = (text: string) => text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[．。]/g, '.');

/**
 * A year's hours of one kind are at most 500: the notices ask 30 公需 and 60 专业 a year, and 500 is
 * more than 60 whole days of training (8 学时 a day) besides one's work. More is a typing slip (999
 * for 99), said so rather than kept.
 */
export const HOURS_RULE: NumberRule = { min: 0, max: 500, decimals: true, unit: '学时', tooMuch: '一年的学时不会超过 500（那相当于 60 多个整天的培训），请检查是否多输了数字。' };

export function parseNumber(text: string, rule: NumberRule): Parsed {
  const trimmed = toAscii(text.trim());
  if (trimmed === '') return { ok: true, value: undefined };
  if (/^[-－]/.test(trimmed)) return { ok: false, message: '不能是负数，请重新填写。' };
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return { ok: false, message: rule.decimals ? '请只填数字，例如 30 或 12.5。' : '请只填整数，例如 12。' };
  if (!rule.decimals && trimmed.includes('.')) return { ok: false, message: '请填整数，不要带小数点。' };
  const value = Number(trimmed);
  if (value > rule.max) return { ok: false, message: rule.tooMuch ?? `不能超过 ${rule.max}${rule.unit}，请检查是否多输了数字。` };
  if (value < rule.min) return { ok: false, message: `不能少于 ${rule.min}${rule.unit}。` };
  return { ok: true, value };
}

export interface Findings {
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
}

const monthText = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
const month = (date: string | undefined) => date?.slice(0, 7);

/** What is wrong or odd with the month questions' answers, given every other answer. */
export function checkMonths(question: Question, profile: Profile, ctx: QuestionContext): Findings {
  if (question.kind !== 'month') return { errors: [], warnings: [] };
  const value = question.read(profile);
  if (value === undefined) return { errors: [], warnings: [] };
  const errors: string[] = [];
  const warnings: string[] = [];
  if (value > ctx.latestMonth) errors.push(`不能晚于现在（${monthText(ctx.latestMonth)}），请重新选择。`);
  const graduated = month(profile.educations?.[0]?.graduatedOn);
  const workSince = month(profile.professionalWorkSince);
  const titleOn = month(profile.currentTitle?.obtainedOn);
  const cutoff = ctx.round.seniority.kind === 'cutoff' ? month(ctx.round.seniority.cutoff) : undefined;
  if (question.id === 'graduatedOn' && cutoff && value > cutoff) {
    warnings.push(`毕业时间晚于本批次资历计算截止日（${monthText(cutoff)}），这个学历在本批次可能不能计入。`);
  }
  if (question.id === 'professionalWorkSince' && graduated && value < graduated) {
    warnings.push(`开始从事专业技术工作的时间早于毕业时间（${monthText(graduated)}）。如果是毕业后才开始工作，请改正；在职取得学历的可以继续。`);
  }
  if (question.id === 'currentTitleOn' && workSince && value < workSince) {
    warnings.push(`取得职称的时间早于开始从事专业技术工作的时间（${monthText(workSince)}），请检查。`);
  }
  if (question.id === 'graduatedOn' && workSince && titleOn === undefined && value > workSince) {
    warnings.push(`毕业时间晚于您填写的开始工作时间（${monthText(workSince)}），请确认两个时间都没有填错。`);
  }
  return { errors, warnings };
}
