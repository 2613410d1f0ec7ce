import * as z from 'zod';
import type { ApplicationRecord } from '../application/application.schema';
import { err, ok, type Result } from '../result';
import type { MeetingStage } from './meeting';

/**
 * 复查: an applicant who did not pass may ask the committee to re-examine the result
 * (《职称评审管理暂行规定》第二十七条, as quoted: 申报人对评审结果有异议的，可以申请复查), with the reason.
 * The request and the committee's answer are kept with the application; the meeting's
 * qualifications are confirmed only once every request is answered.
 */
export const RecheckRequest = z.strictObject({
  reason: z.string().min(1),
  requestedAt: z.string().min(1),
  answer: z.strictObject({ text: z.string().min(1), at: z.string().min(1), by: z.string().min(1) }).nullable(),
});
export type RecheckRequest = z.infer<typeof RecheckRequest>;

/**
 * The application with the request added, or why not: only a result of 不通过, once per
 * application, while the meeting's results are published and not yet confirmed (certified).
 */
export function requestRecheck(record: Pick<ApplicationRecord, 'status' | 'recheck'>, reason: string, meeting: MeetingStage | null, now: Date): Result<RecheckRequest, string> {
  if (record.recheck) return record.recheck.reason === reason ? ok(record.recheck) : err(RECHECK_TEXT.already);
  if (record.status !== 'failed') return err(RECHECK_TEXT.onlyFailed);
  if (meeting !== 'published' && meeting !== 'publicised') return err(RECHECK_TEXT.closed);
  return ok({ reason, requestedAt: now.toISOString(), answer: null });
}

/** The committee's answer to a request (once; the same answer again is the one already given). */
export function answerRecheck(record: Pick<ApplicationRecord, 'recheck'>, text: string, by: string, stage: MeetingStage, now: Date): Result<RecheckRequest, string> {
  if (!record.recheck) return err(RECHECK_TEXT.noRequest);
  if (record.recheck.answer) return record.recheck.answer.text === text ? ok(record.recheck) : err(RECHECK_TEXT.answered);
  if (stage === 'certified') return err(RECHECK_TEXT.closed);
  return ok({ ...record.recheck, answer: { text, at: now.toISOString(), by } });
}

/** How many of the meeting's applications wait for the answer to their 复查. */
export function unansweredRechecks(records: readonly Pick<ApplicationRecord, 'recheck'>[]): number {
  return records.filter((r) => r.recheck && !r.recheck.answer).length;
}

export const RECHECK_TEXT = {
  already: '您已经申请过复查，请等待评审委员会答复。',
  onlyFailed: '只有评审结果为“不通过”的申报才能申请复查。',
  closed: '这次评审会的结果已经确认，不能再申请或答复复查。',
  noRequest: '这份申报没有复查申请。',
  answered: '这条复查申请已经答复过了。',
  open: (n: number) => `还有 ${n} 份复查申请没有答复：答复后才能确认取得资格。`,
} as const;
