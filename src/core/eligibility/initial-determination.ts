import type { Education, InitialDeterminationRule } from '../round/round.schema';
import { EDUCATION_RANK, type CountedEducation } from './applicant';
import type { Reason } from './assessment';
import { chineseDate, laterDate, type IsoDateString } from './calendar-date';
import { EDUCATION_LABELS } from './labels';
import { joinInterpretations, reason, type OfferContext } from './offer-context';
import { matchSelector } from './selector.match';
import { dateYearsCompleted } from './seniority';
import type { AppraisalDelay } from './appraisal.delays';

/** Why the start of the count is the later of graduation and starting professional work. */
const START_READING = '从毕业和开始从事专业技术工作两者中较晚的一天算起。';

/**
 * 初次确定 (yuli-initial-junior-2024 一): a full-time graduate with qualified appraisal, after N completed years of
 * professional work that depend on the education (中专 3, 大专 2, 本科 1 in yuli), counted to the
 * round's counting date. Returns nothing when the round has no stated rule for this level, so
 * the external document is named instead.
 */
export function initialDeterminationReasons(ctx: OfferContext, delay: AppraisalDelay, alreadySaid: readonly Reason[] = []): Reason[] {
  if (ctx.way !== 'initial') return [];
  const rules = ctx.round.initialDetermination.filter((r) => r.levels.includes(ctx.level));
  return rules.flatMap((rule) => [...whoReasons(ctx, rule, alreadySaid), ...yearsReasons(ctx, rule, delay)]);
}

/**
 * Who may be determined. The channel usually states the same conditions (yuli-initial-junior-2024 一 is both), so
 * what another reason already says is not said twice.
 */
function whoReasons(ctx: OfferContext, rule: InitialDeterminationRule, alreadySaid: readonly Reason[]): Reason[] {
  const match = matchSelector(rule.who, ctx.subject);
  const extra = { interpretation: rule.interpretation };
  const said = (text: string) => alreadySaid.some((r) => r.message.includes(text));
  if (match.value === 'yes') return [];
  if (match.value === 'unknown') {
    const asks = match.unknowns.filter((a) => !said(a)).join('、');
    return asks ? [reason('INITIAL.WHO', 'unknown', `初定还要确认：${asks}。`, rule.source, { ...extra, missing: asks })] : [];
  }
  const misses = match.misses.filter((m) => !said(m));
  return misses.length > 0 ? [reason('INITIAL.WHO', 'fail', `初定的条件不符合：${misses.join('；')}。`, rule.source, extra)] : [];
}

interface Candidate {
  readonly education: Education;
  readonly years: number;
  readonly start: IsoDateString | null;
  readonly metOn: IsoDateString | null;
}

function yearsReasons(ctx: OfferContext, rule: InitialDeterminationRule, delay: AppraisalDelay): Reason[] {
  const educations = ctx.applicant.educations;
  const counted = ctx.countedTo;
  const interpretation = joinInterpretations(rule.interpretation, START_READING, counted.interpretation);
  const extra = { interpretation };
  const listed = rule.minYearsByEducation.map((r) => EDUCATION_LABELS[r.education]).join('、');
  const rows = rule.minYearsByEducation.map((r) => `${EDUCATION_LABELS[r.education]}${r.minYearsProfessionalWork}年`).join('、');
  if (educations === undefined) {
    return [reason('INITIAL.YEARS', 'unknown', `初定要求毕业后从事专业技术工作满一定年限（${rows}），请填写学历和毕业时间。`, rule.source, { ...extra, missing: '学历和毕业时间' })];
  }
  const fullTime = educations.filter(isFullTimeAcademic);
  const candidates = fullTime.flatMap((e) => candidate(e, rule, ctx, delay));
  const extraYears = delay.years > 0 ? `（含考核顺延${delay.years}年）` : '';
  const describe = (c: Candidate) => `${EDUCATION_LABELS[c.education]}毕业从事专业技术工作满${c.years}年${extraYears}才能初定`;

  const met = best(candidates.filter((c) => c.metOn !== null && c.metOn <= counted.date));
  if (met) {
    return [
      reason('INITIAL.YEARS', 'pass', `${describe(met)}。您从${chineseDate(met.start!)}算起，到${chineseDate(counted.date)}已满${met.years}年。`, rule.source, extra),
    ];
  }
  const open = candidates.filter((c) => c.start === null);
  if (open.length > 0) {
    const missing = '毕业时间和开始从事专业技术工作的时间';
    return [reason('INITIAL.YEARS', 'unknown', `${describe(best(open)!)}，请填写${missing}。`, rule.source, { ...extra, missing })];
  }
  // Above every listed row (硕士, 博士): the notice is silent, so say so instead of guessing a row.
  const unlisted = fullTime.filter((e) => e.education !== null && isAboveRows(e.education, rule));
  if (unlisted.length > 0) {
    const ranked = unlisted.map((e) => e.education!).sort((a, b) => EDUCATION_RANK[a] - EDUCATION_RANK[b]);
    const names = [...new Set(ranked.map((e) => EDUCATION_LABELS[e]))].join('、');
    return [
      reason('INITIAL.YEARS', 'cannot_judge', `通知只写了${rows}的初定年限，没有写${names}毕业生的，请向受理单位确认。`, rule.source, {
        ...extra,
        missing: `${names}毕业生的初定条件（通知未写明）`,
      }),
    ];
  }
  const soonest = best(candidates);
  if (!soonest) {
    return [reason('INITIAL.YEARS', 'fail', `初定只适用于全日制${listed}毕业生，您没有这样的学历。`, rule.source, extra)];
  }
  return [
    reason(
      'INITIAL.YEARS',
      'later',
      `${describe(soonest)}。您从${chineseDate(soonest.start!)}算起，到${chineseDate(counted.date)}还不满${soonest.years}年，${chineseDate(soonest.metOn!)}满${soonest.years}年。`,
      rule.source,
      { ...extra, earliestDate: soonest.metOn! },
    ),
  ];
}

/** 全日制普通院校 only: a part-time degree or a technical-school class does not count here. */
function isFullTimeAcademic(e: CountedEducation): boolean {
  return e.education !== null && e.record.fullTime !== false && e.record.technicalSchoolClass === undefined;
}

function candidate(e: CountedEducation, rule: InitialDeterminationRule, ctx: OfferContext, delay: AppraisalDelay): Candidate[] {
  const row = rule.minYearsByEducation.find((r) => r.education === e.education);
  if (!row || e.education === null) return [];
  const years = row.minYearsProfessionalWork + delay.years;
  const work = ctx.applicant.profile.professionalWorkSince;
  const graduated = e.record.graduatedOn;
  const start = work !== undefined && graduated !== undefined ? laterDate(work, graduated) : null;
  return [{ education: e.education, years, start, metOn: start === null ? null : dateYearsCompleted(start, years) }];
}

function isAboveRows(education: Education, rule: InitialDeterminationRule): boolean {
  return rule.minYearsByEducation.every((r) => EDUCATION_RANK[education] > EDUCATION_RANK[r.education]);
}

/** The candidate met soonest; ties go to the higher education, so list order never matters. */
function best(candidates: readonly Candidate[]): Candidate | undefined {
  return [...candidates].sort((a, b) => {
    const byDate = (a.metOn ?? '9999').localeCompare(b.metOn ?? '9999');
    return byDate !== 0 ? byDate : EDUCATION_RANK[b.education] - EDUCATION_RANK[a.education];
  })[0];
}
