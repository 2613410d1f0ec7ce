import type { MyDefenseView } from '../../core/contracts/api';
import { sessions } from './plans.repo';
import { type AppError } from '../../core/errors';
import { panelName } from '../../core/messages/defense-notice';
import { err, ok, type Result } from '../../core/result';
import { lintContextOf, viewOf } from '../applications/application.view';
import type { ActionContext, ActionDefs } from '../function';
import { loadFor } from '../applications/applications.repo';
import { slotOf, stageSlot } from './plan.docs';
import { decideSlot, NOT_PUBLISHED_YET, slotRefusal, waitingText } from '../../core/defense/slot.machine';

/** The applicant's own defense: whether they defend and why, their slot once published, and 确认参加. */
export const applicantActions: Pick<ActionDefs<'defense'>, 'mine' | 'confirm'> = {
    mine: {
      roles: ['applicant'],
      async handle({ applicationId }, ctx) {
        return myDefense(ctx, applicationId, false);
      },
    },
    confirm: {
      roles: ['applicant'],
      async handle({ applicationId }, ctx) {
        return myDefense(ctx, applicationId, true);
      },
    },
};

async function myDefense(ctx: ActionContext, applicationId: string, confirm: boolean): Promise<Result<MyDefenseView, AppError>> {
  const loaded = await loadFor(ctx.store, ctx.caller, applicationId, 'own');
  if (!loaded.ok) return err(loaded.error);
  const { record, round } = loaded;
  const view = viewOf(applicationId, record, round, ctx.now, await lintContextOf(ctx.store, ctx.caller, round));
  const mine = await slotOf(ctx, applicationId);
  const session = mine ? ((await sessions.get(ctx.store, mine.slot.sessionId))?.record ?? null) : null;
  let slot = mine?.slot ?? null;
  if (confirm) {
    if (!mine || !session) return err(slotRefusal(NOT_PUBLISHED_YET));
    const decided = decideSlot(mine.slot, { kind: 'confirm' }, { applicationId, now: ctx.now, session });
    if (!decided.ok) return err(decided.error);
    stageSlot(ctx, mine, decided);
    slot = decided.next;
  }
  // Before publishing the applicant sees no slot, and is told what comes first.
  const parsed = slot?.published ? session : null;
  const waiting = view.defense.status !== 'required' || parsed ? null : waitingText(record.status);
  return ok({
    applicationId,
    label: view.label,
    roundTitle: round.title,
    defense: view.defense,
    slot:
      slot && parsed
        ? {
            startsAt: slot.startsAt,
            endsAt: slot.endsAt,
            place: parsed.place,
            panelName: panelName(parsed, slot.panelId),
            bring: parsed.bring,
            confirmedAt: slot.confirmedAt,
            attendance: slot.attendance,
          }
        : null,
    waiting,
  });
}
