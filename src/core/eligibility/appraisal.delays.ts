import type { Source } from '../round/round.schema';
import { appraisalsByYear } from './applicant';
import type { Reason } from './assessment';
import { addYears, chineseDate, yearOf } from './calendar-date';
import { APPRAISAL_LABELS } from './labels';
import { joinInterpretations, reason, type OfferContext } from './offer-context';

/** What the applicant's appraisals add to the years a round requires (bazhou-ecoenv-2024 五(一)10). */
export interface AppraisalDelay {
  /** Extra years in total; 0 when nothing delays or the round has no delay rule. */
  readonly years: number;
  /** `1次基本合格（顺延1年）、1次不合格（顺延2年）`. */
  readonly summary: string;
  readonly source: Source | null;
  /** The round has delay rules but the applicant did not answer the appraisals. */
  readonly unknown: boolean;
}

/**
 * Adds up the delay rules over the appraisals of the current tenure (from the year the current
 * title was obtained; all answered years when there is none). Each year counts once, with its worse
 * result, so the list's order never matters.
 */
export function appraisalDelay(ctx: OfferContext): AppraisalDelay {
  const rules = ctx.round.appraisal.flatMap((r) => (r.kind === 'delay' ? [r] : []));
  if (rules.length === 0) return { years: 0, summary: '', source: null, unknown: false };
  const profile = ctx.applicant.profile;
  if (profile.appraisals === undefined) return { years: 0, summary: '', source: rules[0]!.source, unknown: true };
  const since = profile.currentTitle?.obtainedOn ? yearOf(profile.currentTitle.obtainedOn) : -Infinity;
  const results = [...appraisalsByYear(profile)].filter(([year]) => year >= since && year <= ctx.round.year).map(([, r]) => r);
  let years = 0;
  const parts: string[] = [];
  for (const rule of rules) {
    const count = results.filter((r) => r === rule.grade).length;
    if (count === 0) continue;
    years += count * rule.delayYears;
    parts.push(`${count}次${APPRAISAL_LABELS[rule.grade]}（顺延${count * rule.delayYears}年）`);
  }
  return { years, summary: parts.join('、'), source: rules[0]!.source, unknown: false };
}

/**
 * The delay as a reason. When the path's own years are known (初定, 技能贯通) the delay is already
 * added there and this is `info`; when they are set by another document, the earliest date is
 * the round's counting date moved on by the delay, marked as a reading of the notice.
 */
export function appraisalDelayReasons(ctx: OfferContext, delay: AppraisalDelay, absorbed: boolean): Reason[] {
  if (delay.source === null) return [];
  if (delay.unknown) {
    return [
      reason('APPRAISAL.DELAY', 'unknown', '年度考核每有1次基本合格要顺延1年申报，不合格顺延2年。请填写近几年的考核结果。', delay.source, {
        missing: '近几年的年度考核结果',
      }),
    ];
  }
  if (delay.years === 0) return [reason('APPRAISAL.DELAY', 'pass', '您任现职期间的年度考核没有基本合格或不合格，不用顺延。', delay.source)];
  if (absorbed) {
    return [reason('APPRAISAL.DELAY', 'info', `您有${delay.summary}，所需年限已加上顺延的${delay.years}年。`, delay.source)];
  }
  const from = addYears(ctx.countedTo.date, delay.years);
  return [
    reason(
      'APPRAISAL.DELAY',
      'later',
      `您有${delay.summary}，要顺延${delay.years}年申报。按本次资历计算日${chineseDate(ctx.countedTo.date)}推算，最早${chineseDate(from)}以后才能申报。`,
      delay.source,
      {
        earliestDate: from,
        interpretation: joinInterpretations(
          '正常晋升所需年限由评审条件规定，通知没有写；这里按“本次本可申报、顺延后再申报”推算。',
          ctx.countedTo.interpretation,
        ),
      },
    ),
  ];
}
