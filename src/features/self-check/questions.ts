import {
  APPRAISAL_LABELS,
  EDUCATION_LABELS,
  EMPLOYMENT_KIND_LABELS,
  LEVEL_LABELS,
  SKILL_LABELS,
  UNIT_LEVEL_LABELS,
} from '../../core/eligibility/labels';
import type { Profile } from '../../core/eligibility/profile';
import { factsUsedBy } from '../../core/round/round.facts';
import { LEVELS, MANDARIN_GRADES, type Round } from '../../core/round/round.schema';
import counties from '../../../config/regions/xinjiang-counties.json';

/**
 * The self-check's questions, one per screen, as data. Each reads and writes one part of the
 * profile without mutating it; "不确定" leaves that part unknown (absent), which the engine reports
 * instead of guessing. A question shows only when it can matter for this person.
 */

export interface QuestionContext {
  readonly round: Round;
  /** The Beijing year the self-check is taken in. */
  readonly year: number;
}

export interface Option {
  readonly value: string;
  readonly label: string;
  readonly hint?: string;
}

interface Base {
  readonly id: string;
  /** Plain text, or built from the round (its prefecture's name). */
  readonly title: string | ((ctx: QuestionContext) => string);
  readonly hint?: string;
  /** Shown only when this holds; absent = always. */
  readonly when?: (profile: Profile, ctx: QuestionContext) => boolean;
}

export interface ChoiceQuestion extends Base {
  readonly kind: 'choice';
  readonly options: (ctx: QuestionContext) => readonly Option[];
  readonly read: (profile: Profile) => string | undefined;
  readonly write: (profile: Profile, value: string | undefined) => Profile;
}

export interface DateQuestion extends Base {
  readonly kind: 'date';
  /** The value preselected when unanswered: a sensible guess the person adjusts. */
  readonly suggest: (profile: Profile, ctx: QuestionContext) => string;
  readonly read: (profile: Profile) => string | undefined;
  readonly write: (profile: Profile, value: string | undefined) => Profile;
}

export interface NumberQuestion extends Base {
  readonly kind: 'number';
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly read: (profile: Profile) => number | undefined;
  readonly write: (profile: Profile, value: number | undefined) => Profile;
}

/** Several yes/no-like rows on one screen, e.g. the appraisal of each of the last three years. */
export interface RowsQuestion extends Base {
  readonly kind: 'rows';
  readonly rows: (ctx: QuestionContext) => readonly { readonly key: string; readonly label: string }[];
  readonly options: readonly Option[];
  readonly read: (profile: Profile, key: string) => string | undefined;
  readonly write: (profile: Profile, key: string, value: string | undefined) => Profile;
}

/** Hours per year, two numbers a year (公需 / 专业). */
export interface HoursQuestion extends Base {
  readonly kind: 'hours';
  readonly years: (ctx: QuestionContext) => readonly number[];
  readonly read: (profile: Profile, year: number) => { publicHours?: number; professionalHours?: number };
  readonly write: (profile: Profile, year: number, hours: { publicHours?: number; professionalHours?: number }) => Profile;
}

export type Question = ChoiceQuestion | DateQuestion | NumberQuestion | RowsQuestion | HoursQuestion;

const without = <K extends keyof Profile>(profile: Profile, key: K): Profile => {
  const copy = { ...profile };
  delete copy[key];
  return copy;
};

const setOrClear = <K extends keyof Profile>(profile: Profile, key: K, value: Profile[K] | undefined): Profile =>
  value === undefined ? without(profile, key) : { ...profile, [key]: value };

const fact = (profile: Profile, name: keyof NonNullable<Profile['facts']>) => profile.facts?.[name];

const setFact = (profile: Profile, name: keyof NonNullable<Profile['facts']>, value: boolean | undefined): Profile => {
  const facts = { ...(profile.facts ?? {}) };
  if (value === undefined) delete facts[name];
  else facts[name] = value;
  return { ...profile, facts };
};

/** Options from one of the core's label tables, so the app and the verdicts name things alike. */
const optionsOf = <K extends string>(labels: Readonly<Record<K, string>>, keys: readonly K[] = Object.keys(labels) as K[]): Option[] =>
  keys.map((key) => ({ value: key, label: labels[key] }));

const levelOptions = optionsOf(LEVEL_LABELS, LEVELS);

const yesNo: readonly Option[] = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
];
const toBool = (value: string | undefined) => (value === undefined ? undefined : value === 'yes');
const fromBool = (value: boolean | undefined) => (value === undefined ? undefined : value ? 'yes' : 'no');

const isEnterprise = (p: Profile) => p.employmentKind === 'state_enterprise' || p.employmentKind === 'private_enterprise';
const notExcluded = (p: Profile) =>
  p.employmentKind !== 'agency' && p.employmentKind !== 'civil_service_managed_institution' && fact(p, 'retired') !== true;

/** Service that exempts from continuing education or the defense, as the notices name it. */
const serviceFactLabels = {
  village_work_this_year: '今年参加驻村工作',
  fanghuiju_village_work: '“访惠聚”驻村（含抽调到“访惠聚”办公室）',
  temple_management_work: '驻村管寺',
  preschool_support_teaching: '南疆学前（双语）教育支教',
  inland_service_management_work: '内地服务管理工作',
  poverty_village_first_secretary: '深度贫困村第一书记',
  ethnic_minority_special_trainee: '少数民族特培学员',
} as const;
type ServiceFact = keyof typeof serviceFactLabels;

/** Only the kinds of service this round's rules mention. */
const serviceFacts = (ctx: QuestionContext): ServiceFact[] => {
  const used = factsUsedBy(ctx.round);
  return (Object.keys(serviceFactLabels) as ServiceFact[]).filter((f) => used.has(f));
};

/** The highest degree, which is what the self-check asks about. */
const highest = (p: Profile) => p.educations?.[0];
const setHighest = (p: Profile, patch: Partial<NonNullable<Profile['educations']>[number]> | null): Profile => {
  if (patch === null) return without(p, 'educations');
  const current = highest(p);
  const next = { ...(current ?? {}), ...patch };
  if (!next.education) return p;
  return { ...p, educations: [{ ...next, education: next.education }] };
};

/** Years whose continuing-education hours the round looks at; the last three when it names none. */
function continuingEducationYears(ctx: QuestionContext): number[] {
  const years = new Set<number>();
  for (const rule of ctx.round.continuingEducation.requirements) {
    for (const span of [rule.publicYears, rule.professionalYears]) {
      if (span.kind === 'range') for (let y = span.from; y <= span.to; y += 1) years.add(y);
      if (span.kind === 'since') for (let y = span.from; y <= ctx.round.year; y += 1) years.add(y);
      if (span.kind === 'recent') for (let y = ctx.round.year - span.years + 1; y <= ctx.round.year; y += 1) years.add(y);
    }
  }
  if (years.size === 0) for (let y = ctx.round.year - 2; y <= ctx.round.year; y += 1) years.add(y);
  return [...years].sort((a, b) => b - a).slice(0, 5);
}

export const questions: readonly Question[] = [
  {
    id: 'employmentKind',
    kind: 'choice',
    title: '您的工作单位是什么性质？',
    hint: '不同性质的单位，申报渠道和条件不同。',
    options: () => optionsOf(EMPLOYMENT_KIND_LABELS),
    read: (p) => p.employmentKind,
    write: (p, v) => setOrClear(p, 'employmentKind', v as Profile['employmentKind']),
  },
  {
    id: 'retired',
    kind: 'choice',
    title: '您是否已经办理退休？',
    options: () => yesNo,
    read: (p) => fromBool(fact(p, 'retired')),
    write: (p, v) => setFact(p, 'retired', toBool(v)),
  },
  {
    id: 'worksInPrefecture',
    kind: 'choice',
    title: (ctx) => `您是否在${ctx.round.region.prefecture}从事专业技术工作？`,
    hint: '本批次面向在本地区工作的专业技术人员。',
    when: notExcluded,
    options: () => yesNo,
    read: (p) => fromBool(fact(p, 'works_in_prefecture')),
    write: (p, v) => {
      const next = setFact(p, 'works_in_prefecture', toBool(v));
      // Working in the round's prefecture is where the county list and the channels come from.
      return v === 'yes' ? next : without(without(next, 'prefecture'), 'workCounty');
    },
  },
  {
    id: 'employmentRelationship',
    kind: 'choice',
    title: '您与现单位签订了劳动合同或聘用合同吗？',
    hint: '申报人需与用人单位确定劳动（聘用）关系。',
    when: (p) => notExcluded(p) && p.employmentKind !== 'freelancer',
    options: () => yesNo,
    read: (p) => fromBool(fact(p, 'has_employment_relationship')),
    write: (p, v) => setFact(p, 'has_employment_relationship', toBool(v)),
  },
  {
    id: 'unitLevel',
    kind: 'choice',
    title: '您的单位属于哪一级？',
    hint: '县级及以下单位在部分批次可免答辩；地（州）直属单位不经县（市）审核。',
    when: notExcluded,
    options: () => optionsOf(UNIT_LEVEL_LABELS),
    read: (p) => p.unitLevel,
    write: (p, v) => setOrClear(p, 'unitLevel', v as Profile['unitLevel']),
  },
  {
    id: 'workCounty',
    kind: 'choice',
    title: '您在哪个县（市）工作？',
    when: (p) =>
      notExcluded(p) &&
      fact(p, 'works_in_prefecture') !== false &&
      (p.unitLevel === 'county' || p.unitLevel === 'township' || p.unitLevel === undefined),
    options: (ctx) =>
      ((counties.prefectures as Record<string, string[]>)[ctx.round.region.prefecture] ?? []).map((name) => ({ value: name, label: name })),
    read: (p) => p.workCounty ?? undefined,
    write: (p, v) => setOrClear(p, 'workCounty', v),
  },
  {
    id: 'specialty',
    kind: 'choice',
    title: '您申报哪个专业？',
    hint: '按本批次通知所列的系列和专业选择。',
    when: notExcluded,
    options: (ctx) => {
      const seriesName = new Map(ctx.round.series.map((s) => [s.code, s.name]));
      const specialties = ctx.round.specialties.map((s) => ({
        value: s.code,
        label: s.name,
        hint: seriesName.get(s.series),
      }));
      return specialties.length > 0 ? specialties : ctx.round.series.map((s) => ({ value: s.code, label: s.name }));
    },
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
    when: notExcluded,
    options: () =>
      optionsOf(EDUCATION_LABELS).map((option) => {
        // Technical-school classes count as these levels (两类人才贯通).
        const hint = { secondary_vocational: '含技工院校中级工班', junior_college: '含高级工班', bachelor: '含预备技师班' }[option.value as string];
        return hint ? { ...option, hint } : option;
      }),
    read: (p) => highest(p)?.education,
    write: (p, v) => (v === undefined ? setHighest(p, null) : setHighest(p, { education: v as never })),
  },
  {
    id: 'fullTime',
    kind: 'choice',
    title: '这个学历是全日制的吗？',
    hint: '初次确定职称只面向全日制普通院校毕业生。',
    when: (p) => notExcluded(p) && highest(p) !== undefined,
    options: () => yesNo,
    read: (p) => fromBool(highest(p)?.fullTime),
    write: (p, v) => setHighest(p, { fullTime: toBool(v) }),
  },
  {
    id: 'graduatedOn',
    kind: 'date',
    title: '您是什么时候毕业的？',
    hint: '以毕业证书上的日期为准。',
    when: (p) => notExcluded(p) && highest(p) !== undefined,
    suggest: (_p, ctx) => `${ctx.year - 1}-07-01`,
    read: (p) => highest(p)?.graduatedOn,
    write: (p, v) => setHighest(p, { graduatedOn: v }),
  },
  {
    id: 'professionalWorkSince',
    kind: 'date',
    title: '您从什么时候开始从事专业技术工作？',
    hint: '一般是参加工作、从事本专业工作的时间。',
    when: notExcluded,
    suggest: (p, ctx) => highest(p)?.graduatedOn ?? `${ctx.year - 1}-07-01`,
    read: (p) => p.professionalWorkSince,
    write: (p, v) => setOrClear(p, 'professionalWorkSince', v),
  },
  {
    id: 'currentTitle',
    kind: 'choice',
    title: '您现在有什么级别的职称？',
    when: notExcluded,
    options: () => [{ value: 'none', label: '还没有职称' }, ...levelOptions],
    read: (p) => (p.currentTitle === null ? 'none' : p.currentTitle?.level),
    write: (p, v) =>
      v === undefined ? without(p, 'currentTitle') : { ...p, currentTitle: v === 'none' ? null : { level: v as never } },
  },
  {
    id: 'currentTitleOn',
    kind: 'date',
    title: '您是什么时候取得现有职称的？',
    hint: '以职称证书或任职资格文件上的日期为准。',
    when: (p) => notExcluded(p) && !!p.currentTitle,
    suggest: (_p, ctx) => `${ctx.year - 5}-12-31`,
    read: (p) => p.currentTitle?.obtainedOn,
    write: (p, v) => (p.currentTitle ? { ...p, currentTitle: { level: p.currentTitle.level, ...(v ? { obtainedOn: v } : {}) } } : p),
  },
  {
    id: 'skill',
    kind: 'choice',
    title: '您有职业技能等级证书吗？',
    hint: '高级工及以上的高技能人才可以通过"两类人才贯通"申报职称。',
    when: notExcluded,
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
    when: (p) => notExcluded(p) && !!p.skill,
    read: (p) => p.skill?.yearsOfSkilledWork,
    write: (p, v) =>
      p.skill ? { ...p, skill: { ...(p.skill.obtainedOn ? { obtainedOn: p.skill.obtainedOn } : {}), level: p.skill.level, ...(v === undefined ? {} : { yearsOfSkilledWork: v }) } } : p,
  },
  {
    id: 'appraisals',
    kind: 'rows',
    title: '近三年的年度考核结果是？',
    hint: '每个"基本合格"或"不合格"都会推迟申报年限。',
    when: notExcluded,
    rows: (ctx) => [1, 2, 3].map((back) => ({ key: String(ctx.year - back), label: `${ctx.year - back}年` })),
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
    hint: '公需科目和专业科目分开填写；不清楚的可以不填。',
    when: notExcluded,
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
    when: (p, ctx) => notExcluded(p) && serviceFacts(ctx).length > 0,
    rows: (ctx) => serviceFacts(ctx).map((key) => ({ key, label: serviceFactLabels[key] })),
    options: yesNo,
    read: (p, key) => fromBool(fact(p, key as ServiceFact)),
    write: (p, key, v) => setFact(p, key as ServiceFact, toBool(v)),
  },
  {
    id: 'mandarin',
    kind: 'choice',
    title: '您的普通话水平测试等级是？',
    hint: '事业单位人员一般需要三级乙等及以上。',
    when: (p) => notExcluded(p) && (p.employmentKind === 'institution' || p.employmentKind === undefined),
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
    when: (p) => notExcluded(p) && isEnterprise(p),
    read: (p) => p.socialInsuranceMonths,
    write: (p, v) => setOrClear(p, 'socialInsuranceMonths', v),
  },
  {
    id: 'licence',
    kind: 'choice',
    title: '您单位的营业执照是在本地区注册的吗？',
    when: (p) => notExcluded(p) && p.employmentKind === 'private_enterprise',
    options: () => yesNo,
    read: (p) => fromBool(fact(p, 'employer_licence_registered_in_prefecture')),
    write: (p, v) => setFact(p, 'employer_licence_registered_in_prefecture', toBool(v)),
  },
  {
    id: 'personnelFile',
    kind: 'choice',
    title: '您的人事档案由本地区人才服务机构保管吗？',
    when: (p) => notExcluded(p) && (p.employmentKind === 'private_enterprise' || p.employmentKind === 'freelancer'),
    options: () => yesNo,
    read: (p) => fromBool(fact(p, 'personnel_file_held_by_prefecture_agency')),
    write: (p, v) => setFact(p, 'personnel_file_held_by_prefecture_agency', toBool(v)),
  },
  {
    id: 'posted',
    kind: 'choice',
    title: '您是疆外民营企业派驻到本地区工作的吗？',
    when: (p) => notExcluded(p) && p.employmentKind === 'private_enterprise',
    options: () => yesNo,
    read: (p) => fromBool(fact(p, 'posted_by_enterprise_outside_xinjiang')),
    write: (p, v) => setFact(p, 'posted_by_enterprise_outside_xinjiang', toBool(v)),
  },
  {
    id: 'postedSince',
    kind: 'date',
    title: '您从什么时候起连续在本地区工作？',
    when: (p) => notExcluded(p) && fact(p, 'posted_by_enterprise_outside_xinjiang') === true,
    suggest: (_p, ctx) => `${ctx.year - 1}-01-01`,
    read: (p) => p.postedSince,
    write: (p, v) => setOrClear(p, 'postedSince', v),
  },
  {
    id: 'firstApplication',
    kind: 'choice',
    title: '这是您第一次申报职称吗？',
    when: notExcluded,
    options: () => yesNo,
    read: (p) => fromBool(fact(p, 'first_title_application')),
    write: (p, v) => setFact(p, 'first_title_application', toBool(v)),
  },
  {
    id: 'otherApplication',
    kind: 'choice',
    title: '今年您是否已通过其他渠道申报同一系列、同一级别的职称？',
    hint: '同一年度同一系列同一级别只能选择一种方式申报。',
    when: notExcluded,
    options: () => [
      { value: 'none', label: '没有' },
      { value: 'directed', label: '已通过"定向评价"申报' },
      { value: 'private_enterprise', label: '已通过"民营企业专项"申报' },
    ],
    read: (p) => {
      if (p.applicationsThisYear === undefined) return undefined;
      return p.applicationsThisYear[0]?.channel ?? 'none';
    },
    write: (p, v) => {
      if (v === undefined) return without(p, 'applicationsThisYear');
      if (v === 'none') return { ...p, applicationsThisYear: [] };
      // The next question asks which level; until then keep any level already given.
      const level = p.applicationsThisYear?.[0]?.level ?? 'intermediate';
      return { ...p, applicationsThisYear: [{ ...(p.series ? { series: p.series } : {}), level, channel: v as never }] };
    },
  },
  {
    id: 'otherApplicationLevel',
    kind: 'choice',
    title: '那次申报的是哪一级职称？',
    when: (p) => notExcluded(p) && (p.applicationsThisYear?.length ?? 0) > 0,
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
  return questions.filter((q) => !q.when || q.when(profile, ctx));
}

export function titleOf(question: Question, ctx: QuestionContext): string {
  return typeof question.title === 'function' ? question.title(ctx) : question.title;
}

/**
 * The profile the engine sees: the answers plus what the round itself settles. Someone who says
 * they work in the round's prefecture works in that prefecture; a county-level or township unit
 * in it is in the county they picked.
 */
export function profileForRound(profile: Profile, ctx: QuestionContext): Profile {
  if (profile.facts?.works_in_prefecture !== true) return profile;
  const prefectureUnit = profile.unitLevel === 'prefecture' || profile.unitLevel === 'autonomous_region';
  return {
    ...profile,
    prefecture: ctx.round.region.prefecture,
    ...(prefectureUnit ? { workCounty: null } : {}),
  };
}
