import { ApplicationRecord } from '../../core/application/application.schema';
import type { DefensePlanView, DefenseSlotView } from '../../core/contracts/api';
import { DefenseSession, panelSlots } from '../../core/defense/schedule';
import { DefenseSlot, type SlotDecision } from '../../core/defense/slot.machine';
import { PLAN_TEXT } from '../../core/defense/plan-texts';
import { assess } from '../../core/eligibility/assess';
import { applicationSpecialtyName } from '../../core/eligibility/selector.match';
import { LEVEL_LABELS } from '../../core/eligibility/labels';
import { appError, type AppError } from '../../core/errors';
import { panelName } from '../../core/messages/defense-notice';
import { err, ok, type Result } from '../../core/result';
import type { Round } from '../../core/round/round.schema';
import { servesRound } from '../../core/review/scope';
import type { ActionContext, WorkContext } from '../function';
import { loadRound } from '../rounds.repo';
import { applications } from '../applications/applications.repo';
import { schedules, sessions, slots, type ScheduleDoc } from './plans.repo';

/**
 * A round's defense plan as the store keeps it: the sessions, the schedule (its order, a draw's
 * seed, when published), one slot per applicant; loaded with who defends, and shown as the
 * secretary's plan.
 */


export const refused = (message: string): AppError => appError('REVIEW.REFUSED', [message], message);

export async function roundFor(ctx: ActionContext, roundId: string): Promise<Result<Round, AppError>> {
  if (!servesRound(ctx.caller, roundId)) return err(appError('ROUND.NOT_FOUND'));
  const round = await loadRound(ctx.store, roundId);
  return round ? ok(round) : err(appError('ROUND.NOT_FOUND'));
}

export interface SlotEntry {
  readonly id: string;
  readonly rev: number;
  readonly slot: DefenseSlot;
}

/** One applicant's slot, or null. */
export async function slotOf(ctx: Pick<WorkContext, 'store'>, applicationId: string): Promise<SlotEntry | null> {
  const found = await slots.get(ctx.store, applicationId);
  return found ? { id: found.id, rev: found.rev, slot: found.record } : null;
}

async function slotsOf(ctx: Pick<WorkContext, 'store'>, roundId: string): Promise<SlotEntry[]> {
  const found = await slots.find(ctx.store, { where: [{ field: 'roundId', op: 'eq', value: roundId }], orderBy: [{ field: 'startsAt', direction: 'asc' }], limit: 1000 });
  return found.map(({ id, rev, record }) => ({ id, rev, slot: record }));
}

async function scheduleOf(ctx: Pick<WorkContext, 'store'>, roundId: string): Promise<{ rev: number; doc: ScheduleDoc } | null> {
  const found = await schedules.get(ctx.store, roundId);
  return found ? { rev: found.rev, doc: found.record } : null;
}

export const capacityOf = (session: DefenseSession) => session.panels.length * panelSlots(session).length;

/**
 * A round's defense plan as read from the store: who defends, who does not and why, the sessions,
 * the schedule and its slots. An action that changes the plan stages its writes and answers with
 * the plan changed the same way in memory (the writes commit after the handler returns).
 */
export interface PlanState {
  readonly round: Round;
  /** With the title they defend for (高级工程师: the engine's first title name, else the level in words). */
  readonly defenders: readonly { readonly id: string; readonly record: ApplicationRecord; readonly title: string }[];
  readonly others: DefensePlanView['others'];
  readonly sessions: readonly DefenseSession[];
  readonly schedule: { readonly rev: number; readonly doc: ScheduleDoc } | null;
  readonly slots: readonly SlotEntry[];
}

/** Who defends in this round (fee paid, the engine says required), who does not and why, the sessions and the schedule. */
export async function loadPlan(ctx: ActionContext, round: Round): Promise<PlanState> {
  const found = await applications.find(ctx.store, {
    where: [
      { field: 'roundId', op: 'eq', value: round.id },
      { field: 'status', op: 'in', values: ['formal_review_passed', 'materials_received', 'fee_paid', 'defended'] },
    ],
    orderBy: [{ field: 'createdAt', direction: 'asc' }],
    limit: 1000,
  });
  const defenders: { id: string; record: ApplicationRecord; title: string }[] = [];
  const others: DefensePlanView['others'][number][] = [];
  for (const { id, record } of found) {
    const offer = assess(record.profile, round, ctx.now).offers.find((o) => o.key === record.offerKey);
    const defense = offer?.defense;
    if (!defense || defense.status !== 'required') {
      others.push({ applicationId: id, applicantName: record.applicantName, why: defense?.message ?? PLAN_TEXT.noDefense });
    } else if (record.status === 'fee_paid' || record.status === 'defended') {
      defenders.push({ id, record, title: offer?.titleNames[0] ?? LEVEL_LABELS[record.level] });
    } else {
      others.push({ applicationId: id, applicantName: record.applicantName, why: PLAN_TEXT.feeFirst });
    }
  }
  return { round, defenders, others, sessions: await sessions.ofRound(ctx.store, round.id), schedule: await scheduleOf(ctx, round.id), slots: await slotsOf(ctx, round.id) };
}

export function viewOfPlan(state: PlanState): DefensePlanView {
  const { round, sessions, schedule } = state;
  const defenders = state.defenders.map(({ id, record }) => ({ applicationId: id, applicantName: record.applicantName, specialty: record.specialty ?? 'general', specialtyName: applicationSpecialtyName(round, record) }));
  const slots: DefenseSlotView[] = state.slots
    .map(({ id, slot }) => ({
      applicationId: id,
      applicantName: slot.applicantName,
      specialty: slot.specialty,
      specialtyName: round.specialties.find((s) => s.code === slot.specialty)?.name ?? slot.specialty,
      sessionId: slot.sessionId,
      panelId: slot.panelId,
      panelName: panelName(sessions.find((s) => s.id === slot.sessionId), slot.panelId),
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      confirmed: slot.confirmedAt !== null,
      published: slot.published,
      attendance: slot.attendance,
    }))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.panelId.localeCompare(b.panelId));
  return {
    roundId: round.id,
    roundTitle: round.title,
    slotMinutes: round.defense.slotMinutes?.minutes ?? 10,
    // The round's, and any a defender has that the round does not list (a series without specialties).
    specialties: [
      ...round.specialties.map((s) => ({ code: s.code, name: s.name })),
      ...[...new Map(defenders.filter((d) => !round.specialties.some((s) => s.code === d.specialty)).map((d) => [d.specialty, d.specialtyName])).entries()].map(([code, name]) => ({ code, name })),
    ],
    defenders,
    others: state.others,
    sessions: sessions.map((s) => ({ ...s, capacity: capacityOf(s) })),
    schedule: schedule ? { order: schedule.doc.order, seed: schedule.doc.seed, adjusted: schedule.doc.adjusted, publishedAt: schedule.doc.publishedAt, slots } : null,
  };
}


/**
 * Stages what the core decided of one slot: the slot written whole at the revision read (or
 * removed), its notices in the outbox, in the handler's commit. A decision that changed nothing
 * stages nothing.
 */
export function stageSlot(ctx: Pick<WorkContext, 'writes' | 'notify'>, entry: { readonly id: string; readonly rev: number }, decided: Extract<SlotDecision, { ok: true }>): void {
  if (decided.next === null) slots.remove(ctx.writes, entry);
  else if (decided.changed) slots.update(ctx.writes, entry, decided.next);
  for (const notice of decided.notices) ctx.notify(notice);
}
