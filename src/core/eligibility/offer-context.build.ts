import type { Channel, Level, Round, Way } from '../round/round.schema';
import { beijingDate } from '../time/beijing';
import type { Applicant } from './applicant';
import type { OfferContext } from './offer-context';
import type { MatchSubject } from './selector.match';
import { chineseDate } from './calendar-date';
import { seniorityCountedTo } from './seniority';
import { applyWindowFor, type ApplyWindow } from './windows';

/**
 * The context of one level × way × channel at `asOf`. The apply window comes first because a
 * round without a cut-off counts years of service to the end of this person's window.
 */
export function buildOfferContext(
  round: Round,
  applicant: Applicant,
  target: { readonly level: Level; readonly way: Way; readonly channel: Channel },
  asOf: Date,
): { readonly ctx: OfferContext; readonly window: ApplyWindow } {
  const asOfDate = beijingDate(asOf);
  const { level, way, channel } = target;
  const draft: MatchSubject = { round, applicant, level, way, channel, countedTo: asOfDate };
  const window = applyWindowFor(round, draft, asOf);
  const countedTo = seniorityCountedTo(round, window.endDate && window.source ? { date: window.endDate, source: window.source } : null);
  const appliesOn = window.endDate
    ? { date: window.endDate, interpretation: `能否走这一渠道（如连续派驻满1年）要在申报时满足，这里按网上申报截止日${chineseDate(window.endDate)}计算；资历年限另按${chineseDate(countedTo.date)}计算。` }
    : { date: countedTo.date, interpretation: `通知没有写网上申报截止日，能否走这一渠道按${chineseDate(countedTo.date)}计算。` };
  const subject: MatchSubject = { ...draft, countedTo: countedTo.date, appliesOn: appliesOn.date };
  return { ctx: { round, applicant, level, way, channel, asOfDate, countedTo, appliesOn, subject }, window };
}
