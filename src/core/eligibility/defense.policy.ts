import type { Selector } from '../round/round.schema';
import type { DefenseAnswer } from './assessment';
import {
  EMPLOYMENT_KIND_LABELS,
  FACT_WORDING,
  LEVEL_LABELS,
  UNIT_LEVEL_LABELS,
  WAY_LABELS,
  joinOr,
} from './labels';
import type { OfferContext } from './offer-context';
import { matchSelector } from './selector.match';

const MODE_WORDS = { on_site: '现场答辩', video_online: '视频（线上）答辩', not_stated: '答辩' } as const;

/**
 * 专业水平答辩: required for those `defense.required` matches, minus `defense.exemptions`
 * (aksu: only senior levels, 本年驻村 exempt; bazhou: 访惠聚 etc., 且末县 / 若羌县, county-level units,
 * junior applicants; tacheng: directed 正/副高 in 农艺 / 畜牧 / 兽医). An exemption that might apply
 * leaves the answer `unknown` with what to find out.
 */
export function defenseAnswer(ctx: OfferContext): DefenseAnswer {
  const defense = ctx.round.defense;
  const required = defense.required.map((r) => ({ rule: r, match: matchSelector(r.who, ctx.subject) }));
  const applies = required.find((r) => r.match.value === 'yes') ?? required.find((r) => r.match.value === 'unknown');
  const slot = defense.slotMinutes?.minutes ?? null;

  if (!applies) {
    const rule = defense.required[0];
    return {
      status: 'not_required',
      message: rule ? `${describeScope(ctx)}不需要答辩。` : '本批次通知没有安排答辩。',
      slotMinutes: null,
      source: rule?.source ?? null,
    };
  }

  const exemptions = defense.exemptions.map((e) => ({ rule: e, match: matchSelector(e.who, ctx.subject) }));
  const exempt = exemptions.find((e) => e.match.value === 'yes');
  const scoring = defense.exemptScoring ? '现场答辩量化赋分的，免答辩人员按当年答辩人员的平均分计分。' : '';
  if (exempt) {
    return {
      status: 'exempt',
      message: `${whyMatched(exempt.rule.who, ctx)}，免于答辩。${scoring}`,
      slotMinutes: null,
      source: exempt.rule.source,
    };
  }

  const modes = [...new Set(applies.rule.modes.map((m) => MODE_WORDS[m]))].join('或');
  const slotText = slot !== null ? `每人${slot}分钟，` : '';
  const notice = defense.notification?.requiresAccountBinding ? '请先在平台绑定微信，留意微信通知的答辩时间。' : '';
  const external = defense.externalExemptions ? ctx.round.externalRules.find((r) => r.id === defense.externalExemptions) : undefined;
  const otherExemptions = external ? `其他免答辩情形见${external.document}。` : '';
  const open = exemptions.filter((e) => e.match.value === 'unknown');

  if (applies.match.value === 'unknown') {
    return {
      status: 'unknown',
      message: `是否要答辩还要确认：${applies.match.unknowns.join('、')}。${applies.rule.source.quote ? `通知：${applies.rule.source.quote}。` : ''}`,
      slotMinutes: slot,
      source: applies.rule.source,
    };
  }
  if (open.length > 0) {
    const hints = open.map((e) => whyMatched(e.rule.who, ctx, true)).join('；或');
    return {
      status: 'unknown',
      message: `需要参加${modes}（${slotText}时间另行通知），但如果您${hints}，可以免于答辩。${otherExemptions}`,
      slotMinutes: slot,
      source: open[0]!.rule.source,
    };
  }
  return {
    status: 'required',
    message: `需要参加${modes}，${slotText}${notice}${otherExemptions}`.replace(/，$/u, '。'),
    slotMinutes: slot,
    source: applies.rule.source,
  };
}

function describeScope(ctx: OfferContext): string {
  return `申报${LEVEL_LABELS[ctx.level]}${WAY_LABELS[ctx.way]}`;
}

/**
 * The part of a selector that makes it match, in words: `您在且末县工作`, `申报初级（助理级）`.
 * With `hypothetical`, the wording of a condition still open: `在且末县或若羌县工作`.
 */
function whyMatched(who: Selector, ctx: OfferContext, hypothetical = false): string {
  const profile = ctx.applicant.profile;
  const parts: string[] = [];
  if (who.levels) parts.push(`申报${hypothetical ? joinOr(who.levels.map((l) => LEVEL_LABELS[l])) : LEVEL_LABELS[ctx.level]}`);
  if (who.ways) parts.push(`${hypothetical ? joinOr(who.ways.map((w) => WAY_LABELS[w])) : WAY_LABELS[ctx.way]}`);
  if (who.workCounties) parts.push(`在${hypothetical || !profile.workCounty ? joinOr(who.workCounties) : profile.workCounty}工作`);
  if (who.unitLevels) {
    parts.push(`在${hypothetical || !profile.unitLevel ? joinOr(who.unitLevels.map((u) => UNIT_LEVEL_LABELS[u])) : UNIT_LEVEL_LABELS[profile.unitLevel]}工作`);
  }
  if (who.employmentKinds) {
    parts.push(`在${hypothetical || !profile.employmentKind ? joinOr(who.employmentKinds.map((k) => EMPLOYMENT_KIND_LABELS[k])) : EMPLOYMENT_KIND_LABELS[profile.employmentKind]}工作`);
  }
  for (const f of who.factsAll ?? []) parts.push(FACT_WORDING[f.fact].yes);
  if (who.factsAny) {
    const held = who.factsAny.filter((f) => ctx.applicant.fact(f) === true);
    parts.push(joinOr((hypothetical || held.length === 0 ? who.factsAny : held).map((f) => FACT_WORDING[f].yes)));
  }
  const text = parts.join('，');
  return hypothetical ? text : `您${text}`;
}
