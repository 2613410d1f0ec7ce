import type { Submission } from '../round/round.schema';
import { beijingDate, endOfBeijingDay } from '../time/beijing';

/**
 * When a returned application must be resubmitted by, in Beijing time: "48小时内" is 48 hours from
 * the moment of return (bazhou-ecoenv-2024 四(三)); "2日内" is to the end of the second Beijing calendar day
 * after the day of return (aksu-water-2024 四(一)1), never cutting an applicant off before the day ends. Where
 * the round sets no time (tacheng), the apply window's end.
 */
export function returnDeadline(rule: Submission['resubmitAfterReturn'], returnedAt: Date, applyWindowEnd: Date | null): Date | null {
  if (rule.kind === 'not_stated') return applyWindowEnd;
  if (rule.unit === 'hours') return new Date(returnedAt.getTime() + rule.amount * 3_600_000);
  const day = beijingDate(new Date(returnedAt.getTime() + rule.amount * 86_400_000));
  const end = endOfBeijingDay(day);
  return end.ok ? end.value : null;
}
