import type { Result } from '../../core/result';

/**
 * The document store the cloud functions use. Two adapters implement it and pass the same
 * contract suite (test/contract/store.contract.ts): SQLite locally, `cloud.database()` in production.
 *
 * A document is a flat JSON object with `_id` and `_rev`. `_rev` starts at 1 and grows by one on
 * every update; an update names the revision it read, and a stale revision is a conflict value,
 * never a silent overwrite.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type Doc<T extends object = JsonObject> = T & { readonly _id: string; readonly _rev: number };

/** Values a query may compare a field with. */
export type Scalar = string | number | boolean | null;

/** A field may be a dotted path into nested objects: `profile.county`. */
export type Condition =
  | { readonly field: string; readonly op: 'eq'; readonly value: Scalar }
  | { readonly field: string; readonly op: 'in'; readonly values: readonly Scalar[] }
  | { readonly field: string; readonly op: 'gt' | 'gte' | 'lt' | 'lte'; readonly value: string | number };

export interface Query {
  /** All conditions must hold. */
  readonly where?: readonly Condition[];
  readonly orderBy?: readonly { readonly field: string; readonly direction: 'asc' | 'desc' }[];
  /** Default 100, at most 1000 (the cloud database's own ceiling). */
  readonly limit?: number;
  readonly offset?: number;
}

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

/** One write of an atomic batch. Updates replace the named top-level fields as wholes. */
export type Write =
  | { readonly kind: 'insert'; readonly collection: string; readonly doc: JsonObject & { readonly _id: string } }
  | {
      readonly kind: 'update';
      readonly collection: string;
      readonly id: string;
      readonly rev: number;
      readonly set: JsonObject;
    }
  | { readonly kind: 'delete'; readonly collection: string; readonly id: string; readonly rev: number };

export type StoreError =
  | { readonly code: 'STORE.CONFLICT'; readonly collection: string; readonly id: string }
  | { readonly code: 'STORE.DUPLICATE_ID'; readonly collection: string; readonly id: string }
  | { readonly code: 'STORE.NOT_FOUND'; readonly collection: string; readonly id: string };

export interface Store {
  get<T extends object = JsonObject>(collection: string, id: string): Promise<Doc<T> | null>;
  find<T extends object = JsonObject>(collection: string, query?: Query): Promise<Doc<T>[]>;
  count(collection: string, where?: readonly Condition[]): Promise<number>;
  /** Inserts with `_rev: 1`; an existing `_id` is `STORE.DUPLICATE_ID`. */
  insert<T extends object = JsonObject>(
    collection: string,
    doc: JsonObject & { readonly _id: string },
  ): Promise<Result<Doc<T>, StoreError>>;
  /** Replaces the top-level fields in `set` if the stored revision is still `rev`. */
  update<T extends object = JsonObject>(
    collection: string,
    id: string,
    rev: number,
    set: JsonObject,
  ): Promise<Result<Doc<T>, StoreError>>;
  /** Applies every write or none: the first failing write's error is returned and nothing is kept. */
  commit(writes: readonly Write[]): Promise<Result<void, StoreError>>;
}

/**
 * Thrown by a store whose database is held by another writer for now: nothing was read or
 * written, and the same call may succeed a moment later. Callers answer it as SYSTEM.BUSY.
 */
export class StoreBusy extends Error {
  constructor(cause?: unknown) {
    super('the store is busy (locked by another writer)', { cause });
    this.name = 'StoreBusy';
  }
}

/** Collections and the fields their queries use; adapters index these. */
export interface CollectionSpec {
  readonly name: string;
  readonly indexes: readonly string[];
}

/**
 * A composite index as a deployment declares it (`database.indexes.ts`): its fields in order, each
 * ascending or descending. The local store builds the same ones, so a query is served locally as
 * it is in the cloud.
 */
export interface CompositeIndex {
  readonly name: string;
  readonly fields: readonly { readonly field: string; readonly direction: 'asc' | 'desc' }[];
}
