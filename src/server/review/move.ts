import type { ApplicationRecord, UnitSnapshot } from '../../core/application/application.schema';
import type { AppError } from '../../core/errors';
import { feeDeadline } from '../../core/eligibility/fees';
import { err, ok, type Result } from '../../core/result';
import { decide, moveFacts, type MoveFacts } from '../../core/review/decide';
import type { ReturnReason } from '../../core/review/return-reasons';
import type { Actor, ReviewCommand } from '../../core/review/review.machine';
import type { Round } from '../../core/round/round.schema';
import type { ApplicationView } from '../../core/contracts/api';
import { applications } from '../applications/applications.repo';
import type { WorkContext } from '../function';

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
  /** The round's review points the reviewer ticked (approvals). */
  readonly checked?: readonly string[];
  /** The unit to record at submission (the applicant's unit now). */
  readonly unit?: UnitSnapshot | null;
  readonly defenseRequired: boolean;
  /** When the publicity of the committee's results ends (publicise, certify). */
  readonly resultPublicityEnds?: Date | null;
  /** Fields the step records with the move, in the same update (the fee's receipt). */
  readonly alongside?: Partial<Pick<ApplicationRecord, 'feeReceipt' | 'feePayment'>>;
}

/**
 * One move of an application along the review chain, on the server: the facts read, the core
 * decides (`decide`), and what it decided is staged: the next record as one update at the revision
 * read (a concurrent move is a conflict, not a second move) and its notices in the outbox, in the
 * same commit.
 */
export function moveApplication(move: Move, ctx: WorkContext): Result<ApplicationRecord, AppError> {
  const facts = factsOf(move, ctx.now);
  const decided = decide(move.id, move.record, move, facts);
  if (!decided.ok) return err(decided.error);
  applications.updateFields(ctx.writes, move, decided.next, ['status', 'unit', 'events', 'submissions', 'returnDeadline', 'returnSnapshot', 'returnConfirmations', 'applicantName', ...(Object.keys(move.alongside ?? {}) as (keyof ApplicationRecord)[])]);
  for (const notice of decided.notices) ctx.notify(notice);
  return ok(decided.next);
}

/** The facts of a move, built by the core's one builder from what the server read. */
export function factsOf(move: Pick<Move, 'record' | 'round' | 'defenseRequired' | 'resultPublicityEnds'> & { readonly view?: Move['view'] }, now: Date): MoveFacts {
  return moveFacts({ record: move.record, round: move.round, now, view: move.view, defenseRequired: move.defenseRequired, feeDeadline: feeDeadline(move.round), resultPublicityEnds: move.resultPublicityEnds });
}
