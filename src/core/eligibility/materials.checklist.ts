import type { MaskItem, MaterialCategory, Selector, YearSpan } from '../round/round.schema';
import type { ChecklistItem } from './assessment';
import type { ContinuingEducationRelief } from './continuing-education';
import { FACT_WORDING } from './labels';
import type { OfferContext } from './offer-context';
import { matchSelector } from './selector.match';

const MARK_WORDS: Readonly<Record<string, string>> = {
  handwritten: '手写',
  signed: '本人签字',
  fingerprint: '按手印',
  unit_seal: '加盖单位公章',
  leader_signature: '单位负责人签字',
  watermark: '有水印方为有效',
  a4_double_sided: 'A4纸双面打印',
  photo_attached: '贴本人近照',
  certified_copy: '复印件注明“与原件一致”并加盖公章',
  qr_code: '带二维码验证',
};

/**
 * The round's materials for this person: a category is listed when it is always required, when
 * its selector matches (or might: then `condition` says when), or when it is 如有 / 按条件. A
 * category whose `waivedBy` names the continuing-education exemption that applied is dropped
 * (`exempt`) or becomes 如有 (`not_hard_requirement`); nothing is relieved by its code alone. An
 * exemption's own form is listed only where that exemption is in play (`evidenceOf`).
 * Every uploaded image of a blind-reviewed round lists what to mask.
 */
export function materialsChecklist(ctx: OfferContext, relief: ContinuingEducationRelief): ChecklistItem[] {
  const { masking } = ctx.round.materials;
  const mask = masking.blindReview ? [...new Set(masking.items.map((i) => i.item))] : [];
  const items: ChecklistItem[] = [];
  for (const category of ctx.round.materials.categories) {
    const waived = relief.kind !== 'none' && (category.waivedBy ?? []).some((id) => relief.exemptions.includes(id));
    if (waived && relief.kind === 'exempt') continue;
    const need = evidenceNeeded(category, relief) ? needOf(category, ctx) : null;
    if (need === null) continue;
    const relieved = waived && relief.kind === 'not_hard_requirement' && need.need === 'required';
    items.push({
      code: category.code,
      name: category.name,
      need: relieved ? 'if_any' : need.need,
      stage: category.stage,
      form: category.form,
      record: category.stage === 'online' ? (category.record ?? null) : null,
      textLength: category.textLength ?? null,
      choices: category.choices ? { options: category.choices.options, suggested: suggestedChoice(category.choices, ctx) } : null,
      formats: formatsOf(category, ctx),
      mask: category.stage === 'online' && category.form === 'upload' && category.experts !== 'never' ? masksFor(category.code, mask) : [],
      note: noteOf(category, ctx),
      providedBy: category.providedBy ?? 'applicant',
      ...(category.availableAfter ? { availableAfter: category.availableAfter } : {}),
      expertsSee: category.experts ?? 'blind',
      source: category.source,
      ...(need.condition ? { condition: need.condition } : {}),
    });
  }
  return items;
}

/**
 * An exemption's approved form (`evidenceOf`) is asked of a person one of those exemptions applied
 * to, or may yet apply to while their hours fall short; someone whose hours are complete needs none.
 */
function evidenceNeeded(category: MaterialCategory, relief: ContinuingEducationRelief): boolean {
  if (!category.evidenceOf) return true;
  const ids = relief.kind === 'none' ? (relief.undecided ?? []) : relief.exemptions;
  return category.evidenceOf.some((id) => ids.includes(id));
}

/** The option the self-check's answers already give for a choice field, if they do. */
function suggestedChoice(choices: NonNullable<MaterialCategory['choices']>, ctx: OfferContext): string | null {
  const from = choices.fromAnswer;
  if (!from) return null;
  if (from.kind === 'fact') {
    const value = ctx.applicant.fact(from.fact);
    return value === undefined ? null : value ? from.yes : from.no;
  }
  const level = ctx.applicant.profile.unitLevel;
  return level === 'prefecture' ? from.prefecture : level === 'county' ? from.county : null;
}

function needOf(category: MaterialCategory, ctx: OfferContext): { need: ChecklistItem['need']; condition?: string } | null {
  const required = category.required;
  switch (required.kind) {
    case 'always':
      return { need: 'required' };
    case 'if_any':
      return { need: 'if_any' };
    case 'per_conditions':
      return { need: 'per_conditions' };
    case 'when': {
      const match = matchSelector(required.who, ctx.subject);
      if (match.value === 'no') return null;
      if (match.value === 'yes') return { need: 'required' };
      return { need: 'required', condition: `取决于：${match.unknowns.join('、')}` };
    }
  }
}

/** The category's own formats, else what the round's image-format rules say, else nothing stated. */
function formatsOf(category: MaterialCategory, ctx: OfferContext): ChecklistItem['formats'] {
  if (category.form !== 'upload' || category.stage !== 'online') return [];
  if (category.formats) return category.formats;
  const rule = ctx.round.materials.rules.find(
    (r) =>
      r.kind === 'image_format' &&
      r.formats !== undefined &&
      (r.categories === undefined || r.categories.includes(category.code)) &&
      matchSelector(r.who, ctx.subject).value !== 'no',
  );
  return rule?.formats ?? [];
}

const NOTE_LIMIT = 90;

function noteOf(category: MaterialCategory, ctx: OfferContext): string | null {
  const parts: string[] = [];
  if (category.years) {
    const years = spanText(category.years);
    if (years) parts.push(years);
  }
  if (category.sides?.length === 2) parts.push('正反面');
  for (const alt of category.alternatives ?? []) {
    const match = matchSelector(alt.who, ctx.subject).value;
    if (match === 'no') continue;
    const which = alt.choose >= alt.of.length ? `${alt.of.join('、')}都要` : `${alt.of.join('、')}任选${alt.choose}项`;
    // Both variants stay listed while the deciding answer is open, each saying when it applies.
    parts.push(match === 'unknown' && alt.who ? `${factsCondition(alt.who)}：${which}` : which);
  }
  if (category.textLength) {
    const { minChars, maxChars } = category.textLength;
    if (minChars !== undefined && maxChars !== undefined) parts.push(`${minChars}—${maxChars}字`);
    else if (minChars !== undefined) parts.push(`不少于${minChars}字`);
    else if (maxChars !== undefined) parts.push(`不超过${maxChars}字`);
  }
  if (category.copies) parts.push(`一式${category.copies}份`);
  if (category.ordering === 'lowest_first') parts.push('从低到高填写');
  const marks = (category.marks ?? []).map((m) => MARK_WORDS[m] ?? m);
  if (marks.length > 0) parts.push(marks.join('、'));
  if (category.instructions) parts.push(shorten(category.instructions));
  for (const rule of ctx.round.materials.rules) {
    if (rule.categories?.includes(category.code) && matchSelector(rule.who, ctx.subject).value !== 'no') parts.push(shorten(rule.text));
  }
  return parts.length > 0 ? parts.map((p) => `${p.replace(/[。；]$/u, '')}。`).join('') : null;
}

/** `现有职称是在疆外取得的`: the facts a selector asks for, as a condition. */
function factsCondition(who: Selector): string {
  const parts = [
    ...(who.factsAll ?? []).map((f) => FACT_WORDING[f.fact].yes),
    ...(who.factsNone ?? []).map((f) => FACT_WORDING[f].no),
    ...(who.factsAny ?? []).map((f) => FACT_WORDING[f].yes),
  ];
  return parts.length > 0 ? `如果${parts.join('，')}` : '视情况';
}

function spanText(span: YearSpan): string | null {
  switch (span.kind) {
    case 'range':
      return `${span.from}—${span.to}年度`;
    case 'recent':
      // Which years "近 N 年" means differs by material (appraisals end last year), so none are named.
      return `近${span.years}年`;
    case 'since':
      return `${span.from}年以来`;
    case 'tenure':
      return '任现职以来';
    case 'per_conditions':
      return '按评审条件规定的年限';
    case 'not_stated':
      return null;
  }
}

function shorten(text: string): string {
  return text.length <= NOTE_LIMIT ? text : `${text.slice(0, NOTE_LIMIT)}…`;
}

/** Masks that concern a portrait: the 1-inch photo shows nothing else. */
const PORTRAIT_MASKS: ReadonlySet<MaskItem> = new Set(['own_photo', 'own_photo_eyes']);

/**
 * What to mask in one category's images. The catalogue's `photo` (the 1-inch photo) is a portrait
 * only; the ID card's own photo has its own rule (tacheng: eyes only); every other image may show
 * the name, unit, seal, ID number or a photo (diplomas carry one), so it gets the rest.
 */
export function masksFor(categoryCode: string, roundMasks: readonly MaskItem[]): MaskItem[] {
  if (categoryCode === 'photo') return roundMasks.filter((m) => PORTRAIT_MASKS.has(m));
  if (categoryCode === 'id_card') return [...roundMasks];
  return roundMasks.filter((m) => m !== 'id_card_photo_eyes');
}
