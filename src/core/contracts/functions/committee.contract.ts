import * as z from 'zod';
import { action } from '../contract';
import { ExpertId, Empty, RoundId, ApplicationId, FileRef, RequestId, MeetingId, BeijingDate, ItemCode, Sha256, typedText } from '../fields';
import type { ApplicationView, CommitteeItem } from '../views';
import type { BlindItemView, ExpertPanelView, MeetingSummary, MeetingView, PoolExpert } from '../evaluation';
import { MeetingResult } from '../../evaluation/meeting';
import { Vote } from '../../evaluation/votes';

/** The most experts one meeting may have: a committee's own size for senior titles is in the tens. */
const MEETING_EXPERTS_MAX = 50;

/** The `committee` function's actions: each payload's schema and, as a type, what it answers. */
export const committeeContract = {
  /** The applications of the secretary's rounds past formal review, by status. */
  queue: action<readonly CommitteeItem[]>()(Empty),
  /** 已接收材料: the paper materials arrived. */
  receive: action<readonly CommitteeItem[]>()(z.strictObject({ applicationId: ApplicationId, requestId: RequestId })),
  /** The fee is paid, with a photo of the receipt where one was taken (uploaded under the secretary's own folder and checked by `applications.checkPhoto`). */
  recordFee: action<readonly CommitteeItem[]>()(
    z.strictObject({
      applicationId: ApplicationId,
      requestId: RequestId,
      /** What was paid: the amount in yuan, the day (Beijing, not after today) and the receipt's (票据) number. */
      payment: z.strictObject(
        {
          amountYuan: z.number({ message: '请填写缴费金额（元）' }).min(0, '缴费金额不能为负数').max(100000, '缴费金额过大，请核对'),
          paidOn: BeijingDate,
          receiptNo: z.string({ message: '请填写收据（票据）号' }).trim().min(1, '请填写收据（票据）号').max(40, '收据号最多 40 个字符'),
        },
        { message: '请填写缴费金额、缴费日期和收据号' },
      ),
      receipt: z.strictObject({ ref: FileRef, sha256: Sha256 }).nullable().default(null),
    }),
  ),
  /** The evaluation meetings: a secretary's rounds' meetings, or the meetings an expert sits in. */
  meetings: action<readonly MeetingSummary[]>()(Empty),
  /**
   * A meeting of the round on a day, with every application ready for evaluation and its members
   * chosen from the round's experts: by hand, or drawn (the server draws the seed and keeps it).
   */
  createMeeting: action<MeetingView>()(
    z.strictObject({
      roundId: RoundId,
      heldOn: BeijingDate,
      requestId: RequestId,
      experts: z.discriminatedUnion(
        'kind',
        [
          z.strictObject({ kind: z.literal('hand'), expertIds: z.array(ExpertId).max(MEETING_EXPERTS_MAX, `一次评审会最多 ${MEETING_EXPERTS_MAX} 位评审专家`) }),
          z.strictObject({ kind: z.literal('draw'), count: z.number({ message: '请填写抽取的专家人数' }).int('抽取人数应为整数').max(MEETING_EXPERTS_MAX, `一次评审会最多 ${MEETING_EXPERTS_MAX} 位评审专家`) }),
        ],
        { message: '请选择评审专家：手动选择或随机抽取' },
      ),
    }),
  ),
  meeting: action<MeetingView>()(z.strictObject({ meetingId: MeetingId })),
  /** The round's pool of experts (专家库) the secretary chooses a meeting's members from. */
  expertPool: action<readonly PoolExpert[]>()(z.strictObject({ roundId: RoundId })),
  /** Adds the applications that became ready since (fee paid, defended), while experts still vote. */
  addReady: action<MeetingView>()(z.strictObject({ meetingId: MeetingId })),
  /** The experts present (签到), recorded from the meeting's day; changeable until published. */
  recordAttendance: action<MeetingView>()(z.strictObject({ meetingId: MeetingId, present: z.array(ExpertId).max(MEETING_EXPERTS_MAX) })),
  /** An expert recused from one application (回避), with the reason; or the recusal lifted. */
  recuse: action<MeetingView>()(z.strictObject({ meetingId: MeetingId, applicationId: ApplicationId, expertId: ExpertId, reason: typedText({ min: 2, tooShort: '请写明回避的理由', max: 100, tooLong: '回避理由最多 100 字' }) })),
  liftRecusal: action<MeetingView>()(z.strictObject({ meetingId: MeetingId, applicationId: ApplicationId, expertId: ExpertId })),
  /** A result changed against its votes, only with the reason recorded (e.g. 一票否决 with its evidence); or the change withdrawn. */
  overrideResult: action<MeetingView>()(
    z.strictObject({ meetingId: MeetingId, applicationId: ApplicationId, result: MeetingResult, reason: typedText({ min: 4, tooShort: '请写明改判的理由和依据（至少 4 个字）', max: 300, tooLong: '改判理由最多 300 字', lines: true }) }),
  ),
  clearOverride: action<MeetingView>()(z.strictObject({ meetingId: MeetingId, applicationId: ApplicationId })),
  /** Publishes the results the votes (and recorded overrides) decide: refused with the reason without the quorum, while a vote is missing, or above the round's caps. */
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
  /** 复查: the applicant asks the committee to re-examine a result of 不通过, with the reason (once). */
  requestRecheck: action<ApplicationView>()(
    z.strictObject({ applicationId: ApplicationId, reason: typedText({ min: 10, tooShort: '请写明申请复查的理由（至少 10 个字）', max: 500, tooLong: '复查理由最多 500 字', lines: true }) }),
  ),
  /** The committee's answer to a 复查 request of one of the meeting's applications (once). */
  answerRecheck: action<MeetingView>()(
    z.strictObject({ meetingId: MeetingId, applicationId: ApplicationId, answer: typedText({ min: 2, tooShort: '请写明复查的结果和答复', max: 500, tooLong: '答复最多 500 字', lines: true }) }),
  ),
  /** An expert's list of a meeting's applications, by number only. */
  panel: action<ExpertPanelView>()(z.strictObject({ meetingId: MeetingId })),
  /** One application for an expert: blind texts and blind copies. */
  blindItem: action<BlindItemView>()(z.strictObject({ meetingId: MeetingId, code: ItemCode })),
  /** An expert's vote on one application: only when recorded present and not recused; changeable until the results are published. */
  vote: action<BlindItemView>()(z.strictObject({ meetingId: MeetingId, code: ItemCode, vote: Vote })),
} as const;
