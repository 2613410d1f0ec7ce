import {
  MANDARIN_GRADES,
  type Exclusion,
  type ExternalRule,
  type ExternalTopic,
  type Round,
  type Way,
} from '../round/round.schema';
import type { Reason } from './assessment';
import { addMonths, chineseDate } from './calendar-date';
import { CHANNEL_LABELS, EMPLOYMENT_KIND_LABELS, LEVEL_LABELS, joinAnd } from './labels';
import { joinInterpretations, reason, type OfferContext } from './offer-context';
import type { Applicant } from './applicant';
import { exclusionCode, externalCode } from './reason.codes';
import { ownFactsForSeriesConditions } from './own-facts';
import { matchAny, matchSelector, seriesName, specialtyName, type MatchSubject, type Tri } from './selector.match';

/**
 * Who may apply, as named predicates. Each returns every reason it finds (pass, fail, later,
 * unknown, cannot_judge), each with the round clause it rests on; none stops at the first failure.
 */

const EXCLUSION_WORDING: Readonly<Record<Exclusion['reason'], { fail: string; pass: string; rule: string }>> = {
  retired: { fail: '您已经退休，退休人员不能申报。', pass: '您没有退休。', rule: '退休人员不能申报' },
  agency_staff: { fail: '您在机关工作，公务员不能申报职称。', pass: '您的单位不是机关。', rule: '公务员不能申报' },
  civil_service_managed: {
    fail: '您的单位参照公务员法管理，这类单位的人员不能申报职称。',
    pass: '您的单位不是参照公务员法管理的单位。',
    rule: '参照公务员法管理的单位人员不能申报',
  },
  exam_replaced_specialty: { fail: '您的专业由国家考试取得职称（以考代评），不参加评审。', pass: '', rule: '国家以考代评的专业不参加评审' },
  per_series_conditions: { fail: '评审条件规定您不能申报或要推迟申报。', pass: '', rule: '评审条件规定不得申报或延迟申报的，从其规定' },
};

/**
 * Exclusions (退休, 公务员, 参公单位, 以考代评, 评审条件另有规定). An exclusion the notice leaves to
 * another document is answered `cannot_judge` naming it, except the 以考代评 list when the round
 * itself lists the applicant's specialty as evaluated here (then it cannot apply).
 */
export function exclusionReasons(
  round: Round,
  subject: MatchSubject,
  coveredLocally: Tri,
  keep: (exclusion: Exclusion) => boolean = () => true,
): Reason[] {
  const reasons: Reason[] = [];
  for (const exclusion of round.exclusions.filter(keep)) {
    const wording = EXCLUSION_WORDING[exclusion.reason];
    const code = exclusionCode(exclusion.reason);
    const extra = { interpretation: exclusion.interpretation };
    if (exclusion.who === undefined) {
      // A specialty this round evaluates itself is by the notice's own word not exam-replaced.
      if (exclusion.reason === 'exam_replaced_specialty' && coveredLocally !== 'no') continue;
      const external = externalRule(round, exclusion.externalRule);
      const document = external?.document ?? '相关评审条件';
      const ask = exclusion.reason === 'exam_replaced_specialty' ? '通知没有列出是哪些专业，请对照' : '通知没有列出具体情形，请对照';
      reasons.push(
        reason(code, 'cannot_judge', `${wording.rule}。${ask}${document}确认。`, exclusion.source, {
          ...extra,
          missing: `${external?.needed ?? wording.rule}（见${document}）`,
        }),
      );
      continue;
    }
    const match = matchSelector(exclusion.who, subject);
    if (match.value === 'yes') reasons.push(reason(code, 'fail', wording.fail, exclusion.source, extra));
    else if (match.value === 'unknown') {
      reasons.push(reason(code, 'unknown', `${wording.rule}，请确认${match.unknowns.join('、')}。`, exclusion.source, { ...extra, missing: match.unknowns.join('、') }));
    } else if (wording.pass !== '') reasons.push(reason(code, 'pass', wording.pass, exclusion.source, extra));
  }
  return reasons;
}

/** The channel's own eligibility: any one of its paths (定向评价: works here; 民营: three kinds of people). */
export function channelReasons(ctx: OfferContext): Reason[] {
  const rule = ctx.round.channels.find((c) => c.channel === ctx.channel);
  if (!rule) return [];
  const matches = rule.eligibleWhenAny.map((path) => matchSelector(path.who, ctx.subject));
  const combined = matchAny(matches);
  const first = rule.eligibleWhenAny[0]!;
  const extra = { interpretation: rule.interpretation ?? first.interpretation };
  if (combined.value === 'yes') {
    const index = matches.findIndex((m) => m.value === 'yes');
    const path = rule.eligibleWhenAny[index]!;
    return [reason('CHANNEL.ELIGIBILITY', 'pass', `您属于${rule.name}的申报范围：${path.label}。`, path.source, { interpretation: path.interpretation })];
  }
  if (combined.value === 'unknown') {
    const asks = combined.unknowns.join('、');
    return [reason('CHANNEL.ELIGIBILITY', 'unknown', `能否走${rule.name}，还要确认：${asks}。`, first.source, { ...extra, missing: asks })];
  }
  const misses = combined.misses.join('；');
  if (combined.holdsFrom !== null) {
    const index = matches.findIndex((m) => m.holdsFrom === combined.holdsFrom);
    const path = rule.eligibleWhenAny[index] ?? first;
    const open = combined.unknowns.length > 0 ? `另外还要确认：${combined.unknowns.join('、')}。` : '';
    return [
      reason('CHANNEL.ELIGIBILITY', 'later', `${rule.name}要求${path.label}。${misses}。${open}`, path.source, {
        earliestDate: combined.holdsFrom,
        interpretation: joinInterpretations(path.interpretation, ctx.appliesOn.interpretation),
      }),
    ];
  }
  const labels = rule.eligibleWhenAny.map((p) => p.label).join('；');
  return [reason('CHANNEL.ELIGIBILITY', 'fail', `${rule.name}只面向：${labels}。${misses}。`, first.source, extra)];
}

/** 同一年度同一系列、同一级别只能选择一种方式申报 (aksu-water-2024 二). */
export function oneChannelPerYearReasons(ctx: OfferContext, otherChannelsAtLevel: boolean): Reason[] {
  const rule = ctx.round.oneChannelPerYear;
  if (!rule || !otherChannelsAtLevel) return [];
  const applications = ctx.applicant.profile.applicationsThisYear;
  const code = 'CHANNEL.ONE_PER_YEAR';
  if (applications === undefined) {
    return [
      reason(code, 'unknown', '同一年度同一系列、同一级别只能选一种方式申报，请确认今年是否已通过其他方式申报。', rule.source, {
        missing: '今年是否已通过其他方式申报同一系列、同一级别',
      }),
    ];
  }
  const sameLevelElsewhere = applications.filter((a) => a.level === ctx.level && a.channel !== ctx.channel);
  const series = ctx.applicant.series;
  const specialty = ctx.applicant.specialty;
  // 同一系列（专业）: the same series and, where either names one, the same specialty (水利 does
  // not block 林草). Sorted by channel so that the conflict named never depends on list order.
  const sameSubject = (a: (typeof applications)[number]) =>
    a.series !== undefined && series !== undefined && a.series === series && a.specialty === specialty;
  const conflict = sameLevelElsewhere.filter(sameSubject).sort((a, b) => a.channel.localeCompare(b.channel))[0];
  if (conflict) {
    const via = CHANNEL_LABELS[conflict.channel] || '其他方式';
    return [
      reason(
        code,
        'fail',
        `您今年已通过${via}申报${LEVEL_LABELS[ctx.level]}，同一年度同一系列、同一级别只能选一种方式，不能再走${CHANNEL_LABELS[ctx.channel] || '这一方式'}。`,
        rule.source,
      ),
    ];
  }
  const open = sameLevelElsewhere.some(
    (a) => a.series === undefined || series === undefined || (a.series === series && (a.specialty === undefined || specialty === undefined)),
  );
  if (open) {
    return [
      reason(code, 'unknown', `您今年已用其他方式申报过${LEVEL_LABELS[ctx.level]}，如果是同一系列、同一专业，就不能再走这一方式。`, rule.source, {
        missing: '今年另一次申报是否是同一系列、同一专业',
      }),
    ];
  }
  return [reason(code, 'pass', '您今年没有用其他方式申报同一系列（专业）、同一级别。', rule.source)];
}

/** 事业单位人员普通话不低于三级乙等 (aksu-forestry-2024 四(一)5, aksu-water-2024 四(一)17). */
export function mandarinReasons(ctx: OfferContext): Reason[] {
  const reasons: Reason[] = [];
  const grade = ctx.applicant.profile.mandarinGrade;
  for (const rule of ctx.round.mandarin) {
    const who = matchSelector(rule.who, ctx.subject);
    if (who.value === 'no') continue;
    const meets = grade === undefined ? undefined : grade !== null && MANDARIN_GRADES.indexOf(grade) <= MANDARIN_GRADES.indexOf(rule.minGrade);
    const whom = describeWho(who.value, rule.who.employmentKinds);
    if (meets === true) {
      reasons.push(reason('MANDARIN.GRADE', 'pass', `普通话要求${rule.minGrade}及以上，您是${grade}。`, rule.source));
    } else if (who.value === 'unknown' || meets === undefined) {
      const asks = [...who.unknowns, ...(meets === undefined ? ['普通话等级'] : [])].join('、');
      reasons.push(reason('MANDARIN.GRADE', 'unknown', `${whom}需要普通话${rule.minGrade}及以上证书，请确认${asks}。`, rule.source, { missing: asks }));
    } else {
      const have = grade === null ? '您还没有普通话证书' : `您是${grade}，低于要求`;
      reasons.push(reason('MANDARIN.GRADE', 'fail', `${whom}需要普通话${rule.minGrade}及以上证书，${have}。`, rule.source));
    }
  }
  return reasons;
}

/** 企业人员社保缴费证明: the most recent N months (bazhou-ecoenv-2024: 6 with a QR code; yuli-initial-junior-2024: 12). */
export function socialInsuranceReasons(ctx: OfferContext): Reason[] {
  const reasons: Reason[] = [];
  const months = ctx.applicant.profile.socialInsuranceMonths;
  for (const rule of ctx.round.socialInsurance) {
    const who = matchSelector(rule.who, ctx.subject);
    if (who.value === 'no') continue;
    const proof = `${rule.qrCode === 'required' ? '带二维码的' : ''}${rule.documents.join('或')}`;
    const need = `需要近${rule.recentMonths}个月以上的社保缴费记录（${proof}）`;
    const whom = describeWho(who.value, rule.who.employmentKinds);
    const extra = { interpretation: rule.interpretation };
    if (months !== undefined && months >= rule.recentMonths) {
      reasons.push(reason('SOCIAL_INSURANCE.MONTHS', 'pass', `${whom}${need}，您已缴${months}个月。`, rule.source, extra));
    } else if (who.value === 'unknown' || months === undefined) {
      const asks = [...who.unknowns, ...(months === undefined ? ['现单位已连续缴纳社保几个月'] : [])].join('、');
      reasons.push(reason('SOCIAL_INSURANCE.MONTHS', 'unknown', `${whom}${need}，请确认${asks}。`, rule.source, { ...extra, missing: asks }));
    } else {
      const from = addMonths(ctx.asOfDate, rule.recentMonths - months);
      reasons.push(
        reason(
          'SOCIAL_INSURANCE.MONTHS',
          'later',
          `${whom}${need}。您现在缴了${months}个月，按月连续缴纳，大约${chineseDate(from)}满${rule.recentMonths}个月。`,
          rule.source,
          { ...extra, earliestDate: from },
        ),
      );
    }
  }
  return reasons;
}

/** Topics whose document decides eligibility by way of applying; the rest are handled elsewhere. */
const TOPIC_WAYS: Partial<Record<ExternalTopic, readonly Way[]>> = {
  years_at_current_level: ['evaluation'],
  series_conditions: ['evaluation', 'grant'],
  initial_determination_conditions: ['initial'],
  grant_conditions: ['grant'],
};

/** Topics whose document sets years of work, years at the current level and education. */
const SENIORITY_TOPICS: ReadonlySet<ExternalTopic> = new Set(['years_at_current_level', 'initial_determination_conditions', 'grant_conditions']);

/**
 * Conditions the notice leaves to another document: answered `cannot_judge`, naming it, never
 * guessed. `skipTopics` lets the skill bridge drop the normal years-at-level rule it replaces;
 * `alreadyCited` avoids naming the same document twice.
 */
export function externalRuleReasons(
  ctx: OfferContext,
  options: { readonly skipTopics?: readonly ExternalTopic[]; readonly alreadyCited?: ReadonlySet<string> } = {},
): Reason[] {
  const reasons: Reason[] = [];
  for (const rule of ctx.round.externalRules) {
    const ways = TOPIC_WAYS[rule.topic];
    if (!ways || !ways.includes(ctx.way)) continue;
    if (options.skipTopics?.includes(rule.topic) || options.alreadyCited?.has(rule.id)) continue;
    if (matchSelector(rule.who, ctx.subject).value === 'no') continue;
    // The conditions on years and education are checked against the person's own facts, so 待确认
    // says what to look up; other topics (papers, achievements) have no fact to show.
    const facts = SENIORITY_TOPICS.has(rule.topic) ? ownFactsForSeriesConditions(ctx.applicant, ctx.countedTo, ctx.level) : [];
    const check = facts.length > 0 ? `请用下面您的情况对照该文件中${LEVEL_LABELS[ctx.level]}的条件。` : '请对照后确认。';
    reasons.push(
      reason(externalCode(rule.topic), 'cannot_judge', `${rule.needed}，通知里没有写，要看${rule.document}。${check}`, rule.source, {
        missing: `${rule.needed}（见${rule.document}）`,
        ownFacts: facts,
        interpretation: facts.length > 0 ? ctx.countedTo.interpretation : undefined,
      }),
    );
  }
  return reasons;
}

/** Is the applicant's series or specialty one this offer (or forward) covers? */
export function scopeMatch(
  round: Round,
  applicant: Applicant,
  scope: { kind: 'all' } | { kind: 'series'; series: readonly string[] } | { kind: 'specialties'; specialties: readonly string[] },
): { value: Tri; what: string } {
  const series = applicant.series;
  const specialty = applicant.specialty;
  const listedOfSeries = (code: string) => round.specialties.filter((s) => s.series === code).map((s) => s.code);
  const specialtyFits = (allowed: readonly string[]): Tri => {
    if (allowed.length === 0) return 'yes';
    if (specialty === undefined) return 'unknown';
    return allowed.includes(specialty) ? 'yes' : 'no';
  };
  switch (scope.kind) {
    case 'all':
    case 'series': {
      const allowed = scope.kind === 'all' ? round.series.map((s) => s.code) : scope.series;
      const names = allowed.map((c) => seriesName(round, c));
      if (series === undefined) return { value: 'unknown', what: joinAnd(names) };
      if (!allowed.includes(series)) return { value: 'no', what: joinAnd(names) };
      return { value: specialtyFits(listedOfSeries(series)), what: joinAnd(listedOfSeries(series).map((c) => specialtyName(round, c))) };
    }
    case 'specialties': {
      const names = joinAnd(scope.specialties.map((c) => specialtyName(round, c)));
      if (specialty !== undefined) return { value: scope.specialties.includes(specialty) ? 'yes' : 'no', what: names };
      if (series !== undefined && !scope.specialties.some((c) => round.specialties.find((s) => s.code === c)?.series === series)) {
        return { value: 'no', what: names };
      }
      return { value: 'unknown', what: names };
    }
  }
}

/** The scope check as a reason: 本批次不评审您的专业. */
export function scopeReasons(
  round: Round,
  applicant: Applicant,
  match: { value: Tri; what: string },
  source: Reason['source'],
  interpretation?: string,
): Reason[] {
  const yours = applicant.specialty ? specialtyName(round, applicant.specialty) : applicant.series ? seriesName(round, applicant.series) : '';
  const extra = { interpretation };
  if (match.value === 'yes') return [reason('SCOPE.SPECIALTY', 'pass', `这一项包括您申报的${yours}。`, source, extra)];
  if (match.value === 'unknown') {
    return [reason('SCOPE.SPECIALTY', 'unknown', `这一项只包括${match.what}，请选择您申报的系列和专业。`, source, { ...extra, missing: '申报的系列和专业' })];
  }
  return [reason('SCOPE.SPECIALTY', 'fail', `这一项只包括${match.what}，不包括您申报的${yours}。`, source, extra)];
}

function externalRule(round: Round, id: string | undefined): ExternalRule | undefined {
  return id === undefined ? undefined : round.externalRules.find((r) => r.id === id);
}

/** `事业单位人员` when the rule names kinds of employer; `如果您是事业单位人员，` when not yet known. */
function describeWho(value: Tri, kinds: readonly (keyof typeof EMPLOYMENT_KIND_LABELS)[] | undefined): string {
  const whom = kinds ? `${kinds.map((k) => EMPLOYMENT_KIND_LABELS[k]).join('、')}人员` : '申报人';
  return value === 'unknown' ? `如果您是${whom}，` : whom;
}
