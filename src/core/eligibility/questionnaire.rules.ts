import type { Fact, Round, Selector } from '../round/round.schema';
import { describeApplicant } from './applicant';
import { exclusionReasons } from './eligibility.rules';
import type { Profile } from './profile';
import { exclusionCode, PERSONAL_EXCLUSIONS } from './reason.codes';
import { matchSelector, type MatchSubject } from './selector.match';
import { seniorityCountedTo } from './seniority';

/**
 * What a questionnaire needs to know from the round's rules, so it asks only what can change an
 * answer: whether an answer already bars the person from the whole round, and whether a fact or a
 * rule can still matter for them. The rules stay in the round; nothing here restates one.
 */

function subjectOf(profile: Profile, round: Round): MatchSubject {
  return { round, applicant: describeApplicant(profile, round), countedTo: seniorityCountedTo(round, null).date };
}

/** True when the round's own exclusions already bar this person from every offer (retired, civil servant). */
export function isBarred(profile: Profile, round: Round): boolean {
  const personal = (reason: Round['exclusions'][number]['reason']) => PERSONAL_EXCLUSIONS.includes(exclusionCode(reason));
  return exclusionReasons(round, subjectOf(profile, round), 'unknown', (e) => personal(e.reason)).some((r) => r.outcome === 'fail');
}

/** True when some selector may still cover the person (a `no` on what is already answered rules it out). */
export function mayMatchAny(profile: Profile, round: Round, selectors: readonly (Selector | undefined)[]): boolean {
  const subject = subjectOf(profile, round);
  return selectors.some((who) => matchSelector(who, subject).value !== 'no');
}

/**
 * True when the fact can change an answer for this person: some selector of the round conditions
 * on it, and the rest of that selector may still cover them (a freelancer is never asked about the
 * employer's licence if the licence rule is for private-enterprise staff only).
 */
export function factMatters(profile: Profile, round: Round, fact: Fact): boolean {
  const others = selectorsUsing(round, fact).map((s) => withoutFact(s, fact));
  return others.length > 0 && mayMatchAny(profile, round, others);
}

function selectorsUsing(round: Round, fact: Fact): Selector[] {
  const found: Selector[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    const object = value as Record<string, unknown>;
    const uses =
      (object.factsAny as Fact[] | undefined)?.includes(fact) ||
      (object.factsNone as Fact[] | undefined)?.includes(fact) ||
      (object.factsAll as { fact: Fact }[] | undefined)?.some((r) => r.fact === fact);
    if (uses) found.push(object as Selector);
    else Object.values(object).forEach(visit);
  };
  visit(round);
  return found;
}

/** The selector with this fact taken out, so only the other conditions decide. */
function withoutFact(selector: Selector, fact: Fact): Selector {
  const { factsAll, factsAny, factsNone, ...rest } = selector;
  const all = factsAll?.filter((r) => r.fact !== fact);
  const none = factsNone?.filter((f) => f !== fact);
  return {
    ...rest,
    ...(all && all.length > 0 ? { factsAll: all } : {}),
    // Any-of with this fact in it could be met by this fact alone: the rest no longer restricts.
    ...(factsAny && !factsAny.includes(fact) ? { factsAny } : {}),
    ...(none && none.length > 0 ? { factsNone: none } : {}),
  };
}
