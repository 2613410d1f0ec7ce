import type { Channel, Forward, Level, Offer, Round } from '../round/round.schema';
import { describeApplicant, type Applicant } from './applicant';
import { appraisalDelay, appraisalDelayReasons } from './appraisal.delays';
import type { Assessment, OfferAssessment, Reason } from './assessment';
import { continuingEducation } from './continuing-education';
import { defenseAnswer } from './defense.policy';
import {
  channelReasons,
  exclusionReasons,
  externalRuleReasons,
  mandarinReasons,
  oneChannelPerYearReasons,
  scopeMatch,
  scopeReasons,
  socialInsuranceReasons,
} from './eligibility.rules';
import { feeFor } from './fees';
import { initialDeterminationReasons } from './initial-determination';
import { LEVEL_LABELS, joinOr, offerLabel } from './labels';
import { materialsChecklist } from './materials.checklist';
import { reason, type OfferContext } from './offer-context';
import { buildOfferContext } from './offer-context.build';
import type { Profile } from './profile';
import { specialtyName, type MatchSubject, type Tri } from './selector.match';
import { seniorityCountedTo } from './seniority';
import { schoolClassReasons, skillBridgeReasons } from './skill-bridge';
import { combineReasons, VERDICT_ORDER, type Combined } from './verdict';
import { applyWindowReason, keyDatesFor } from './windows';
import { offerKeyOf } from './offer-key';

/**
 * Assesses one applicant against one round at one moment: for every level × way × channel the
 * round offers, and every level it forwards to the autonomous region, a verdict with every reason
 * behind it (each citing the round's clause), the materials to prepare, the fee, the defense, the
 * key dates and whether the apply window is open at `asOf`.
 *
 * Pure: reads no clock (`asOf` is the moment), never mutates its arguments, and the same inputs
 * give the same answer whatever the order of the profile's lists.
 */
export function assess(profile: Profile, round: Round, asOf: Date): Assessment {
  const applicant = describeApplicant(profile, round);
  const coveredLocally = coverage(round, applicant);
  const offers: OfferAssessment[] = [
    ...round.offers.flatMap((offer) => offer.levels.map((level) => assessOffer(round, applicant, offer, level, asOf, coveredLocally))),
    ...round.forwards.flatMap((forward) => forward.levels.map((level) => assessForward(round, applicant, forward, level, asOf, coveredLocally))),
  ];
  return { roundId: round.id, asOf: asOf.toISOString(), offers, general: generalReasons(round, applicant, coveredLocally) };
}

function assessOffer(round: Round, applicant: Applicant, offer: Offer, level: Level, asOf: Date, coveredLocally: Tri): OfferAssessment {
  const { ctx, window } = buildOfferContext(round, applicant, { level, way: offer.way, channel: offer.channel }, asOf);
  const scope = scopeMatch(round, applicant, offer.scope);
  const ce = continuingEducation(ctx);
  const common: Reason[] = [
    ...scopeReasons(round, applicant, scope, offer.source, offer.interpretation),
    ...titleLevelReasons(ctx),
    ...exclusionReasons(round, ctx.subject, coveredLocally),
    ...channelReasons(ctx),
    ...oneChannelPerYearReasons(ctx, otherChannelsAt(round, level, offer.channel)),
    ...mandarinReasons(ctx),
    ...socialInsuranceReasons(ctx),
    ...ce.reasons,
    ...(offer.way === 'evaluation' ? schoolClassReasons(ctx) : []),
  ];
  const cited = new Set(round.exclusions.flatMap((e) => (e.externalRule ? [e.externalRule] : [])));
  const delay = appraisalDelay(ctx);
  const hasStatedInitialRule = offer.way === 'initial' && round.initialDetermination.some((r) => r.levels.includes(level));
  const normal: Reason[] = [
    ...initialDeterminationReasons(ctx, delay, common),
    ...externalRuleReasons(ctx, { alreadyCited: cited }),
    ...appraisalDelayReasons(ctx, delay, hasStatedInitialRule),
  ];
  const paths: Path[] = [{ name: '正常晋升', reasons: normal }];
  const bridge = skillBridgeReasons(ctx, delay);
  if (bridge) {
    paths.push({
      name: '两类人才贯通',
      reasons: [...bridge, ...externalRuleReasons(ctx, { alreadyCited: cited, skipTopics: ['years_at_current_level'] }), ...appraisalDelayReasons(ctx, delay, true)],
    });
  }
  const combined = bestPath(common, paths);
  const infoWindow = applyWindowReason(window);
  return {
    key: offerKeyOf(offer.id, level),
    offerId: offer.id,
    level,
    way: offer.way,
    channel: offer.channel,
    label: offerLabel(level, offer.way, offer.channel),
    titleNames: titleNames(round, applicant, level, offer.scope),
    verdict: combined.verdict,
    reasons: [...combined.reasons, ...infoWindow],
    missing: combined.missing,
    earliestDate: combined.earliestDate,
    forwardedTo: null,
    materials: materialsChecklist(ctx, ce.relief),
    fee: feeFor(round, level, offer.way, offer.channel),
    defense: defenseAnswer(ctx),
    dates: keyDatesFor(round, ctx.subject),
    window: window.state,
  };
}

/**
 * A level the round does not evaluate but recommends to the autonomous region (tacheng-all-series-2023 二(二)):
 * the round's own exclusions and channel still apply; the conditions, procedure, materials, fee
 * and dates are the autonomous region's, so they are named, not guessed.
 */
function assessForward(round: Round, applicant: Applicant, forward: Forward, level: Level, asOf: Date, coveredLocally: Tri): OfferAssessment {
  const { ctx } = buildOfferContext(round, applicant, { level, way: 'evaluation', channel: forward.channel }, asOf);
  const external = forward.externalRule ? round.externalRules.find((r) => r.id === forward.externalRule) : undefined;
  const document = external?.document ?? '自治区当年评审条件和通知';
  const forwardedTo = `推荐到自治区评审：由${forward.preliminaryReviewBy}初审，符合条件的提交自治区相应系列（专业）评审委员会评审；申报程序、材料和时间以${document}为准。`;
  const reasons: Reason[] = [
    ...forwardScopeReasons(ctx, forward),
    ...exclusionReasons(round, ctx.subject, coveredLocally),
    ...channelReasons(ctx),
    ...oneChannelPerYearReasons(ctx, otherChannelsAt(round, level, forward.channel)),
    reason('FORWARD.TO_REGION', 'cannot_judge', `这一项不在本地区评审。${forwardedTo}`, forward.source, {
      missing: `自治区评审的申报条件（见${document}）`,
      interpretation: forward.interpretation,
    }),
  ];
  const combined = combineReasons(reasons);
  return {
    key: offerKeyOf(forward.id, level),
    offerId: forward.id,
    level,
    way: 'evaluation',
    channel: forward.channel,
    label: offerLabel(level, 'evaluation', forward.channel),
    titleNames: titleNames(round, applicant, level, { kind: 'all' }),
    verdict: combined.verdict,
    reasons: combined.reasons,
    missing: combined.missing,
    earliestDate: combined.earliestDate,
    forwardedTo,
    materials: [],
    fee: null,
    defense: { status: 'unknown', message: `是否答辩以${document}为准。`, slotMinutes: null, source: forward.source },
    dates: [],
    window: { state: 'unknown', start: null, end: null },
  };
}

interface Path {
  readonly name: string;
  readonly reasons: readonly Reason[];
}

/**
 * Normal promotion and the skill bridge are alternatives: the better verdict wins (then the one
 * with less left open), and the other is summed up in one `info` line so nothing is hidden.
 */
function bestPath(common: readonly Reason[], paths: readonly Path[]): Combined {
  const judged = paths.map((p) => ({ path: p, combined: combineReasons([...common, ...p.reasons]) }));
  const rank = (c: Combined) => VERDICT_ORDER.indexOf(c.verdict) * 1000 - c.missing.length;
  const best = judged.reduce((a, b) => (rank(b.combined) > rank(a.combined) ? b : a));
  const others = judged.filter((j) => j !== best);
  // When something common to every path fails, the alternatives cannot help and are not worth a line.
  if (others.length === 0 || best.combined.verdict === 'ineligible') return best.combined;
  const notes = others.map(({ path, combined }) => {
    const own = combineReasons(path.reasons);
    const blocking = path.reasons.filter((r) => r.outcome === 'fail' || r.outcome === 'later').map((r) => r.message);
    const text =
      blocking.length > 0
        ? `按${path.name}：${blocking.join('')}`
        : combined.verdict === 'eligible'
          ? `按${path.name}也符合条件。`
          : `也可以按${path.name}申报，还要确认：${own.missing.join('；')}。`;
    return reason('PATH.ALTERNATIVE', 'info', text, path.reasons[0]?.source ?? best.combined.reasons[0]!.source);
  });
  return { ...best.combined, reasons: [...best.combined.reasons, ...notes] };
}

/** Whether any local offer of the round evaluates the applicant's series or specialty (any level). */
function coverage(round: Round, applicant: Applicant): Tri {
  const values = round.offers.map((offer) => scopeMatch(round, applicant, offer.scope).value);
  if (values.includes('yes')) return 'yes';
  return values.includes('unknown') ? 'unknown' : 'no';
}

/** Does the forward cover this person: every series, listed series, or what no local offer covers. */
function forwardScopeReasons(ctx: OfferContext, forward: Forward): Reason[] {
  const { round, applicant, level } = ctx;
  const scope = forward.scope;
  const extra = { interpretation: forward.interpretation };
  if (scope.kind === 'all') return [];
  if (scope.kind === 'series') return scopeReasons(round, applicant, scopeMatch(round, applicant, scope), forward.source, forward.interpretation);
  const local = round.offers.filter((o) => o.levels.includes(level));
  const values = local.map((o) => scopeMatch(round, applicant, o.scope).value);
  if (values.includes('yes')) {
    const yours = applicant.specialty ? specialtyName(round, applicant.specialty) : '您的专业';
    return [reason('FORWARD.NOT_APPLICABLE', 'fail', `${yours}的${LEVEL_LABELS[level]}在本地区评审，不需要推荐到自治区，请看本地区评审那一项。`, forward.source, extra)];
  }
  if (values.includes('unknown')) {
    return [reason('FORWARD.NOT_APPLICABLE', 'unknown', '本地区不能评审的专业才推荐到自治区，请选择您申报的系列和专业。', forward.source, { ...extra, missing: '申报的系列和专业' })];
  }
  return [reason('FORWARD.NOT_APPLICABLE', 'pass', `本地区不评审您这个专业的${LEVEL_LABELS[level]}，可以推荐到自治区评审。`, forward.source, extra)];
}

/**
 * A round that names titles per specialty offers a level only where a title exists (yuli's table:
 * 石油专业 has 助理工程师, so no 员级); rounds leaving titles to another document do not restrict.
 */
function titleLevelReasons(ctx: OfferContext): Reason[] {
  const { round, applicant, level } = ctx;
  const specialty = round.specialties.find((s) => s.code === applicant.specialty);
  if (!specialty || specialty.titles.length === 0) return [];
  const series = round.series.find((s) => s.code === specialty.series);
  const atLevel = (t: { level: Level }) => t.level === level;
  if (specialty.titles.some(atLevel) || series?.titles.some(atLevel) || series?.titlesExternalRule) return [];
  const names = specialty.titles.map((t) => `${t.names.join('、')}（${LEVEL_LABELS[t.level]}）`);
  return [reason('SCOPE.TITLE', 'fail', `本批次${specialty.name}只有${joinOr(names)}，没有${LEVEL_LABELS[level]}。`, specialty.titles[0]!.source)];
}

const titlesAt = (titles: readonly { level: Level; names: readonly string[] }[], level: Level) => titles.filter((t) => t.level === level).flatMap((t) => t.names);

/**
 * The title names of a level in a specialty, else its series (the first that names any); [] when
 * the round knows the specialty or series but names none; null when it knows neither.
 */
export function namedTitlesAt(round: Pick<Round, 'specialties' | 'series'>, of: { readonly specialty?: string | null; readonly series?: string | null }, level: Level): string[] | null {
  const specialty = round.specialties.find((s) => s.code === of.specialty);
  if (specialty && titlesAt(specialty.titles, level).length > 0) return titlesAt(specialty.titles, level);
  const series = round.series.find((s) => s.code === of.series);
  if (series && titlesAt(series.titles, level).length > 0) return titlesAt(series.titles, level);
  return specialty || series ? [] : null;
}

/** The title names of this level for the applicant's specialty, else series, else every one in scope. */
function titleNames(round: Round, applicant: Applicant, level: Level, scope: Offer['scope']): string[] {
  const named = namedTitlesAt(round, applicant, level);
  if (named) return named;
  const at = (titles: readonly { level: Level; names: readonly string[] }[]) => titlesAt(titles, level);
  const inScope = round.specialties.filter(
    (s) => scope.kind === 'all' || (scope.kind === 'series' ? scope.series.includes(s.series) : scope.specialties.includes(s.code)),
  );
  return [...new Set([...inScope.flatMap((s) => at(s.titles)), ...round.series.flatMap((s) => at(s.titles))])];
}

function otherChannelsAt(round: Round, level: Level, channel: Channel): boolean {
  return [...round.offers, ...round.forwards].some((o) => o.levels.includes(level) && o.channel !== channel);
}

/**
 * Round-wide reasons: exclusions that do not depend on the level, way or channel, and the
 * one-channel-per-year rule. They are repeated in each offer's reasons, so every verdict stands
 * on its own; here they are for a summary at the top.
 */
function generalReasons(round: Round, applicant: Applicant, coveredLocally: Tri): Reason[] {
  const subject: MatchSubject = { round, applicant, countedTo: seniorityCountedTo(round, null).date };
  const roundWide = (e: Round['exclusions'][number]) => !e.who || (!e.who.levels && !e.who.ways && !e.who.channels);
  const reasons = exclusionReasons(round, subject, coveredLocally, roundWide);
  const oneChannel = round.oneChannelPerYear;
  if (oneChannel) reasons.push(reason('CHANNEL.ONE_PER_YEAR', 'info', '同一年度申报同一系列、同一级别职称，只能选择一种方式申报。', oneChannel.source));
  return reasons;
}
