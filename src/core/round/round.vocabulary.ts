import * as z from 'zod';

/**
 * The words rounds are written in: codes, sources, instants, levels, ways, channels, applicant
 * facts and the selector that combines them. Conventions are described in round.schema.ts.
 */

// ---------------------------------------------------------------------------------------------
// Primitives

/** Lower-case dotted code, e.g. `engineering.water`, `unit_publicity`. Stable across rounds. */
export const Code = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, 'must be a lower-case code like engineering.water');
export type Code = z.infer<typeof Code>;

/** Where a rule comes from: the notice file, its clause (e.g. `四(一)5`), a short verbatim quote. */
export const Source = z.strictObject({
  file: z.string().regex(/^[a-z0-9-]+\.txt$/, 'must be a notice file name like aksu-water-2024.txt'),
  clause: z.string().min(1),
  quote: z.string().min(1).max(200).optional(),
});
export type Source = z.infer<typeof Source>;

/** Present only when the data is a reading of the notice, not its literal words (Chinese). */
export const Interpretation = z.string().min(1).optional();

const BEIJING_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\+08:00$/;

function isRealDateTime(value: string): boolean {
  const m = BEIJING_INSTANT.exec(value);
  if (!m) return false;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return (
    t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d &&
    t.getUTCHours() === h && t.getUTCMinutes() === mi && t.getUTCSeconds() === s
  );
}

/** `2024-08-30T18:00:00+08:00`: Beijing wall time with the offset written out. */
export const BeijingInstant = z
  .string()
  .regex(BEIJING_INSTANT, 'must be YYYY-MM-DDTHH:mm:ss+08:00 (Beijing time, offset written out)')
  // Only judged once the format matched, so a malformed value gets one message, not two.
  .refine((v) => !BEIJING_INSTANT.test(v) || isRealDateTime(v), 'is not a real calendar date and time');
export type BeijingInstant = z.infer<typeof BeijingInstant>;

/** `2024-12-31`: a calendar date (Beijing). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || isRealDateTime(`${v}T00:00:00+08:00`), 'is not a real calendar date');
export type IsoDate = z.infer<typeof IsoDate>;

export const Year = z.number().int().min(2000).max(2100);
export const PositiveInt = z.number().int().positive();

// ---------------------------------------------------------------------------------------------
// Vocabulary (stable codes; Chinese words in comments)

/** 初级员级 / 初级助理级 / 中级 / 副高级 / 正高级. */
export const LEVELS = ['junior_yuan', 'junior_assistant', 'intermediate', 'deputy_senior', 'senior'] as const;
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

/** 评审 / 初次确定（初定）/ 授予. */
export const Way = z.enum(['evaluation', 'initial', 'grant']);
export type Way = z.infer<typeof Way>;

/** 定向评价 / 民营企业专项评审 / no named channel. */
export const Channel = z.enum(['directed', 'private_enterprise', 'general']);
export type Channel = z.infer<typeof Channel>;

/**
 * 用人单位性质. `state_enterprise` is every enterprise that is not 民营 (matches people/person.ts);
 * a notice's 企业 is written as both enterprise kinds. `agency` = 机关（公务员）;
 * `civil_service_managed_institution` = 参照公务员法管理的事业单位.
 */
export const EmploymentKind = z.enum([
  'institution',
  'state_enterprise',
  'private_enterprise',
  'social_organization',
  'freelancer',
  'agency',
  'civil_service_managed_institution',
]);
export type EmploymentKind = z.infer<typeof EmploymentKind>;

/** 单位层级; `township` is below county (乡镇及以下). */
export const UnitLevel = z.enum(['autonomous_region', 'prefecture', 'county', 'township']);
export type UnitLevel = z.infer<typeof UnitLevel>;

/** 中专 / 大专 / 本科 / 硕士 / 博士. */
export const Education = z.enum(['secondary_vocational', 'junior_college', 'bachelor', 'master', 'doctorate']);
export type Education = z.infer<typeof Education>;

/**
 * Facts about an applicant that notices condition on. An engine must be able to establish each
 * one (ask, or read a record); adding a fact is a code change on purpose.
 */
export const Fact = z.enum([
  'works_in_prefecture', // 在本地区从事专业技术工作
  'has_employment_relationship', // 与用人单位确定了劳动（聘用）关系
  'retired', // 离退休
  'employer_licence_registered_in_prefecture', // 营业执照在地区范围内注册
  'personnel_file_held_by_prefecture_agency', // 档案在地区人事代理机构托管
  'posted_by_enterprise_outside_xinjiang', // 疆外民营企业派驻本地区
  'first_title_application', // 初次参加职称评审
  'full_time_graduate', // 全日制普通大、中专院校毕业生
  'appraisal_qualified', // 经考核合格
  'fanghuiju_village_work', // 参加"访惠聚"驻村（含抽调到各级"访惠聚"办公室）
  'village_work_this_year', // 参加本年驻村（阿克苏平台填报项）
  'temple_management_work', // 驻村管寺 / 寺管会
  'preschool_support_teaching', // 南疆学前（双语）教育（干部）支教
  'inland_service_management_work', // 内地服务管理工作
  'poverty_village_first_secretary', // 深度贫困村第一书记
  'ethnic_minority_special_trainee', // 少数民族特培学员
  'transferred_from_agency', // 由机关调动（含分流、转移）到企事业单位
  'one_step_intermediate', // "一步到位"申报中级
  'has_current_title', // 已取得专业技术资格（现职称）
  'current_title_obtained_outside_xinjiang', // 现职称在其他省区市取得
]);
export type Fact = z.infer<typeof Fact>;

/** A fact, optionally with a minimum continuous duration (疆外企业派驻连续工作 1 年以上). */
export const FactRequirement = z.strictObject({
  fact: Fact,
  minContinuousYears: PositiveInt.optional(),
});
export type FactRequirement = z.infer<typeof FactRequirement>;

/** Who a rule is about. Fields AND together; values inside a field OR together. */
export const Selector = z.strictObject({
  levels: z.array(Level).min(1).optional(),
  ways: z.array(Way).min(1).optional(),
  channels: z.array(Channel).min(1).optional(),
  series: z.array(Code).min(1).optional(),
  specialties: z.array(Code).min(1).optional(),
  employmentKinds: z.array(EmploymentKind).min(1).optional(),
  unitLevels: z.array(UnitLevel).min(1).optional(),
  /** County of the workplace, by its Chinese name (且末县). */
  workCounties: z.array(z.string().min(1)).min(1).optional(),
  educations: z.array(Education).min(1).optional(),
  /** Every one must hold. */
  factsAll: z.array(FactRequirement).min(1).optional(),
  /** At least one must hold. */
  factsAny: z.array(Fact).min(1).optional(),
  /** None may hold. */
  factsNone: z.array(Fact).min(1).optional(),
});
export type Selector = z.infer<typeof Selector>;

/** Events in one application that a boundary can hang on. */
export const ApplicationEvent = z.enum([
  'formal_review_passed', // 通过形式审核
  'materials_accepted', // 评审委员会已接收材料
  'review_meeting_ended', // 评审会结束
  'returned', // 被退回
]);
export type ApplicationEvent = z.infer<typeof ApplicationEvent>;

/** What happens to an application that misses a deadline or limit. */
export const Consequence = z.enum([
  'deemed_abandoned', // 视为放弃
  'not_accepted', // 不予受理
  'not_evaluated', // 不予评审
  'not_recognised', // 不予认可
  'not_stated',
]);
export type Consequence = z.infer<typeof Consequence>;

/** A span of years a rule counts (继续教育年度, 考核年度). */
export const YearSpan = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('range'), from: Year, to: Year }),
    /** 近 N 年; the notice does not name the years. */
    z.strictObject({ kind: z.literal('recent'), years: PositiveInt }),
    /** 某年度以来, up to the round year. */
    z.strictObject({ kind: z.literal('since'), from: Year }),
    /** 任职年限内: the years at the current level. */
    z.strictObject({ kind: z.literal('tenure') }),
    /** The years the applicable conditions require (晋级年限, 初定年限). */
    z.strictObject({ kind: z.literal('per_conditions'), externalRule: Code.optional() }),
    z.strictObject({ kind: z.literal('not_stated') }),
  ])
  .superRefine((v, ctx) => {
    if (v.kind === 'range' && v.from > v.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `year range ends (${v.to}) before it starts (${v.from})` });
    }
  });
export type YearSpan = z.infer<typeof YearSpan>;
