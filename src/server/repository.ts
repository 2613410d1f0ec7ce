import { toDoc } from './docs';
import type { StagedWrites } from './function';
import { findAll } from './paging';
import type { CollectionSpec, Condition, Doc, Query, Store } from './ports/store.port';

/** A document as a repository answers it: its record, with the id and the revision it was read at. */
export interface Stored<T> {
  readonly id: string;
  readonly rev: number;
  readonly record: T;
}

/** What a write names of what it changes: the document's id and the revision read (a stale one is a conflict, never an overwrite). */
export interface Read {
  readonly id: string;
  readonly rev: number;
}

/**
 * One aggregate's documents: its collection, how a document is read (validated by its schema), and
 * writes staged at the revision read. Handlers reach the store through these, never by a collection
 * name of their own.
 */
export interface Repository<T extends object> {
  readonly collection: string;
  get(store: Pick<Store, 'get'>, id: string): Promise<Stored<T> | null>;
  /** One page of the documents a query matches. */
  find(store: Pick<Store, 'find'>, query: Query): Promise<Stored<T>[]>;
  /** Every document a query matches, read a page at a time (see `findAll`). */
  findAll(store: Pick<Store, 'find'>, query: Query): Promise<Stored<T>[]>;
  count(store: Pick<Store, 'count'>, where: readonly Condition[]): Promise<number>;
  insert(writes: StagedWrites, id: string, record: T): void;
  /** Replaces the given fields of the document read at `read.rev`. */
  update(writes: StagedWrites, read: Read, changes: Partial<T>): void;
  remove(writes: StagedWrites, read: Read): void;
}

export function repository<T extends object>(spec: CollectionSpec, parse: (doc: Doc) => T): Repository<T> {
  const name = spec.name;
  const stored = (doc: Doc): Stored<T> => ({ id: doc._id, rev: doc._rev, record: parse(doc) });
  return {
    collection: name,
    async get(store, id) {
      const doc = await store.get(name, id);
      return doc ? stored(doc) : null;
    },
    async find(store, query) {
      return (await store.find(name, query)).map(stored);
    },
    async findAll(store, query) {
      return (await findAll(store, name, query)).map(stored);
    },
    count: (store, where) => store.count(name, where),
    insert: (writes, id, record) => writes.insert(name, { ...toDoc(record), _id: id }),
    update: (writes, read, changes) => writes.update(name, read.id, read.rev, toDoc(changes)),
    remove: (writes, read) => writes.remove(name, read.id, read.rev),
  };
}
