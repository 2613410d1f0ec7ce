import { DEFAULT_LIMIT, MAX_LIMIT } from '../ports/store.port';
import type { JsonObject, Query, Write } from '../ports/store.port';

/**
 * Checks both store adapters share, so a call the SQLite store rejects is also rejected in
 * production. A failed check is a programming bug and throws; expected failures (conflicts,
 * duplicates) are values and never pass through here.
 */

const SEGMENT = /^[a-zA-Z][a-zA-Z0-9_]*$/;

/** Fields the store manages itself; callers may query and sort on them but never write them. */
export const SYSTEM_FIELDS: readonly string[] = ['_id', '_rev'];

/** Throws unless `name` is a safe collection name (it ends up inside SQL as an identifier). */
export function assertCollectionName(name: string): void {
  if (!SEGMENT.test(name)) {
    throw new Error(`Invalid collection name: ${JSON.stringify(name)}`);
  }
}

/**
 * Throws unless `field` is `_id`, `_rev` or a dotted path of safe segments: paths end up inside
 * SQL string literals and cloud-database keys, so nothing else may pass.
 */
export function assertFieldPath(field: string): void {
  if (SYSTEM_FIELDS.includes(field)) return;
  if (field.split('.').every((segment) => SEGMENT.test(segment))) return;
  throw new Error(`Invalid field path: ${JSON.stringify(field)}`);
}

/** The page size a query asks for: 100 by default, more than 1000 is a bug (the cloud's ceiling). */
export function resolveLimit(query: Query | undefined): number {
  const limit = query?.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new RangeError(`Query limit must be an integer from 1 to ${MAX_LIMIT}, got ${limit}`);
  }
  return limit;
}

/** The number of documents to skip: a non-negative integer, 0 by default. */
export function resolveOffset(query: Query | undefined): number {
  const offset = query?.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0) {
    throw new RangeError(`Query offset must be a non-negative integer, got ${offset}`);
  }
  return offset;
}

/** Throws unless `id` can be a document id. */
export function assertDocId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id.length === 0) {
    throw new Error(`Document _id must be a non-empty string, got ${JSON.stringify(id)}`);
  }
}

/** Throws unless `rev` can be a revision a caller read. */
export function assertRev(rev: unknown): asserts rev is number {
  if (typeof rev !== 'number' || !Number.isInteger(rev) || rev < 1) {
    throw new Error(`Revision must be a positive integer, got ${JSON.stringify(rev)}`);
  }
}

/**
 * Top-level keys a write may carry. A dot or a leading `$` would be read by the cloud database as
 * a path or an operator, so the two adapters would disagree; `_rev` belongs to the store.
 */
function assertWritableKeys(fields: JsonObject, allowId: boolean): void {
  for (const key of Object.keys(fields)) {
    if (key === '_rev' || (key === '_id' && !allowId)) {
      throw new Error(`Field ${key} is managed by the store and cannot be written`);
    }
    if (key.length === 0 || key.includes('.') || key.startsWith('$')) {
      throw new Error(`Invalid field name: ${JSON.stringify(key)}`);
    }
  }
}

/** Throws unless `doc` is insertable: a string `_id`, no `_rev`, plain keys. */
export function assertInsertable(doc: JsonObject & { readonly _id: string }): void {
  assertDocId(doc._id);
  assertWritableKeys(doc, true);
}

/** Throws unless `set` holds only plain keys, neither `_id` nor `_rev` (empty only bumps `_rev`). */
export function assertSettable(set: JsonObject): void {
  assertWritableKeys(set, false);
}

/** Validates every write of a batch up front, so a bug never half-runs a transaction. */
export function assertWrites(writes: readonly Write[]): void {
  for (const write of writes) {
    assertCollectionName(write.collection);
    switch (write.kind) {
      case 'insert':
        assertInsertable(write.doc);
        break;
      case 'update':
        assertDocId(write.id);
        assertRev(write.rev);
        assertSettable(write.set);
        break;
      case 'delete':
        assertDocId(write.id);
        assertRev(write.rev);
        break;
    }
  }
}

/** The document body without the store's own fields. */
export function withoutSystemFields(doc: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !SYSTEM_FIELDS.includes(key)));
}
