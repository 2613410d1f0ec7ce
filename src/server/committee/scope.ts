import { ApplicationRecord } from '../../core/application/application.schema';
import { appError, type AppError } from '../../core/errors';
import type { Person } from '../../core/people/person';
import type { Round } from '../../core/round/round.schema';
import { collections } from '../collections';
import { parseFields } from '../docs';
import type { Store } from '../ports/store.port';
import { roundFromDoc } from '../round.docs';

/** The rounds whose committee the secretary serves; another round is answered as missing. */
export function servesRound(caller: Person, roundId: string): boolean {
  return caller.rounds?.includes(roundId) ?? false;
}

export type Loaded = { readonly ok: true; readonly rev: number; readonly record: ApplicationRecord; readonly round: Round } | { readonly ok: false; readonly error: AppError };

export const PAST_FORMAL_REVIEW: readonly ApplicationRecord['status'][] = ['formal_review_passed', 'materials_received', 'fee_paid', 'not_evaluated', 'defended', 'passed', 'failed', 'publicised', 'certified'];

/** An application of one of the secretary's rounds, past formal review; anything else is answered as missing. */
export async function loadForCommittee(store: Pick<Store, 'get'>, caller: Person, id: string): Promise<Loaded> {
  const doc = await store.get(collections.applications.name, id);
  if (!doc) return { ok: false, error: appError('APPLICATION.NOT_FOUND') };
  const record = parseFields(ApplicationRecord, doc);
  if (!servesRound(caller, record.roundId) || !PAST_FORMAL_REVIEW.includes(record.status)) return { ok: false, error: appError('APPLICATION.NOT_FOUND') };
  const roundDoc = await store.get(collections.rounds.name, record.roundId);
  if (!roundDoc) return { ok: false, error: appError('ROUND.NOT_FOUND') };
  return { ok: true, rev: doc._rev, record, round: roundFromDoc(roundDoc) };
}
