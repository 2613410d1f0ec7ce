import { err, ok } from '../../../core/result';
import type { Result } from '../../../core/result';
import type { Condition, Doc, JsonObject, Query, Store, StoreError, Write } from '../../ports/store.port';
import {
  assertCollectionName,
  assertDocId,
  assertFieldPath,
  assertInsertable,
  assertRev,
  assertSettable,
  assertWrites,
  resolveLimit,
  resolveOffset,
  withoutSystemFields,
} from '../store.guards';
import type { WxCloud, WxCommand, WxCondition, WxDocData, WxQuery, WxTransaction } from './wx.types';

/**
 * The production Store over `cloud.database()`. Each document carries its revision in a `_rev`
 * field; updates are conditional on it (`where({ _id, _rev })`), so a stale revision can never
 * overwrite a newer document.
 */
export function cloudStore(cloud: WxCloud): Store {
  // With throwOnNotFound off a missing document is `data: null`, inside transactions too, so
  // "not found" never has to be recognised by parsing an error message.
  const db = cloud.database({ throwOnNotFound: false });
  const _ = db.command;

  const collection = (name: string) => {
    assertCollectionName(name);
    return db.collection(name);
  };

  const readDoc = async (name: string, id: string): Promise<Doc | null> => {
    const { data } = await collection(name).doc(id).get();
    return data ? toDoc(name, data) : null;
  };

  const notFoundOrConflict = async (name: string, id: string): Promise<StoreError> =>
    (await readDoc(name, id))
      ? { code: 'STORE.CONFLICT', collection: name, id }
      : { code: 'STORE.NOT_FOUND', collection: name, id };

  return {
    async get<T extends object = JsonObject>(name: string, id: string): Promise<Doc<T> | null> {
      assertDocId(id);
      return (await readDoc(name, id)) as Doc<T> | null;
    },

    async find<T extends object = JsonObject>(name: string, query?: Query): Promise<Doc<T>[]> {
      const limit = resolveLimit(query);
      const offset = resolveOffset(query);
      let q: WxQuery = collection(name);
      const where = query?.where ?? [];
      if (where.length > 0) q = q.where(toWhere(_, where));
      const orderBy = query?.orderBy ?? [];
      for (const { field, direction } of orderBy) {
        assertFieldPath(field);
        if (direction !== 'asc' && direction !== 'desc') throw new Error(`Invalid sort direction: ${String(direction)}`);
        q = q.orderBy(field, direction);
      }
      // Without a unique last key, documents with equal sort keys may swap between pages.
      if (!orderBy.some(({ field }) => field === '_id')) q = q.orderBy('_id', 'asc');
      if (offset > 0) q = q.skip(offset);
      const { data } = await q.limit(limit).get();
      return data.map((raw) => toDoc(name, raw) as Doc<T>);
    },

    async count(name: string, where?: readonly Condition[]): Promise<number> {
      const base = collection(name);
      const q = where && where.length > 0 ? base.where(toWhere(_, where)) : base;
      return (await q.count()).total;
    },

    async insert<T extends object = JsonObject>(
      name: string,
      doc: JsonObject & { readonly _id: string },
    ): Promise<Result<Doc<T>, StoreError>> {
      assertInsertable(doc);
      const stored = { ...copyJson(doc), _rev: 1 };
      try {
        // `add` with an `_id` is an insert: unlike `doc(id).set` it fails on an existing id, so two
        // racing inserts cannot both win, and it costs one call instead of a transaction.
        await collection(name).add({ data: stored });
      } catch (caught) {
        // The SDK reports a duplicate key only as a generic database error, so look instead.
        if (await readDoc(name, doc._id)) return err({ code: 'STORE.DUPLICATE_ID', collection: name, id: doc._id });
        throw caught;
      }
      return ok(stored as unknown as Doc<T>);
    },

    async update<T extends object = JsonObject>(
      name: string,
      id: string,
      rev: number,
      set: JsonObject,
    ): Promise<Result<Doc<T>, StoreError>> {
      assertDocId(id);
      assertRev(rev);
      assertSettable(set);
      // Read first: the result must be the document as written, and a stale rev needs no write.
      const current = await readDoc(name, id);
      if (!current) return err({ code: 'STORE.NOT_FOUND', collection: name, id });
      if (current._rev !== rev) return err({ code: 'STORE.CONFLICT', collection: name, id });
      const { stats } = await collection(name)
        .where({ _id: id, _rev: rev })
        .update({ data: updateData(_, set, rev + 1) });
      // Someone else wrote (or deleted) between the read and the conditional update.
      if (stats.updated !== 1) return err(await notFoundOrConflict(name, id));
      const updated = { ...current, ...copyJson(set), _id: id, _rev: rev + 1 };
      return ok(updated as unknown as Doc<T>);
    },

    async commit(writes: readonly Write[]): Promise<Result<void, StoreError>> {
      assertWrites(writes);
      writes.forEach((write) => assertCollectionName(write.collection));
      // Kept outside the callback because the SDK rejects runTransaction with whatever reason
      // rollback got, possibly wrapped; the closure is the reliable way back to the value.
      let failure: StoreError | undefined;
      try {
        await db.runTransaction(async (tx) => {
          failure = undefined; // the SDK re-runs the callback after a write conflict
          failure = await applyAll(tx, _, writes);
          if (failure) await tx.rollback(failure);
        });
      } catch (caught) {
        if (failure) return err(failure);
        throw caught;
      }
      return ok(undefined);
    },
  };
}

/** Applies writes in order inside `tx`; returns the first failure (the caller rolls back). */
async function applyAll(tx: WxTransaction, _: WxCommand, writes: readonly Write[]): Promise<StoreError | undefined> {
  // Documents this batch already touched: a later write in the same batch must see them, and
  // relying on the platform's read-your-writes inside a transaction is not documented.
  const known = new Map<string, Doc | null>();
  const read = async (name: string, id: string): Promise<Doc | null> => {
    const key = JSON.stringify([name, id]);
    if (known.has(key)) return known.get(key) ?? null;
    const { data } = await tx.collection(name).doc(id).get();
    const doc = data ? toDoc(name, data) : null;
    known.set(key, doc);
    return doc;
  };
  const remember = (name: string, id: string, doc: Doc | null): void => {
    known.set(JSON.stringify([name, id]), doc);
  };

  for (const write of writes) {
    const { collection: name } = write;
    const ref = (id: string) => tx.collection(name).doc(id);
    switch (write.kind) {
      case 'insert': {
        const id = write.doc._id;
        if (await read(name, id)) return { code: 'STORE.DUPLICATE_ID', collection: name, id };
        // Transactions allow only document operations, so the insert is a set on a checked-absent id.
        const data = { ...withoutSystemFields(copyJson(write.doc)), _rev: 1 };
        await ref(id).set({ data });
        remember(name, id, { ...data, _id: id });
        break;
      }
      case 'update': {
        const current = await read(name, write.id);
        if (!current) return { code: 'STORE.NOT_FOUND', collection: name, id: write.id };
        if (current._rev !== write.rev) return { code: 'STORE.CONFLICT', collection: name, id: write.id };
        await ref(write.id).update({ data: updateData(_, write.set, write.rev + 1) });
        remember(name, write.id, { ...current, ...copyJson(write.set), _id: write.id, _rev: write.rev + 1 });
        break;
      }
      case 'delete': {
        const current = await read(name, write.id);
        if (!current) return { code: 'STORE.NOT_FOUND', collection: name, id: write.id };
        if (current._rev !== write.rev) return { code: 'STORE.CONFLICT', collection: name, id: write.id };
        await ref(write.id).remove();
        remember(name, write.id, null);
        break;
      }
    }
  }
  return undefined;
}

/** Each top-level field wrapped in `_.set` so nested objects are replaced, not merged into. */
function updateData(_: WxCommand, set: JsonObject, nextRev: number): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(set)) data[key] = _.set(value);
  data._rev = nextRev;
  return data;
}

function toWhere(_: WxCommand, conditions: readonly Condition[]): WxCondition {
  const parts = conditions.map((condition): Record<string, unknown> => {
    assertFieldPath(condition.field);
    switch (condition.op) {
      case 'eq':
        return { [condition.field]: _.eq(condition.value) };
      case 'in':
        return { [condition.field]: _.in([...condition.values]) };
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        if (typeof condition.value !== 'string' && typeof condition.value !== 'number') {
          throw new Error(`Operator ${condition.op} compares strings or numbers, got ${JSON.stringify(condition.value)}`);
        }
        return { [condition.field]: _[condition.op](condition.value) };
      default:
        throw new Error(`Unknown condition operator: ${JSON.stringify((condition as { op: unknown }).op)}`);
    }
  });
  // One object per condition joined by `and`: two conditions on one field would collide as keys.
  const [only] = parts;
  return parts.length === 1 && only ? only : _.and(parts);
}

function toDoc(name: string, raw: WxDocData): Doc {
  if (typeof raw._rev !== 'number') {
    throw new Error(`Document ${name}/${String(raw._id)} has no _rev: it was not written through the Store`);
  }
  return raw as unknown as Doc;
}

/**
 * A deep copy of JSON data. Not structuredClone: cloud-function runtimes may still be Node 16,
 * which lacks it, and documents are JSON anyway.
 */
function copyJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
