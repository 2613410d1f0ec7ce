import { ApplicationRecord } from '../../core/application/application.schema';
import { appError, type AppError } from '../../core/errors';
import type { Person } from '../../core/people/person';
import { inReviewScope } from '../../core/review/scope';
import type { Round } from '../../core/round/round.schema';
import { collections } from '../collections';
import { parseFields } from '../docs';
import type { Store } from '../ports/store.port';
import { roundFromDoc } from '../round.docs';

export type Loaded =
  | { readonly ok: true; readonly rev: number; readonly record: ApplicationRecord; readonly round: Round }
  | { readonly ok: false; readonly error: AppError };

/**
 * An application and its round, if `visible` says the caller may see it; one the caller may not
 * see is answered as missing, so its existence is not told either.
 */
export async function loadApplication(store: Pick<Store, 'get'>, id: string, visible: (record: ApplicationRecord) => boolean): Promise<Loaded> {
  const doc = await store.get(collections.applications.name, id);
  if (!doc) return { ok: false, error: appError('APPLICATION.NOT_FOUND') };
  const record = parseFields(ApplicationRecord, doc);
  if (!visible(record)) return { ok: false, error: appError('APPLICATION.NOT_FOUND') };
  const roundDoc = await store.get(collections.rounds.name, record.roundId);
  if (!roundDoc) return { ok: false, error: appError('ROUND.NOT_FOUND') };
  return { ok: true, rev: doc._rev, record, round: roundFromDoc(roundDoc) };
}

/** The caller's own application. */
export const ownedBy = (caller: Person) => (record: ApplicationRecord) => record.personId === caller._id;

/** An application sent up through the caller's reviewing scope (a draft is nobody's to review). */
export const inScopeOf = (caller: Person) => (record: ApplicationRecord) => record.status !== 'draft' && inReviewScope(caller, record.unit);
