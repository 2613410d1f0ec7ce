import type { ApplicationEvent, ApplicationRecord, UnitSnapshot } from '../../core/application/application.schema';
import { buildReviewNotice } from '../../core/messages/review-notice';
import { appError, type AppError } from '../../core/errors';
import { err, ok, type Result } from '../../core/result';
import type { ReturnReason } from '../../core/review/return-reasons';
import { returnDeadline } from '../../core/review/return-deadline';
import { statusText, transition, type Actor, type ReviewCommand, type TransitionContext } from '../../core/review/review.machine';
import { reviewMessage } from '../../core/messages/subscription';
import type { Round } from '../../core/round/round.schema';
import { collections } from '../collections';
import type { WorkContext } from '../function';
import type { JsonObject } from '../ports/store.port';
import type { ApplicationView } from '../../core/contracts/api';
import { ACTOR_TEXT } from '../../core/review/timeline-text';
import { feeDeadline } from '../../core/eligibility/fees';
import { returnSnapshot } from '../../core/application/return-items';

export interface Move {
  readonly id: string;
  readonly rev: number;
  readonly record: ApplicationRecord;
  readonly round: Round;
  /** The application as it is now (the engine's window and defense, the problems). */
  readonly view: ApplicationView;
  readonly command: ReviewCommand;
  readonly actor: { readonly id: string; readonly role: Actor; readonly name: string };
  readonly requestId: string | null;
  readonly reasons?: readonly ReturnReason[];
  readonly opinion?: string;
  /** The unit to record at submission (the applicant's unit now). */
  readonly unit?: UnitSnapshot | null;
  readonly defenseRequired: boolean;
  /** When the publicity of the committee's results ends (publicise, certify). */
  readonly resultPublicityEnds?: Date | null;
  /** Fields the step records with the move, in the same update (the fee's receipt). */
  readonly alongside?: Partial<Pick<ApplicationRecord, 'feeReceipt'>>;
}

/**
 * One move of an application along the review chain, on the server: the core machine decides, this
 * applies its effects. The status, the appended event, the submission count and the return deadline
 * are one update at the revision read (a concurrent move is a conflict, not a second move), and the
 * applicant's notice goes into the outbox in the same commit.
 */
export function moveApplication(move: Move, ctx: WorkContext): Result<ApplicationRecord, AppError> {
  const { record, round, view } = move;
  const unit = move.command === 'submit' ? (move.unit ?? record.unit) : record.unit;
  const tctx: TransitionContext = {
    actor: move.actor.role,
    now: ctx.now,
    applyWindowOpen: view.window.state === 'open',
    submissions: record.submissions,
    maxSubmissions: round.submission.maxSubmissions.count,
    complete: view.problems.every((p) => p.severity !== 'block'),
    publicityDone: publicityDone(record, round, ctx.now),
    unitLevel: unit ? (unit.level === 'autonomous_region' ? 'prefecture' : unit.level) : null,
    route: unit?.route ?? 'hr',
    reasonCount: move.reasons?.length ?? 0,
    returnDeadline: record.returnDeadline ? new Date(record.returnDeadline) : null,
    defenseRequired: move.defenseRequired,
    feeDeadline: feeDeadline(round),
    resultPublicityEnds: move.resultPublicityEnds ?? null,
  };
  const moved = transition(record.status, move.command, tctx);
  if (!moved.ok) return err(refusal(moved.error, view));
  if (move.command === 'submit' && !unit) return err(appError('REVIEW.REFUSED', ['您的账号还没有所在单位，单位审核需要先加入单位。请联系单位管理员。']));

  const event: ApplicationEvent = {
    kind: move.command,
    at: ctx.now.toISOString(),
    requestId: move.requestId,
    by: move.actor.id,
    role: move.actor.role,
    from: moved.from,
    to: moved.next,
    reasons: [...(move.reasons ?? [])],
    opinion: move.opinion ?? '',
  };
  let next: ApplicationRecord = { ...record, ...move.alongside, status: moved.next, unit, events: [...record.events, event] };
  for (const effect of moved.effects) {
    if (effect.kind === 'count_submission') next = { ...next, submissions: next.submissions + 1 };
    if (effect.kind === 'start_return_deadline') {
      // What each returned category holds now, so a change made since is seen; answers start afresh.
      const snapshot = returnSnapshot(record, (move.reasons ?? []).map((r) => r.category));
      next = { ...next, returnDeadline: returnDeadline(round.submission.resubmitAfterReturn, ctx.now, windowEnd(view))?.toISOString() ?? null, returnSnapshot: snapshot, returnConfirmations: {} };
    }
    if (effect.kind === 'clear_return_deadline') next = { ...next, returnDeadline: null };
  }
  ctx.writes.update(collections.applications.name, move.id, move.rev, {
    status: next.status,
    unit: next.unit as unknown as JsonObject,
    events: next.events as unknown as JsonObject[],
    submissions: next.submissions,
    returnDeadline: next.returnDeadline,
    returnSnapshot: next.returnSnapshot,
    returnConfirmations: next.returnConfirmations as unknown as JsonObject,
    applicantName: next.applicantName,
    ...(move.alongside as JsonObject | undefined),
  });
  for (const effect of moved.effects) {
    if (effect.kind !== 'notify') continue;
    const notice = buildReviewNotice({
      kind: effect.notice,
      applicationId: move.id,
      label: view.label,
      status: next.status,
      route: next.unit?.route ?? 'hr',
      actor: move.actor.role === 'system' ? '系统' : `${ACTOR_TEXT(move.actor.role)}`,
      reasons: move.reasons ?? [],
      deadline: next.status === 'publicised' ? (move.resultPublicityEnds ?? null) : next.returnDeadline ? new Date(next.returnDeadline) : null,
      categoryNames: Object.fromEntries(view.materials.map((m) => [m.code, m.name])),
    });
    const subscription = reviewMessage({
      applicationId: move.id,
      kind: effect.notice,
      label: view.label,
      status: next.status,
      statusText: statusText(next.status, next.unit?.route ?? 'hr'),
      actor: move.actor.role === 'system' ? '系统' : ACTOR_TEXT(move.actor.role),
      reasons: move.reasons ?? [],
      categoryNames: Object.fromEntries(view.materials.map((m) => [m.code, m.name])),
      deadline: next.returnDeadline ? new Date(next.returnDeadline) : null,
      at: ctx.now,
    });
    // One notice per event: the event's place in the timeline makes the key.
    ctx.notify({ dedupeKey: `${move.id}#${next.events.length - 1}`, personId: record.personId, applicationId: move.id, kind: effect.notice, ...notice, subscription });
  }
  return ok(next);
}

const windowEnd = (view: ApplicationView): Date | null => (view.window.end ? new Date(view.window.end) : null);

/** The unit's internal publicity is recorded, long enough (the round's working days), and over. */
export function publicityDone(record: ApplicationRecord, round: Round, now: Date): boolean {
  const p = record.publicity;
  if (!p) return false;
  const over = now.getTime() > new Date(`${p.to}T23:59:59+08:00`).getTime();
  return over && p.workingDays >= round.unitPublicity.workingDays;
}

function refusal(error: ReturnType<typeof transition> extends infer T ? (T extends { ok: false; error: infer E } ? E : never) : never, view: ApplicationView): AppError {
  if (error.kind === 'not_allowed') return appError('AUTH.FORBIDDEN', [], error.message);
  if (error.kind === 'wrong_status') return appError('REVIEW.WRONG_STATUS', [error.message]);
  switch (error.guard) {
    case 'apply_window_open':
      return appError('APPLICATION.WINDOW_CLOSED', [], error.message);
    case 'submissions_left':
      return appError('APPLICATION.SUBMISSION_LIMIT');
    case 'complete':
      return appError('APPLICATION.INCOMPLETE', view.problems.filter((p) => p.severity === 'block').map((p) => `${p.name}：${p.message}`));
    case 'before_return_deadline':
      return appError('APPLICATION.RETURN_OVERDUE');
    default:
      return appError('REVIEW.REFUSED', [error.message]);
  }
}

