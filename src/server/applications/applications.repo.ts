import { ApplicationRecord } from '../../core/application/application.schema';
import { appError, type AppError } from '../../core/errors';
import type { Person } from '../../core/people/person';
import { inReviewScope, servesRound } from '../../core/review/scope';
import { PAST_FORMAL_REVIEW } from '../../core/review/table-reads';
import type { Round } from '../../core/round/round.schema';
import { collections } from '../collections';
import { parseFields, toDoc } from '../docs';
import type { StagedWrites } from '../function';
import { findAll } from '../paging';
import type { Condition, Doc, Query, Store } from '../ports/store.port';
import { loadRound } from '../rounds.repo';

/**
 * Applications as the store keeps them: their collection, their parsing and their revisions in one
 * place. A stored application is its record with the id and the revision it was read at; an
 * update names that revision, so a concurrent change is a conflict, never an overwrite.
 */
export interface StoredApplication {
  readonly id: string;
  readonly rev: number;
  readonly record: ApplicationRecord;
}

type Reader = Pick<Store, 'get' | 'find' | 'count'>;

const NAME = collections.applications.name;
const stored = (doc: Doc): StoredApplication => ({ id: doc._id, rev: doc._rev, record: parseFields(ApplicationRecord, doc) });

export const applications = {
  async get(store: Pick<Store, 'get'>, id: string): Promise<StoredApplication | null> {
    const doc = await store.get(NAME, id);
    return doc ? stored(doc) : null;
  },
  /** One page of the applications a query matches. */
  async find(store: Pick<Store, 'find'>, query: Query): Promise<StoredApplication[]> {
    return (await store.find(NAME, query)).map(stored);
  },
  /** Every application a query matches, read a page at a time (see `findAll`). */
  async findAll(store: Pick<Store, 'find'>, query: Query): Promise<StoredApplication[]> {
    return (await findAll(store, NAME, query)).map(stored);
  },
  count(store: Pick<Store, 'count'>, where: readonly Condition[]): Promise<number> {
    return store.count(NAME, where);
  },
  insert(writes: StagedWrites, id: string, record: ApplicationRecord): void {
    writes.insert(NAME, { _id: id, ...toDoc(record) });
  },
  /** Replaces the given fields of the application read at `rev`. */
  update(writes: StagedWrites, read: { readonly id: string; readonly rev: number }, changes: Partial<ApplicationRecord>): void {
    writes.update(NAME, read.id, read.rev, toDoc(changes));
  },
  /** Replaces the named fields of the application read at `rev` with the next record's. */
  updateFields(writes: StagedWrites, read: { readonly id: string; readonly rev: number }, next: ApplicationRecord, fields: readonly (keyof ApplicationRecord)[]): void {
    writes.update(NAME, read.id, read.rev, toDoc(Object.fromEntries(fields.map((f) => [f, next[f]]))));
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
  const round = await loadRound(store, found.record.roundId);
  if (!round) return { ok: false, error: appError('ROUND.NOT_FOUND') };
  return { ok: true, ...found, round };
}

export type { Reader as ApplicationReader };
