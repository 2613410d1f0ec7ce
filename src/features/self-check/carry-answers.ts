import type { MeView } from '../../core/contracts/api';
import type { Profile } from '../../core/eligibility/profile';
import type { Round } from '../../core/round/round.schema';

/**
 * Answers taken to another round: what is about the person (education, dates, titles, appraisals,
 * hours, service) stays; what belongs to the old round goes when the new one cannot use it: a
 * series or specialty it does not list, and where one works when it is another prefecture.
 */
export function carryAnswers(profile: Profile, to: Round, from: Round | null): Profile {
  const next: Profile = { ...profile };
  const seriesKnown = next.series === undefined || to.series.some((s) => s.code === next.series);
  const specialtyKnown = next.specialty === undefined || to.specialties.some((s) => s.code === next.specialty);
  if (!seriesKnown || !specialtyKnown) {
    delete next.series;
    delete next.specialty;
  }
  const samePrefecture = from !== null && from.region.prefecture === to.region.prefecture;
  if (!samePrefecture) {
    delete next.workCounty;
    delete next.prefecture;
    if (next.facts?.works_in_prefecture !== undefined) {
      const facts = { ...next.facts };
      delete facts.works_in_prefecture;
      next.facts = facts;
    }
  }
  return next;
}

/** True when anything at all was answered: then a carried profile is worth saying so. */
export function hasAnswers(profile: Profile): boolean {
  return Object.keys(profile).some((key) => key !== 'facts') || Object.keys(profile.facts ?? {}).length > 0;
}

/**
 * What the account already knows, filled in where the person has not answered: the unit's kind
 * and level, and, for a round of the account's own prefecture, that they work there and in which
 * county. Each stays a preselected answer the person confirms with a tap.
 */
export function prefillFromAccount(profile: Profile, me: MeView, round: Round, counties: readonly string[]): Profile {
  const next: Profile = { ...profile };
  if (next.employmentKind === undefined && me.unitKind) next.employmentKind = me.unitKind;
  if (next.unitLevel === undefined && me.unitLevel) next.unitLevel = me.unitLevel;
  if (me.prefecture === round.region.prefecture) {
    if (next.facts?.works_in_prefecture === undefined) next.facts = { ...(next.facts ?? {}), works_in_prefecture: true };
    if (next.workCounty === undefined && me.county && counties.includes(me.county)) next.workCounty = me.county;
  }
  return next;
}
