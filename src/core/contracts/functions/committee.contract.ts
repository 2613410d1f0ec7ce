import * as z from 'zod';
import { action } from '../contract';
import { Empty, RoundId, ApplicationId, FileRef, RequestId, MeetingId, BeijingDate, ItemCode, Sha256 } from '../fields';
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
  /** After the publicity: those publicised have the qualification. */
  certify: action<MeetingView>()(z.strictObject({ meetingId: MeetingId })),
  /** An expert's list of a meeting's applications, by number only. */
  panel: action<ExpertPanelView>()(z.strictObject({ meetingId: MeetingId })),
  /** One application for an expert: blind texts and blind copies. */
  blindItem: action<BlindItemView>()(z.strictObject({ meetingId: MeetingId, code: ItemCode })),
  /** An expert's vote on one application (changeable until the results are published). */
  vote: action<BlindItemView>()(z.strictObject({ meetingId: MeetingId, code: ItemCode, vote: Vote })),
} as const;
