import {
  APPRAISAL_LABELS,
  EDUCATION_LABELS,
  EMPLOYMENT_KIND_LABELS,
  SERVICE_FACT_LABELS,
  SKILL_LABELS,
  UNIT_LEVEL_LABELS,
  type ServiceFact,
} from '../../core/eligibility/labels';
import type { Profile } from '../../core/eligibility/profile';
import { factMatters, mayMatchAny } from '../../core/eligibility/questionnaire.rules';
import { LEVELS, MANDARIN_GRADES, type Education } from '../../core/round/round.schema';

/**
 * The self-check's questions, one per screen, as data. Each reads and writes one part of the
 * profile without mutating it; "不确定" leaves that part unknown (absent), which the engine reports
 * instead of guessing. Whether a question shows is asked of the core's rules (`isBarred`,
 * `factMatters`, `mayMatchAny`) over the round's data: no rule is restated here.
 */
export type { ChoiceQuestion, HoursQuestion, MonthQuestion, NumberQuestion, Option, Question, QuestionContext, RowsQuestion, SpecialtyQuestion } from './question.types';
export { continuingEducationYears, countiesOf, lastDayOfMonth } from './profile-edits';
import { without, setOrClear, fact, setFact, optionsOf, levelOptions, yesNo, toBool, fromBool, notBarred, asked, factQuestion, serviceFacts, highest, setHighest, schoolClassHint, continuingEducationYears, countiesOf, monthOf, monthWrite } from './profile-edits';
import type { Question, QuestionContext } from './question.types';

export const questions: readonly Question[] = [
  {
    id: 'employmentKind',
    kind: 'choice',
    title: '您的工作单位是什么性质？',
    hint: '不同性质的单位，申报渠道和条件不同。',
    when: () => true,
    options: () => optionsOf(EMPLOYMENT_KIND_LABELS),
    read: (p) => p.employmentKind,
    write: (p, v) => setOrClear(p, 'employmentKind', v as Profile['employmentKind']),
  },
  {
    ...factQuestion('retired', 'retired', '您是否已经办理退休？'),
    // Stays on the list once answered 是, so the answer can be seen and changed.
    when: (p, ctx) => notBarred(setFact(p, 'retired', undefined), ctx) && factMatters(p, ctx.round, 'retired'),
  },
  {
    id: 'worksInPrefecture',
    kind: 'choice',
    title: (ctx) => `您是否在${ctx.round.region.prefecture}从事专业技术工作？`,
    hint: '本批次面向在本地区工作的专业技术人员。',
    options: () => yesNo,
    read: (p) => fromBool(fact(p, 'works_in_prefecture')),
    write: (p, v) => {
      const next = setFact(p, 'works_in_prefecture', toBool(v));
      // Working in the round's prefecture is where the county list and the channels come from.
      return v === 'yes' ? next : without(without(next, 'prefecture'), 'workCounty');
    },
  },
  factQuestion('employmentRelationship', 'has_employment_relationship', '您与现单位签订了劳动合同或聘用合同吗？', '申报人需与用人单位确定劳动（聘用）关系。'),
  {
    id: 'unitLevel',
    kind: 'choice',
    title: '您的单位属于哪一级？',
    hint: '县级及以下单位在部分批次可免答辩；地（州）直属单位不经县（市）审核。',
    options: () => optionsOf(UNIT_LEVEL_LABELS),
    read: (p) => p.unitLevel,
    write: (p, v) => setOrClear(p, 'unitLevel', v as Profile['unitLevel']),
  },
  {
    id: 'workCounty',
    kind: 'choice',
    title: '您在哪个县（市）工作？',
    // Asked whatever the unit's level: some rules go by where a person works (bazhou-ecoenv-2024 六: 且末县,
    // 若羌县), and a prefecture-level unit's staff may work in a county.
    hint: '按您实际工作的地点选择；地（州）直属单位也请选择工作所在的县（市）。',
    when: (p, ctx) => notBarred(p, ctx) && fact(p, 'works_in_prefecture') !== false && countiesOf(ctx.round).length > 0,
    options: (ctx) => countiesOf(ctx.round).map((name) => ({ value: name, label: name })),
    read: (p) => p.workCounty ?? undefined,
    write: (p, v) => setOrClear(p, 'workCounty', v),
  },
  {
    id: 'specialty',
    kind: 'specialty',
    title: '您申报哪个系列、哪个专业？',
    hint: '按本批次通知所列的系列和专业选择，可以搜索。',
    groups: (ctx) =>
      ctx.round.series.map((series) => {
        const specialties = ctx.round.specialties.filter((s) => s.series === series.code);
        // A series the notice lists without specialties is chosen as a whole.
        const options = specialties.length > 0 ? specialties.map((s) => ({ value: s.code, label: s.name })) : [{ value: series.code, label: series.name }];
        return { title: series.name, options };
      }),
    read: (p) => p.specialty ?? p.series,
    write: (p, v) => {
      if (v === undefined) return without(without(p, 'specialty'), 'series');
      const series = v.includes('.') ? v.slice(0, v.lastIndexOf('.')) : v;
      return v.includes('.') ? { ...p, series, specialty: v } : { ...without(p, 'specialty'), series };
    },
  },
  {
    id: 'education',
    kind: 'choice',
    title: '您的最高学历是？',
    options: (ctx) =>
      optionsOf(EDUCATION_LABELS).map((option) => {
        const hint = schoolClassHint(ctx.round, option.value as Education);
        return hint ? { ...option, hint } : option;
      }),
    read: (p) => highest(p)?.education,
    write: (p, v) => (v === undefined ? setHighest(p, null) : setHighest(p, { education: v as Education })),
  },
  {
    id: 'fullTime',
    kind: 'choice',
    title: '这个学历是全日制的吗？',
    hint: '初次确定职称只面向全日制普通院校毕业生。',
    when: (p, ctx) => notBarred(p, ctx) && highest(p) !== undefined && factMatters(p, ctx.round, 'full_time_graduate'),
    options: () => yesNo,
    read: (p) => fromBool(highest(p)?.fullTime),
    write: (p, v) => setHighest(p, { fullTime: toBool(v) }),
  },
  {
    id: 'graduatedOn',
    kind: 'month',
    title: '您是哪年哪月毕业的？',
    hint: '以毕业证书上的日期为准。',
    when: (p, ctx) => notBarred(p, ctx) && highest(p) !== undefined,
    suggest: (_p, ctx) => `${ctx.year - 1}-07`,
    read: (p) => monthOf(highest(p)?.graduatedOn),
    write: monthWrite((p, v) => setHighest(p, { graduatedOn: v })),
  },
  {
    id: 'professionalWorkSince',
    kind: 'month',
    title: '您从哪年哪月开始从事专业技术工作？',
    hint: '一般是参加工作、从事本专业工作的时间。',
    suggest: (p, ctx) => monthOf(highest(p)?.graduatedOn) ?? `${ctx.year - 1}-07`,
    read: (p) => monthOf(p.professionalWorkSince),
    write: monthWrite((p, v) => setOrClear(p, 'professionalWorkSince', v)),
  },
  {
    id: 'currentTitle',
    kind: 'choice',
    title: '您现在有什么级别的职称？',
    options: () => [{ value: 'none', label: '还没有职称' }, ...levelOptions],
    read: (p) => (p.currentTitle === null ? 'none' : p.currentTitle?.level),
    write: (p, v) => {
      if (v === undefined) return without(p, 'currentTitle');
      if (v === 'none') return { ...p, currentTitle: null };
      // Changing the level keeps the date only when it is the same title.
      const keep = p.currentTitle?.level === v && p.currentTitle.obtainedOn ? { obtainedOn: p.currentTitle.obtainedOn } : {};
      return { ...p, currentTitle: { level: v as (typeof LEVELS)[number], ...keep } };
    },
  },
  {
    id: 'currentTitleOn',
    kind: 'month',
    title: '您是哪年哪月取得现有职称的？',
    hint: '以职称证书或任职资格文件上的日期为准。',
    when: (p, ctx) => notBarred(p, ctx) && !!p.currentTitle,
    suggest: (_p, ctx) => `${ctx.year - 5}-12`,
    read: (p) => monthOf(p.currentTitle?.obtainedOn),
    write: monthWrite((p, v) => (p.currentTitle ? { ...p, currentTitle: { level: p.currentTitle.level, ...(v ? { obtainedOn: v } : {}) } } : p)),
  },
  {
    id: 'skill',
    kind: 'choice',
    title: '您有职业技能等级证书吗？',
    hint: '高级工及以上的高技能人才可以通过"两类人才贯通"申报职称。',
    when: (p, ctx) => notBarred(p, ctx) && ctx.round.highSkillBridges.length > 0,
    options: () => [{ value: 'none', label: '没有，或低于高级工' }, ...optionsOf(SKILL_LABELS)],
    read: (p) => (p.skill === null ? 'none' : p.skill?.level),
    write: (p, v) => (v === undefined ? without(p, 'skill') : { ...p, skill: v === 'none' ? null : { level: v as never } }),
  },
  {
    id: 'skillYears',
    kind: 'number',
    title: '取得该技能等级后，您从事技能工作几年了？',
    unit: '年',
    min: 0,
    max: 50,
    when: (p, ctx) => notBarred(p, ctx) && !!p.skill,
    read: (p) => p.skill?.yearsOfSkilledWork,
    write: (p, v) =>
      p.skill ? { ...p, skill: { ...(p.skill.obtainedOn ? { obtainedOn: p.skill.obtainedOn } : {}), level: p.skill.level, ...(v === undefined ? {} : { yearsOfSkilledWork: v }) } } : p,
  },
  {
    id: 'appraisals',
    kind: 'rows',
    title: '近三年的年度考核结果是？',
    // Someone who began work this year has no appraisal to report yet.
    when: (p, ctx) => notBarred(p, ctx) && (!p.professionalWorkSince || Number(p.professionalWorkSince.slice(0, 4)) < ctx.year),
    hint: '每个“基本合格”或“不合格”都会推迟申报年限。参加工作以前的年份不用填。',
    // Only years the person worked in: someone who began in August 2023 is asked for 2023 alone.
    rows: (ctx, p) =>
      [1, 2, 3]
        .map((back) => ctx.year - back)
        .filter((year) => !p.professionalWorkSince || year >= Number(p.professionalWorkSince.slice(0, 4)))
        .map((year) => ({ key: String(year), label: `${year}年` })),
    options: optionsOf(APPRAISAL_LABELS),
    read: (p, key) => p.appraisals?.find((a) => String(a.year) === key)?.result,
    write: (p, key, v) => {
      const rest = (p.appraisals ?? []).filter((a) => String(a.year) !== key);
      const next = v === undefined ? rest : [...rest, { year: Number(key), result: v as never }];
      return { ...p, appraisals: next.sort((a, b) => b.year - a.year) };
    },
  },
  {
    id: 'continuingEducation',
    kind: 'hours',
    title: '这几年的继续教育学时各是多少？',
    hint: '公需科目和专业科目分开填写，可以填小数；不清楚的可以不填。',
    when: (p, ctx) => notBarred(p, ctx) && ctx.round.continuingEducation.requirements.length > 0,
    years: continuingEducationYears,
    read: (p, year) => {
      const entry = p.continuingEducation?.find((c) => c.year === year);
      return { publicHours: entry?.publicHours, professionalHours: entry?.professionalHours };
    },
    write: (p, year, hours) => {
      const rest = (p.continuingEducation ?? []).filter((c) => c.year !== year);
      const entry = {
        year,
        ...(hours.publicHours === undefined ? {} : { publicHours: hours.publicHours }),
        ...(hours.professionalHours === undefined ? {} : { professionalHours: hours.professionalHours }),
      };
      const keep = entry.publicHours !== undefined || entry.professionalHours !== undefined;
      return { ...p, continuingEducation: (keep ? [...rest, entry] : rest).sort((a, b) => b.year - a.year) };
    },
  },
  {
    id: 'serviceWork',
    kind: 'rows',
    title: '您是否参加过以下工作？',
    hint: '按规定可免除继续教育要求，部分批次还可免答辩。只列出本批次通知提到的工作。',
    when: (p, ctx) => notBarred(p, ctx) && serviceFacts(p, ctx).length > 0,
    rows: (ctx) => serviceFacts({}, ctx).map((key) => ({ key, label: SERVICE_FACT_LABELS[key] })),
    options: yesNo,
    read: (p, key) => fromBool(fact(p, key as ServiceFact)),
    write: (p, key, v) => setFact(p, key as ServiceFact, toBool(v)),
  },
  {
    id: 'mandarin',
    kind: 'choice',
    title: '您的普通话水平测试等级是？',
    hint: '部分单位的人员需要普通话证书。',
    when: (p, ctx) => notBarred(p, ctx) && mayMatchAny(p, ctx.round, ctx.round.mandarin.map((r) => r.who)),
    options: () => [...MANDARIN_GRADES.map((grade) => ({ value: grade, label: grade })), { value: 'none', label: '没有证书' }],
    read: (p) => (p.mandarinGrade === null ? 'none' : p.mandarinGrade),
    write: (p, v) => (v === undefined ? without(p, 'mandarinGrade') : { ...p, mandarinGrade: v === 'none' ? null : (v as never) }),
  },
  {
    id: 'socialInsurance',
    kind: 'number',
    title: '现单位为您连续缴纳社会保险多少个月了？',
    hint: '企业人员需提供近期社保缴纳证明。',
    unit: '个月',
    min: 0,
    max: 600,
    when: (p, ctx) => notBarred(p, ctx) && p.employmentKind !== undefined && mayMatchAny(p, ctx.round, ctx.round.socialInsurance.map((r) => r.who)),
    read: (p) => p.socialInsuranceMonths,
    write: (p, v) => setOrClear(p, 'socialInsuranceMonths', v),
  },
  factQuestion('licence', 'employer_licence_registered_in_prefecture', '您单位的营业执照是在本地区注册的吗？'),
  factQuestion('personnelFile', 'personnel_file_held_by_prefecture_agency', '您的人事档案由本地区人才服务机构保管吗？'),
  factQuestion('posted', 'posted_by_enterprise_outside_xinjiang', '您是疆外民营企业派驻到本地区工作的吗？'),
  {
    id: 'postedSince',
    kind: 'month',
    title: '您从哪年哪月起连续在本地区工作？',
    when: (p, ctx) => asked('posted_by_enterprise_outside_xinjiang')(p, ctx) && fact(p, 'posted_by_enterprise_outside_xinjiang') === true,
    suggest: (_p, ctx) => `${ctx.year - 1}-01`,
    read: (p) => monthOf(p.postedSince),
    write: monthWrite((p, v) => setOrClear(p, 'postedSince', v)),
  },
  factQuestion('firstApplication', 'first_title_application', '这是您第一次申报职称吗？'),
  {
    id: 'otherApplication',
    kind: 'choice',
    title: '今年您是否已通过其他渠道申报同一专业、同一级别的职称？',
    hint: '同一年度同一系列（专业）同一级别只能选择一种方式申报。',
    when: (p, ctx) => notBarred(p, ctx) && ctx.round.oneChannelPerYear !== undefined,
    options: (ctx) => [
      { value: 'none', label: '没有' },
      // A name with quotes of its own (地区“定向评价”评审) nests them as Chinese does: ‘’ inside “”.
      ...ctx.round.channels.map((c) => ({ value: c.channel, label: `已通过“${c.name.replace(/“/g, '‘').replace(/”/g, '’')}”申报` })),
    ],
    read: (p) => {
      if (p.applicationsThisYear === undefined) return undefined;
      return p.applicationsThisYear[0]?.channel ?? 'none';
    },
    write: (p, v) => {
      if (v === undefined) return without(p, 'applicationsThisYear');
      if (v === 'none') return { ...p, applicationsThisYear: [] };
      // The question is about this series and specialty; the next one asks which level.
      const level = p.applicationsThisYear?.[0]?.level ?? 'intermediate';
      const subject = { ...(p.series ? { series: p.series } : {}), ...(p.specialty ? { specialty: p.specialty } : {}) };
      return { ...p, applicationsThisYear: [{ ...subject, level, channel: v as never }] };
    },
  },
  {
    id: 'otherApplicationLevel',
    kind: 'choice',
    title: '那次申报的是哪一级职称？',
    when: (p, ctx) => notBarred(p, ctx) && (p.applicationsThisYear?.length ?? 0) > 0,
    options: () => levelOptions,
    read: (p) => p.applicationsThisYear?.[0]?.level,
    write: (p, v) => {
      const first = p.applicationsThisYear?.[0];
      // Not knowing the level makes the whole earlier application unknown rather than half-true.
      if (!first || v === undefined) return without(p, 'applicationsThisYear');
      return { ...p, applicationsThisYear: [{ ...first, level: v as never }] };
    },
  },
];

/** The questions that apply now, in order; answering one can add or remove later ones. */
export function visibleQuestions(profile: Profile, ctx: QuestionContext): Question[] {
  return questions.filter((q) => (q.when ? q.when(profile, ctx) : notBarred(profile, ctx)));
}

export function titleOf(question: Question, ctx: QuestionContext): string {
  return typeof question.title === 'function' ? question.title(ctx) : question.title;
}

/**
 * The question after `current` once the answers are `profile`: the next visible one in the fixed
 * order, even when this answer hid `current` itself (已退休 = 是 hides every question), or null
 * when none is left.
 */
export function nextQuestion(current: Question, profile: Profile, ctx: QuestionContext): Question | null {
  const start = questions.indexOf(current);
  return questions.slice(start + 1).find((q) => (q.when ? q.when(profile, ctx) : notBarred(profile, ctx))) ?? null;
}
