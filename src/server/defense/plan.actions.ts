import { schedules, sessions, slots, sortSessions } from './plans.repo';
import type { ApplicationRecord } from '../../core/application/application.schema';
import type { DefensePlanView } from '../../core/contracts/api';
import { assignSlots, moveSlot, swapSlots, type Candidate, type DefenseSession, type Slot } from '../../core/defense/schedule';
import { appError, type AppError } from '../../core/errors';
import { decideSlot, NO_SLOT } from '../../core/defense/slot.machine';
import { PLAN_TEXT } from '../../core/defense/plan-texts';
import { err, ok, type Result } from '../../core/result';
import { outsideRoundYear } from '../../core/time/calendar-day';
import type { ActionContext, ActionDefs } from '../function';
import { loadPlan, refused, roundFor, stageSlot, viewOfPlan, type SlotEntry } from './plan.docs';
import type { DefenseSlot } from '../../core/defense/slot.machine';

type PlanActions = Pick<ActionDefs<'defense'>, 'plan' | 'addSession' | 'removeSession' | 'assign' | 'move' | 'swap' | 'publish' | 'cancel'>;

/**
 * The secretary's defense plan (aksu-water-2024 四(一)20): sessions, every applicant who defends
 * (fee paid, not exempt) given a slot (by submission time or a recorded draw), moves and swaps,
 * publishing (each applicant told once), and a cancellation (told, with the reason).
 */
export const planActions: PlanActions = {
    plan: {
      roles: ['committee_secretary'],
      async handle({ roundId }, ctx) {
        const round = await roundFor(ctx, roundId);
        if (!round.ok) return err(round.error);
        return ok(viewOfPlan(await loadPlan(ctx, round.value)));
      },
    },
    addSession: {
      roles: ['committee_secretary'],
      async handle({ roundId, session }, ctx) {
        const round = await roundFor(ctx, roundId);
        if (!round.ok) return err(round.error);
        const outside = outsideRoundYear(session.date, round.value.year, PLAN_TEXT.sessionDate);
        if (outside) return err(refused(outside));
        const minutes = round.value.defense.slotMinutes?.minutes;
        if (minutes !== undefined && session.slotMinutes !== minutes) return err(refused(PLAN_TEXT.slotMinutes(minutes, round.value.defense.slotMinutes!.source.clause)));
        const id = `session-${ctx.random.id()}`;
        sessions.add(ctx.writes, roundId, { ...session, id });
        const state = await loadPlan(ctx, round.value);
        return ok(viewOfPlan({ ...state, sessions: sortSessions([...state.sessions, { ...session, id }]) }));
      },
    },
    removeSession: {
      roles: ['committee_secretary'],
      async handle({ roundId, sessionId }, ctx) {
        const round = await roundFor(ctx, roundId);
        if (!round.ok) return err(round.error);
        const stored = await sessions.inRound(ctx.store, sessionId, roundId);
        if (!stored) return err(appError('NOT_FOUND', [PLAN_TEXT.noSuchSession]));
        const state = await loadPlan(ctx, round.value);
        if (state.slots.some((s) => s.slot.sessionId === sessionId)) return err(refused(PLAN_TEXT.sessionInUse));
        sessions.remove(ctx.writes, stored);
        return ok(viewOfPlan({ ...state, sessions: state.sessions.filter((s) => s.id !== sessionId) }));
      },
    },
    assign: {
      roles: ['committee_secretary'],
      async handle({ roundId, order }, ctx) {
        const round = await roundFor(ctx, roundId);
        if (!round.ok) return err(round.error);
        const state = await loadPlan(ctx, round.value);
        // Published: only those without a slot are filled in (by submission time), around the slots
        // already announced; before publishing, the whole schedule is made again.
        const published = state.schedule?.doc.publishedAt != null;
        const kept = published ? state.slots : [];
        const candidates: (Candidate & { record: ApplicationRecord; title: string })[] = state.defenders
          .filter(({ id }) => !kept.some((k) => k.id === id))
          .map(({ id, record, title }) => ({
            applicationId: id,
            specialty: record.specialty ?? 'general',
            submittedAt: [...record.events].reverse().find((e) => e.kind === 'submit')?.at ?? record.createdAt,
            record,
            title,
          }));
        if (candidates.length === 0) return err(refused(PLAN_TEXT.nobodyToAssign(published)));
        // A draw's seed is recorded with the schedule, so the same draw can be shown to be the same.
        const seed = order === 'draw' && !published ? ctx.random.int(2 ** 31 - 1) : null;
        const nameOf = (code: string) => round.value.specialties.find((s) => s.code === code)?.name ?? code;
        const keptSlots = kept.map(({ id, slot }) => ({ applicationId: id, sessionId: slot.sessionId, panelId: slot.panelId, startsAt: slot.startsAt, endsAt: slot.endsAt }));
        const assigned = assignSlots(state.sessions, candidates, seed === null ? { kind: 'submission' } : { kind: 'draw', seed }, nameOf, keptSlots);
        if (!assigned.ok) return err(refused(assigned.error.message));
        if (!published) for (const old of state.slots) slots.remove(ctx.writes, old);
        const cancelled = state.schedule?.doc.cancelled ?? {};
        const added = assigned.value.map((slot) => {
          const { record, specialty, title } = candidates.find((c) => c.applicationId === slot.applicationId)!;
          const doc: DefenseSlot = {
            roundId,
            personId: record.personId,
            applicantName: record.applicantName,
            title,
            specialty,
            sessionId: slot.sessionId,
            panelId: slot.panelId,
            startsAt: slot.startsAt,
            endsAt: slot.endsAt,
            published: false,
            confirmedAt: null,
            attendance: null,
            changes: 0,
            generation: cancelled[slot.applicationId] ?? 0,
          };
          slots.insert(ctx.writes, slot.applicationId, doc);
          return { id: slot.applicationId, rev: 0, slot: doc };
        });
        if (published) return ok(viewOfPlan({ ...state, slots: [...kept, ...added] }));
        const scheduleDoc = { order, seed, adjusted: 0, publishedAt: null, cancelled };
        if (state.schedule) schedules.update(ctx.writes, { id: roundId, rev: state.schedule.rev }, scheduleDoc);
        else schedules.insert(ctx.writes, roundId, scheduleDoc);
        return ok(viewOfPlan({ ...state, schedule: { rev: 0, doc: scheduleDoc }, slots: added }));
      },
    },
    move: {
      roles: ['committee_secretary'],
      async handle({ roundId, applicationId, to }, ctx) {
        return adjust(ctx, roundId, (sessions, slots, specialtyOf) => moveSlot(sessions, slots, specialtyOf, applicationId, { ...to, startsAt: new Date(to.startsAt).toISOString() }));
      },
    },
    swap: {
      roles: ['committee_secretary'],
      async handle({ roundId, a, b }, ctx) {
        return adjust(ctx, roundId, (sessions, slots, specialtyOf) => swapSlots(sessions, slots, specialtyOf, a, b));
      },
    },
    publish: {
      roles: ['committee_secretary'],
      async handle({ roundId }, ctx) {
        const round = await roundFor(ctx, roundId);
        if (!round.ok) return err(round.error);
        const state = await loadPlan(ctx, round.value);
        const { schedule, slots, sessions } = state;
        if (!schedule || slots.length === 0) return err(refused(PLAN_TEXT.notAssigned));
        const unscheduled = state.defenders.filter((d) => !slots.some((s) => s.id === d.id));
        if (unscheduled.length > 0) return err(refused(PLAN_TEXT.unscheduled(unscheduled.map((d) => d.record.applicantName))));
        // Each slot is announced once: publishing again (or after filling in) tells only the new ones.
        const fresh = slots.filter((s) => !s.slot.published);
        if (fresh.length === 0) return ok(viewOfPlan(state));
        for (const entry of fresh) {
          const session = sessions.find((s) => s.id === entry.slot.sessionId)!;
          const decided = decideSlot(entry.slot, { kind: 'publish' }, { applicationId: entry.id, now: ctx.now, session });
          if (!decided.ok) return err(decided.error);
          stageSlot(ctx, entry, decided);
        }
        const publishedAt = schedule.doc.publishedAt ?? ctx.now.toISOString();
        if (!schedule.doc.publishedAt) schedules.update(ctx.writes, { id: roundId, rev: schedule.rev }, { publishedAt });
        return ok(
          viewOfPlan({
            ...state,
            schedule: { ...schedule, doc: { ...schedule.doc, publishedAt } },
            slots: slots.map((s) => ({ ...s, slot: { ...s.slot, published: true } })),
          }),
        );
      },
    },
    cancel: {
      roles: ['committee_secretary'],
      async handle({ roundId, applicationId, reason }, ctx) {
        const round = await roundFor(ctx, roundId);
        if (!round.ok) return err(round.error);
        const state = await loadPlan(ctx, round.value);
        const mine = state.slots.find((s) => s.id === applicationId);
        if (!mine || !state.schedule) return err(appError('NOT_FOUND', [NO_SLOT]));
        const session = state.sessions.find((s) => s.id === mine.slot.sessionId)!;
        const decided = decideSlot(mine.slot, { kind: 'cancel', reason }, { applicationId, now: ctx.now, session });
        if (!decided.ok) return err(decided.error);
        stageSlot(ctx, mine, decided);
        let schedule = state.schedule;
        if (mine.slot.published) {
          // A slot given again after this one was announced has messages of its own.
          const cancelled = { ...schedule.doc.cancelled, [applicationId]: mine.slot.generation + 1 };
          schedules.update(ctx.writes, { id: roundId, rev: schedule.rev }, { cancelled });
          schedule = { ...schedule, doc: { ...schedule.doc, cancelled } };
        }
        return ok(viewOfPlan({ ...state, schedule, slots: state.slots.filter((s) => s.id !== applicationId) }));
      },
    },
};

/** A move or a swap, applied with the core's rules; after publishing, the applicants moved are told. */
async function adjust(
  ctx: ActionContext,
  roundId: string,
  change: (sessions: readonly DefenseSession[], slots: readonly Slot[], specialtyOf: (id: string) => string | undefined) => Result<Slot[], string>,
): Promise<Result<DefensePlanView, AppError>> {
  const round = await roundFor(ctx, roundId);
  if (!round.ok) return err(round.error);
  const state = await loadPlan(ctx, round.value);
  const { schedule, slots, sessions } = state;
  if (!schedule || slots.length === 0) return err(refused(PLAN_TEXT.notAssigned));
  const before: Slot[] = slots.map(({ id, slot }) => ({ applicationId: id, sessionId: slot.sessionId, panelId: slot.panelId, startsAt: slot.startsAt, endsAt: slot.endsAt }));
  const changed = change(sessions, before, (id) => slots.find((s) => s.id === id)?.slot.specialty);
  if (!changed.ok) return err(refused(changed.error));
  const after: SlotEntry[] = [];
  for (const entry of slots) {
    const { sessionId, panelId, startsAt, endsAt } = changed.value.find((s) => s.applicationId === entry.id)!;
    const session = sessions.find((s) => s.id === sessionId)!;
    const decided = decideSlot(entry.slot, { kind: 'move', to: { sessionId, panelId, startsAt, endsAt } }, { applicationId: entry.id, now: ctx.now, session });
    if (!decided.ok) return err(decided.error);
    stageSlot(ctx, entry, decided);
    after.push({ ...entry, slot: decided.next ?? entry.slot });
  }
  // The order is no longer only by submission time or by the draw: said so from now on.
  const adjusted = schedule.doc.adjusted + 1;
  schedules.update(ctx.writes, { id: roundId, rev: schedule.rev }, { adjusted });
  return ok(viewOfPlan({ ...state, schedule: { rev: schedule.rev + 1, doc: { ...schedule.doc, adjusted } }, slots: after }));
}
