import type { Channel, Level, Round, Source, Way } from '../round/round.schema';
import type { Applicant } from './applicant';
import type { Reason, ReasonOutcome } from './assessment';
import type { ReasonCode } from './reason.codes';
import type { IsoDateString } from './calendar-date';
import type { MatchSubject } from './selector.match';
import type { CountingDate } from './seniority';

/** Everything a rule needs to judge one level × way × channel for one applicant. */
export interface OfferContext {
  readonly round: Round;
  readonly applicant: Applicant;
  readonly level: Level;
  readonly way: Way;
  readonly channel: Channel;
  /** Beijing date of the moment the assessment is for. */
  readonly asOfDate: IsoDateString;
  /** The day years of service are counted to. */
  readonly countedTo: CountingDate;
  /** The day who may use a channel is judged on: the last day of applying (see `MatchSubject`). */
  readonly appliesOn: { readonly date: IsoDateString; readonly interpretation: string };
  /** The same, ready for selector matching. */
  readonly subject: MatchSubject;
}

/** Builds a reason, leaving out optional fields that are not set (the result is plain data). */
export function reason(
  code: ReasonCode,
  outcome: ReasonOutcome,
  message: string,
  source: Source,
  extra: { earliestDate?: string; missing?: string; interpretation?: string | undefined; ownFacts?: readonly string[] } = {},
): Reason {
  return {
    code,
    outcome,
    message,
    source,
    ...(extra.earliestDate !== undefined ? { earliestDate: extra.earliestDate } : {}),
    ...(extra.missing !== undefined ? { missing: extra.missing } : {}),
    ...(extra.interpretation !== undefined ? { interpretation: extra.interpretation } : {}),
    ...(extra.ownFacts !== undefined && extra.ownFacts.length > 0 ? { ownFacts: extra.ownFacts } : {}),
  };
}

/** Joins two interpretations (the data's and the engine's) into one caveat. */
export function joinInterpretations(...parts: readonly (string | undefined)[]): string | undefined {
  const present = parts.filter((p): p is string => p !== undefined && p !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}
