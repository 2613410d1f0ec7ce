import * as z from 'zod';
import { action } from '../contract';
import { Empty, RoundId, ApplicationId, FileRef, RequestId, MeetingId, BeijingDate, ItemCode, Sha256, typedText } from '../fields';
import type { CommitteeItem } from '../views';
import type { BlindItemView, ExpertPanelView, MeetingSummary, MeetingView } from '../evaluation';
import { MeetingResult } from '../../evaluation/meeting';
import { Vote } from '../../evaluation/votes';

/** The `committee` function's actions: each payload's schema and, as a type, what it answers. */
export const committeeContract = {
  /** The applications of the secretary's rounds past formal review, by status. */
  queue: action<readonly CommitteeItem[]>()(Empty),
  /** 已接收材料: the paper materials arrived. */
  receive: action<readonly CommitteeItem[]>()(z.strictObject({ applicationId: ApplicationId, requestId: RequestId })),
  /** The fee is paid, with a photo of the receipt where one was taken (uploaded under the secretary's own folder and checked by `applications.checkPhoto`). */
  recordFee: action<readonly CommitteeItem[]>()(
    z.strictObject({ applicationId: ApplicationId, requestId: RequestId, receipt: z.strictObject({ ref: FileRef, sha256: Sha256 }).nullable().default(null) }),
  ),
  /** The evaluation meetings: a secretary's rounds' meetings, or the meetings an expert sits in. */
  meetings: action<readonly MeetingSummary[]>()(Empty),
  /** A meeting of the round on a day, with every application ready for evaluation and the round's experts. */
  createMeeting: action<MeetingView>()(z.strictObject({ roundId: RoundId, heldOn: BeijingDate, requestId: RequestId })),
  meeting: action<MeetingView>()(z.strictObject({ meetingId: MeetingId })),
  /** Adds the applications that became ready since (fee paid, defended), while experts still vote. */
  addReady: action<MeetingView>()(z.strictObject({ meetingId: MeetingId })),
  /** Records pass or fail for one application of the meeting (changeable until published). */
  recordResult: action<MeetingView>()(z.strictObject({ meetingId: MeetingId, applicationId: ApplicationId, result: MeetingResult })),
  /** Publishes the results: refused with the reason while one is missing or passes exceed the round's caps. */
  publishResults: action<MeetingView>()(z.strictObject({ meetingId: MeetingId, requestId: RequestId })),
  /** Publicises those who passed, from today to `until` (Beijing dates). */
  publicise: action<MeetingView>()(z.strictObject({ meetingId: MeetingId, until: BeijingDate })),
  /** After the publicity, with every objection answered: those publicised have the qualification. */
  certify: action<MeetingView>()(z.strictObject({ meetingId: MeetingId })),
  /** An objection (异议) lodged during the publicity against one publicised application, as it came in. */
  recordObjection: action<MeetingView>()(
    z.strictObject({
      meetingId: MeetingId,
      requestId: RequestId,
      applicationId: ApplicationId,
      from: typedText({ min: 1, tooShort: '请写明谁提出的异议（姓名或单位；匿名的写“匿名”）', max: 50, tooLong: '提出人最多 50 字' }),
      text: typedText({ min: 2, tooShort: '请写明异议的内容', max: 500, tooLong: '异议内容最多 500 字', lines: true }),
    }),
  ),
  /** The committee's answer to an objection (once). */
  answerObjection: action<MeetingView>()(
    z.strictObject({ meetingId: MeetingId, objectionId: z.string().trim().min(1, '请选择一条异议').max(120, '异议编号不正确'), answer: typedText({ min: 2, tooShort: '请写明核查结果和答复', max: 500, tooLong: '答复最多 500 字', lines: true }) }),
  ),
  /** An expert's list of a meeting's applications, by number only. */
  panel: action<ExpertPanelView>()(z.strictObject({ meetingId: MeetingId })),
  /** One application for an expert: blind texts and blind copies. */
  blindItem: action<BlindItemView>()(z.strictObject({ meetingId: MeetingId, code: ItemCode })),
  /** An expert's vote on one application (changeable until the results are published). */
  vote: action<BlindItemView>()(z.strictObject({ meetingId: MeetingId, code: ItemCode, vote: Vote })),
} as const;
