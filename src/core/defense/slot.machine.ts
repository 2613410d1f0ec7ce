import * as z from 'zod';
import { appError, type AppError } from '../errors';
import { defenseNotice } from '../messages/defense-notice';
import type { NoticeDraft } from '../messages/notice-draft';
import { beijingDate } from '../time/beijing';
import { formatBeijingDate, formatBeijingDateTime } from '../time/format';
import type { DefenseSession } from './schedule';

/**
 * One applicant's defense slot (aksu-water-2024 四(一)20: 每人答辩时间10分钟), decided in the core
 * like the review chain: the slot as it is, a command and the facts the server read in; the next
 * slot whole (null: removed) and the notices it causes, or a refusal, out. A slot is given, then
 * published (the applicant told once), moved (told again, each move its own message), cancelled
 * (told, with the reason), confirmed by the applicant, and marked on the day (到场, 缺席, 答辩完成).
 */
export const Attendance = z.enum(['present', 'absent', 'done']);
export type Attendance = z.infer<typeof Attendance>;

export const DefenseSlot = z.strictObject({
  roundId: z.string(),
  personId: z.string(),
  applicantName: z.string(),
  title: z.string(),
  specialty: z.string(),
  sessionId: z.string(),
  panelId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  published: z.boolean(),
  confirmedAt: z.string().nullable(),
  attendance: Attendance.nullable(),
  /** Bumped on each move after publishing: one change message per move. */
  changes: z.number().int(),
  /** How many of this applicant's slots were cancelled before this one: its messages are its own. */
  generation: z.number().int().default(0),
});
export type DefenseSlot = z.infer<typeof DefenseSlot>;

/** Where a slot goes when it is moved. */
export interface SlotPlace {
  readonly sessionId: string;
  readonly panelId: string;
  readonly startsAt: string;
  readonly endsAt: string;
}

export type SlotCommand =
  | { readonly kind: 'publish' }
  | { readonly kind: 'move'; readonly to: SlotPlace }
  | { readonly kind: 'cancel'; readonly reason: string }
  | { readonly kind: 'confirm' }
  | { readonly kind: 'mark'; readonly attendance: Attendance }
  | { readonly kind: 'remind'; readonly when: 'day_before' | 'soon'; readonly minutesBefore: number };

export interface SlotFacts {
  readonly applicationId: string;
  readonly now: Date;
  /** The session the slot is in after the command (a move's new session). */
  readonly session: DefenseSession;
}

export type SlotDecision =
  | {
      readonly ok: true;
      /** The slot after the command; null when it is removed (cancelled). */
      readonly next: DefenseSlot | null;
      /** Whether anything is to be written: the same command again changes nothing. */
      readonly changed: boolean;
      readonly notices: readonly NoticeDraft[];
    }
  | { readonly ok: false; readonly error: AppError };

export const slotRefusal = (message: string): AppError => appError('REVIEW.REFUSED', [message], message);

/** What a secretary is told of an applicant the plan has no slot for. */
export const NO_SLOT = '这位申报人没有答辩时段。';
export const NO_PUBLISHED_SLOT = '这位申报人没有已发布的答辩时段。';
export const NOT_PUBLISHED_YET = '答辩时间还没有发布，发布后再确认。';

/** What an applicant who defends is told while their slot is not published yet, by where the application is. */
export function waitingText(status: string): string {
  return status === 'fee_paid' || status === 'defended' ? '评审委员会正在安排答辩时间，发布后会通知您（请先开启下面的微信提醒）。' : '通过形式审核并缴费后，评审委员会会安排答辩时间并通知您。';
}

const unchanged = (slot: DefenseSlot): SlotDecision => ({ ok: true, next: slot, changed: false, notices: [] });

/** The one decision of a slot's commands. */
export function decideSlot(slot: DefenseSlot, command: SlotCommand, facts: SlotFacts): SlotDecision {
  const told = (next: DefenseSlot, notice: Parameters<typeof defenseNotice>[0]) => defenseNotice(notice, { applicationId: facts.applicationId, personId: next.personId, slot: next, session: facts.session });
  switch (command.kind) {
    case 'publish': {
      // Each slot is announced once: publishing again tells nobody twice.
      if (slot.published) return unchanged(slot);
      const next = { ...slot, published: true };
      return { ok: true, next, changed: true, notices: [told(next, { kind: 'scheduled' })] };
    }
    case 'move': {
      const { to } = command;
      if (slot.sessionId === to.sessionId && slot.panelId === to.panelId && slot.startsAt === to.startsAt) return unchanged(slot);
      if (slot.attendance !== null) return { ok: false, error: slotRefusal(`${slot.applicantName}已经开始或结束答辩，不能再调整。`) };
      const next = { ...slot, ...to, changes: slot.changes + (slot.published ? 1 : 0), confirmedAt: null };
      // Before publishing nobody was told of the old slot: nobody is told of the new one yet either.
      return { ok: true, next, changed: true, notices: slot.published ? [told(next, { kind: 'moved' })] : [] };
    }
    case 'cancel':
      if (slot.attendance !== null) return { ok: false, error: slotRefusal(`${slot.applicantName}已经开始或结束答辩，不能取消。`) };
      return { ok: true, next: null, changed: true, notices: slot.published ? [told(slot, { kind: 'cancelled', reason: command.reason })] : [] };
    case 'confirm':
      if (!slot.published) return { ok: false, error: slotRefusal(NOT_PUBLISHED_YET) };
      // Confirmed already, or the day has come (到场 or after): nothing left to confirm.
      if (slot.confirmedAt || slot.attendance !== null) return unchanged(slot);
      return { ok: true, next: { ...slot, confirmedAt: facts.now.toISOString() }, changed: true, notices: [] };
    case 'mark': {
      if (!slot.published) return { ok: false, error: appError('NOT_FOUND', [NO_PUBLISHED_SLOT]) };
      const day = new Date(slot.startsAt);
      if (beijingDate(facts.now) < beijingDate(day)) return { ok: false, error: slotRefusal(`答辩当天（${formatBeijingDate(day)}）才能登记到场和答辩情况。`) };
      if (slot.attendance === command.attendance) return unchanged(slot);
      if (slot.attendance === 'done') return { ok: false, error: slotRefusal('已经记为答辩完成，不能再改。') };
      // 答辩完成 only once the slot has begun: a defense is not over before it starts.
      if (command.attendance === 'done' && facts.now.getTime() < Date.parse(slot.startsAt)) {
        return { ok: false, error: slotRefusal(`${slot.applicantName}的答辩${formatBeijingDateTime(new Date(slot.startsAt))}开始，开始后才能记为答辩完成。`) };
      }
      return { ok: true, next: { ...slot, attendance: command.attendance }, changed: true, notices: [] };
    }
    case 'remind':
      // Only a published slot not yet begun is reminded of.
      if (!slot.published || slot.attendance !== null) return unchanged(slot);
      return { ok: true, next: slot, changed: false, notices: [told(slot, command.when === 'day_before' ? { kind: 'day_before' } : { kind: 'soon', minutesBefore: command.minutesBefore })] };
  }
}

/** The commands a slot takes now (for pages: 确认参加, 调整, 取消, 登记到场…). */
export function canSlot(slot: DefenseSlot, facts: SlotFacts): SlotCommand['kind'][] {
  const probes: SlotCommand[] = [
    { kind: 'publish' },
    { kind: 'move', to: { sessionId: `${slot.sessionId}-elsewhere`, panelId: slot.panelId, startsAt: slot.startsAt, endsAt: slot.endsAt } },
    { kind: 'cancel', reason: '' },
    { kind: 'confirm' },
    { kind: 'mark', attendance: slot.attendance === 'present' ? 'done' : 'present' },
  ];
  return probes.filter((c) => {
    const decided = decideSlot(slot, c, facts);
    return decided.ok && decided.changed;
  }).map((c) => c.kind);
}

/**
 * 下一位: after someone of a panel is marked absent or done, the next of the same panel and session
 * not called yet, and their notice (told once: its key is the slot's). Null when nobody is next.
 */
export function nextToCall(
  slots: readonly { readonly id: string; readonly slot: DefenseSlot }[],
  marked: { readonly id: string; readonly slot: DefenseSlot },
  attendance: Attendance,
  sessions: readonly DefenseSession[],
): NoticeDraft | null {
  if (attendance === 'present') return null;
  const next = slots
    .filter((s) => s.id !== marked.id && s.slot.sessionId === marked.slot.sessionId && s.slot.panelId === marked.slot.panelId && s.slot.startsAt > marked.slot.startsAt && s.slot.attendance === null)
    .sort((a, b) => a.slot.startsAt.localeCompare(b.slot.startsAt))[0];
  const session = next ? sessions.find((s) => s.id === next.slot.sessionId) : undefined;
  return next && session ? defenseNotice({ kind: 'next' }, { applicationId: next.id, personId: next.slot.personId, slot: next.slot, session }) : null;
}
