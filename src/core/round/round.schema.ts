import * as z from 'zod';
import { roundProblems } from './round.checks';
import { Materials, Note, ReviewChain, StandardText, Template } from './round.materials';
import {
  ApplicationEvent,
  BeijingInstant,
  Channel,
  Code,
  Consequence,
  Education,
  Interpretation,
  IsoDate,
  Level,
  PositiveInt,
  Selector,
  Source,
  Way,
  Year,
  YearSpan,
} from './round.vocabulary';

export * from './round.vocabulary';
export * from './round.materials';

/**
 * A round (评审批次) is one official notice turned into data. Everything a notice says lives
 * here with the clause it came from, so next year's notice is a new JSON file, not a release.
 *
 * Conventions every round file follows (the eligibility engine relies on them):
 * - Every rule object carries `source` (file + clause, optional short verbatim quote).
 * - `interpretation` (optional, Chinese) is present exactly when the data is a reading of the
 *   notice rather than its literal words; an engine may show it as a caveat.
 * - Where a notice is silent on something a rule needs, the data says so explicitly
 *   (`{ kind: 'not_stated' }`, or an `externalRules` entry naming the document that sets it).
 *   Nothing is ever defaulted by code.
 * - Lists that may be empty (e.g. `passRates: []`) mean "this notice states none".
 * - A `Selector` (`who`) matches an applicant when every field present matches; inside one field
 *   any listed value matches. An absent field does not restrict.
 * - Instants are Beijing time with an explicit `+08:00` offset. A boundary the notice gives only
 *   as a day says `given: 'date'`: a start is then `00:00:00+08:00` of that day and an end is
 *   `23:59:59+08:00`, the last second that still counts. Ends are inclusive (see time/beijing.ts).
 */

// ---------------------------------------------------------------------------------------------
// Identity of the round

export const Region = z.strictObject({
  province: z.literal('新疆维吾尔自治区'),
  /** 地区 / 自治州. */
  prefecture: z.string().min(1),
  /** Only for a county-level round (尉犁县). */
  county: z.string().min(1).optional(),
});
export type Region = z.infer<typeof Region>;

export const Issuer = z.strictObject({
  /** The body in the letterhead. */
  name: z.string().min(1),
  /** The body that signs, where different (评审委员会). */
  signedBy: z.string().min(1).optional(),
  source: Source,
});
export type Issuer = z.infer<typeof Issuer>;

export const Platform = z.strictObject({
  name: z.string().min(1),
  url: z.string().min(1),
  /** Sub-systems or modules the notice names (阿克苏地区职称评审系统 → 民营企业专项申报). */
  modules: z.array(z.strictObject({ name: z.string().min(1), url: z.string().min(1).optional(), channel: Channel.optional() })),
  /** What happens to titles not handled on the platform. */
  offPlatform: Consequence,
  source: Source,
});
export type Platform = z.infer<typeof Platform>;

export const Contact = z.strictObject({
  role: z.string().min(1),
  names: z.array(z.string().min(1)),
  phones: z.array(z.string().min(1)).min(1),
  place: z.string().min(1).optional(),
  source: Source,
});
export type Contact = z.infer<typeof Contact>;

// ---------------------------------------------------------------------------------------------
// Series, specialties, title names

/** Title names of one level; a level can have several (新闻: 助理记者, 助理编辑). */
export const TitleName = z.strictObject({
  level: Level,
  names: z.array(z.string().min(1)).min(1),
  source: Source,
  interpretation: Interpretation,
});
export type TitleName = z.infer<typeof TitleName>;

export const Series = z.strictObject({
  code: Code,
  name: z.string().min(1),
  /** Ladder shared by the series' specialties, where the notice names it. */
  titles: z.array(TitleName),
  /** When the notice names no titles: the `externalRules` id of the document that does. */
  titlesExternalRule: Code.optional(),
  source: Source,
});
export type Series = z.infer<typeof Series>;

export const Specialty = z.strictObject({
  /** `<series code>.<specialty>`, e.g. `engineering.water`. */
  code: Code,
  series: Code,
  name: z.string().min(1),
  /** 二级专业 the applicant picks from, where the notice lists them. */
  subSpecialties: z.array(z.string().min(1)).min(1).optional(),
  /** Titles of this specialty; they override the series ladder at the same level. */
  titles: z.array(TitleName),
  source: Source,
  interpretation: Interpretation,
});
export type Specialty = z.infer<typeof Specialty>;

// ---------------------------------------------------------------------------------------------
// Who may apply, through which channel

export const EligibilityPath = z.strictObject({
  /** Chinese label, e.g. 营业执照在地区注册的民营企业专业技术人员. */
  label: z.string().min(1),
  who: Selector,
  source: Source,
  interpretation: Interpretation,
});
export type EligibilityPath = z.infer<typeof EligibilityPath>;

export const ChannelRule = z.strictObject({
  channel: Channel,
  /** The notice's name for it: 地区"定向评价"评审. */
  name: z.string().min(1),
  /** Who recommends and who evaluates, as the notice words it. */
  reviewedBy: z.string().min(1).optional(),
  evaluatedBy: z.string().min(1).optional(),
  /** An applicant may use the channel when any one path matches. */
  eligibleWhenAny: z.array(EligibilityPath).min(1),
  source: Source,
  interpretation: Interpretation,
});
export type ChannelRule = z.infer<typeof ChannelRule>;

/** 同一年度同一系列（专业）同一级别只能选择一种方式申报. */
export const OneChannelPerYear = z.strictObject({
  scope: z.literal('same_year_series_level'),
  source: Source,
});
export type OneChannelPerYear = z.infer<typeof OneChannelPerYear>;

export const Exclusion = z.strictObject({
  reason: z.enum(['retired', 'agency_staff', 'civil_service_managed', 'exam_replaced_specialty', 'per_series_conditions']),
  /** Who is excluded; absent when only the external rule knows (以考代评专业 list). */
  who: Selector.optional(),
  externalRule: Code.optional(),
  source: Source,
  interpretation: Interpretation,
});
export type Exclusion = z.infer<typeof Exclusion>;

// ---------------------------------------------------------------------------------------------
// What the round offers

export const Scope = z.discriminatedUnion('kind', [
  /** Every specialty this round lists. */
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('series'), series: z.array(Code).min(1) }),
  z.strictObject({ kind: z.literal('specialties'), specialties: z.array(Code).min(1) }),
]);
export type Scope = z.infer<typeof Scope>;

/** levels × way × channel, optionally limited to some series or specialties. */
export const Offer = z.strictObject({
  id: Code,
  levels: z.array(Level).min(1),
  way: Way,
  channel: Channel,
  scope: Scope,
  source: Source,
  interpretation: Interpretation,
});
export type Offer = z.infer<typeof Offer>;

/** Not evaluated here: the prefecture reviews and sends on (tacheng-all-series-2023 二(二)(四)). */
export const Forward = z.strictObject({
  id: Code,
  levels: z.array(Level).min(1),
  channel: Channel,
  /** `not_offered_locally`: whatever no offer of this round covers at these levels. */
  scope: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('all') }),
    z.strictObject({ kind: z.literal('series'), series: z.array(Code).min(1) }),
    z.strictObject({ kind: z.literal('not_offered_locally') }),
  ]),
  to: z.literal('autonomous_region'),
  preliminaryReviewBy: z.string().min(1),
  /** The document whose procedure and materials then apply. */
  externalRule: Code.optional(),
  source: Source,
  interpretation: Interpretation,
});
export type Forward = z.infer<typeof Forward>;

// ---------------------------------------------------------------------------------------------
// Windows

export const Boundary = z.discriminatedUnion('kind', [
  /** A time the notice gives. `given: 'date'` when it gives only the day (see file header). */
  z.strictObject({ kind: z.literal('at'), at: BeijingInstant, given: z.enum(['date', 'date_time']) }),
  /** 另行通知. */
  z.strictObject({ kind: z.literal('announced_later'), source: Source }),
  /** Relative to the applicant's own progress (缴费 after 已接收材料). */
  z.strictObject({ kind: z.literal('after_event'), event: ApplicationEvent, source: Source }),
  z.strictObject({ kind: z.literal('not_stated') }),
]);
export type Boundary = z.infer<typeof Boundary>;

export const WindowKind = z.enum([
  'apply', // 网上申报
  'review', // 审核 (the notice does not split it by reviewer)
  'unit_review',
  'county_review',
  'prefecture_review',
  'paper_materials', // 纸质材料报送
  'fee_payment',
  'defense',
  'expert_meeting', // 评审会 / 专家评审
  'publicity', // 评审结果公示
  'results', // 文件印发、证书签发
]);
export type WindowKind = z.infer<typeof WindowKind>;

/**
 * When several windows of one kind apply to an applicant, all of them hold (their intersection):
 * tacheng's overall apply window 08-15 – 09-28 and its 工程系列 window 09-11 – 09-28.
 */
export const Window = z.strictObject({
  id: Code,
  kind: WindowKind,
  label: z.string().min(1),
  who: Selector.optional(),
  start: Boundary,
  end: Boundary,
  /** `tentative` when the notice says 拟定; otherwise `fixed` (also for announced-later windows). */
  firmness: z.enum(['fixed', 'tentative']),
  onMissed: z.strictObject({ consequence: Consequence, source: Source }).optional(),
  location: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('stated'), place: z.string().min(1) }),
      z.strictObject({ kind: z.literal('announced_later'), source: Source }),
    ])
    .optional(),
  source: Source,
  interpretation: Interpretation,
});
export type Window = z.infer<typeof Window>;

/** 评审资历计算时间截止. */
export const Seniority = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('cutoff'),
    /** Years of work and years at level are counted up to and including this date. */
    cutoff: IsoDate,
    /** Completed years (满 N 年) up to the cut-off; the notice gives only the date. */
    counting: z.literal('completed_years_to_cutoff'),
    source: Source,
    interpretation: Interpretation,
  }),
  z.strictObject({ kind: z.literal('not_stated'), externalRule: Code }),
]);
export type Seniority = z.infer<typeof Seniority>;

// ---------------------------------------------------------------------------------------------
// Fees

export const FeeItem = z.strictObject({
  levels: z.array(Level).min(1),
  way: Way,
  /** Absent: the same for every channel offering these levels. */
  channels: z.array(Channel).min(1).optional(),
  /** Yuan per person. */
  amountYuan: PositiveInt,
  /** Price approval the notice cites (塔地价函字【2002】23号). */
  basis: z.string().min(1).optional(),
  source: Source,
  interpretation: Interpretation,
});
export type FeeItem = z.infer<typeof FeeItem>;

export const FeePayment = z.strictObject({
  /** Payable once this happens to the application. */
  after: ApplicationEvent,
  payer: z.enum(['applicant', 'submitting_unit']),
  payee: z.string().min(1),
  method: z.enum(['bank', 'online', 'at_office', 'not_stated']),
  place: z.string().min(1).optional(),
  /** Window id of the payment deadline, if any. */
  deadlineWindow: Code.optional(),
  unpaid: Consequence,
  source: Source,
  interpretation: Interpretation,
});
export type FeePayment = z.infer<typeof FeePayment>;

// ---------------------------------------------------------------------------------------------
// Limits

export const Submission = z.strictObject({
  maxSubmissions: z.strictObject({
    count: PositiveInt,
    /** After the last allowed submission is still non-compliant. */
    onExceeded: Consequence,
    source: Source,
  }),
  resubmitAfterReturn: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('within'),
      amount: PositiveInt,
      /** As the notice writes it: 2日 = days, 48小时 = hours. */
      unit: z.enum(['hours', 'days']),
      onMissed: Consequence,
      source: Source,
    }),
    z.strictObject({ kind: z.literal('not_stated'), note: z.string().min(1).optional() }),
  ]),
});
export type Submission = z.infer<typeof Submission>;

/** The unit's internal publicity before recommending (单位内部公示). */
export const UnitPublicity = z.strictObject({
  workingDays: PositiveInt,
  bound: z.enum(['at_least', 'exactly']),
  source: Source,
});
export type UnitPublicity = z.infer<typeof UnitPublicity>;

export const FraudPenalty = z.strictObject({
  /** application_ban: 不得申报; credit_record: 记入诚信档案, 记录期内不得晋升. */
  kind: z.enum(['application_ban', 'credit_record']),
  years: PositiveInt,
  from: z.enum(['year_after_application', 'not_stated']),
  source: Source,
});
export type FraudPenalty = z.infer<typeof FraudPenalty>;

export const PassRate = z.strictObject({
  levels: z.array(Level).min(1),
  cap: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('max_percent'), percent: z.number().int().min(1).max(100) }),
    z.strictObject({ kind: z.literal('none') }),
  ]),
  basis: z.string().min(1).optional(),
  source: Source,
});
export type PassRate = z.infer<typeof PassRate>;

// ---------------------------------------------------------------------------------------------
// Applicant conditions the notice states

export const ContinuingEducationRequirement = z.strictObject({
  id: Code,
  who: Selector.optional(),
  hoursPerYear: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('stated'),
      totalMin: PositiveInt.optional(),
      publicMin: PositiveInt.optional(),
      professionalMin: PositiveInt.optional(),
    }),
    z.strictObject({ kind: z.literal('not_stated'), externalRule: Code.optional() }),
  ]),
  /** 公需科目 years. */
  publicYears: YearSpan,
  /** 专业科目 years. */
  professionalYears: YearSpan,
  source: Source,
  interpretation: Interpretation,
});
export type ContinuingEducationRequirement = z.infer<typeof ContinuingEducationRequirement>;

export const ContinuingEducationExemption = z.strictObject({
  id: Code,
  who: Selector,
  /** exempt: 免; not_hard_requirement: 不做硬性要求. */
  effect: z.enum(['exempt', 'not_hard_requirement']),
  /** The approved form to upload, by template code, and who approves it. */
  evidence: z
    .strictObject({ template: Code.optional(), formName: z.string().min(1), approvedBy: z.string().min(1).optional() })
    .optional(),
  source: Source,
  interpretation: Interpretation,
});
export type ContinuingEducationExemption = z.infer<typeof ContinuingEducationExemption>;

/** National Mandarin grades, best first (PSC 一级甲等 … 三级乙等). */
export const MANDARIN_GRADES = ['一级甲等', '一级乙等', '二级甲等', '二级乙等', '三级甲等', '三级乙等'] as const;
export const MandarinGrade = z.enum(MANDARIN_GRADES);
export type MandarinGrade = z.infer<typeof MandarinGrade>;

export const MandarinRule = z.strictObject({
  who: Selector,
  minGrade: MandarinGrade,
  source: Source,
});
export type MandarinRule = z.infer<typeof MandarinRule>;

export const SocialInsuranceRule = z.strictObject({
  who: Selector,
  /** The most recent N months must be shown. */
  recentMonths: PositiveInt,
  qrCode: z.enum(['required', 'not_stated']),
  documents: z.array(z.string().min(1)).min(1),
  source: Source,
  interpretation: Interpretation,
});
export type SocialInsuranceRule = z.infer<typeof SocialInsuranceRule>;

export const AppraisalGrade = z.enum(['basically_qualified', 'unqualified']); // 基本合格 / 不合格
export type AppraisalGrade = z.infer<typeof AppraisalGrade>;

export const AppraisalRule = z.discriminatedUnion('kind', [
  /** Appraisal forms to upload. */
  z.strictObject({ kind: z.literal('forms'), who: Selector.optional(), years: YearSpan, source: Source, interpretation: Interpretation }),
  /** Each such grade postpones eligibility by `delayYears`. */
  z.strictObject({ kind: z.literal('delay'), grade: AppraisalGrade, delayYears: PositiveInt, source: Source }),
]);
export type AppraisalRule = z.infer<typeof AppraisalRule>;

/** 初次确定: from education and years of professional work, no committee. */
export const InitialDeterminationRule = z.strictObject({
  id: Code,
  levels: z.array(Level).min(1),
  who: Selector,
  minYearsByEducation: z
    .array(z.strictObject({ education: Education, minYearsProfessionalWork: PositiveInt }))
    .min(1),
  source: Source,
  interpretation: Interpretation,
});
export type InitialDeterminationRule = z.infer<typeof InitialDeterminationRule>;

export const SkillLevel = z.enum(['senior_worker', 'technician', 'senior_technician']); // 高级工 / 技师 / 高级技师
export type SkillLevel = z.infer<typeof SkillLevel>;

/** 两类人才贯通 (高技能人才 → 职称). */
export const HighSkillBridge = z.strictObject({
  id: Code,
  /** Series the bridge is open in; `all` when the notice names none. */
  seriesScope: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('all') }),
    /**
     * `names` as the notice writes them (series outside this round included). `series`: the codes
     * of this round's series those names stand for (工程技术 → `engineering`); a name the round has
     * no series for stays only in `names`. When `series` is present the engine matches by code;
     * without it, it compares names and says that it did.
     */
    z.strictObject({
      kind: z.literal('listed'),
      names: z.array(z.string().min(1)).min(1),
      series: z.array(Code).min(1).optional(),
    }),
  ]),
  entry: z.strictObject({ minSkill: SkillLevel, recentAppraisalsQualified: PositiveInt }),
  waivedConditions: z.array(z.enum(['education', 'thesis', 'foreign_language', 'computer'])).min(1),
  steps: z.array(z.strictObject({ skill: SkillLevel, minYearsSkilledWork: PositiveInt, level: Level })).min(1),
  schoolClassEquivalents: z.array(z.strictObject({ className: z.string().min(1), education: Education })),
  source: Source,
});
export type HighSkillBridge = z.infer<typeof HighSkillBridge>;

export const ExternalTopic = z.enum([
  'series_conditions',
  'years_at_current_level',
  'title_names',
  'evaluation_authority',
  'defense_exemptions',
  'exam_replaced_specialties',
  'seniority_counting',
  'initial_determination_conditions',
  'grant_conditions',
  'forwarded_procedure',
  'continuing_education',
  'other',
]);
export type ExternalTopic = z.infer<typeof ExternalTopic>;

/**
 * A condition the notice relies on but does not state. An engine answers "cannot judge,
 * because <needed> is set by <document>" instead of guessing a value.
 */
export const ExternalRule = z.strictObject({
  id: Code,
  topic: ExternalTopic,
  /** What is needed, in Chinese (晋升所需任现职年限). */
  needed: z.string().min(1),
  /** The document that sets it, with its number when the notice gives one. */
  document: z.string().min(1),
  inNotice: z.literal(false),
  who: Selector.optional(),
  source: Source,
});
export type ExternalRule = z.infer<typeof ExternalRule>;

// ---------------------------------------------------------------------------------------------
// Defense

export const DefenseMode = z.enum(['on_site', 'video_online', 'not_stated']);
export type DefenseMode = z.infer<typeof DefenseMode>;

export const Defense = z.strictObject({
  /** Who must defend; nobody else does. */
  required: z.array(
    z.strictObject({ id: Code, who: Selector, modes: z.array(DefenseMode).min(1), source: Source, interpretation: Interpretation }),
  ),
  /** Taken out of `required`. */
  exemptions: z.array(z.strictObject({ id: Code, who: Selector, source: Source, interpretation: Interpretation })),
  /** Further exemptions set by another document. */
  externalExemptions: Code.optional(),
  /** How the exempt are scored (bazhou-ecoenv-2024 六). */
  exemptScoring: z
    .strictObject({
      whenScored: z.literal('average_of_defenders'),
      whenNotScored: z.literal('treated_as_passed'),
      source: Source,
    })
    .optional(),
  slotMinutes: z.strictObject({ minutes: PositiveInt, source: Source }).optional(),
  notification: z.strictObject({ channel: z.literal('wechat'), requiresAccountBinding: z.boolean(), source: Source }).optional(),
});
export type Defense = z.infer<typeof Defense>;

// ---------------------------------------------------------------------------------------------
// The round

export const RoundShape = z.strictObject({
  schemaVersion: z.literal(1),
  /** `<region>-<subject>-<year>`, e.g. aksu-forestry-2024. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*-\d{4}$/, 'must be kebab-case ending in the year'),
  year: Year,
  title: z.string().min(1),
  /** The notice file under config/notices; every `source.file` must equal it. */
  sourceFile: z.string().regex(/^[a-z0-9-]+\.txt$/),
  issuedOn: z.strictObject({ date: IsoDate, source: Source }),
  issuer: Issuer,
  region: Region,
  platform: Platform,
  contacts: z.array(Contact),

  series: z.array(Series).min(1),
  specialties: z.array(Specialty),
  channels: z.array(ChannelRule).min(1),
  oneChannelPerYear: OneChannelPerYear.optional(),
  exclusions: z.array(Exclusion),
  offers: z.array(Offer).min(1),
  forwards: z.array(Forward),

  windows: z.array(Window).min(1),
  seniority: Seniority,
  fees: z.strictObject({ items: z.array(FeeItem), payment: z.array(FeePayment) }),
  submission: Submission,
  unitPublicity: UnitPublicity,
  /** What the unit must check before recommending (aksu-water-2024 四(二)22: 重点审核…), as the reviewer's checklist. */
  reviewPoints: z.strictObject({ items: z.array(z.string().min(1)).min(1), source: Source }).optional(),
  fraudPenalties: z.array(FraudPenalty),
  passRates: z.array(PassRate),

  continuingEducation: z.strictObject({
    requirements: z.array(ContinuingEducationRequirement),
    exemptions: z.array(ContinuingEducationExemption),
  }),
  mandarin: z.array(MandarinRule),
  socialInsurance: z.array(SocialInsuranceRule),
  appraisal: z.array(AppraisalRule),
  initialDetermination: z.array(InitialDeterminationRule),
  highSkillBridges: z.array(HighSkillBridge),
  externalRules: z.array(ExternalRule),

  defense: Defense,
  materials: Materials,
  standardTexts: z.array(StandardText),
  templates: z.array(Template),
  reviewChains: z.array(ReviewChain),
  notes: z.array(Note),
  /**
   * Set when the round was published from the workshop (rounds from config/rounds have none and are
   * version 1). A published version is frozen; a correction is the next version with its note.
   */
  publication: z
    .strictObject({
      version: PositiveInt,
      publishedAt: z.string().min(1),
      publishedBy: z.string().min(1),
      /** What changed from the version before (absent for a first version). */
      changeNote: z.string().min(1).max(500).optional(),
      /** The latest version whose change applies to every application, whatever version it started under. */
      allFrom: PositiveInt,
      /** The round this one was copied from for a new year. */
      copiedFrom: z.string().min(1).optional(),
    })
    .optional(),
});
export type RoundShape = z.infer<typeof RoundShape>;

/** A validated round: the shape plus cross-field checks (references, dates, fees, titles). */
export const Round = RoundShape.superRefine((round, ctx) => {
  for (const problem of roundProblems(round)) {
    ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  }
});
export type Round = z.infer<typeof Round>;
