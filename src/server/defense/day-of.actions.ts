import { appError, type AppError } from '../../core/errors';
import { defenseNotice } from '../../core/messages/defense-notice';
import { err, ok, type Result } from '../../core/result';
import { beijingDate } from '../../core/time/beijing';
import { formatBeijingDate } from '../../core/time/format';
import { applicantViewOf } from '../applications/application.view';
import { collections } from '../collections';
import type { ActionContext, ActionDefs } from '../function';
import { moveApplication } from '../review/move';
import { loadFor } from '../applications/applications.repo';
import { loadPlan, refused, roundFor, viewOfPlan } from './plan.docs';

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
        if (!mine || !mine.slot.published) return err(appError('NOT_FOUND', ['这位申报人没有已发布的答辩时段。']));
        if (beijingDate(ctx.now) < beijingDate(new Date(mine.slot.startsAt))) return err(refused(`答辩当天（${formatBeijingDate(new Date(mine.slot.startsAt))}）才能登记到场和答辩情况。`));
        if (mine.slot.attendance === attendance) return ok(viewOfPlan(state));
        if (mine.slot.attendance === 'done') return err(refused('已经记为答辩完成，不能再改。'));
        ctx.writes.update(collections.defenseSlots.name, applicationId, mine.rev, { attendance });
        if (attendance === 'done') {
          const moved = await recordDefended(ctx, applicationId);
          if (!moved.ok) return err(moved.error);
        }
        if (attendance !== 'present') {
          // 下一位: the next of this panel in this session who has not been called yet.
          const next = slots
            .filter((s) => s.slot.sessionId === mine.slot.sessionId && s.slot.panelId === mine.slot.panelId && s.slot.startsAt > mine.slot.startsAt && s.slot.attendance === null)
            .sort((a, b) => a.slot.startsAt.localeCompare(b.slot.startsAt))[0];
          const session = next ? state.sessions.find((s) => s.id === next.slot.sessionId) : undefined;
          const notice = next && session ? defenseNotice({ kind: 'next' }, { applicationId: next.id, personId: next.slot.personId, slot: next.slot, session }) : null;
          // Told once: a second 完成 or 缺席 of the one before does not call them again.
          if (notice && !(await ctx.store.get(collections.outbox.name, notice.dedupeKey))) ctx.notify(notice);
        }
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
