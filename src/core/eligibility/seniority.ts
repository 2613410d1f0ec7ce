import type { Round, Source } from '../round/round.schema';
import { addDays, addYears, chineseDate, type IsoDateString } from './calendar-date';

/**
 * Years of service (资历). A span counts both its first and its last day: work from 2024-01-01
 * to 2024-12-31 is one full year, which is how a round's cut-off "counted up to and including
 * 2024-12-31" reads.
 */

/** The last day of the `years`-th year from `start`: from then on `years` full years are done. */
export function dateYearsCompleted(start: IsoDateString, years: number): IsoDateString {
  return addDays(addYears(start, years), -1);
}

/** Whether `years` full years from `start` are done by `countedTo` (inclusive). */
export function hasCompletedYears(start: IsoDateString, years: number, countedTo: IsoDateString): boolean {
  return dateYearsCompleted(start, years) <= countedTo;
}

/** Completed years from `start` up to and including `countedTo` (0 when it starts later). */
export function completedYears(start: IsoDateString, countedTo: IsoDateString): number {
  if (start > countedTo) return 0;
  let years = Number(countedTo.slice(0, 4)) - Number(start.slice(0, 4)) + 1;
  while (years > 0 && !hasCompletedYears(start, years, countedTo)) years -= 1;
  return years;
}

/** The day years of service are counted to, and why that day. */
export interface CountingDate {
  readonly date: IsoDateString;
  readonly source: Source;
  /** Present when the day is the engine's reading, not the notice's words (Chinese). */
  readonly interpretation?: string;
}

/**
 * The round's cut-off when it states one; otherwise the last day of this applicant's apply window,
 * marked as an interpretation, because an applicant must meet the conditions when applying.
 */
export function seniorityCountedTo(
  round: Round,
  applyEnd: { readonly date: IsoDateString; readonly source: Source } | null,
): CountingDate {
  const seniority = round.seniority;
  if (seniority.kind === 'cutoff') {
    return {
      date: seniority.cutoff,
      source: seniority.source,
      ...(seniority.interpretation ? { interpretation: seniority.interpretation } : {}),
    };
  }
  const external = round.externalRules.find((r) => r.id === seniority.externalRule);
  if (applyEnd) {
    return {
      date: applyEnd.date,
      source: applyEnd.source,
      interpretation: `通知没有写资历算到哪一天，这里算到网上申报截止日${chineseDate(applyEnd.date)}。`,
    };
  }
  // No dated apply window either: the end of the round's year is the last day it can mean.
  const date = `${round.year}-12-31`;
  return {
    date,
    source: external?.source ?? round.issuedOn.source,
    interpretation: `通知没有写资历算到哪一天，也没有写申报截止日，这里算到${chineseDate(date)}。`,
  };
}
