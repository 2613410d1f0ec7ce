import { LEVELS, type Level, type MaskItem, type Round, type Source } from '../round/round.schema';
import type { Assessment, ChecklistItem, OfferAssessment, Reason } from './assessment';
import { CHANNEL_LABELS, LEVEL_LABELS, WAY_LABELS } from './labels';
import type { Profile } from './profile';
import { PERSONAL_EXCLUSIONS } from './reason.codes';

/**
 * The answer first: what one assessment means for this person, in a few lines. The assessment
 * keeps every reason of every offer; this folds it the way a person reads it:
 * - one line per way × channel with the best level that can be applied for now, and every higher
 *   level that might be, once something is confirmed, each on its own (the usual next step first:
 *   a range would hide it);
 * - every open question once, with the levels it concerns and its clause;
 * - every reason something is out once, with the levels it concerns;
 * - levels the person already holds (or passed) folded away;
 * - reasons every listed level shares shown once, not under every level;
 * - materials listed once, with the masks shared by every image said once.
 * Pure: reads only its arguments.
 */
export interface ResultSummary {
  /** Someone no offer is open to (retired, civil servant): one sentence with its clause. */
  readonly barred: { readonly message: string; readonly source: Source } | null;
  readonly lines: readonly SummaryLine[];
  readonly toConfirm: readonly ConfirmItem[];
  readonly out: readonly OutItem[];
  /** Levels not listed because the person already holds that level or a higher one. */
  readonly held: { readonly level: Level; readonly text: string } | null;
  /** Reasons identical in every listed offer: said once. */
  readonly shared: readonly Reason[];
  /** The offers listed (after folding), best first, for their details. */
  readonly listed: readonly OfferAssessment[];
  /** Materials of the offers that can or might be applied for, each once. */
  readonly materials: readonly ChecklistItem[];
  /** Masks every uploaded image shares; a material lists only what differs from these. */
  readonly maskEverywhere: readonly MaskItem[];
}

/** One way × channel (初定, 定向评价 …) and where this person stands in it. */
export interface SummaryLine {
  /** `评审 · 定向评价`. */
  readonly label: string;
  /** The highest level that can be applied for now. */
  readonly now: OfferAssessment | null;
  /**
   * Each level above `now` that can be applied for once what `toConfirm` lists is settled, lowest
   * first: the level a person normally applies for next leads, a leap after it.
   */
  readonly ifConfirmed: readonly OfferAssessment[];
  /** Levels above both that are out (not yet, or not at all). */
  readonly out: readonly OfferAssessment[];
}

export interface ConfirmItem {
  /**
   * `answer`: a question the person can answer (修改回答); `document`: a condition the notice leaves
   * to a document it does not reproduce (the series' evaluation conditions): no answer settles it,
   * the unit or the HR office does.
   */
  readonly kind: 'answer' | 'document';
  /** What to find out: 今年是否已通过其他方式申报同一系列、同一级别. */
  readonly what: string;
  /** Facts of the person's own to hold against it (years, education), when the engine knows them. */
  readonly ownFacts: readonly string[];
  readonly source: Source;
  /** The offers it concerns, by label. */
  readonly concerns: readonly string[];
}

export interface OutItem {
  readonly message: string;
  readonly source: Source;
  /** For a condition time cures: the Beijing date (YYYY-MM-DD) it holds from. */
  readonly earliestDate: string | null;
  readonly concerns: readonly string[];
}

const rankOf = (level: Level) => LEVELS.indexOf(level);
const reasonKey = (r: Reason) => `${r.code}|${r.message}`;

export function summarizeAssessment(assessment: Assessment, profile: Profile, round: Round): ResultSummary {
  const bar = assessment.general.find((r) => r.outcome === 'fail' && PERSONAL_EXCLUSIONS.includes(r.code as (typeof PERSONAL_EXCLUSIONS)[number]));
  const materialsOf = (offers: readonly OfferAssessment[]) => uniqueMaterials(offers);
  const maskEverywhere = commonMasks(round);
  if (bar) {
    return { barred: { message: bar.message, source: bar.source }, lines: [], toConfirm: [], out: [], held: null, shared: [], listed: [], materials: [], maskEverywhere };
  }

  const heldLevel = profile.currentTitle ? profile.currentTitle.level : null;
  const isHeld = (o: OfferAssessment) => heldLevel !== null && rankOf(o.level) <= rankOf(heldLevel);
  const open = assessment.offers.filter((o) => !isHeld(o));

  const lines: SummaryLine[] = [];
  const listed: OfferAssessment[] = [];
  for (const [label, offers] of groupByWayAndChannel(open)) {
    const byLevelDesc = [...offers].sort((a, b) => rankOf(b.level) - rankOf(a.level));
    const now = byLevelDesc.find((o) => o.verdict === 'eligible') ?? null;
    const above = (o: OfferAssessment) => now === null || rankOf(o.level) > rankOf(now.level);
    const pending = byLevelDesc.filter((o) => o.verdict === 'eligible_if' && above(o));
    const floor = pending[0] ?? now;
    const out = byLevelDesc.filter((o) => (o.verdict === 'not_yet' || o.verdict === 'ineligible') && (floor === null || rankOf(o.level) > rankOf(floor.level)));
    lines.push({ label, now, ifConfirmed: [...pending].reverse(), out });
    listed.push(...pending, ...(now ? [now] : []), ...out);
  }
  // Lines that offer something come first; within each, the way the round lists them.
  lines.sort((a, b) => Number(b.now !== null || b.ifConfirmed.length > 0) - Number(a.now !== null || a.ifConfirmed.length > 0));

  const hopeful = listed.filter((o) => o.verdict === 'eligible' || o.verdict === 'eligible_if');
  return {
    barred: null,
    lines,
    toConfirm: confirmItems(hopeful),
    out: outItems(listed.filter((o) => o.verdict === 'not_yet' || o.verdict === 'ineligible')),
    held: heldLevel === null || open.length === assessment.offers.length ? null : { level: heldLevel, text: heldText(heldLevel) },
    shared: sharedReasons(listed),
    listed,
    materials: materialsOf(hopeful),
    maskEverywhere,
  };
}

/** The reasons of one offer that are not already said once for all (`shared`). */
export function ownReasons(offer: OfferAssessment, shared: readonly Reason[]): Reason[] {
  const common = new Set(shared.map(reasonKey));
  return offer.reasons.filter((r) => !common.has(reasonKey(r)));
}

function groupByWayAndChannel(offers: readonly OfferAssessment[]): Map<string, OfferAssessment[]> {
  const groups = new Map<string, OfferAssessment[]>();
  for (const offer of offers) {
    const label = [WAY_LABELS[offer.way], CHANNEL_LABELS[offer.channel]].filter((p) => p !== '').join(' · ') + (offer.forwardedTo ? '（推荐到自治区）' : '');
    groups.set(label, [...(groups.get(label) ?? []), offer]);
  }
  return groups;
}

function heldText(level: Level): string {
  const lower = LEVELS.slice(0, rankOf(level) + 1).map((l) => LEVEL_LABELS[l]);
  return `您已有${LEVEL_LABELS[level]}职称，${lower.length > 1 ? `${lower[0]}至${LEVEL_LABELS[level]}` : LEVEL_LABELS[level]}不再列出。`;
}

function confirmItems(offers: readonly OfferAssessment[]): ConfirmItem[] {
  const items = new Map<string, { kind: ConfirmItem['kind']; what: string; ownFacts: readonly string[]; source: Source; concerns: string[] }>();
  for (const offer of offers) {
    for (const r of offer.reasons) {
      if (r.outcome !== 'unknown' && r.outcome !== 'cannot_judge') continue;
      const what = r.missing ?? r.message;
      const item = items.get(what) ?? { kind: r.outcome === 'cannot_judge' ? ('document' as const) : ('answer' as const), what, ownFacts: r.ownFacts ?? [], source: r.source, concerns: [] };
      if (!item.concerns.includes(offer.label)) item.concerns.push(offer.label);
      items.set(what, item);
    }
  }
  return [...items.values()];
}

/**
 * Why the listed levels are out, each reason once: the failures (or, for `not_yet`, the
 * conditions time cures) of every out offer, keyed by their message.
 */
function outItems(offers: readonly OfferAssessment[]): OutItem[] {
  const items = new Map<string, { message: string; source: Source; earliestDate: string | null; concerns: string[] }>();
  for (const offer of offers) {
    const blocking = offer.reasons.filter((r) => r.outcome === (offer.verdict === 'ineligible' ? 'fail' : 'later'));
    for (const r of blocking) {
      const item = items.get(r.message) ?? { message: r.message, source: r.source, earliestDate: r.earliestDate ?? null, concerns: [] };
      if (!item.concerns.includes(offer.label)) item.concerns.push(offer.label);
      items.set(r.message, item);
    }
  }
  return [...items.values()];
}

/** Reasons present, word for word, in every listed offer (only when there are two or more). */
function sharedReasons(offers: readonly OfferAssessment[]): Reason[] {
  if (offers.length < 2) return [];
  const [first, ...rest] = offers;
  return first!.reasons.filter((r) => r.outcome !== 'fail' && rest.every((o) => o.reasons.some((x) => reasonKey(x) === reasonKey(r))));
}

function uniqueMaterials(offers: readonly OfferAssessment[]): ChecklistItem[] {
  const seen = new Map<string, ChecklistItem>();
  for (const offer of offers) {
    for (const item of offer.materials) {
      const known = seen.get(item.code);
      // Required for one offer beats 如有 for another: the person prepares it either way.
      if (!known || (known.need !== 'required' && item.need === 'required')) seen.set(item.code, item);
    }
  }
  return [...seen.values()];
}

/** The masks of an ordinary uploaded page (not the 1-inch photo, not the ID card). */
function commonMasks(round: Round): MaskItem[] {
  const { masking } = round.materials;
  if (!masking.blindReview) return [];
  return [...new Set(masking.items.map((i) => i.item))].filter((m) => m !== 'id_card_photo_eyes');
}
