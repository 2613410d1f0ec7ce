import * as z from 'zod';
import { action } from '../contract';
import { Empty, RoundId, OfferKey, ApplicationId, CategoryCode, FileRef, RequestId, Sha256, typedText } from '../fields';
import type { MaskSuggestion, ApplicationView, ApplicationSummary, InboxItem } from '../views';
import { Basics } from '../../people/basics';
import { DeclaredConflicts } from '../../application/conflicts';

/** The `applications` function's actions: each payload's schema and, as a type, what it answers. */
export const applicationsContract = {
  /**
   * Starts (or opens again) the application for one offered level of a round, from the answers
   * the self-check saved for that round; refused with the engine's reasons when it cannot be.
   */
  create: action<ApplicationView>()(z.strictObject({ roundId: RoundId, offerKey: OfferKey })),
  get: action<ApplicationView>()(z.strictObject({ applicationId: ApplicationId })),
  mine: action<readonly ApplicationSummary[]>()(Empty),
  /**
   * Attaches a file already in storage (uploaded by the phone under the caller's own folder) to a
   * material category. The server reads the bytes: their SHA-256 must match (the same photo sent
   * twice is one file), their type and integrity are checked; nothing is kept when they fail.
   */
  attach: action<ApplicationView>()(z.strictObject({ applicationId: ApplicationId, category: CategoryCode, ref: FileRef, sha256: Sha256 })),
  /** Removes a file from one material (or, without a category, from every material that has it). */
  detach: action<ApplicationView>()(z.strictObject({ applicationId: ApplicationId, sha256: Sha256, category: CategoryCode.optional() })),
  /** 是否需要遮挡 for one image, with its masks: the blind copy is made from them on the server. */
  mask: action<ApplicationView>()(
    z.strictObject({
      applicationId: ApplicationId,
      sha256: Sha256,
      needsMasking: z.enum(['yes', 'no'], { message: '请选择是否需要遮挡' }),
      masks: z.array(z.strictObject({ x: z.number(), y: z.number(), w: z.number(), h: z.number() })).max(40, '一张图片最多 40 处遮挡'),
    }),
  ),
  /** Saves what is typed for one category (work history, summary …); 无 for nothing. */
  saveText: action<ApplicationView>()(
    z.strictObject({ applicationId: ApplicationId, category: CategoryCode, text: typedText({ max: 20000, tooLong: '内容太长了，最多 20000 字', lines: true }) }),
  ),
  /**
   * Saves the rows of one category (work periods, achievements …), all of them: each row only
   * its form's fields within their lengths, months as YYYY-MM. Empty fields are allowed in a
   * draft; what submitting needs is listed in `problems`.
   */
  saveEntries: action<ApplicationView>()(
    z.strictObject({
      applicationId: ApplicationId,
      category: CategoryCode,
      entries: z.array(z.record(z.string(), z.string().max(1000, '内容太长了，最多 1000 字').nullable())).max(40, '一项最多填写 40 条'),
    }),
  ),
  /** Saves the ID number, refused unless its check digit and birth date are right (GB 11643). */
  saveIdNumber: action<ApplicationView>()(z.strictObject({ applicationId: ApplicationId, idNumber: z.string().max(40, '身份证号码应为18位') })),
  /** Confirms (or withdraws) one of the round's rules that must be confirmed before submitting. */
  declare: action<ApplicationView>()(z.strictObject({ applicationId: ApplicationId, rule: CategoryCode, agreed: z.boolean() })),
  /**
   * 已按意见处理: answers one item of a return without changing its material, with a word why (the
   * photo is the original and is clear …). Only while the application is returned.
   */
  confirmReturned: action<ApplicationView>()(
    z.strictObject({
      applicationId: ApplicationId,
      category: CategoryCode,
      note: typedText({ min: 2, tooShort: '请说明为什么已经符合要求（至少 2 个字）', max: 100, tooLong: '说明最多 100 字' }),
    }),
  ),
  /** Applies the one-tap fix of the text finding at `path` (own name → 本人, unit → 本单位 / xxx, empty → 无). */
  fix: action<ApplicationView>()(z.strictObject({ applicationId: ApplicationId, path: z.string().trim().min(1, '请选择要改正的内容').max(200, '位置不正确') })),
  /**
   * Submits: refused while anything blocks it, outside the apply window (Beijing time, server
   * clock) or past the round's submission limit. The same `requestId` again is the same submission.
   */
  submit: action<ApplicationView>()(z.strictObject({ applicationId: ApplicationId, requestId: RequestId })),
  /** Reads one image's blind copy (as experts will see it) for what identifies the applicant, after its save. */
  checkBlindCopy: action<ApplicationView>()(z.strictObject({ applicationId: ApplicationId, sha256: Sha256 })),
  /** What to mask on one photo, found by reading it: the applicant's name, ID number, unit and seals, as rectangles with reasons (the text read is not kept). */
  suggestMasks: action<{ readonly suggestions: readonly MaskSuggestion[] }>()(z.strictObject({ applicationId: ApplicationId, sha256: Sha256 })),
  /**
   * Checks a photo the caller uploaded (theirs, whole, a JPEG that decodes) for an action of a
   * function without an image decoder: the fee receipt the secretary then records with `committee.recordFee`.
   */
  checkPhoto: action<{ readonly ref: string; readonly sha256: string }>()(z.strictObject({ ref: FileRef, sha256: Sha256 })),
  /**
   * Announces a file before the phone sends it to storage: refused when the caller's unused
   * uploads would pass the quota; answers the name to store it under in the caller's `uploads/`
   * folder. What nothing uses within a day is removed.
   */
  beginUpload: action<{ readonly name: string }>()(
    z.strictObject({
      sha256: Sha256,
      bytes: z.number().int().min(1, '文件是空的，请重新选择').max(10 * 1024 * 1024, '文件太大。请压缩到 10MB 以内后重新上传'),
      contentType: z.enum(['image/jpeg', 'application/pdf'], { message: '只收 JPG 图片或 PDF 文件' }),
    }),
  ),
  /** 族别 and 政治面貌 for the unit's publicity and the roster; may be given at any step. */
  saveBasics: action<ApplicationView>()(z.strictObject({ applicationId: ApplicationId, basics: Basics })),
  /** The conflicts of interest the applicant declares (申请回避), the whole list at once, while the application may be edited. */
  declareConflicts: action<ApplicationView>()(z.strictObject({ applicationId: ApplicationId, conflicts: DeclaredConflicts })),
  /** The caller's in-app notices, newest first. */
  inbox: action<readonly InboxItem[]>()(Empty),
  /** A short-lived URL to one copy of one file, if the caller may read that copy. */
  fileUrl: action<{ readonly url: string; readonly expiresAt: string }>()(
    z.strictObject({ applicationId: ApplicationId, sha256: Sha256, copy: z.enum(['original', 'blind']) }),
  ),
} as const;
