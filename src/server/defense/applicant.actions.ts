import type { MyDefenseView } from '../../core/contracts/api';
import { type AppError } from '../../core/errors';
import { panelName } from '../../core/messages/defense-notice';
import { err, ok, type Result } from '../../core/result';
import { lintContextOf, viewOf } from '../applications/application.view';
import { collections } from '../collections';
import { parseFields } from '../docs';
import type { ActionContext, ActionDefs } from '../function';
import { loadFor } from '../applications/applications.repo';
import { refused, sessionFromDoc, SlotDoc } from './plan.docs';

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
  const slotDoc = await ctx.store.get(collections.defenseSlots.name, applicationId);
  const slot = slotDoc ? parseFields(SlotDoc, slotDoc) : null;
  const session = slot?.published ? await ctx.store.get(collections.defenseSessions.name, slot.sessionId) : null;
  if (confirm) {
    if (!slotDoc || !slot?.published) return err(refused('答辩时间还没有发布，发布后再确认。'));
    if (!slot.confirmedAt) ctx.writes.update(collections.defenseSlots.name, applicationId, slotDoc._rev, { confirmedAt: ctx.now.toISOString() });
  }
  const parsed = session ? sessionFromDoc(session) : null;
  const waiting =
    view.defense.status !== 'required'
      ? null
      : parsed
        ? null
        : ['fee_paid', 'defended'].includes(record.status)
          ? '评审委员会正在安排答辩时间，发布后会通知您（请先开启下面的微信提醒）。'
          : '通过形式审核并缴费后，评审委员会会安排答辩时间并通知您。';
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
            confirmedAt: confirm ? (slot.confirmedAt ?? ctx.now.toISOString()) : slot.confirmedAt,
            attendance: slot.attendance,
          }
        : null,
    waiting,
  });
}
