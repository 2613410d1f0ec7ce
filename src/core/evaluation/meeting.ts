import * as z from 'zod';
import { IsoDate } from '../round/round.vocabulary';

/**
 * An evaluation meeting (评审会) of a round's committee: the applications it evaluates, in the
 * order that gives each its number (the experts know them only as 1号, 2号 …), its experts, and
 * the results the secretary records, published once within the round's pass-rate caps, then
 * publicised, then certified (aksu-water-2024 三(四): 评审会结束后，对通过评审人员进行系统内公示).
 */
export const MeetingResult = z.enum(['pass', 'fail'], { message: '请选择通过或不通过' });
export type MeetingResult = z.infer<typeof MeetingResult>;

/**
 * An objection (异议) lodged during the results' publicity against one application, recorded by the
 * secretary in the words it came in (who lodged it, what it says), and the committee's answer.
 * The qualification is confirmed only once every objection is answered.
 */
export const Objection = z.strictObject({
  id: z.string().min(1),
  applicationId: z.string().min(1),
  /** Who lodged it, as they gave it (a name, a unit, 匿名). */
  from: z.string().min(1),
  text: z.string().min(1),
  recordedAt: z.string().min(1),
  recordedBy: z.string().min(1),
  answer: z.strictObject({ text: z.string().min(1), at: z.string().min(1), by: z.string().min(1) }).nullable(),
});
export type Objection = z.infer<typeof Objection>;

/**
 * How the meeting's experts were chosen from the round's pool (评审专家): by the secretary's hand, or
 * drawn (专家抽取) by a seed the server drew and kept, with the pool it drew from, so that the same
 * draw can be shown to be the same.
 */
export const ExpertSelection = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('hand') }),
  z.strictObject({ kind: z.literal('draw'), seed: z.number().int().nonnegative(), pool: z.array(z.string().min(1)), count: z.number().int().positive() }),
]);
export type ExpertSelection = z.infer<typeof ExpertSelection>;

/** Who recorded a fact of the meeting, and when. */
const Recorded = { at: z.string().min(1), by: z.string().min(1) };

/** The experts at the meeting (签到), recorded by the secretary on the meeting's day. */
export const Attendance = z.strictObject({ present: z.array(z.string().min(1)), ...Recorded });
export type Attendance = z.infer<typeof Attendance>;

/**
 * An expert recused from one application (回避): they neither see it nor count among those who
 * decide it. Proposed by the product (the expert's unit is the applicant's) or found by the
 * secretary; recorded by the secretary with the reason.
 */
export const Recusal = z.strictObject({ applicationId: z.string().min(1), expertId: z.string().min(1), reason: z.string().min(1), ...Recorded });
export type Recusal = z.infer<typeof Recusal>;

/**
 * A result the secretary records against what the votes computed, with the reason (e.g. 一票否决 for
 * a proven falsification, with the evidence; which passes fall when the votes pass more than the cap
 * allows). Without one, the votes decide.
 */
export const Override = z.strictObject({ result: MeetingResult, reason: z.string().min(1), ...Recorded });
export type Override = z.infer<typeof Override>;

/** One application's votes as they stood when the results were published, kept for the meeting record. */
export const FrozenTally = z.strictObject({
  agree: z.number().int().nonnegative(),
  disagree: z.number().int().nonnegative(),
  abstain: z.number().int().nonnegative(),
  /** The experts who could vote on it: present and not recused. */
  voters: z.number().int().nonnegative(),
  needed: z.number().int().nonnegative(),
  computed: MeetingResult.nullable(),
});
export type FrozenTally = z.infer<typeof FrozenTally>;

export const MeetingRecord = z.strictObject({
  roundId: z.string().min(1),
  heldOn: IsoDate,
  createdAt: z.string().min(1),
  createdBy: z.string().min(1),
  /** The meeting's members, chosen from the round's pool: the quorum counts against them. */
  expertIds: z.array(z.string().min(1)),
  selection: ExpertSelection.default({ kind: 'hand' }),
  attendance: Attendance.nullable().default(null),
  recusals: z.array(Recusal).default([]),
  overrides: z.record(z.string(), Override).default({}),
  /** The applications, in number order: 1号 is the first. Only ever appended to. */
  applicationIds: z.array(z.string().min(1)),
  /** The results as published: the votes' result, or the secretary's override. Empty until published. */
  results: z.record(z.string(), MeetingResult).default({}),
  tallies: z.record(z.string(), FrozenTally).default({}),
  publishedAt: z.string().nullable().default(null),
  publicity: z.strictObject({ from: IsoDate, to: IsoDate }).nullable().default(null),
  certifiedAt: z.string().nullable().default(null),
  objections: z.array(Objection).default([]),
});
export type MeetingRecord = z.infer<typeof MeetingRecord>;

/** Where a meeting stands: experts vote and results are recorded until they are published. */
export type MeetingStage = 'voting' | 'published' | 'publicised' | 'certified';

export function stageOf(m: Pick<MeetingRecord, 'publishedAt' | 'publicity' | 'certifiedAt'>): MeetingStage {
  if (m.certifiedAt) return 'certified';
  if (m.publicity) return 'publicised';
  if (m.publishedAt) return 'published';
  return 'voting';
}

export const STAGE_TEXT: Readonly<Record<MeetingStage, string>> = {
  voting: '评审中',
  published: '结果已发布，待公示',
  publicised: '公示中',
  certified: '已确认取得资格',
};
