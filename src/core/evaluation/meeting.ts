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

export const MeetingRecord = z.strictObject({
  roundId: z.string().min(1),
  heldOn: IsoDate,
  createdAt: z.string().min(1),
  createdBy: z.string().min(1),
  expertIds: z.array(z.string().min(1)),
  /** The applications, in number order: 1号 is the first. Only ever appended to. */
  applicationIds: z.array(z.string().min(1)),
  results: z.record(z.string(), MeetingResult).default({}),
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
