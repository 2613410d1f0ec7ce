import type { HighSkillBridge, SkillLevel } from '../round/round.schema';
import { appraisalsByYear, EDUCATION_RANK, isQualified } from './applicant';
import type { Reason } from './assessment';
import { addMonths, chineseDate } from './calendar-date';
import { APPRAISAL_LABELS, EDUCATION_LABELS, LEVEL_LABELS, SKILL_LABELS } from './labels';
import { joinInterpretations, reason, type OfferContext } from './offer-context';
import type { Tri } from './selector.match';
import { dateYearsCompleted } from './seniority';
import type { AppraisalDelay } from './appraisal.delays';

/**
 * 两类人才贯通 (aksu-forestry-2024 四(六) / 四(二)24, tacheng-all-series-2023 一(四)): 高级工 / 技师 / 高级技师 after 2 / 3 / 4 years
 * of skilled work may apply for 助理级 / 中级 / 副高级, with the last 3 appraisals qualified, free of
 * education, thesis, foreign-language and computer conditions.
 */

const SKILL_RANK: Readonly<Record<SkillLevel, number>> = { senior_worker: 1, technician: 2, senior_technician: 3 };

const WAIVED_LABELS = { education: '学历', thesis: '论文', foreign_language: '外语', computer: '计算机' } as const;

/** The bridge path for this offer, or null when it does not apply (no skill, no step at this level). */
export function skillBridgeReasons(ctx: OfferContext, delay: AppraisalDelay): Reason[] | null {
  if (ctx.way !== 'evaluation') return null;
  const skill = ctx.applicant.profile.skill;
  if (skill === undefined || skill === null) return null;
  for (const bridge of ctx.round.highSkillBridges) {
    const step = bridge.steps.find((s) => s.level === ctx.level);
    if (!step) continue;
    const source = bridge.source;
    const reasons: Reason[] = [seriesReason(ctx, bridge)];
    const entryRank = Math.max(SKILL_RANK[step.skill], SKILL_RANK[bridge.entry.minSkill]);
    if (SKILL_RANK[skill.level] < entryRank) {
      reasons.push(reason('BRIDGE.SKILL', 'fail', `按技能贯通申报${LEVEL_LABELS[ctx.level]}要有${SKILL_LABELS[step.skill]}，您是${SKILL_LABELS[skill.level]}。`, source));
    } else {
      reasons.push(reason('BRIDGE.SKILL', 'pass', `您是${SKILL_LABELS[skill.level]}，可按技能贯通申报${LEVEL_LABELS[ctx.level]}。`, source));
      reasons.push(yearsReason(ctx, step.skill, step.minYearsSkilledWork, delay, bridge));
    }
    reasons.push(appraisalsReason(ctx, bridge));
    const waived = bridge.waivedConditions.map((w) => WAIVED_LABELS[w]).join('、');
    reasons.push(reason('BRIDGE.WAIVED', 'info', `走技能贯通不受${waived}等条件限制，重点看职业能力和工作业绩。`, source));
    return reasons;
  }
  return null;
}

/** Technical-school classes counted as an education by the round's bridge (中级工班 → 中专 …). */
export function schoolClassReasons(ctx: OfferContext): Reason[] {
  const mapped = (ctx.applicant.educations ?? []).flatMap((e) =>
    e.viaSchoolClass && e.education ? [{ className: e.viaSchoolClass.className, education: e.education, source: e.viaSchoolClass.source }] : [],
  );
  // One line per class, in education order, so the list's order never shows.
  const seen = new Map(mapped.map((m) => [m.className, m]));
  return [...seen.values()]
    .sort((a, b) => EDUCATION_RANK[a.education] - EDUCATION_RANK[b.education] || a.className.localeCompare(b.className))
    .map((m) => reason('BRIDGE.SCHOOL_CLASS', 'info', `您是技工院校${m.className}毕业，可按${EDUCATION_LABELS[m.education]}学历申报。`, m.source));
}

/**
 * Whether the bridge is open in the applicant's series: by code when the round says which of its
 * series the notice's names stand for (`seriesScope.series`). Without the codes, the notice's words
 * (工程技术, 农业 …) are compared with the round's series names (工程系列, 农业系列) without the
 * 系列 / 专业 suffix, either containing the other, and the reason says so.
 */
function seriesReason(ctx: OfferContext, bridge: HighSkillBridge): Reason {
  const source = bridge.source;
  const scope = bridge.seriesScope;
  if (scope.kind === 'all') return reason('BRIDGE.SERIES', 'pass', '技能贯通适用于各系列。', source);
  const listed = scope.names;
  const code = ctx.applicant.series;
  if (code === undefined) {
    return reason('BRIDGE.SERIES', 'unknown', `技能贯通只适用于${listed.join('、')}等系列，请选择您申报的系列。`, source, { missing: '申报的系列和专业' });
  }
  const name = ctx.round.series.find((s) => s.code === code)?.name ?? code;
  const codes = scope.series;
  const covered: Tri = (codes ? codes.includes(code) : listed.some((n) => namesMatch(n, name))) ? 'yes' : 'no';
  const interpretation = codes ? undefined : '通知按名称列出系列，这里按名称对照（如“工程技术”对应“工程系列”）。';
  return covered === 'yes'
    ? reason('BRIDGE.SERIES', 'pass', `技能贯通适用于${name}。`, source, { interpretation })
    : reason('BRIDGE.SERIES', 'fail', `技能贯通只适用于${listed.join('、')}等系列，不包括${name}。`, source, { interpretation });
}

function namesMatch(listed: string, seriesName: string): boolean {
  const strip = (s: string) => s.replace(/(系列|专业)$/u, '');
  const a = strip(listed);
  const b = strip(seriesName);
  return a.includes(b) || b.includes(a);
}

/**
 * Years of skilled work counted to the round's counting date: from the day the skill was obtained
 * when known; otherwise from the number of years the applicant gave, as of the assessment day.
 */
function yearsReason(ctx: OfferContext, stepSkill: SkillLevel, minYears: number, delay: AppraisalDelay, bridge: HighSkillBridge): Reason {
  const skill = ctx.applicant.profile.skill!;
  const years = minYears + delay.years;
  const counted = ctx.countedTo;
  const need = `取得${SKILL_LABELS[stepSkill]}后从事技术技能工作满${minYears}年${delay.years > 0 ? `（含考核顺延${delay.years}年，共${years}年）` : ''}`;
  let start: string;
  let estimated = false;
  if (skill.obtainedOn !== undefined) start = skill.obtainedOn;
  else if (skill.yearsOfSkilledWork !== undefined) {
    start = addMonths(ctx.asOfDate, -Math.round(skill.yearsOfSkilledWork * 12));
    estimated = true;
  } else {
    return reason('BRIDGE.YEARS', 'unknown', `技能贯通要求${need}，请填写取得技能等级的时间或已从事技能工作的年数。`, bridge.source, {
      missing: '取得技能等级后从事技能工作的年数',
    });
  }
  const metOn = dateYearsCompleted(start, years);
  const interpretation = joinInterpretations(
    estimated ? `按您填的${skill.yearsOfSkilledWork}年，从${chineseDate(ctx.asOfDate)}往前推算起始日。` : undefined,
    counted.interpretation,
  );
  const from = `从${chineseDate(start)}起算${estimated ? '（推算）' : ''}`;
  if (metOn <= counted.date) {
    return reason('BRIDGE.YEARS', 'pass', `技能贯通要求${need}。您${from}，到${chineseDate(counted.date)}已满${years}年。`, bridge.source, { interpretation });
  }
  return reason('BRIDGE.YEARS', 'later', `技能贯通要求${need}。您${from}，到${chineseDate(counted.date)}还不满，${chineseDate(metOn)}满${years}年。`, bridge.source, {
    earliestDate: metOn,
    interpretation,
  });
}

/**
 * 近三年考核合格: the N appraisal years before the round's year (a round in 2024 looks at 2021–2023,
 * as bazhou's paper list asks for 2021–2023 forms), each 合格 or 优秀.
 */
function appraisalsReason(ctx: OfferContext, bridge: HighSkillBridge): Reason {
  const n = bridge.entry.recentAppraisalsQualified;
  const years = Array.from({ length: n }, (_, i) => ctx.round.year - n + i);
  const byYear = appraisalsByYear(ctx.applicant.profile);
  const interpretation = `“近${n}年”按${years[0]}—${years[n - 1]}年度计算。`;
  const bad = years.flatMap((y) => {
    const r = byYear.get(y);
    return r !== undefined && !isQualified(r) ? [`${y}年${APPRAISAL_LABELS[r]}`] : [];
  });
  if (bad.length > 0) {
    return reason('BRIDGE.APPRAISALS', 'fail', `技能贯通要求近${n}年考核合格，您${bad.join('、')}。`, bridge.source, { interpretation });
  }
  const open = years.filter((y) => !byYear.has(y));
  if (open.length > 0) {
    const missing = `${open.join('、')}年的年度考核结果`;
    return reason('BRIDGE.APPRAISALS', 'unknown', `技能贯通要求近${n}年考核合格，请填写${missing}。`, bridge.source, { interpretation, missing });
  }
  return reason('BRIDGE.APPRAISALS', 'pass', `近${n}年考核都合格。`, bridge.source, { interpretation });
}
