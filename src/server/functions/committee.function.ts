import { feePaymentRefusal } from '../../core/eligibility/fees';
import { beijingDate } from '../../core/time/beijing';
import { ApplicationRecord } from '../../core/application/application.schema';
import type { CommitteeItem } from '../../core/contracts/api';
import { appError } from '../../core/errors';
import { LEVEL_LABELS } from '../../core/eligibility/labels';
import { statusText } from '../../core/review/review.machine';
import { PAST_FORMAL_REVIEW } from '../../core/review/table-reads';
import { can, moveFacts } from '../../core/review/decide';
import { err, ok } from '../../core/result';
import { applicantViewOf } from '../applications/application.view';
import { applications, loadFor } from '../applications/applications.repo';
import { committeeContract } from '../../core/contracts/functions/committee.contract';
import { defineFunction, type ActionContext } from '../function';
import { moveApplication, type Move } from '../review/move';
import { findCheckedUpload } from '../uploads/checked-uploads';
import { roundsOnce } from '../rounds.repo';
import { feeDeadline, feeFor } from '../../core/eligibility/fees';
import { offerIdOf } from '../../core/eligibility/offer-key';
import type { Round } from '../../core/round/round.schema';
import { meetingActions } from '../evaluation/meeting.actions';
import { replayOf } from '../../core/review/request-replay';

/**
 * `committee`: the evaluation committee's secretary takes over after formal review (已接收材料,
 * the fee paid, the round's fee shown), for the rounds they serve; the fee-deadline timer marks the
 * unpaid not evaluated; the evaluation meetings (blind votes, results within the caps, publicity,
 * certificates) are `meeting.actions.ts`.
 */
export const committeeFunction = defineFunction('committee', committeeContract,
  {
    queue: {
      roles: ['committee_secretary'],
      async handle(_payload, ctx) {
        return ok(await queueOf(ctx));
      },
    },
    receive: {
      roles: ['committee_secretary'],
      async handle({ applicationId, requestId }, ctx) {
        const moved = await step(ctx, applicationId, requestId, 'receive_materials');
        if (!moved.ok) return err(moved.error);
        return ok(await queueOf(ctx, { id: applicationId, record: moved.value }));
      },
    },
    recordFee: {
      roles: ['committee_secretary'],
      async handle({ applicationId, requestId, payment, receipt }, ctx) {
        const refused = feePaymentRefusal(payment, beijingDate(ctx.now));
        if (refused) return err(appError('REQUEST.INVALID_PAYLOAD', [refused]));
        const checked = receipt ? await checkedReceipt(ctx, receipt) : ok(null);
        if (!checked.ok) return err(checked.error);
        const feePayment = { ...payment, at: ctx.now.toISOString(), by: ctx.caller._id };
        const moved = await step(ctx, applicationId, requestId, 'record_fee', { feePayment, ...(checked.value ? { feeReceipt: checked.value } : {}) });
        if (!moved.ok) return err(moved.error);
        return ok(await queueOf(ctx, { id: applicationId, record: moved.value }));
      },
    },
    ...meetingActions,
  }
);

/**
 * A receipt photo the secretary uploaded and `applications.checkPhoto` checked (their own, whole, a
 * JPEG that decodes): this function carries no image decoder, so it takes the check's record.
 */
async function checkedReceipt(ctx: ActionContext, receipt: { readonly ref: string; readonly sha256: string }) {
  const checked = await findCheckedUpload(ctx.store, ctx.caller._id, receipt);
  if (!checked.ok) return checked;
  return ok({ ref: receipt.ref, sha256: receipt.sha256, at: ctx.now.toISOString(), by: ctx.caller._id });
}

async function step(ctx: ActionContext, id: string, requestId: string, command: 'receive_materials' | 'record_fee', alongside?: Move['alongside']) {
  const loaded = await loadFor(ctx.store, ctx.caller, id, 'committee');
  if (!loaded.ok) return loaded;
  // The same request again (a double tap): already done.
  const replay = replayOf(loaded.record.events, requestId, command);
  if (replay === 'reused') return err(appError('REQUEST.ID_REUSED'));
  if (replay === 'repeat') return ok(loaded.record);
  const view = await applicantViewOf(ctx.store, id, loaded.record, loaded.round, ctx.now);
  if (!view) return err(appError('APPLICATION.NOT_FOUND'));
  return moveApplication(
    { id, rev: loaded.rev, record: loaded.record, round: loaded.round, view, command, actor: { id: ctx.caller._id, role: ctx.caller.role, name: ctx.caller.name }, requestId, defenseRequired: view.defense.status === 'required', alongside },
    ctx,
  );
}

/**
 * The secretary's applications, oldest first. `changed` is an application this call just moved:
 * its write commits after the handler returns, so the list shows it as moved.
 */
async function queueOf(ctx: ActionContext, changed?: { readonly id: string; readonly record: ApplicationRecord }): Promise<CommitteeItem[]> {
  const rounds = ctx.caller.rounds ?? [];
  if (rounds.length === 0) return [];
  const found = await applications.find(ctx.store, {
    where: [
      { field: 'roundId', op: 'in', values: rounds },
      { field: 'status', op: 'in', values: PAST_FORMAL_REVIEW },
    ],
    orderBy: [{ field: 'createdAt', direction: 'asc' }],
    limit: 500,
  });
  const roundOf = roundsOnce(ctx.store);
  const items: CommitteeItem[] = [];
  for (const application of found) {
    const record = changed?.id === application.id ? changed.record : application.record;
    const receiptUrl = record.feeReceipt ? await ctx.files.url(record.feeReceipt.ref, 600) : null;
    items.push(itemOf(application.id, record, await roundOf(record), ctx.now, receiptUrl));
  }
  return items;
}

/** The fee of an application's level, way and channel (its offer's), in yuan. */
function feeYuanOf(round: Round | null, record: ApplicationRecord): number | null {
  const offer = round?.offers.find((o) => o.id === offerIdOf(record.offerKey));
  return round && offer ? (feeFor(round, record.level, offer.way, offer.channel)?.amountYuan ?? null) : null;
}

function itemOf(id: string, record: ApplicationRecord, round: Round | null, now: Date, receiptUrl: string | null): CommitteeItem {
  const route = record.unit?.route ?? 'hr';
  // The secretary's two steps ask nothing of the application's content: its facts without the view.
  const mine = round ? can(record, 'committee_secretary', moveFacts({ record, round, now, defenseRequired: false, feeDeadline: feeDeadline(round) })) : [];
  return {
    id,
    applicantName: record.applicantName,
    label: LEVEL_LABELS[record.level],
    roundId: record.roundId,
    status: record.status,
    statusText: statusText(record.status, route),
    mayReceive: mine.includes('receive_materials'),
    mayRecordFee: mine.includes('record_fee'),
    feeYuan: feeYuanOf(round, record),
    payment: record.feePayment ? { amountYuan: record.feePayment.amountYuan, paidOn: record.feePayment.paidOn, receiptNo: record.feePayment.receiptNo } : null,
    roundTitle: round?.title ?? '',
    receiptUrl,
  };
}
