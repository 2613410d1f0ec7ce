import type { Channel, Level, Round, Way } from '../round/round.schema';
import { beijingDate } from '../time/beijing';
import type { Applicant } from './applicant';
import type { OfferContext } from './offer-context';
import type { MatchSubject } from './selector.match';
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
  const subject: MatchSubject = { ...draft, countedTo: countedTo.date };
  return { ctx: { round, applicant, level, way, channel, asOfDate, countedTo, subject }, window };
}
