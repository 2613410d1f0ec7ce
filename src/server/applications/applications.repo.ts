import { ApplicationRecord, queueFields } from '../../core/application/application.schema';
import { appError, type AppError } from '../../core/errors';
import type { Person } from '../../core/people/person';
import { inReviewScope, servesRound } from '../../core/review/scope';
import { PAST_FORMAL_REVIEW } from '../../core/review/table-reads';
import type { Round } from '../../core/round/round.schema';
import { collections } from '../collections';
import { parseFields } from '../docs';
import type { StagedWrites } from '../function';
import type { Store } from '../ports/store.port';
import { repository, type Read, type Stored } from '../repository';
import { loadRoundOf } from '../rounds.repo';

/**
 * Applications as the store keeps them: their collection, their parsing and their revisions in one
 * place (see `Repository`).
 */
export type StoredApplication = Stored<ApplicationRecord>;

const base = repository(collections.applications, (doc) => parseFields(ApplicationRecord, doc));

export const applications = {
  ...base,
  // The queues' fields are written with what they follow from, whoever writes it.
  insert: (writes: StagedWrites, id: string, record: ApplicationRecord) => base.insert(writes, id, { ...record, ...queueFields(record) }),
  update: (writes: StagedWrites, read: Read, changes: Partial<ApplicationRecord>) => base.update(writes, read, { ...changes, ...queueFields(changes) }),
  /** Replaces the named fields of the application read at `rev` with the next record's. */
  updateFields(writes: StagedWrites, read: Read, next: ApplicationRecord, fields: readonly (keyof ApplicationRecord)[]): void {
    applications.update(writes, read, Object.fromEntries(fields.map((f) => [f, next[f]])) as Partial<ApplicationRecord>);
  },
};

/**
 * Who may load an application, by what they are to it: its applicant (`own`); a reviewer whose
 * scope its unit is in, once it was sent up (`review`); the committee of its round, once past
 * formal review (`committee`).
 */
export type Access = 'own' | 'review' | 'committee';

const MAY: Readonly<Record<Access, (caller: Person, record: ApplicationRecord) => boolean>> = {
  own: (caller, record) => record.personId === caller._id,
  review: (caller, record) => record.status !== 'draft' && inReviewScope(caller, record.unit),
  committee: (caller, record) => servesRound(caller, record.roundId) && PAST_FORMAL_REVIEW.includes(record.status),
};

export type Loaded = ({ readonly ok: true; readonly round: Round } & StoredApplication) | { readonly ok: false; readonly error: AppError };

/**
 * The one way a handler loads an application for its caller: the application and its round if
 * the caller may see it by `access`; one the caller may not see is answered as missing, so its
 * existence is not told either.
 */
export async function loadFor(store: Pick<Store, 'get'>, caller: Person, id: string, access: Access): Promise<Loaded> {
  const found = await applications.get(store, id);
  if (!found || !MAY[access](caller, found.record)) return { ok: false, error: appError('APPLICATION.NOT_FOUND') };
  const round = await loadRoundOf(store, found.record);
  if (!round) return { ok: false, error: appError('ROUND.NOT_FOUND') };
  return { ok: true, ...found, round };
}
