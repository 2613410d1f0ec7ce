import * as z from 'zod';
import { action } from '../contract';
import { RoundId, ApplicationId, typedText } from '../fields';
import type { DefensePlanView, MyDefenseView } from '../views';
import { DefenseSessionInput } from '../../defense/schedule';

/** The `defense` function's actions: each payload's schema and, as a type, what it answers. */
export const defenseContract = {
  /** The secretary's defense plan of a round: who defends (and who is exempt, why), sessions, the schedule. */
  plan: action<DefensePlanView>()(z.strictObject({ roundId: RoundId })),
  /** Adds a session (a day, times, breaks, place, panels by specialty). */
  addSession: action<DefensePlanView>()(z.strictObject({ roundId: RoundId, session: DefenseSessionInput })),
  removeSession: action<DefensePlanView>()(z.strictObject({ roundId: RoundId, sessionId: z.string().min(1).max(64) })),
  /** Assigns every applicant who defends a slot (before publishing: by submission time, or a seeded draw); after, fills in those without one. */
  assign: action<DefensePlanView>()(z.strictObject({ roundId: RoundId, order: z.enum(['submission', 'draw'], { message: '请选择排序方式' }) })),
  /** Moves one applicant to a free slot, or swaps two; after publishing, both are told. */
  move: action<DefensePlanView>()(
    z.strictObject({ roundId: RoundId, applicationId: ApplicationId, to: z.strictObject({ sessionId: z.string().min(1), panelId: z.string().min(1), startsAt: z.string().datetime({ offset: true, message: '请选择答辩时段' }) }) }),
  ),
  swap: action<DefensePlanView>()(z.strictObject({ roundId: RoundId, a: ApplicationId, b: ApplicationId })),
  /** Takes one applicant's slot back (leave, a panel change); once published they are told, and given a new slot later. */
  cancel: action<DefensePlanView>()(z.strictObject({ roundId: RoundId, applicationId: ApplicationId, reason: typedText({ min: 2, tooShort: '请写明取消的原因', max: 20, tooLong: '原因最多 20 字' }) })),
  /** Publishes the schedule: each applicant is told their slot (WeChat where they allowed it, and 我的申报). */
  publish: action<DefensePlanView>()(z.strictObject({ roundId: RoundId })),
  /** On the day: present, absent or done; done or absent tells the next of the panel to get ready. */
  mark: action<DefensePlanView>()(z.strictObject({ roundId: RoundId, applicationId: ApplicationId, attendance: z.enum(['present', 'absent', 'done'], { message: '请选择到场、缺席或已答辩' }) })),
  /** The applicant's own defense: the slot once published, or why none. */
  mine: action<MyDefenseView>()(z.strictObject({ applicationId: ApplicationId })),
  /** The applicant confirms they will attend. */
  confirm: action<MyDefenseView>()(z.strictObject({ applicationId: ApplicationId })),
} as const;
