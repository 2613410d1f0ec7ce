import * as z from 'zod';
import { Code, Fact, Interpretation, Selector, Source, YearSpan, PositiveInt } from './round.vocabulary';

/**
 * The materials side of a round: what to upload or hand in and when, the rules about them, blind
 * review masking, standard texts, templates (附件) and the review chain.
 */

// ---------------------------------------------------------------------------------------------
// Materials

export const MaterialRequired = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('always') }),
  /** Required for applicants the selector matches. */
  z.strictObject({ kind: z.literal('when'), who: Selector }),
  /** Upload if the applicant has any (如有). */
  z.strictObject({ kind: z.literal('if_any') }),
  /** As far as the series conditions ask (按任职资格条件要求上传). */
  z.strictObject({ kind: z.literal('per_conditions'), externalRule: Code.optional() }),
]);
export type MaterialRequired = z.infer<typeof MaterialRequired>;

export const MaterialMark = z.enum([
  'handwritten',
  'signed',
  'fingerprint',
  'unit_seal',
  'leader_signature',
  'watermark',
  'a4_double_sided',
  'photo_attached',
  'certified_copy', // 标注"与原件一致"并加盖公章
  'qr_code',
]);
export type MaterialMark = z.infer<typeof MaterialMark>;

/**
 * What the applicant types in for a category on the platform, beside or instead of its uploads:
 * the work history's periods, entries of practice and achievements (start, end, role, workload),
 * papers, awards, intellectual property, books, or one free text (the work summary) whose length
 * the round may limit (`textLength`). The forms themselves are the core's (`entry-forms.ts`).
 */
export const MaterialRecord = z.enum(['work_periods', 'projects', 'papers', 'awards', 'ip', 'books', 'essay']);
export type MaterialRecord = z.infer<typeof MaterialRecord>;

/**
 * A field the platform fills by choosing (是/否, 地州单位/县级及以下单位, the sub-specialties): its
 * options as the notice words them, and where the self-check already has the answer, which.
 */
export const MaterialChoices = z.strictObject({
  options: z.array(z.string().min(1)).min(2),
  fromAnswer: z
    .discriminatedUnion('kind', [
      /** A yes/no fact of the self-check: `yes` / `no` name the options it means. */
      z.strictObject({ kind: z.literal('fact'), fact: Fact, yes: z.string().min(1), no: z.string().min(1) }),
      /** The unit's level: a prefecture-level unit, or a county's. */
      z.strictObject({ kind: z.literal('unit_level'), prefecture: z.string().min(1), county: z.string().min(1) }),
    ])
    .optional(),
});
export type MaterialChoices = z.infer<typeof MaterialChoices>;

export const MaterialCategory = z.strictObject({
  code: Code,
  name: z.string().min(1),
  /** online: uploaded to the platform; paper: handed in after formal review. */
  stage: z.enum(['online', 'paper']),
  /** upload: files; field: something typed into the form. */
  form: z.enum(['upload', 'field']),
  /** Platform column it goes in (其他附件或证明材料). */
  section: z.string().min(1).optional(),
  required: MaterialRequired,
  formats: z.array(z.enum(['jpg', 'pdf'])).min(1).optional(),
  sides: z.array(z.enum(['front', 'back'])).min(1).optional(),
  /** Paper copies (一式 N 份). */
  copies: PositiveInt.optional(),
  years: YearSpan.optional(),
  /** N of these documents, optionally only for some applicants. */
  alternatives: z
    .array(z.strictObject({ who: Selector.optional(), choose: PositiveInt, of: z.array(z.string().min(1)).min(1), source: Source }))
    .optional(),
  record: MaterialRecord.optional(),
  textLength: z.strictObject({ minChars: PositiveInt.optional(), maxChars: PositiveInt.optional() }).optional(),
  /** A field answered by choosing one of these (form `field`, no `record`). */
  choices: MaterialChoices.optional(),
  ordering: z.enum(['lowest_first']).optional(),
  marks: z.array(MaterialMark).min(1).optional(),
  template: Code.optional(),
  standardText: Code.optional(),
  /**
   * Ids of `continuingEducation.exemptions` entries that waive this material (the continuing-
   * education certificates). The exemption's `effect` says how: `exempt` drops it (the approved
   * exemption form, its own category, takes its place); `not_hard_requirement` makes it 如有.
   */
  waivedBy: z.array(Code).min(1).optional(),
  /**
   * Ids of `continuingEducation.exemptions` entries whose approved form this material is (the
   * 免学审批表): listed only for a person one of them applied to (or may yet apply to, while their
   * hours fall short and the answer is open), never for someone whose hours are complete.
   */
  evidenceOf: z.array(Code).min(1).optional(),
  /**
   * Who makes it: `unit` for what the unit issues after its own publicity (推荐单位公示, 公示结果,
   * 单位推荐意见). The applicant's form keeps these apart, as the unit's; absent: the applicant's own.
   */
  providedBy: z.enum(['applicant', 'unit']).optional(),
  /**
   * For what the unit provides: when it can exist, in the notice's order (yuli-initial-junior-2024
   * 五(二): the unit reviews, publicises for at least 5 working days, and 对公示无异议的 fills its
   * opinion and uploads the publicity and its result; 五(三)5: 公示无异议后单位出具的推荐意见).
   * `publicity_recorded`: once the unit has recorded its publicity (the 公示 itself, posted during
   * it); `publicity_over`: once that publicity has ended (its result, the recommendation after it).
   */
  availableAfter: z.enum(['publicity_recorded', 'publicity_over']).optional(),
  /**
   * What the committee's experts see of it in blind review: its blind copy (`blind`, the default),
   * or nothing at all (`never`) — a document that exists to carry identity (the ID card, the photo,
   * the signed 承诺书 and 保证书, the unit's papers, a form the product fills with the name and ID
   * number), whatever was masked on it.
   */
  experts: z.enum(['blind', 'never']).optional(),
  /** What the notice asks, in its words (Chinese). */
  instructions: z.string().min(1).optional(),
  source: Source,
  interpretation: Interpretation,
});
export type MaterialCategory = z.infer<typeof MaterialCategory>;

export const MaterialRuleKind = z.enum([
  'exclusive_use', // 同一业绩不能在实践能力和业绩成果中同时使用
  'no_work_or_meeting_photos',
  'no_empty_fields', // 无填写内容的注明"无"
  'no_vague_words',
  'upright_clear_originals', // 正向、清晰的原件扫描件
  'image_format',
  'declassify_first',
  'unpublished_papers_rejected',
  'papers_first_in_achievements',
  'representative_work_as_paper',
  'copies_certified',
  'other',
]);
export type MaterialRuleKind = z.infer<typeof MaterialRuleKind>;

export const MaterialRule = z.strictObject({
  code: Code,
  kind: MaterialRuleKind,
  /** The rule in the notice's words (Chinese). */
  text: z.string().min(1),
  /** Material codes the rule is about. */
  categories: z.array(Code).min(1).optional(),
  formats: z.array(z.enum(['jpg', 'pdf'])).min(1).optional(),
  who: Selector.optional(),
  source: Source,
});
export type MaterialRule = z.infer<typeof MaterialRule>;

export const MaskItem = z.enum([
  'own_name',
  'own_photo',
  'own_photo_eyes', // 照片只遮盖眼睛部位
  'id_card_photo_eyes',
  'work_unit',
  'unit_seal',
  'id_number',
]);
export type MaskItem = z.infer<typeof MaskItem>;

export const Masking = z.strictObject({
  blindReview: z.boolean(),
  items: z.array(z.strictObject({ item: MaskItem, source: Source, interpretation: Interpretation })),
  /** In typed text: unit → xxx / 本单位, person → 本人. */
  textReplacements: z.array(
    z.strictObject({ what: z.enum(['own_name', 'unit_name']), replaceWith: z.array(z.string().min(1)).min(1), where: z.string().min(1), source: Source }),
  ),
  prohibitions: z.array(z.strictObject({ kind: z.enum(['other_people_names', 'large_area', 'omission']), source: Source })),
  practices: z.array(
    z.strictObject({ kind: z.enum(['tick_items_per_system_prompt', 'per_image_yes_no', 'recheck_each_image']), source: Source }),
  ),
  source: Source.optional(),
});
export type Masking = z.infer<typeof Masking>;

export const Materials = z.strictObject({
  categories: z.array(MaterialCategory),
  rules: z.array(MaterialRule),
  masking: Masking,
});
export type Materials = z.infer<typeof Materials>;

export const StandardText = z.strictObject({
  code: Code,
  purpose: z.enum(['unit_opinion', 'personal_commitment', 'work_summary_opinion', 'other']),
  text: z.string().min(1),
  source: Source,
  interpretation: Interpretation,
});
export type StandardText = z.infer<typeof StandardText>;

export const Template = z.strictObject({
  code: Code,
  /** 附件1 … */
  attachment: z.string().regex(/^附件\d+$/, 'must be 附件N'),
  name: z.string().min(1),
  /** false when the notice lists the attachment but does not reproduce it. */
  includedInNotice: z.boolean(),
  /** Table columns where the template is a table (花名册). */
  columns: z.array(z.string().min(1)).optional(),
  /**
   * The template's words as the notice gives them, its blanks (××) written as placeholders the
   * product fills: {name} the applicant, {from} {to} the publicity's first and last day, {days} its
   * length in days, {title} 系列、专业 and level applied for, {unit} the unit's name, {basics} the
   * 基本信息 the product knows (性别、族别、政治面貌、身份证号、现任职称). Parts the unit writes
   * itself (思想政治条件 …) stay as the notice's prompts.
   */
  body: z.string().min(1).optional(),
  source: Source,
});
export type Template = z.infer<typeof Template>;

export const ReviewStep = z.enum([
  'unit_registration',
  'applicant_registration',
  'upload',
  'unit_review',
  'employment_service_review',
  'county_hr_review',
  'prefecture_hr_review',
  'formal_review_passed',
  'print_review_form',
  'paper_materials',
]);
export type ReviewStep = z.infer<typeof ReviewStep>;

export const ReviewChain = z.strictObject({
  id: Code,
  who: Selector.optional(),
  steps: z.array(z.strictObject({ step: ReviewStep, label: z.string().min(1) })).min(1),
  source: Source,
});
export type ReviewChain = z.infer<typeof ReviewChain>;

/** Something in the notice kept as text because no rule uses it yet. */
export const Note = z.strictObject({ summary: z.string().min(1), source: Source });
export type Note = z.infer<typeof Note>;
