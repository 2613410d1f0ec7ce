import type { ContinuingEducationExemption, ContinuingEducationRequirement, YearSpan } from '../round/round.schema';
import type { Reason } from './assessment';
import { yearOf } from './calendar-date';
import { FACT_WORDING, joinOr } from './labels';
import { reason, type OfferContext } from './offer-context';
import { matchSelector, type SelectorMatch } from './selector.match';

/**
 * The exemption that changes this person's certificates (see `MaterialCategory.waivedBy`): every
 * exemption of the effect that applied, by id. `none` when no exemption applied, or when the hours
 * were met so a relaxation did not come into play.
 */
export type ContinuingEducationRelief =
  /** `undecided`: exemptions that could still settle a shortfall, their question unanswered. */
  | { readonly kind: 'none'; readonly undecided?: readonly string[] }
  | { readonly kind: 'exempt' | 'not_hard_requirement'; readonly exemptions: readonly string[] };

const NO_RELIEF: ContinuingEducationRelief = { kind: 'none' };

/**
 * 继续教育 per round: hours a year (aksu-water-2024: 90 of which 60 professional for 2021–2024; bazhou-ecoenv-2024: 30 public +
 * 60 professional, junior the last 2 years, mid public 2020–2024 and professional 2022–2024; yuli
 * 2023 and 2024), and its exemptions (village work by approved form; aksu's private-enterprise
 * first-timers: not a hard requirement). Returns the reasons and how an exemption that applied
 * changes the materials checklist.
 */
export function continuingEducation(ctx: OfferContext): { readonly reasons: Reason[]; readonly relief: ContinuingEducationRelief } {
  const requirements = ctx.round.continuingEducation.requirements
    .map((r) => ({ rule: r, who: matchSelector(r.who, ctx.subject) }))
    .filter((r) => r.who.value !== 'no');
  if (requirements.length === 0) return { reasons: [], relief: NO_RELIEF };

  const exemptions = ctx.round.continuingEducation.exemptions.map((e) => ({ rule: e, who: matchSelector(e.who, ctx.subject) }));
  const applying = (effect: ContinuingEducationExemption['effect']) =>
    exemptions.filter((e) => e.rule.effect === effect && e.who.value === 'yes').map((e) => e.rule);
  const exempt = applying('exempt');
  if (exempt[0]) return { reasons: [exemptReason(exempt[0])], relief: { kind: 'exempt', exemptions: exempt.map((e) => e.id) } };

  const reasons = requirements.map(({ rule, who }) => requirementReason(ctx, rule, who));
  if (reasons.every((r) => r.outcome === 'pass')) return { reasons, relief: NO_RELIEF };

  const relaxed = applying('not_hard_requirement');
  if (relaxed[0]) {
    const note = `${relaxed[0].source.quote ?? '继续教育不做硬性要求'}，这一项不影响您申报。`;
    return {
      reasons: [
        reason('CE.NOT_HARD_REQUIREMENT', 'info', note, relaxed[0].source, { interpretation: relaxed[0].interpretation }),
        ...reasons.map((r) => (r.outcome === 'pass' ? r : { ...withoutMissing(r), outcome: 'info' as const })),
      ],
      relief: { kind: 'not_hard_requirement', exemptions: relaxed.map((e) => e.id) },
    };
  }

  // An exemption still open could settle a shortfall: ask about it instead of failing.
  const open = exemptions.filter((e) => e.who.value === 'unknown');
  if (open.length === 0) return { reasons, relief: NO_RELIEF };
  const asks = [...new Set(open.flatMap((e) => e.who.unknowns))].join('、');
  const hints = open.map((e) => exemptionHint(e.rule)).join('');
  return {
    reasons: reasons.map((r) =>
      r.outcome === 'fail' || r.outcome === 'unknown'
        ? { ...r, outcome: 'unknown' as const, message: `${r.message}${hints}`, missing: `${r.missing ?? '继续教育学时'}；或确认${asks}` }
        : r,
    ),
    relief: { kind: 'none', undecided: open.map((e) => e.rule.id) },
  };
}

/** `如果您参加了“访惠聚”驻村工作或…，可以申请免继续教育。` */
function exemptionHint(rule: ContinuingEducationExemption): string {
  if (rule.effect === 'not_hard_requirement') return `另外，${rule.source.quote ?? '部分人员继续教育不做硬性要求'}。`;
  const facts = [...(rule.who.factsAll ?? []).map((f) => f.fact), ...(rule.who.factsAny ?? [])];
  const who = facts.length > 0 ? joinOr(facts.map((f) => FACT_WORDING[f].yes)) : '属于免学情形';
  return `如果您${who}，可以申请免继续教育。`;
}

function exemptReason(rule: ContinuingEducationExemption): Reason {
  // The first clause of who approves it is the one for people still on the job; the rest is detail.
  const approvedBy = rule.evidence?.approvedBy?.split('；')[0]?.replace(/（[^）]*）/gu, '');
  const form = rule.evidence ? `，需上传《${rule.evidence.formName.replace(/^《|》$/g, '')}》${approvedBy ? `（${approvedBy}）` : ''}` : '';
  return reason('CE.EXEMPT', 'info', `您可以免继续教育${form}。`, rule.source, { interpretation: rule.interpretation });
}

type YearCheck = { readonly year: number; readonly state: 'ok' } | { readonly year: number; readonly state: 'unknown' } | { readonly year: number; readonly state: 'short'; readonly text: string };

function requirementReason(ctx: OfferContext, rule: ContinuingEducationRequirement, who: SelectorMatch): Reason {
  const source = rule.source;
  const hours = rule.hoursPerYear;
  if (hours.kind === 'not_stated') {
    const external = ctx.round.externalRules.find((r) => r.id === hours.externalRule);
    const document = external?.document ?? '相关规定';
    return reason('CE.HOURS', 'cannot_judge', `需要上传继续教育合格证书，但每年要多少学时通知没有写，要看${document}。`, source, {
      missing: `每年继续教育学时要求（见${document}）`,
      interpretation: rule.interpretation,
    });
  }
  const publicYears = resolveSpan(rule.publicYears, ctx);
  const professionalYears = resolveSpan(rule.professionalYears, ctx);
  for (const span of [publicYears, professionalYears]) {
    if (span.kind === 'open') {
      return reason('CE.HOURS', span.outcome, `继续教育要看${span.what}，${span.outcome === 'unknown' ? `请填写${span.missing}` : '通知没有写明是哪几年'}。`, source, {
        missing: span.missing,
        interpretation: rule.interpretation,
      });
    }
  }
  const pubYears = publicYears.kind === 'years' ? publicYears.years : [];
  const proYears = professionalYears.kind === 'years' ? professionalYears.years : [];
  const requirement = describeRequirement(hours, pubYears, proYears);
  const interpretation = rule.interpretation;
  const entries = ctx.applicant.profile.continuingEducation;
  const years = [...new Set([...pubYears, ...proYears])].sort((a, b) => a - b);
  if (entries === undefined) {
    const missing = `${yearsText(years)}每年的继续教育学时`;
    return reason('CE.HOURS', 'unknown', `继续教育要求${requirement}。请填写${missing}。`, source, { missing, interpretation });
  }
  const checks = years.map((y) => checkYear(y, entries, hours, pubYears.includes(y), proYears.includes(y)));
  const currentYear = yearOf(ctx.asOfDate);
  const short = checks.filter((c): c is Extract<YearCheck, { state: 'short' }> => c.state === 'short');
  const closed = short.filter((c) => c.year < currentYear);
  const pending = short.filter((c) => c.year >= currentYear);
  const open = checks.filter((c) => c.state === 'unknown').map((c) => c.year);
  // An unknown employer kind etc. only makes a shortfall uncertain, never a pass.
  if (closed.length > 0 && who.value === 'yes') {
    return reason('CE.HOURS', 'fail', `继续教育要求${requirement}。${closed.map((c) => c.text).join('；')}。`, source, { interpretation });
  }
  if (closed.length > 0 || pending.length > 0 || open.length > 0) {
    const parts = [
      ...closed.map((c) => c.text),
      ...pending.map((c) => `${c.text}，请在申报前学完`),
      ...(open.length > 0 ? [`还不知道${yearsText(open)}的学时`] : []),
    ];
    const missing = [
      ...pending.map((c) => `${c.year}年继续教育学时补齐`),
      ...(open.length > 0 ? [`${yearsText(open)}的继续教育学时`] : []),
      ...(closed.length > 0 ? who.unknowns : []),
    ].join('；');
    return reason('CE.HOURS', 'unknown', `继续教育要求${requirement}。${parts.join('；')}。`, source, { missing, interpretation });
  }
  return reason('CE.HOURS', 'pass', `继续教育要求${requirement}，您都已达到。`, source, { interpretation });
}

type ResolvedSpan =
  | { readonly kind: 'years'; readonly years: readonly number[] }
  | { readonly kind: 'open'; readonly outcome: 'unknown' | 'cannot_judge'; readonly what: string; readonly missing: string };

/** The calendar years a span names for this round and applicant. */
function resolveSpan(span: YearSpan, ctx: OfferContext): ResolvedSpan {
  const roundYear = ctx.round.year;
  const range = (from: number, to: number) => ({ kind: 'years' as const, years: Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i) });
  switch (span.kind) {
    case 'range':
      return range(span.from, span.to);
    case 'recent':
      return range(roundYear - span.years + 1, roundYear);
    case 'since':
      return range(span.from, roundYear);
    case 'tenure': {
      const title = ctx.applicant.profile.currentTitle;
      if (title === null) return { kind: 'years', years: [] };
      if (title?.obtainedOn === undefined) return { kind: 'open', outcome: 'unknown', what: '任现职以来各年的学时', missing: '取得现职称的时间' };
      return range(yearOf(title.obtainedOn), roundYear);
    }
    case 'per_conditions':
      return { kind: 'open', outcome: 'cannot_judge', what: '评审条件规定年限内的学时', missing: '继续教育要看哪几年（见评审条件）' };
    case 'not_stated':
      return { kind: 'open', outcome: 'cannot_judge', what: '哪几年的学时', missing: '继续教育要看哪几年（通知未写明）' };
  }
}

type StatedHours = Extract<ContinuingEducationRequirement['hoursPerYear'], { kind: 'stated' }>;
type HoursEntry = { readonly year: number; readonly publicHours?: number; readonly professionalHours?: number };

/** Rows for the same year are added up, so the order and split of the list never matter. */
function hoursOf(year: number, entries: readonly HoursEntry[]): { pub: number | undefined; pro: number | undefined } {
  const rows = entries.filter((e) => e.year === year);
  const sum = (pick: (e: HoursEntry) => number | undefined) => {
    const values = rows.map(pick).filter((v): v is number => v !== undefined);
    return values.length > 0 ? values.reduce((a, b) => a + b, 0) : undefined;
  };
  return { pub: sum((e) => e.publicHours), pro: sum((e) => e.professionalHours) };
}

function checkYear(year: number, entries: readonly HoursEntry[], hours: StatedHours, needsPublic: boolean, needsProfessional: boolean): YearCheck {
  const { pub, pro } = hoursOf(year, entries);
  const shortfalls: string[] = [];
  let unknown = false;
  if (needsPublic && hours.publicMin !== undefined) {
    if (pub === undefined) unknown = true;
    else if (pub < hours.publicMin) shortfalls.push(`公需科目${pub}学时，差${hours.publicMin - pub}学时`);
  }
  if (needsProfessional && hours.professionalMin !== undefined) {
    if (pro === undefined) unknown = true;
    else if (pro < hours.professionalMin) shortfalls.push(`专业科目${pro}学时，差${hours.professionalMin - pro}学时`);
  }
  if (hours.totalMin !== undefined) {
    const known = (pub ?? 0) + (pro ?? 0);
    if (known < hours.totalMin) {
      if (pub === undefined || pro === undefined) unknown = true;
      else shortfalls.push(`共${known}学时，差${hours.totalMin - known}学时`);
    }
  }
  if (shortfalls.length > 0) return { year, state: 'short', text: `${year}年${shortfalls.join('，')}` };
  return unknown ? { year, state: 'unknown' } : { year, state: 'ok' };
}

function describeRequirement(hours: StatedHours, pubYears: readonly number[], proYears: readonly number[]): string {
  const sameYears = pubYears.join() === proYears.join();
  const parts: string[] = [];
  if (hours.totalMin !== undefined) parts.push(`每年不少于${hours.totalMin}学时`);
  if (hours.publicMin !== undefined) parts.push(`${sameYears ? '' : yearsText(pubYears)}公需科目每年不少于${hours.publicMin}学时`);
  if (hours.professionalMin !== undefined) {
    parts.push(`${sameYears ? '' : yearsText(proYears)}专业科目${hours.totalMin !== undefined ? '' : '每年'}不少于${hours.professionalMin}学时`);
  }
  const body = parts.join('，');
  return sameYears ? `${yearsText(pubYears)}${body}` : body;
}

/** `2021—2024年`, or `2023、2024年` for a short or broken list. */
function yearsText(years: readonly number[]): string {
  if (years.length === 0) return '';
  const sorted = [...years].sort((a, b) => a - b);
  const consecutive = sorted.every((y, i) => i === 0 || y === sorted[i - 1]! + 1);
  return consecutive && sorted.length > 2 ? `${sorted[0]}—${sorted[sorted.length - 1]}年` : `${sorted.join('、')}年`;
}

function withoutMissing(r: Reason): Reason {
  const { missing: _missing, ...rest } = r;
  return rest;
}
