import Database from 'better-sqlite3';
import { err, ok } from '../../../core/result';
import type { Result } from '../../../core/result';
import type {
  CollectionSpec,
  CompositeIndex,
  Condition,
  Doc,
  JsonObject,
  Query,
  Store,
  StoreError,
  Write,
} from '../../ports/store.port';
import { StoreBusy } from '../../ports/store.port';
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
import { serves } from '../../database.indexes';
import { createCollection, createCompositeIndex, orderClause, quoteIdent, toDoc, whereClause, type Row } from './sqlite.sql';

/**
 * better-sqlite3 is synchronous: waiting for a lock blocks the whole event loop, so every other
 * request waits too. Never wait; a locked database answers StoreBusy at once (SYSTEM.BUSY, 503),
 * which the app retries.
 */
const BUSY_TIMEOUT_MS = 0;
const STATEMENT_CACHE_SIZE = 500;


/** Thrown inside a transaction to roll it back; carries the expected failure out as a value. */
class Abort {
  constructor(readonly error: StoreError) {}
}

/**
 * The local Store: one SQLite file, one table per collection holding each document as JSON, with
 * an expression index per declared field. Names and paths are validated before they reach SQL,
 * and values are always bound, so no caller text is ever interpolated unchecked.
 */
export function openSqliteStore(options: {
  file: string;
  collections: readonly CollectionSpec[];
  /** The deployment's composite indexes by collection (`database.indexes.ts`), built here too. */
  compositeIndexes?: Readonly<Record<string, readonly CompositeIndex[]>>;
}): Store & { close(): void } {
  const specs = new Map<string, CollectionSpec>();
  for (const spec of options.collections) {
    assertCollectionName(spec.name);
    spec.indexes.forEach(assertFieldPath);
    specs.set(spec.name, spec);
  }

  const db = new Database(options.file);
  try {
    // WAL lets the dev server read while a script writes.
    db.pragma('journal_mode = WAL');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    for (const spec of specs.values()) {
      createCollection(db, spec);
      for (const composite of options.compositeIndexes?.[spec.name] ?? []) createCompositeIndex(db, spec.name, composite);
    }
  } catch (caught) {
    db.close();
    throw caught;
  }

  // SQLite picks an index by its statistics; without them a query filtering on two indexed fields
  // (an application's unit and its status) may scan the wrong one. They are refreshed at opening
  // and after every thousand written documents (`PRAGMA optimize` analyses only what changed).
  let writtenSinceStatistics = 0;
  const keepStatistics = (written: number) => {
    writtenSinceStatistics += written;
    if (writtenSinceStatistics < 1000) return;
    writtenSinceStatistics = 0;
    db.pragma('optimize=0x10002');
  };
  db.pragma('optimize=0x10002');

  // Query shapes repeat, so statements are prepared once; the cap only guards against a caller
  // building unboundedly many shapes (e.g. `in` lists of every length).
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    const cached = statements.get(sql);
    if (cached) return cached;
    if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
    const statement = db.prepare(sql);
    statements.set(sql, statement);
    return statement;
  };

  const table = (collection: string): string => {
    if (!specs.has(collection)) {
      throw new Error(`Unknown collection: ${JSON.stringify(collection)} (declare it in the store's collections)`);
    }
    return quoteIdent(collection);
  };

  /**
   * The declared composite index that serves a query, as the cloud database would use it: SQLite's
   * planner, counting an index's seeks for lists of values (every status of a tab, every round),
   * would otherwise rather scan the table. Null when none serves it (the planner chooses).
   */
  const servingIndex = (collection: string, where: readonly Condition[], orderBy: NonNullable<Query['orderBy']>): string | null => {
    const shape = { filters: where.map((c) => ({ field: c.field, op: c.op })), orderBy };
    const spec = options.compositeIndexes?.[collection]?.find((s) => where.length > 0 && serves(s, shape));
    return spec ? quoteIdent(`${collection}__${spec.name}`) : null;
  };

  /** A statement reading through the index that serves it; through the planner's choice when SQLite cannot use that one. */
  const unusable = new Set<string>();
  const prepareRead = (sql: (indexedBy: string) => string, index: string | null): Database.Statement => {
    const indexed = index ? sql(` INDEXED BY ${index}`) : null;
    if (indexed && !unusable.has(indexed)) {
      try {
        return prepare(indexed);
      } catch (caught) {
        if (!/no query solution/.test(String(caught))) throw caught;
        // Asked once: the same shape goes to the planner from now on.
        if (unusable.size >= STATEMENT_CACHE_SIZE) unusable.clear();
        unusable.add(indexed);
      }
    }
    return prepare(sql(''));
  };

  const readRow = (collection: string, id: string): Row | undefined =>
    prepare(`SELECT id, rev, data FROM ${table(collection)} WHERE id = ?`).get(id) as Row | undefined;

  const applyInsert = (collection: string, doc: JsonObject & { readonly _id: string }): Result<Doc, StoreError> => {
    const data = JSON.stringify(withoutSystemFields(doc));
    const info = prepare(
      `INSERT INTO ${table(collection)} (id, rev, data) VALUES (?, 1, ?) ON CONFLICT(id) DO NOTHING`,
    ).run(doc._id, data);
    if (info.changes === 0) return err({ code: 'STORE.DUPLICATE_ID', collection, id: doc._id });
    return ok(toDoc({ id: doc._id, rev: 1, data }));
  };

  const applyUpdate = (collection: string, id: string, rev: number, set: JsonObject): Result<Doc, StoreError> => {
    const current = readRow(collection, id);
    if (!current) return err({ code: 'STORE.NOT_FOUND', collection, id });
    if (current.rev !== rev) return err({ code: 'STORE.CONFLICT', collection, id });
    // Top-level fields are replaced as wholes; json_patch would merge nested objects instead.
    const data = JSON.stringify({ ...(JSON.parse(current.data) as JsonObject), ...set });
    const info = prepare(`UPDATE ${table(collection)} SET rev = rev + 1, data = ? WHERE id = ? AND rev = ?`).run(
      data,
      id,
      rev,
    );
    if (info.changes !== 1) return err({ code: 'STORE.CONFLICT', collection, id });
    return ok(toDoc({ id, rev: rev + 1, data }));
  };

  const applyDelete = (collection: string, id: string, rev: number): Result<void, StoreError> => {
    const info = prepare(`DELETE FROM ${table(collection)} WHERE id = ? AND rev = ?`).run(id, rev);
    if (info.changes === 1) return ok(undefined);
    return readRow(collection, id)
      ? err({ code: 'STORE.CONFLICT', collection, id })
      : err({ code: 'STORE.NOT_FOUND', collection, id });
  };

  const applyWrite = (write: Write): Result<unknown, StoreError> => {
    switch (write.kind) {
      case 'insert':
        return applyInsert(write.collection, write.doc);
      case 'update':
        return applyUpdate(write.collection, write.id, write.rev, write.set);
      case 'delete':
        return applyDelete(write.collection, write.id, write.rev);
    }
  };

  /**
   * Runs `work` in one IMMEDIATE transaction, rolled back whole when it returns an error. Taking
   * the write lock up front avoids two processes deadlocking while upgrading read locks.
   */
  const inWriteTransaction = <T>(work: () => Result<T, StoreError>): Result<T, StoreError> => {
    try {
      return db
        .transaction(() => {
          const result = work();
          if (!result.ok) throw new Abort(result.error);
          return result;
        })
        .immediate();
    } catch (caught) {
      if (caught instanceof Abort) return err(caught.error);
      throw caught;
    }
  };

  const store: Store & { close(): void } = {
    async get<T extends object = JsonObject>(collection: string, id: string): Promise<Doc<T> | null> {
      const row = readRow(collection, id);
      return row ? (toDoc(row) as Doc<T>) : null;
    },

    async find<T extends object = JsonObject>(collection: string, query?: Query): Promise<Doc<T>[]> {
      const from = table(collection);
      const limit = resolveLimit(query);
      const offset = resolveOffset(query);
      const where = whereClause(query?.where ?? []);
      const order = orderClause(query?.orderBy ?? []);
      // The page's ids first (from an index alone when one covers the query), then their documents:
      // sorting whole documents to keep fifty would copy every match.
      const index = servingIndex(collection, query?.where ?? [], query?.orderBy ?? []);
      const rows = prepareRead(
        (indexedBy) => `SELECT id, rev, data FROM ${from} WHERE id IN (SELECT id FROM ${from}${indexedBy} ${where.sql} ${order} LIMIT ? OFFSET ?) ${order}`,
        index,
      ).all(...where.params, limit, offset) as Row[];
      return rows.map((row) => toDoc(row) as Doc<T>);
    },

    async count(collection: string, where?: readonly Condition[]): Promise<number> {
      const from = table(collection);
      const clause = whereClause(where ?? []);
      const index = servingIndex(collection, where ?? [], []);
      const row = prepareRead((indexedBy) => `SELECT COUNT(*) AS n FROM ${from}${indexedBy} ${clause.sql}`, index).get(...clause.params) as
        | { n: number }
        | undefined;
      return row?.n ?? 0;
    },

    async insert<T extends object = JsonObject>(
      collection: string,
      doc: JsonObject & { readonly _id: string },
    ): Promise<Result<Doc<T>, StoreError>> {
      assertInsertable(doc);
      return applyInsert(collection, doc) as Result<Doc<T>, StoreError>;
    },

    async update<T extends object = JsonObject>(
      collection: string,
      id: string,
      rev: number,
      set: JsonObject,
    ): Promise<Result<Doc<T>, StoreError>> {
      assertDocId(id);
      assertRev(rev);
      assertSettable(set);
      table(collection);
      return inWriteTransaction(() => applyUpdate(collection, id, rev, set)) as Result<Doc<T>, StoreError>;
    },

    async commit(writes: readonly Write[]): Promise<Result<void, StoreError>> {
      assertWrites(writes);
      writes.forEach((write) => table(write.collection));
      const result = inWriteTransaction(() => {
        for (const write of writes) {
          const applied = applyWrite(write);
          if (!applied.ok) return applied;
        }
        return ok(undefined);
      });
      if (result.ok) keepStatistics(writes.length);
      return result.ok ? ok(undefined) : result;
    },

    close(): void {
      db.close();
    },
  };
  return busyAsStoreBusy(store);
}

/** SQLite's lock codes (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED, …) become StoreBusy. */
function busyAsStoreBusy<S extends Store & { close(): void }>(store: S): S {
  const translate = (caught: unknown): unknown => {
    const code = (caught as { code?: unknown } | null)?.code;
    return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code) ? new StoreBusy(caught) : caught;
  };
  const wrapped = { ...store };
  for (const name of ['get', 'find', 'count', 'insert', 'update', 'commit'] as const) {
    const method = store[name] as (...args: unknown[]) => Promise<unknown>;
    (wrapped as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      try {
        return await method(...args);
      } catch (caught) {
        throw translate(caught);
      }
    };
  }
  return wrapped;
}
