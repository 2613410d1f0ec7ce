import type { Exclusion, ExternalTopic } from '../round/round.schema';

/**
 * Every reason code the engine gives, in one typed registry: a verdict's reasons are matched,
 * grouped and shown by code, so a code is never a free string.
 */
export const REASON_CODES = [
  'APPRAISAL.DELAY',
  'BRIDGE.APPRAISALS',
  'BRIDGE.SCHOOL_CLASS',
  'BRIDGE.SERIES',
  'BRIDGE.SKILL',
  'BRIDGE.WAIVED',
  'BRIDGE.YEARS',
  'CE.EXEMPT',
  'CE.HOURS',
  'CE.NOT_HARD_REQUIREMENT',
  'CHANNEL.ELIGIBILITY',
  'CHANNEL.ONE_PER_YEAR',
  'FORWARD.NOT_APPLICABLE',
  'FORWARD.TO_REGION',
  'INITIAL.WHO',
  'INITIAL.YEARS',
  'MANDARIN.GRADE',
  'PATH.ALTERNATIVE',
  'SCOPE.SPECIALTY',
  'SCOPE.TITLE',
  'SOCIAL_INSURANCE.MONTHS',
  'WINDOW.APPLY',
] as const;

/** One per exclusion reason the round schema knows: `EXCLUSION.RETIRED`, … */
export type ExclusionCode = `EXCLUSION.${Uppercase<Exclusion['reason']>}`;
/** One per topic of a condition another document sets: `EXTERNAL.YEARS_AT_CURRENT_LEVEL`, … */
export type ExternalCode = `EXTERNAL.${Uppercase<ExternalTopic>}`;

export type ReasonCode = (typeof REASON_CODES)[number] | ExclusionCode | ExternalCode;

export function exclusionCode(reason: Exclusion['reason']): ExclusionCode {
  return `EXCLUSION.${reason.toUpperCase()}` as ExclusionCode;
}

export function externalCode(topic: ExternalTopic): ExternalCode {
  return `EXTERNAL.${topic.toUpperCase()}` as ExternalCode;
}

/** Exclusions that bar a person from every offer of a round, whatever the level or series. */
export const PERSONAL_EXCLUSIONS: readonly ExclusionCode[] = ['EXCLUSION.RETIRED', 'EXCLUSION.AGENCY_STAFF', 'EXCLUSION.CIVIL_SERVICE_MANAGED'];
