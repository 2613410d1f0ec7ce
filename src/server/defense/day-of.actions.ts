import { appError, type AppError } from '../../core/errors';
import { outboxHolds } from '../outbox';
import { decideSlot, nextToCall, NO_PUBLISHED_SLOT } from '../../core/defense/slot.machine';
import { err, ok, type Result } from '../../core/result';
import { applicantViewOf } from '../applications/application.view';
import type { ActionContext, ActionDefs } from '../function';
import { moveApplication } from '../review/move';
import { loadFor } from '../applications/applications.repo';
import { loadPlan, roundFor, stageSlot, viewOfPlan } from './plan.docs';

/**
 * The day of the defense: the secretary marks who is present, absent or done (done moves the
 * application to 已答辩), and the next of the panel is told 下一位 once.
 */
export const dayOfActions: Pick<ActionDefs<'defense'>, 'mark'> = {
    mark: {
      roles: ['committee_secretary'],
      async handle({ roundId, applicationId, attendance }, ctx) {
        const round = await roundFor(ctx, roundId);
        if (!round.ok) return err(round.error);
        const state = await loadPlan(ctx, round.value);
        const { slots } = state;
        const mine = slots.find((s) => s.id === applicationId);
        const session = mine ? state.sessions.find((s) => s.id === mine.slot.sessionId) : undefined;
        if (!mine || !session) return err(appError('NOT_FOUND', [NO_PUBLISHED_SLOT]));
        const decided = decideSlot(mine.slot, { kind: 'mark', attendance }, { applicationId, now: ctx.now, session });
        if (!decided.ok) return err(decided.error);
        if (!decided.changed) return ok(viewOfPlan(state));
        stageSlot(ctx, mine, decided);
        if (attendance === 'done') {
          const moved = await recordDefended(ctx, applicationId);
          if (!moved.ok) return err(moved.error);
        }
        // 下一位, told once: a second 完成 or 缺席 of the one before does not call them again.
        const notice = nextToCall(slots, mine, attendance, state.sessions);
        if (notice && !(await outboxHolds(ctx.store, notice.dedupeKey))) ctx.notify(notice);
        return ok(viewOfPlan({ ...state, slots: slots.map((s) => (s.id === applicationId ? { ...s, slot: { ...s.slot, attendance } } : s)) }));
      },
    },
};

async function recordDefended(ctx: ActionContext, applicationId: string): Promise<Result<unknown, AppError>> {
  const loaded = await loadFor(ctx.store, ctx.caller, applicationId, 'committee');
  if (!loaded.ok) return err(loaded.error);
  const { record, round } = loaded;
  if (record.status !== 'fee_paid') return ok(record);
  const view = await applicantViewOf(ctx.store, applicationId, record, round, ctx.now);
  if (!view) return err(appError('APPLICATION.NOT_FOUND'));
  return moveApplication(
    { id: applicationId, rev: loaded.rev, record, round, view, command: 'record_defense', actor: { id: ctx.caller._id, role: ctx.caller.role, name: ctx.caller.name }, requestId: null, defenseRequired: true },
    ctx,
  );
}
