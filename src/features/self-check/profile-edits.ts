import {
  LEVEL_LABELS,
  SERVICE_FACT_LABELS,
  type ServiceFact,
} from '../../core/eligibility/labels';
import type { Profile } from '../../core/eligibility/profile';
import { factMatters, isBarred } from '../../core/eligibility/questionnaire.rules';
import { factsUsedBy } from '../../core/round/round.facts';
import { LEVELS, type Education, type Fact, type Round } from '../../core/round/round.schema';
import { countiesOf as countiesOfPrefecture } from '../../core/config/counties';
import type { ChoiceQuestion, Option, QuestionContext } from './question.types';

/**
 * What the questions share: reading and writing one part of the profile without mutating it, the
 * options named by the core's label tables, and whether a fact is asked at all (the core's rules).
 */
export const without = <K extends keyof Profile>(profile: Profile, key: K): Profile => {
  const copy = { ...profile };
  delete copy[key];
  return copy;
};

export const setOrClear = <K extends keyof Profile>(profile: Profile, key: K, value: Profile[K] | undefined): Profile =>
  value === undefined ? without(profile, key) : { ...profile, [key]: value };

export const fact = (profile: Profile, name: Fact) => profile.facts?.[name];

export const setFact = (profile: Profile, name: Fact, value: boolean | undefined): Profile => {
  const facts = { ...(profile.facts ?? {}) };
  if (value === undefined) delete facts[name];
  else facts[name] = value;
  return { ...profile, facts };
};

/** Options from one of the core's label tables, so the app and the verdicts name things alike. */
export const optionsOf = <K extends string>(labels: Readonly<Record<K, string>>, keys: readonly K[] = Object.keys(labels) as K[]): Option[] =>
  keys.map((key) => ({ value: key, label: labels[key] }));

export const levelOptions = optionsOf(LEVEL_LABELS, LEVELS);

export const yesNo: readonly Option[] = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
];
export const toBool = (value: string | undefined) => (value === undefined ? undefined : value === 'yes');
export const fromBool = (value: boolean | undefined) => (value === undefined ? undefined : value ? 'yes' : 'no');

export const notBarred = (p: Profile, ctx: QuestionContext) => !isBarred(p, ctx.round);
/** A yes/no fact asked only where the round conditions on it and the rest of that rule may apply. */
export const asked = (name: Fact) => (p: Profile, ctx: QuestionContext) => notBarred(p, ctx) && factMatters(p, ctx.round, name);

export const factQuestion = (id: string, name: Fact, title: string, hint?: string): ChoiceQuestion => ({
  id,
  kind: 'choice',
  title,
  ...(hint ? { hint } : {}),
  when: asked(name),
  options: () => yesNo,
  read: (p) => fromBool(fact(p, name)),
  write: (p, v) => setFact(p, name, toBool(v)),
});

/** Only the kinds of service this round's rules mention and that can matter for this person. */
export const serviceFacts = (p: Profile, ctx: QuestionContext): ServiceFact[] => {
  const used = factsUsedBy(ctx.round);
  return (Object.keys(SERVICE_FACT_LABELS) as ServiceFact[]).filter((f) => used.has(f) && factMatters(p, ctx.round, f));
};

/** The highest degree, which is what the self-check asks about. */
export const highest = (p: Profile) => p.educations?.[0];
export const setHighest = (p: Profile, patch: Partial<NonNullable<Profile['educations']>[number]> | null): Profile => {
  if (patch === null) return without(p, 'educations');
  const current = highest(p);
  const next = { ...(current ?? {}), ...patch };
  if (!next.education) return p;
  for (const key of Object.keys(next) as (keyof typeof next)[]) if (next[key] === undefined) delete next[key];
  return { ...p, educations: [{ ...next, education: next.education }] };
};

/** Technical-school classes the round counts as an education (两类人才贯通), as a hint on that education. */
export function schoolClassHint(round: Round, education: Education): string | undefined {
  const classes = round.highSkillBridges.flatMap((b) => b.schoolClassEquivalents.filter((e) => e.education === education).map((e) => e.className));
  return classes.length > 0 ? `含技工院校${[...new Set(classes)].join('、')}` : undefined;
}

/** Years whose continuing-education hours the round looks at; the last three when it names none. */
export function continuingEducationYears(ctx: QuestionContext): number[] {
  const years = new Set<number>();
  for (const rule of ctx.round.continuingEducation.requirements) {
    for (const span of [rule.publicYears, rule.professionalYears]) {
      if (span.kind === 'range') for (let y = span.from; y <= span.to; y += 1) years.add(y);
      if (span.kind === 'since') for (let y = span.from; y <= ctx.round.year; y += 1) years.add(y);
      if (span.kind === 'recent') for (let y = ctx.round.year - span.years + 1; y <= ctx.round.year; y += 1) years.add(y);
    }
  }
  if (years.size === 0) for (let y = ctx.round.year - 2; y <= ctx.round.year; y += 1) years.add(y);
  return [...years].sort((a, b) => b - a).slice(0, 5);
}

/** The counties of the round's prefecture, for "where do you work". */
export function countiesOf(round: Round): string[] {
  return countiesOfPrefecture(round.region.prefecture);
}

export const monthOf = (date: string | undefined) => date?.slice(0, 7);
/** `2023-07` → `2023-07-31`: the month's last day, so a year of service is never counted early. */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}
export const monthWrite = (write: (p: Profile, v: string | undefined) => Profile) => (p: Profile, v: string | undefined) =>
  write(p, v === undefined ? undefined : lastDayOfMonth(v));
