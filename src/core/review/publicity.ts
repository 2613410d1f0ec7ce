import * as z from 'zod';
import { countWorkdays, HolidayCalendar } from '../time/workdays';
import { err, ok, type Result } from '../result';

/**
 * The unit's internal publicity (单位内部公示, at least 5 working days: aksu-water-2024 四(二)22, bazhou-ecoenv-2024 五(一)13)
 * counted on Xinjiang's calendar: the national holidays and make-up days plus the autonomous
 * region's minority festivals (肉孜节, 古尔邦节), which the region announces each year. A year the
 * national calendar lacks is refused; a year whose regional notice is not on file is counted on the
 * national calendar and said so.
 */
export const RegionalCalendar = z.strictObject({
  scope: z.string().min(1),
  years: z.record(
    z.string().regex(/^\d{4}$/),
    z.strictObject({ holidays: z.array(z.string()), makeUpWorkdays: z.array(z.string()), source: z.string().min(1) }),
  ),
});
export type RegionalCalendar = z.infer<typeof RegionalCalendar>;

export interface PublicityCount {
  readonly workingDays: number;
  /** Years of the period whose regional festivals are not on file (counted on the national calendar). */
  readonly regionalMissing: readonly number[];
}

export function countPublicityDays(national: HolidayCalendar, regional: RegionalCalendar, from: string, to: string): Result<PublicityCount, string> {
  if (to < from) return err('公示结束日期早于开始日期，请重新选择。');
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y += 1) years.push(y);
  const known = years.filter((y) => regional.years[String(y)]);
  const extraHolidays = known.flatMap((y) => regional.years[String(y)]!.holidays);
  const extraMakeUp = known.flatMap((y) => regional.years[String(y)]!.makeUpWorkdays);
  const holidays = [...new Set([...national.holidays, ...extraHolidays])];
  const makeUpWorkdays = [...new Set([...national.makeUpWorkdays.filter((d) => !extraHolidays.includes(d)), ...extraMakeUp])];
  const counted = countWorkdays({ ...national, holidays, makeUpWorkdays }, from, to);
  if (!counted.ok) {
    return err(counted.error.kind === 'year_not_covered' ? `日历还没有收录${counted.error.year}年的节假日安排，暂时无法计算工作日，请联系管理员。` : '公示日期不正确，请重新选择。');
  }
  return ok({ workingDays: counted.value, regionalMissing: years.filter((y) => !regional.years[String(y)]) });
}

/** The moment a publicity ending on `to` (a Beijing date, inclusive) is over: the next day's 00:00 Beijing. */
export function publicityOver(to: string): Date {
  return new Date(Date.parse(`${to}T00:00:00+08:00`) + 24 * 60 * 60 * 1000);
}

/** The unit's internal publicity is recorded, long enough (the round's working days), and over. */
export function publicityDone(publicity: { readonly to: string; readonly workingDays: number } | null, requiredDays: number, now: Date): boolean {
  return publicity !== null && now.getTime() >= publicityOver(publicity.to).getTime() && publicity.workingDays >= requiredDays;
}

/**
 * The first day a publicity starting on `from` may end on to last at least `workingDays` working
 * days on Xinjiang's calendar (null when the calendar does not reach that far).
 */
export function earliestPublicityEnd(national: HolidayCalendar, regional: RegionalCalendar, from: string, workingDays: number): string | null {
  let day = from;
  // A month of days holds any run of working days a notice asks for, holidays included.
  for (let i = 0; i < 62; i += 1) {
    const counted = countPublicityDays(national, regional, from, day);
    if (!counted.ok) return null;
    if (counted.value.workingDays >= workingDays) return day;
    day = nextDay(day);
  }
  return null;
}

function nextDay(day: string): string {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 60 * 60 * 1000);
  return next.toISOString().slice(0, 10);
}
