import * as z from 'zod';
import { Profile } from '../eligibility/profile';
import { Basics, NO_BASICS } from '../people/basics';
import { DeclaredConflicts } from './conflicts';
import { RecheckRequest } from '../evaluation/recheck';
import { ReturnReason } from '../review/return-reasons';
import { ReviewCommand, ReviewStatus } from '../review/review.machine';
import { ReviewRoute } from '../review/route';
import { Channel, Code, Level, UnitLevel, Way } from '../round/round.schema';

/**
 * An application (申报): one person, one round, one offered level × way × channel, started from the
 * self-check's saved answers (kept as they were, so what was assessed is what was applied with).
 */
export const ApplicationStatus = ReviewStatus;
export type ApplicationStatus = ReviewStatus;

/**
 * What happened, in order: the timeline, and the audit trail "谁审查谁负责" needs. Appended, never
 * changed. `requestId` makes a retried request the same act.
 */
export const ApplicationEvent = z.strictObject({
  // Events stored before the review chain said `submitted` for a submission.
  kind: z.preprocess((v) => (v === 'submitted' ? 'submit' : v), z.union([z.literal('created'), ReviewCommand])),
  at: z.string(),
  requestId: z.string().nullable(),
  /** Who acted (a person's id, or `system` for a timer) and in which role. */
  by: z.string().default(''),
  role: z.string().default(''),
  from: ReviewStatus.nullable().default(null),
  to: ReviewStatus.nullable().default(null),
  reasons: z.array(ReturnReason).default([]),
  opinion: z.string().default(''),
  /** The round's review points the reviewer ticked when approving (谁审查谁负责). */
  checked: z.array(z.string()).default([]),
});
export type ApplicationEvent = z.infer<typeof ApplicationEvent>;

/** The applicant's unit as it was when submitted: whose scope the application is in. */
export const UnitSnapshot = z.strictObject({
  unitId: z.string().min(1),
  name: z.string().min(1),
  level: UnitLevel,
  prefecture: z.string().min(1),
  county: z.string().nullable(),
  /** Who reviews above the unit, fixed at submission from the round's chain for the channel. */
  route: ReviewRoute.default('hr'),
});
export type UnitSnapshot = z.infer<typeof UnitSnapshot>;

export const MaskRectSchema = z.strictObject({ x: z.number(), y: z.number(), w: z.number(), h: z.number() });

/**
 * A file the applicant attached to one material category: named by its content's SHA-256 (the
 * same photo sent twice is one file), checked by its bytes, with the blind-review answer (是 / 否),
 * the masks as fractions of the upright image, and the blind copy made from them.
 */
export const AttachedFile = z.strictObject({
  /** The SHA-256 of the kept bytes (the original without its metadata): the file's name. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The SHA-256 of the bytes the phone uploaded, which a retried attach names again (null before it was kept apart). */
  uploadSha256: z.string().regex(/^[0-9a-f]{64}$/).nullable().default(null),
  category: Code,
  ref: z.string().min(1),
  contentType: z.enum(['image/jpeg', 'application/pdf']),
  bytes: z.number().int().positive(),
  /** Upright pixel size (images only). */
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  attachedAt: z.string().min(1),
  /** 是否需要遮挡: null until answered. */
  needsMasking: z.enum(['yes', 'no']).nullable(),
  masks: z.array(MaskRectSchema),
  /** The copy experts see: the original with the masks burned in, no metadata. */
  blindRef: z.string().min(1).nullable(),
  /**
   * What the server still found on the blind copy (the kinds only; the text read is not kept); null
   * when the copy could not be read.
   */
  stillVisible: z.array(z.enum(['name', 'id_number', 'unit', 'seal'])).nullable().default([]),
  /**
   * The blind copy `stillVisible` was read on: the check runs after the save (a few seconds of OCR,
   * not the save's to wait for), so a copy newer than this has not been checked yet.
   */
  checkedBlindRef: z.string().nullable().default(null),
});
export type AttachedFile = z.infer<typeof AttachedFile>;

export const ApplicationRecord = z.strictObject({
  personId: z.string().min(1),
  roundId: z.string().min(1),
  /** The round's version the application was started under (absent: 1); it keeps it unless a later version applies to all. */
  roundVersion: z.number().int().positive().optional(),
  year: z.number().int(),
  /** `<offerId>:<level>`, the assessment's key. */
  offerKey: z.string().min(1),
  offerId: Code,
  level: Level,
  way: Way,
  channel: Channel,
  series: Code.nullable(),
  specialty: Code.nullable(),
  profile: Profile,
  status: ApplicationStatus,
  createdAt: z.string().min(1),
  files: z.array(AttachedFile).default([]),
  /** What is typed into the form, by material category (one text: 二级专业, the work summary). */
  texts: z.record(z.string(), z.string()).default({}),
  /** Rows typed into the form, by material category (work periods, achievements, papers …; `entry-forms.ts`). */
  entries: z.record(z.string(), z.array(z.record(z.string(), z.string().nullable()))).default({}),
  /** Codes of the round's rules the applicant confirmed before submitting (no work or meeting photos). */
  declarations: z.array(z.string()).default([]),
  /** The resident ID number, checked (GB 11643) when saved; null until given. */
  idNumber: z.string().regex(/^\d{17}[\dX]$/).nullable().default(null),
  /** Times submitted (the round allows a few: 提交次数不得超过3次). */
  submissions: z.number().int().min(0).default(0),
  events: z.array(ApplicationEvent).default([]),
  /** The applicant's name, for reviewers' queues (set when submitted). */
  applicantName: z.string().default(''),
  /** Set when submitted; reviewers' scopes are judged by it. */
  unit: UnitSnapshot.nullable().default(null),
  /** While returned: when the resubmission is due (ISO instant). */
  returnDeadline: z.string().nullable().default(null),
  /**
   * At the last return: a fingerprint of what each returned category held (`return-items.ts`), so
   * a change made since is seen without any action having to remember it.
   */
  returnSnapshot: z.record(z.string(), z.string()).default({}),
  /** Returned categories the applicant answered without a change (已按意见处理), with their word why. */
  returnConfirmations: z.record(z.string(), z.strictObject({ note: z.string(), at: z.string() })).default({}),
  /** The unit's internal publicity (单位内部公示), Beijing dates, as the unit admin recorded it. */
  publicity: z.strictObject({ from: z.string(), to: z.string(), workingDays: z.number().int() }).nullable().default(null),
  /** 族别 and 政治面貌 for the publicity and the roster (not asked by the review, asked once here). */
  basics: Basics.default(NO_BASICS),
  /** Conflicts of interest the applicant declared (申请回避): proposed to the committee's secretary, never shown to experts. */
  conflicts: DeclaredConflicts.default([]),
  /** 复查 the applicant asked for after a result of 不通过, and the committee's answer. */
  recheck: RecheckRequest.nullable().default(null),
  /** The photo of the fee's receipt the committee took when recording the payment, if any. */
  feeReceipt: z.strictObject({ ref: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/), at: z.string(), by: z.string() }).nullable().default(null),
  /** The fee as the committee recorded it: how much, the day paid (Beijing) and the receipt's number. */
  feePayment: z.strictObject({ amountYuan: z.number().min(0), paidOn: z.string(), receiptNo: z.string().min(1), at: z.string(), by: z.string() }).nullable().default(null),
  /**
   * What the reviewers' queues filter and search on, kept by the store's repository from what it
   * comes from (`queueFields`): whether a reviewer ever returned it, and the ID number's last six
   * characters reversed (a search by its last digits is a prefix of it).
   */
  everReturned: z.boolean().default(false),
  idTail: z.string().nullable().default(null),
});
export type ApplicationRecord = z.infer<typeof ApplicationRecord>;

/**
 * What an application holds before anything is uploaded, typed, submitted or reviewed: the fields
 * every new record starts with (fresh objects each call, never shared between records).
 */
export function emptyApplicationContent() {
  return {
    files: [],
    texts: {},
    entries: {},
    declarations: [],
    idNumber: null,
    submissions: 0,
    events: [],
    unit: null,
    returnDeadline: null,
    returnSnapshot: {},
    returnConfirmations: {},
    publicity: null,
    feeReceipt: null,
    feePayment: null,
    basics: { ethnicity: null, politicalStatus: null },
    conflicts: [],
    recheck: null,
    everReturned: false,
    idTail: null,
  } satisfies Partial<ApplicationRecord>;
}

/**
 * The queue fields that follow from a change (`everReturned`, `idTail`), to be written with it: a
 * change of the events or of the ID number brings its own.
 */
export function queueFields(changes: Partial<ApplicationRecord>): Pick<Partial<ApplicationRecord>, 'everReturned' | 'idTail'> {
  return {
    ...(changes.events ? { everReturned: changes.events.some((e) => e.kind === 'return' && e.to === 'returned') } : {}),
    ...(changes.idNumber !== undefined ? { idTail: idTailOf(changes.idNumber) } : {}),
  };
}

/** An ID number's last six characters reversed: what a search by its last digits looks up. */
export function idTailOf(idNumber: string | null): string | null {
  return idNumber ? [...idNumber.slice(-6)].reverse().join('') : null;
}

/** The id an application has: the same person, round and offer always name the same application. */
export function applicationId(personId: string, roundId: string, offerKey: string): string {
  return `${personId}:${roundId}:${offerKey}`;
}

export { isEditable } from './editable';
