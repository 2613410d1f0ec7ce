import * as z from 'zod';
import { action } from '../contract';
import { ApplicationId, CategoryCode, FileRef, RequestId, RoundId, Sha256, typedText } from '../fields';
import type { BatchView, QueueView, ReviewView } from '../views';
import { Level } from '../../round/round.vocabulary';
import { MAX_BATCH } from '../../review/queue';
import { ReturnReason } from '../../review/return-reasons';
import { calendarDay } from '../../time/calendar-day';

/** The round's review points the reviewer ticked before approving (kept with the approval). */
const CheckedPoints = z.array(z.string().trim().min(1, '审核要点不能为空').max(40, '审核要点过长'), { message: '请勾选审核要点' }).max(30, '审核要点最多 30 项').default([]);

/** The `review` function's actions: each payload's schema and, as a type, what it answers. */
export const reviewContract = {
  /**
   * The reviewer's queue in their scope: 待审核 (their move), 已退回, 已办理 (past their step), with
   * counts under the filters (round, level, unit, ever returned) and the search (the start of a name,
   * or the ID number's last 4–6 characters), a page at a time.
   */
  queue: action<QueueView>()(
    z.strictObject({
      tab: z.enum(['pending', 'returned', 'done'], { message: '请选择待审核、已退回或已办理' }),
      search: typedText({ max: 20, tooLong: '搜索最多 20 个字' }).default(''),
      roundId: RoundId.nullable().default(null),
      level: Level.nullable().default(null),
      unitId: z.string().trim().min(1, '请选择单位').max(80, '单位编号过长').nullable().default(null),
      returned: z.boolean({ message: '请选择是否退回过' }).nullable().default(null),
      page: z.number({ message: '页码不正确' }).int('页码不正确').min(0, '页码不正确').max(199, '页码过大，请缩小筛选范围').default(0),
    }),
  ),
  /**
   * Approves several applications at the caller's step with one opinion: each its own act (its own
   * request id, event and message, idempotent on retry), answered one by one.
   */
  approveMany: action<BatchView>()(
    z.strictObject({
      items: z
        .array(z.strictObject({ applicationId: ApplicationId, requestId: RequestId }), { message: '请选择要审核通过的申报' })
        .min(1, '请至少选择一份申报')
        .max(MAX_BATCH, `一次最多审核通过 ${MAX_BATCH} 份`),
      opinion: typedText({ max: 200, tooLong: '意见最多 200 字' }).default(''),
      checked: CheckedPoints,
    }),
  ),
  get: action<ReviewView>()(z.strictObject({ applicationId: ApplicationId })),
  /** Approves at the caller's step, with the opinion (the unit's standard text by default). */
  approve: action<ReviewView>()(z.strictObject({ applicationId: ApplicationId, requestId: RequestId, opinion: typedText({ max: 200, tooLong: '意见最多 200 字' }).default(''), checked: CheckedPoints })),
  /** Returns to the applicant with reasons per material category; the deadline runs from now. */
  return: action<ReviewView>()(
    z.strictObject({ applicationId: ApplicationId, requestId: RequestId, reasons: z.array(ReturnReason).min(1, '请至少选择一项退回原因').max(30, '退回原因最多 30 项') }),
  ),
  /**
   * The unit admin attaches a stamped paper of the unit's (推荐单位公示, 公示结果, 单位推荐意见) as a
   * photo `applications.checkPhoto` checked, once it can exist (after the publicity is recorded, or over).
   */
  attachUnitDocument: action<ReviewView>()(z.strictObject({ applicationId: ApplicationId, category: CategoryCode, ref: FileRef, sha256: Sha256 })),
  /** Removes one of the unit's papers while the application waits for the unit. */
  detachUnitDocument: action<ReviewView>()(z.strictObject({ applicationId: ApplicationId, category: CategoryCode, sha256: Sha256 })),
  /** The unit admin records the unit's internal publicity (Beijing dates, YYYY-MM-DD). */
  recordPublicity: action<ReviewView>()(
    z.strictObject({ applicationId: ApplicationId, from: calendarDay('请选择公示开始日期（一个真实的日期）'), to: calendarDay('请选择公示结束日期（一个真实的日期）') }),
  ),
} as const;
