import type { ApplicationEvent, ApplicationRecord, UnitSnapshot } from '../application/application.schema';
import { returnSnapshot } from '../application/return-items';
import { appError, type AppError } from '../errors';
import type { NoticeDraft } from '../messages/notice-draft';
import { buildReviewNotice } from '../messages/review-notice';
import { reviewMessage } from '../messages/subscription';
import type { Round } from '../round/round.schema';
import { publicityDone } from './publicity';
import { UNIT_DOCUMENT_TEXT, unitDocumentsMissing, type UnitMaterial } from '../application/unit-documents';
import type { ReturnReason } from './return-reasons';
import { returnDeadline } from './return-deadline';
import { chainLevelOf } from './route';
import { ReviewCommand, statusText, transition, TRANSITIONS, type Actor, type TransitionContext, type TransitionError } from './review.machine';
import { ACTOR_TEXT } from './timeline-text';

/**
 * One move of an application along the review chain, decided in the core: the record as it is, the
 * command with who gives it, and the facts the server read (its clock, the round, the application's
 * window and problems) in; the next record whole and the notices it causes, or a refusal, out. The
 * server loads, builds the facts with `moveFacts`, decides, and stages what comes out in one commit.
 */
export interface MoveFacts {
  readonly now: Date;
  readonly applyWindowOpen: boolean;
  /** The apply window's end: a return's deadline where the round states none. */
  readonly applyWindowEnd: Date | null;
  readonly maxSubmissions: number;
  readonly resubmitAfterReturn: Round['submission']['resubmitAfterReturn'];
  /** What still blocks submitting, as `name：message` (none: complete). */
  readonly blocking: readonly string[];
  /** The unit's internal publicity is recorded, long enough and over. */
  readonly publicityDone: boolean;
  /** The unit's required papers not uploaded yet, by name. */
  readonly unitDocumentsMissing: readonly string[];
  readonly defenseRequired: boolean;
  /** The round's last moment to pay the fee (null: none stated). */
  readonly feeDeadline: Date | null;
  /** When the publicity of the committee's results ends (publicise, certify). */
  readonly resultPublicityEnds: Date | null;
  /** The application's label (副高级 · 评审 · 定向评价) and its materials' names, for the notices. */
  readonly label: string;
  readonly categoryNames: Readonly<Record<string, string>>;
}

/** The one builder of the facts: everything a guard or a notice needs, from what the server read. */
export function moveFacts(input: {
  readonly record: ApplicationRecord;
  readonly round: Pick<Round, 'submission' | 'unitPublicity'>;
  readonly now: Date;
  /**
   * The application as it is now: the engine's window, its problems, label and materials. Absent
   * where only steps that ask none of it are in question (the committee's list): then submitting
   * is not possible and no notice is written.
   */
  readonly view?: {
    readonly window: { readonly state: string; readonly end: string | null };
    readonly problems: readonly { readonly name: string; readonly message: string; readonly severity: 'block' | 'warn' }[];
    readonly label: string;
    readonly materials: readonly UnitMaterial[];
  };
  readonly defenseRequired: boolean;
  readonly feeDeadline: Date | null;
  readonly resultPublicityEnds?: Date | null;
}): MoveFacts {
  const { record, round, now, view } = input;
  return {
    now,
    applyWindowOpen: view?.window.state === 'open',
    applyWindowEnd: view?.window.end ? new Date(view.window.end) : null,
    maxSubmissions: round.submission.maxSubmissions.count,
    resubmitAfterReturn: round.submission.resubmitAfterReturn,
    blocking: view ? view.problems.filter((p) => p.severity === 'block').map((p) => `${p.name}：${p.message}`) : [NOT_READ],
    publicityDone: publicityDone(record.publicity, round.unitPublicity.workingDays, now),
    unitDocumentsMissing: view ? unitDocumentsMissing(view.materials, record.files) : [],
    defenseRequired: input.defenseRequired,
    feeDeadline: input.feeDeadline,
    resultPublicityEnds: input.resultPublicityEnds ?? null,
    label: view?.label ?? '',
    categoryNames: Object.fromEntries((view?.materials ?? []).map((m) => [m.code, m.name])),
  };
}

const NOT_READ = '申报内容没有读取，不能在这里提交。';

/** The system as the actor of the table's delayed transitions (a deadline passed). */
export const SYSTEM_ACTOR = { id: 'system', role: 'system', name: '系统' } as const;

export interface MoveInput {
  readonly command: ReviewCommand;
  readonly actor: { readonly id: string; readonly role: Actor };
  readonly requestId: string | null;
  readonly reasons?: readonly ReturnReason[];
  readonly opinion?: string;
  /** The round's review points the reviewer ticked (approvals). */
  readonly checked?: readonly string[];
  /** The unit to record at submission (the applicant's unit now). */
  readonly unit?: UnitSnapshot | null;
  /** Fields the step records with the move (the fee's receipt). */
  readonly alongside?: Partial<Pick<ApplicationRecord, 'feeReceipt' | 'feePayment'>>;
}

export type Decision = { readonly ok: true; readonly next: ApplicationRecord; readonly notices: readonly NoticeDraft[] } | { readonly ok: false; readonly error: AppError };

/** The guards' context, built here only: from the record, the facts and the command. */
function contextOf(record: ApplicationRecord, facts: MoveFacts, actor: Actor, input: { readonly unit?: UnitSnapshot | null; readonly reasonCount: number }): TransitionContext {
  const unit = input.unit ?? record.unit;
  return {
    actor,
    now: facts.now,
    applyWindowOpen: facts.applyWindowOpen,
    submissions: record.submissions,
    maxSubmissions: facts.maxSubmissions,
    complete: facts.blocking.length === 0,
    publicityDone: facts.publicityDone,
    unitDocumentsMissing: facts.unitDocumentsMissing,
    unitLevel: chainLevelOf(unit),
    route: unit?.route ?? 'hr',
    reasonCount: input.reasonCount,
    returnDeadline: record.returnDeadline ? new Date(record.returnDeadline) : null,
    defenseRequired: facts.defenseRequired,
    feeDeadline: facts.feeDeadline,
    resultPublicityEnds: facts.resultPublicityEnds,
  };
}

export function decide(id: string, record: ApplicationRecord, input: MoveInput, facts: MoveFacts): Decision {
  const unit = input.command === 'submit' ? (input.unit ?? record.unit) : record.unit;
  const moved = transition(record.status, input.command, contextOf(record, facts, input.actor.role, { unit, reasonCount: input.reasons?.length ?? 0 }));
  if (!moved.ok) return { ok: false, error: refusal(moved.error, facts) };
  if (input.command === 'submit' && !unit) return { ok: false, error: appError('REVIEW.REFUSED', ['您的账号还没有所在单位，单位审核需要先加入单位。请联系单位管理员。']) };

  const reasons = [...(input.reasons ?? [])];
  const event: ApplicationEvent = {
    kind: input.command,
    at: facts.now.toISOString(),
    requestId: input.requestId,
    by: input.actor.id,
    role: input.actor.role,
    from: moved.from,
    to: moved.next,
    reasons,
    opinion: input.opinion ?? '',
    checked: [...(input.checked ?? [])],
  };
  let next: ApplicationRecord = { ...record, ...input.alongside, status: moved.next, unit, events: [...record.events, event] };
  for (const effect of moved.effects) {
    if (effect.kind === 'count_submission') next = { ...next, submissions: next.submissions + 1 };
    if (effect.kind === 'start_return_deadline') {
      // What each returned category holds now, so a change made since is seen; answers start afresh.
      const deadline = returnDeadline(facts.resubmitAfterReturn, facts.now, facts.applyWindowEnd);
      next = { ...next, returnDeadline: deadline?.toISOString() ?? null, returnSnapshot: returnSnapshot(record, reasons.map((r) => r.category)), returnConfirmations: {} };
    }
    if (effect.kind === 'clear_return_deadline') next = { ...next, returnDeadline: null };
  }

  const route = next.unit?.route ?? 'hr';
  const actor = input.actor.role === 'system' ? SYSTEM_ACTOR.name : ACTOR_TEXT(input.actor.role);
  const notices = moved.effects.flatMap((effect): NoticeDraft[] => {
    if (effect.kind !== 'notify') return [];
    const returnBy = next.returnDeadline ? new Date(next.returnDeadline) : null;
    const notice = buildReviewNotice({
      kind: effect.notice,
      applicationId: id,
      label: facts.label,
      status: next.status,
      route,
      actor,
      reasons,
      deadline: next.status === 'publicised' ? facts.resultPublicityEnds : returnBy,
      categoryNames: facts.categoryNames,
    });
    const subscription = reviewMessage({
      applicationId: id,
      kind: effect.notice,
      label: facts.label,
      status: next.status,
      statusText: statusText(next.status, route),
      actor,
      reasons,
      categoryNames: facts.categoryNames,
      deadline: returnBy,
      at: facts.now,
    });
    // One notice per event: the event's place in the timeline makes the key.
    return [{ dedupeKey: `${id}#${next.events.length - 1}`, personId: record.personId, applicationId: id, kind: effect.notice, ...notice, subscription }];
  });
  return { ok: true, next, notices };
}

/** Guards about what the command carries (the reasons of a return): a page asking "may I" cannot know them yet. */
const ANY_REASONS = 1;

/** The commands this actor may give now, as pages and queues ask before the actor says more. */
export function can(record: ApplicationRecord, actor: Actor, facts: MoveFacts): ReviewCommand[] {
  const ctx = contextOf(record, facts, actor, { reasonCount: ANY_REASONS });
  return ReviewCommand.options.filter((command) => transition(record.status, command, ctx).ok);
}

/** Why this actor may not give this command now (the guard's words), or null when they may or the step is not theirs. */
export function blockedBy(record: ApplicationRecord, command: ReviewCommand, actor: Actor, facts: MoveFacts): string | null {
  const moved = transition(record.status, command, contextOf(record, facts, actor, { reasonCount: ANY_REASONS }));
  return !moved.ok && moved.error.kind === 'guard' ? moved.error.message : null;
}

function refusal(error: TransitionError, facts: MoveFacts): AppError {
  if (error.kind === 'not_allowed') return appError('AUTH.FORBIDDEN', [], error.message);
  if (error.kind === 'wrong_status') return appError('REVIEW.WRONG_STATUS', [error.message]);
  switch (error.guard) {
    case 'apply_window_open':
      return appError('APPLICATION.WINDOW_CLOSED', [], error.message);
    case 'submissions_left':
      return appError('APPLICATION.SUBMISSION_LIMIT');
    case 'complete':
      return appError('APPLICATION.INCOMPLETE', [...facts.blocking]);
    case 'unit_documents':
      return appError('REVIEW.REFUSED', [UNIT_DOCUMENT_TEXT.missing(facts.unitDocumentsMissing)]);
    case 'before_return_deadline':
      return appError('APPLICATION.RETURN_OVERDUE');
    default:
      return appError('REVIEW.REFUSED', [error.message]);
  }
}

/** Every status some row leads to or starts from: the states the table lists. */
export const LISTED_STATUSES: ReadonlySet<string> = new Set(TRANSITIONS.flatMap((r) => [...r.from, r.to]));
