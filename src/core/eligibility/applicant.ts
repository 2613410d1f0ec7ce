import type { Education, Fact, Round, Source } from '../round/round.schema';
import type { AppraisalResult, EducationRecord, Profile } from './profile';

/**
 * The profile as one round sees it: the series of a specialty filled in, facts the profile
 * already implies (a current title answers "has a current title"), technical-school classes
 * turned into the education the round counts them as. Answers the applicant gave always win
 * over what is derived.
 */
export interface Applicant {
  readonly profile: Profile;
  /** Series code, from the profile or from its specialty. */
  readonly series: string | undefined;
  readonly specialty: string | undefined;
  /** true / false, or undefined when unknown. */
  readonly fact: (fact: Fact) => boolean | undefined;
  /** Undefined when the applicant did not say; empty when they have none. */
  readonly educations: readonly CountedEducation[] | undefined;
}

/** One education record and what the round counts it as (null: not an academic education here). */
export interface CountedEducation {
  readonly record: EducationRecord;
  readonly education: Education | null;
  /** Set when a technical-school class was mapped by the round's skill bridge. */
  readonly viaSchoolClass: { readonly className: string; readonly source: Source } | null;
}

/** Lowest first, to compare educations and to order them the same way every time. */
export const EDUCATION_RANK: Readonly<Record<Education, number>> = {
  secondary_vocational: 1,
  junior_college: 2,
  bachelor: 3,
  master: 4,
  doctorate: 5,
};

/** Builds the round's view of a profile. Pure: the profile is only read. */
export function describeApplicant(profile: Profile, round: Round): Applicant {
  const specialty = profile.specialty;
  const series = profile.series ?? seriesOfSpecialty(round, specialty);
  const educations = profile.educations?.map((record) => countEducation(record, round));
  const derived = derivedFacts(profile, round, educations);
  return {
    profile,
    series,
    specialty,
    educations,
    fact: (fact) => profile.facts?.[fact] ?? derived[fact],
  };
}

function seriesOfSpecialty(round: Round, specialty: string | undefined): string | undefined {
  if (specialty === undefined) return undefined;
  const known = round.specialties.find((s) => s.code === specialty);
  if (known) return known.series;
  const dot = specialty.lastIndexOf('.');
  return dot > 0 ? specialty.slice(0, dot) : undefined;
}

/** `预备技师（技师）班` and `预备技师班` name the same class. */
const normaliseClassName = (name: string) => name.replace(/[（(][^）)]*[）)]/g, '').trim();

function countEducation(record: EducationRecord, round: Round): CountedEducation {
  const className = record.technicalSchoolClass;
  if (className === undefined) return { record, education: record.education, viaSchoolClass: null };
  for (const bridge of round.highSkillBridges) {
    const match = bridge.schoolClassEquivalents.find((e) => normaliseClassName(e.className) === normaliseClassName(className));
    if (match) return { record, education: match.education, viaSchoolClass: { className, source: bridge.source } };
  }
  // Without the round saying so, a technical-school class is not an academic education.
  return { record, education: null, viaSchoolClass: null };
}

const QUALIFIED: ReadonlySet<AppraisalResult> = new Set(['excellent', 'qualified']);
const APPRAISAL_SEVERITY: Readonly<Record<AppraisalResult, number>> = {
  excellent: 0,
  qualified: 1,
  not_appraised: 2,
  basically_qualified: 3,
  unqualified: 4,
};

/**
 * One result per year; when a year was answered twice the worse result counts, so the outcome
 * never depends on the order of the list.
 */
export function appraisalsByYear(profile: Profile): ReadonlyMap<number, AppraisalResult> {
  const byYear = new Map<number, AppraisalResult>();
  for (const a of profile.appraisals ?? []) {
    const seen = byYear.get(a.year);
    if (seen === undefined || APPRAISAL_SEVERITY[a.result] > APPRAISAL_SEVERITY[seen]) byYear.set(a.year, a.result);
  }
  return byYear;
}

/** 合格 or 优秀: what "考核合格" accepts. */
export function isQualified(result: AppraisalResult): boolean {
  return QUALIFIED.has(result);
}

function derivedFacts(
  profile: Profile,
  round: Round,
  educations: readonly CountedEducation[] | undefined,
): Partial<Record<Fact, boolean>> {
  const facts: Partial<Record<Fact, boolean>> = {};
  if (profile.prefecture !== undefined) {
    facts.works_in_prefecture =
      profile.prefecture === round.region.prefecture &&
      (round.region.county === undefined || profile.workCounty === undefined || profile.workCounty === round.region.county);
  }
  if (profile.currentTitle !== undefined) facts.has_current_title = profile.currentTitle !== null;
  const fullTime = fullTimeGraduate(educations);
  if (fullTime !== undefined) facts.full_time_graduate = fullTime;
  const latest = latestAppraisal(profile);
  if (latest !== undefined && latest !== 'not_appraised') facts.appraisal_qualified = isQualified(latest);
  return facts;
}

/** A technical-school class is not a 普通院校 education, whatever the round counts it as. */
function fullTimeGraduate(educations: readonly CountedEducation[] | undefined): boolean | undefined {
  if (educations === undefined) return undefined;
  const academic = educations.filter((e) => e.record.technicalSchoolClass === undefined);
  if (academic.some((e) => e.record.fullTime === true)) return true;
  if (academic.every((e) => e.record.fullTime === false)) return false;
  return undefined;
}

function latestAppraisal(profile: Profile): AppraisalResult | undefined {
  const byYear = appraisalsByYear(profile);
  if (byYear.size === 0) return undefined;
  return byYear.get(Math.max(...byYear.keys()));
}
