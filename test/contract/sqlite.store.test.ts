import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/server/adapters/local/sqlite.store';
import { contractCollections, storeContract } from './store.contract';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sqlite-store-'));
}

storeContract('sqlite', async () => {
  const dir = tempDir();
  const store = openSqliteStore({ file: join(dir, 'store.db'), collections: contractCollections });
  return {
    store,
    cleanup: async () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('openSqliteStore', () => {
  let dir: string;

  beforeEach(() => {
    dir = tempDir();
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a table per collection and an expression index per declared field', () => {
    const file = join(dir, 'store.db');
    openSqliteStore({ file, collections: contractCollections }).close();
    const db = new Database(file, { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
      expect(tables).toEqual(['items', 'people']);
      const indexes = db
        .prepare("SELECT tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        .all() as { tbl_name: string; sql: string }[];
      expect(indexes.map((index) => [index.tbl_name, index.sql.replace(/^.* ON /, '')])).toEqual([
        ['items', `"items" (json_extract(data, '$.n'))`],
        ['people', `"people" (json_extract(data, '$.active'))`],
        ['people', `"people" (json_extract(data, '$.age'))`],
        ['people', `"people" (json_extract(data, '$.county'))`],
        ['people', `"people" (json_extract(data, '$.profile.county'))`],
      ]);
    } finally {
      db.close();
    }
  });

  it('uses the index for an indexed equality query', async () => {
    const file = join(dir, 'store.db');
    openSqliteStore({ file, collections: contractCollections }).close();
    const db = new Database(file, { readonly: true });
    try {
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN SELECT id FROM "people" WHERE json_extract(data, '$.county') = ?`)
        .all('和田县') as { detail: string }[];
      expect(plan.map((row) => row.detail).join(' ')).toContain('people__county');
    } finally {
      db.close();
    }
  });

  it('builds a declared composite index that answers a count and a page\'s ids without reading documents', async () => {
    const file = join(dir, 'store.db');
    const compositeIndexes = { people: [{ name: 'county_1__age_-1', fields: [{ field: 'county', direction: 'asc' as const }, { field: 'age', direction: 'desc' as const }, { field: '_id', direction: 'asc' as const }] }] };
    const store = openSqliteStore({ file, collections: contractCollections, compositeIndexes });
    await store.commit([
      { kind: 'insert', collection: 'people', doc: { _id: 'a', county: '和田县', age: 30 } },
      { kind: 'insert', collection: 'people', doc: { _id: 'b', county: '和田县', age: 50 } },
      { kind: 'insert', collection: 'people', doc: { _id: 'c', county: '于田县', age: 40 } },
    ]);
    const where = [{ field: 'county', op: 'in' as const, values: ['和田县', '策勒县'] }];
    expect(await store.count('people', where)).toBe(2);
    expect((await store.find('people', { where, orderBy: [{ field: 'age', direction: 'desc' }], limit: 1, offset: 1 })).map((d) => d._id)).toEqual(['a']);
    store.close();
    const db = new Database(file, { readonly: true });
    try {
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN SELECT COUNT(*) FROM "people" WHERE json_extract(data, '$.county') IN (?, ?) AND json_type(data, '$.county') = 'text'`)
        .all('和田县', '策勒县') as { detail: string }[];
      expect(plan.map((row) => row.detail).join(' ')).toContain('COVERING INDEX people__county_1__age_-1');
    } finally {
      db.close();
    }
  });

  it('turns on WAL journal mode and a busy timeout', () => {
    const file = join(dir, 'store.db');
    openSqliteStore({ file, collections: contractCollections }).close();
    const db = new Database(file);
    try {
      // WAL is a property of the file, so it is still on for a new connection.
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('keeps data across closing and reopening the file', async () => {
    const file = join(dir, 'store.db');
    const first = openSqliteStore({ file, collections: contractCollections });
    await first.insert('people', { _id: 'p1', name: '阿依古丽', profile: { county: '和田县' } });
    await first.update('people', 'p1', 1, { age: 30 });
    first.close();

    const second = openSqliteStore({ file, collections: contractCollections });
    try {
      expect(await second.get('people', 'p1')).toEqual({
        _id: 'p1',
        name: '阿依古丽',
        profile: { county: '和田县' },
        age: 30,
        _rev: 2,
      });
      expect(await second.count('people', [{ field: 'profile.county', op: 'eq', value: '和田县' }])).toBe(1);
    } finally {
      second.close();
    }
  });

  it('throws for a collection that was not declared', async () => {
    const store = openSqliteStore({ file: join(dir, 'store.db'), collections: contractCollections });
    try {
      await expect(store.get('ghosts', 'x')).rejects.toThrow(/Unknown collection/);
      await expect(store.commit([{ kind: 'insert', collection: 'ghosts', doc: { _id: 'x' } }])).rejects.toThrow(
        /Unknown collection/,
      );
    } finally {
      store.close();
    }
  });

  it.each([['bad name'], ['1people'], ['people"; DROP TABLE x; --']])('refuses to open with collection %j', (name) => {
    expect(() => openSqliteStore({ file: join(dir, 'store.db'), collections: [{ name, indexes: [] }] })).toThrow();
  });

  it('refuses an index on an unsafe field path', () => {
    expect(() =>
      openSqliteStore({ file: join(dir, 'store.db'), collections: [{ name: 'people', indexes: ["a') --"] }] }),
    ).toThrow();
  });

  it('sees writes made through another connection to the same file', async () => {
    const file = join(dir, 'store.db');
    const a = openSqliteStore({ file, collections: contractCollections });
    const b = openSqliteStore({ file, collections: contractCollections });
    try {
      await a.insert('items', { _id: 'i1', n: 1 });
      expect((await b.update('items', 'i1', 1, { n: 2 })).ok).toBe(true);
      expect(await a.update('items', 'i1', 1, { n: 3 })).toEqual({
        ok: false,
        error: { code: 'STORE.CONFLICT', collection: 'items', id: 'i1' },
      });
      expect(await a.get('items', 'i1')).toEqual({ _id: 'i1', n: 2, _rev: 2 });
    } finally {
      a.close();
      b.close();
    }
  });
});
