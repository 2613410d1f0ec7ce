import type { ApplicationRecord } from '../application/application.schema';
import type { ReviewView } from '../contracts/api';
import { LEVEL_LABELS } from '../eligibility/labels';
import type { Role } from '../people/person';
import { err, ok, type Result } from '../result';
import type { Round } from '../round/round.schema';
import { outsideRoundYear } from '../time/calendar-day';
import type { HolidayCalendar } from '../time/workdays';
import { countPublicityDays, type RegionalCalendar } from './publicity';
import { TRANSITIONS } from './review.machine';
import { chineseDate, daysIncluding, fillTemplate } from './template-fill';
import { BLANK, fromIdNumber } from '../exports/document-fields';

/**
 * The unit's internal publicity of an application (单位内部公示, aksu-water-2024 四(二)22), as the
 * unit admin records it before approving: in the statuses the approval it conditions leaves from,
 * within the round's year, and at least the round's working days on Xinjiang's calendar.
 */
export const RECORDED_IN: readonly string[] = [...new Set(TRANSITIONS.filter((r) => r.guards.includes('publicity_done')).flatMap((r) => r.from))];

export interface RecordedPublicity {
  readonly from: string;
  readonly to: string;
  readonly workingDays: number;
}

/** The publicity to record, or why not (`wrong_status`, or the words to show at the dates). */
export function recordPublicity(
  record: Pick<ApplicationRecord, 'status'>,
  round: Pick<Round, 'year' | 'unitPublicity'>,
  period: { readonly from: string; readonly to: string },
  calendars: { readonly national: HolidayCalendar; readonly regional: RegionalCalendar },
): Result<RecordedPublicity, { readonly kind: 'wrong_status' | 'bad_dates'; readonly message: string }> {
  const { from, to } = period;
  if (!RECORDED_IN.includes(record.status)) return err({ kind: 'wrong_status', message: '只有等待单位审核的申报才登记公示。' });
  const outside = outsideRoundYear(from, round.year, '公示开始日期') ?? outsideRoundYear(to, round.year, '公示结束日期');
  if (outside) return err({ kind: 'bad_dates', message: outside });
  const counted = countPublicityDays(calendars.national, calendars.regional, from, to);
  if (!counted.ok) return err({ kind: 'bad_dates', message: counted.error });
  const required = round.unitPublicity.workingDays;
  if (counted.value.workingDays < required) return err({ kind: 'bad_dates', message: `${chineseDate(from)}至${chineseDate(to)}只有 ${counted.value.workingDays} 个工作日，通知要求公示不少于 ${required} 个工作日。` });
  return ok({ from, to, workingDays: counted.value.workingDays });
}

/** Said beside a recorded publicity whose years' regional festivals are not on file (counted on the national calendar). */
export function regionalHolidayNote(missingYears: readonly number[]): string | null {
  return missingYears.length > 0 ? `${missingYears.join('、')}年自治区的肉孜节、古尔邦节假期尚未收录，按全国节假日计算，请核对。` : null;
}

/** 附件1 / 附件2 of the round, where it gives their words, filled with the applicant's data. */
export function publicityTexts(round: Round, record: ApplicationRecord, publicity: { readonly from: string; readonly to: string }): ReviewView['publicityTexts'] {
  const series = round.series.find((s) => s.code === record.series)?.name ?? '';
  const specialty = round.specialties.find((s) => s.code === record.specialty)?.name ?? '';
  const values = {
    name: record.applicantName,
    from: chineseDate(publicity.from),
    to: chineseDate(publicity.to),
    days: String(daysIncluding(publicity.from, publicity.to)),
    title: `${series}${specialty}${LEVEL_LABELS[record.level]}`,
    unit: record.unit?.name ?? '本单位',
    basics: basicsLine(record),
  };
  return round.templates
    .filter((t) => t.body && (t.code === 'unit_publicity' || t.code === 'unit_publicity_result'))
    .map((t) => ({ attachment: t.attachment, name: t.name.replace('（模板）', ''), text: fillTemplate(t.body!, values) }));
}

/**
 * 基本信息 as the product knows it: 性别 (from the ID number), 族别, 政治面貌, the ID number and the
 * current title (无 when none); what the applicant has not given yet is named as still to fill, never
 * printed as a blank.
 */
function basicsLine(record: ApplicationRecord): string {
  const { sex } = fromIdNumber(record.idNumber);
  const current = record.profile.currentTitle;
  const known: string[] = [];
  const missing: string[] = [];
  const put = (what: string, value: string | null | undefined) => (value ? known.push(value) : missing.push(what));
  put('性别', sex === BLANK ? null : sex);
  put('族别', record.basics.ethnicity);
  put('政治面貌', record.basics.politicalStatus);
  put('身份证号', record.idNumber ? `身份证号${record.idNumber}` : null);
  if (current === null) known.push('现任专业技术职务：无');
  else put('现任专业技术职务', current ? `现任专业技术职务：${LEVEL_LABELS[current.level]}${current.obtainedOn ? `（${chineseDate(current.obtainedOn)}取得）` : ''}` : null);
  return `${known.join('，')}${missing.length > 0 ? `${known.length > 0 ? '；' : ''}待申报人补充：${missing.join('、')}` : ''}`;
}

/** The opinion a reviewer signs when they write none: the round's words for the unit, else the usual ones. */
export function standardOpinion(round: Pick<Round, 'standardTexts'>, role: Role): string {
  if (role === 'unit_admin') return round.standardTexts.find((t) => t.purpose === 'unit_opinion')?.text ?? '本单位已对提供的申报材料逐一审核，真实准确，同意推荐。';
  if (role === 'county_agency' || role === 'prefecture_agency') return '经审核，同意推荐。';
  return '经审核，同意上报。';
}
