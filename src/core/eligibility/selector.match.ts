import type { Channel, Fact, FactRequirement, Level, Round, Selector, Way } from '../round/round.schema';
import { EDUCATION_RANK, type Applicant } from './applicant';
import { chineseDate, type IsoDateString } from './calendar-date';
import { CHANNEL_LABELS, EDUCATION_LABELS, EMPLOYMENT_KIND_LABELS, FACT_WORDING, LEVEL_LABELS, UNIT_LEVEL_LABELS, WAY_LABELS, joinOr } from './labels';
import { dateYearsCompleted } from './seniority';

/** Three-valued: an unknown answer leaves a match open instead of guessing it. */
export type Tri = 'yes' | 'no' | 'unknown';

/** Who is being matched, and for which level × way × channel. */
export interface MatchSubject {
  readonly round: Round;
  readonly applicant: Applicant;
  readonly level?: Level;
  readonly way?: Way;
  readonly channel?: Channel;
  /** Years of service (资历) are counted up to and including this day (the round's cut-off). */
  readonly countedTo: IsoDateString;
  /**
   * Who may use a channel (连续派驻满 1 年) is judged on the day of applying: the last day of the
   * apply window. Absent: `countedTo`.
   */
  readonly appliesOn?: IsoDateString;
}

export interface SelectorMatch {
  readonly value: Tri;
  /** What to find out (Chinese questions); only answers that could change the value. */
  readonly unknowns: readonly string[];
  /** For `no`: what does not hold, in Chinese. */
  readonly misses: readonly string[];
  /** For `no` when only a duration is still short: the day from which it holds. */
  readonly holdsFrom: IsoDateString | null;
}

/** One field's verdict; `wait` is a `no` that time cures on `from`. */
type Part =
  | { readonly v: 'yes' }
  | { readonly v: 'no'; readonly miss: string }
  | { readonly v: 'unknown'; readonly ask: string }
  | { readonly v: 'wait'; readonly miss: string; readonly from: IsoDateString };

const YES: Part = { v: 'yes' };

/**
 * Does a round's selector (`who`) cover this applicant? Every field present must hold (AND);
 * inside a field any listed value will do (OR). An absent field does not restrict.
 */
export function matchSelector(selector: Selector | undefined, subject: MatchSubject): SelectorMatch {
  if (selector === undefined) return { value: 'yes', unknowns: [], misses: [], holdsFrom: null };
  return allOf(selectorParts(selector, subject));
}

/** An applicant qualifies through any one of several selectors (eligibility paths). */
export function matchAny(matches: readonly SelectorMatch[]): SelectorMatch {
  if (matches.length === 0) return { value: 'no', unknowns: [], misses: [], holdsFrom: null };
  if (matches.some((m) => m.value === 'yes')) return { value: 'yes', unknowns: [], misses: [], holdsFrom: null };
  const open = matches.filter((m) => m.value === 'unknown');
  if (open.length > 0) return { value: 'unknown', unknowns: unique(open.flatMap((m) => m.unknowns)), misses: [], holdsFrom: null };
  const waiting = matches.filter((m) => m.holdsFrom !== null);
  if (waiting.length > 0) {
    // The path that holds soonest is the one to tell about.
    const soonest = waiting.reduce((a, b) => ((a.holdsFrom as string) <= (b.holdsFrom as string) ? a : b));
    return { value: 'no', unknowns: soonest.unknowns, misses: soonest.misses, holdsFrom: soonest.holdsFrom };
  }
  return { value: 'no', unknowns: [], misses: unique(matches.flatMap((m) => m.misses)), holdsFrom: null };
}

function allOf(parts: readonly Part[]): SelectorMatch {
  const noes = parts.filter((p): p is Extract<Part, { v: 'no' }> => p.v === 'no');
  if (noes.length > 0) return { value: 'no', unknowns: [], misses: unique(noes.map((p) => p.miss)), holdsFrom: null };
  const asks = unique(parts.flatMap((p) => (p.v === 'unknown' ? [p.ask] : [])));
  const waits = parts.filter((p): p is Extract<Part, { v: 'wait' }> => p.v === 'wait');
  if (waits.length > 0) {
    const holdsFrom = waits.map((w) => w.from).reduce((a, b) => (a >= b ? a : b));
    // Still a `no` now; the open questions decide whether time alone will cure it.
    return { value: 'no', unknowns: asks, misses: unique(waits.map((w) => w.miss)), holdsFrom };
  }
  if (asks.length > 0) return { value: 'unknown', unknowns: asks, misses: [], holdsFrom: null };
  return { value: 'yes', unknowns: [], misses: [], holdsFrom: null };
}

function selectorParts(s: Selector, subject: MatchSubject): Part[] {
  const { applicant, round } = subject;
  const profile = applicant.profile;
  const parts: Part[] = [];

  // A miss says what is true of the person; the caller's message says what the rule asks.
  if (s.levels) parts.push(inList(subject.level, s.levels, '申报的级别', (v) => `您申报的是${LEVEL_LABELS[v]}`));
  if (s.ways) parts.push(inList(subject.way, s.ways, '申报方式', (v) => `您申报的方式是${WAY_LABELS[v]}`));
  if (s.channels) parts.push(inList(subject.channel, s.channels, '申报渠道', (v) => `您走的是${channelName(v)}`));
  if (s.series) parts.push(inList(applicant.series, s.series, '申报的系列和专业', (v) => `您申报的是${seriesName(round, v)}`));
  if (s.specialties) parts.push(inList(applicant.specialty, s.specialties, '申报的专业', (v) => `您申报的是${specialtyName(round, v)}`));
  if (s.employmentKinds) parts.push(inList(profile.employmentKind, s.employmentKinds, '单位性质', (v) => `您的单位是${EMPLOYMENT_KIND_LABELS[v]}`));
  if (s.unitLevels) {
    parts.push(inList(profile.unitLevel, s.unitLevels, '单位属于哪一级（地州直属、县级或乡镇）', (v) => `您的单位是${UNIT_LEVEL_LABELS[v]}`));
  }
  if (s.workCounties) parts.push(workCountyPart(profile.workCounty, s.workCounties));
  if (s.educations) parts.push(educationPart(applicant, s.educations));
  for (const requirement of s.factsAll ?? []) parts.push(factRequirementPart(requirement, subject));
  if (s.factsAny) parts.push(anyFactPart(applicant, s.factsAny));
  for (const fact of s.factsNone ?? []) parts.push(factPart(applicant, fact, false));
  return parts;
}

function inList<T extends string>(value: T | undefined, allowed: readonly T[], ask: string, miss: (value: T) => string): Part {
  if (value === undefined) return { v: 'unknown', ask };
  return allowed.includes(value) ? YES : { v: 'no', miss: miss(value) };
}

function workCountyPart(county: string | null | undefined, allowed: readonly string[]): Part {
  if (county === undefined) return { v: 'unknown', ask: '在哪个县（市）工作' };
  if (county !== null && allowed.includes(county)) return YES;
  const where = county === null ? '地（州）直属单位' : county;
  return { v: 'no', miss: `您在${where}工作，不在${joinOr(allowed)}` };
}

function educationPart(applicant: Applicant, allowed: readonly string[]): Part {
  const educations = applicant.educations;
  if (educations === undefined) return { v: 'unknown', ask: '学历' };
  if (educations.some((e) => e.education !== null && allowed.includes(e.education))) return YES;
  const ranks = educations.flatMap((e) => (e.education === null ? [] : [e.education])).sort((a, b) => EDUCATION_RANK[a] - EDUCATION_RANK[b]);
  const have = unique(ranks.map((e) => EDUCATION_LABELS[e]));
  const wanted = joinOr(allowed.map((e) => EDUCATION_LABELS[e as keyof typeof EDUCATION_LABELS] ?? e));
  return { v: 'no', miss: have.length > 0 ? `您的学历是${have.join('、')}，不是${wanted}` : `您没有${wanted}学历` };
}

function factPart(applicant: Applicant, fact: Fact, wanted: boolean): Part {
  const value = applicant.fact(fact);
  if (value === undefined) return { v: 'unknown', ask: FACT_WORDING[fact].ask };
  if (value === wanted) return YES;
  return { v: 'no', miss: `您${value ? FACT_WORDING[fact].yes : FACT_WORDING[fact].no}` };
}

function anyFactPart(applicant: Applicant, facts: readonly Fact[]): Part {
  const values = facts.map((f) => applicant.fact(f));
  if (values.some((v) => v === true)) return YES;
  const open = facts.filter((_, i) => values[i] === undefined);
  if (open.length > 0) return { v: 'unknown', ask: joinOr(open.map((f) => FACT_WORDING[f].ask)) };
  return { v: 'no', miss: `您${facts.map((f) => FACT_WORDING[f].no).join('，也')}` };
}

/** A fact with a minimum continuous duration; only the posting has a start date in the profile. */
function factRequirementPart(requirement: FactRequirement, subject: MatchSubject): Part {
  const base = factPart(subject.applicant, requirement.fact, true);
  const years = requirement.minContinuousYears;
  if (years === undefined || base.v !== 'yes') return base;
  const since = requirement.fact === 'posted_by_enterprise_outside_xinjiang' ? subject.applicant.profile.postedSince : undefined;
  if (since === undefined) return { v: 'unknown', ask: '从哪天起连续在本地区工作' };
  const from = dateYearsCompleted(since, years);
  const on = subject.appliesOn ?? subject.countedTo;
  if (from <= on) return YES;
  return {
    v: 'wait',
    from,
    miss: `您从${chineseDate(since)}起连续在本地区工作，到${chineseDate(on)}还不满${years}年，${chineseDate(from)}满${years}年`,
  };
}

function channelName(channel: Channel): string {
  return CHANNEL_LABELS[channel] || '普通评审';
}

/** Chinese name of a series code; a code the round does not list has no name to show. */
export function seriesName(round: Round, code: string): string {
  return round.series.find((s) => s.code === code)?.name ?? '本通知没有列出的系列';
}

/** Chinese name of a specialty code; a code the round does not list has no name to show. */
export function specialtyName(round: Round, code: string): string {
  return round.specialties.find((s) => s.code === code)?.name ?? '本通知没有列出的专业';
}

/** What an application is in: its specialty's name, else its series', else 未分专业. */
export function applicationSpecialtyName(round: Round, application: { readonly specialty: string | null; readonly series: string | null }): string {
  return round.specialties.find((s) => s.code === application.specialty)?.name ?? round.series.find((s) => s.code === application.series)?.name ?? '未分专业';
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
