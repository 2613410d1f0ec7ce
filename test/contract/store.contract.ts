import { DEFAULT_LIMIT } from '../../src/server/ports/store.port';
import type { CollectionSpec, Doc, JsonObject, Store } from '../../src/server/ports/store.port';

/** The collections the contract uses; every adapter under test must provide them. */
export const contractCollections: readonly CollectionSpec[] = [
  { name: 'people', indexes: ['county', 'age', 'active', 'profile.county'] },
  { name: 'items', indexes: ['n'] },
];

type StoreFixture = { store: Store; cleanup(): Promise<void> };

/**
 * The behaviour every Store adapter must share (SQLite locally, the cloud database in production).
 * Call it from an adapter's test file with a factory for a fresh, empty store.
 */
export function storeContract(name: string, makeStore: () => Promise<StoreFixture>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });

    afterEach(async () => {
      await cleanup();
    });

    describe('insert and get', () => {
      it('returns the inserted document with _rev 1 and reads it back unchanged', async () => {
        const inserted = await store.insert('people', aylin());
        expect(inserted).toEqual({ ok: true, value: { ...aylin(), _rev: 1 } });
        expect(await store.get('people', 'p1')).toEqual({ ...aylin(), _rev: 1 });
      });

      it('returns null for an id that was never inserted', async () => {
        expect(await store.get('people', 'missing')).toBeNull();
      });

      it('rejects a second insert with the same id as STORE.DUPLICATE_ID and keeps the first', async () => {
        await store.insert('people', aylin());
        const again = await store.insert('people', { _id: 'p1', name: '别人' });
        expect(again).toEqual({ ok: false, error: { code: 'STORE.DUPLICATE_ID', collection: 'people', id: 'p1' } });
        expect(await store.get('people', 'p1')).toEqual({ ...aylin(), _rev: 1 });
      });

      it('keeps the same id apart in different collections', async () => {
        await store.insert('people', aylin());
        const other = await store.insert('items', { _id: 'p1', n: 1 });
        expect(other.ok).toBe(true);
        expect(await store.get('items', 'p1')).toEqual({ _id: 'p1', n: 1, _rev: 1 });
      });

      it('refuses a document that carries its own _rev', async () => {
        await expect(store.insert('people', { _id: 'p9', _rev: 7 } as JsonObject & { _id: string })).rejects.toThrow();
        expect(await store.get('people', 'p9')).toBeNull();
      });
    });

    describe('update', () => {
      it('replaces the named fields, keeps the others and increments _rev', async () => {
        await store.insert('people', aylin());
        const updated = await store.update('people', 'p1', 1, { age: 31, county: '墨玉县' });
        const expected = { ...aylin(), age: 31, county: '墨玉县', _rev: 2 };
        expect(updated).toEqual({ ok: true, value: expected });
        expect(await store.get('people', 'p1')).toEqual(expected);
      });

      it('returns STORE.CONFLICT for a stale revision and leaves the document as it was', async () => {
        await store.insert('people', aylin());
        await store.update('people', 'p1', 1, { age: 31 });
        const stale = await store.update('people', 'p1', 1, { age: 99, name: '覆盖' });
        expect(stale).toEqual({ ok: false, error: { code: 'STORE.CONFLICT', collection: 'people', id: 'p1' } });
        expect(await store.get('people', 'p1')).toEqual({ ...aylin(), age: 31, _rev: 2 });
      });

      it('returns STORE.CONFLICT for a revision from the future', async () => {
        await store.insert('people', aylin());
        const future = await store.update('people', 'p1', 5, { age: 99 });
        expect(future).toEqual({ ok: false, error: { code: 'STORE.CONFLICT', collection: 'people', id: 'p1' } });
      });

      it('returns STORE.NOT_FOUND for a missing document', async () => {
        const missing = await store.update('people', 'nobody', 1, { age: 1 });
        expect(missing).toEqual({ ok: false, error: { code: 'STORE.NOT_FOUND', collection: 'people', id: 'nobody' } });
        expect(await store.get('people', 'nobody')).toBeNull();
      });

      it('replaces a nested object as a whole instead of merging into it', async () => {
        await store.insert('people', aylin());
        await store.update('people', 'p1', 1, { profile: { county: '洛浦县' } });
        const doc = await store.get('people', 'p1');
        expect(doc?.profile).toEqual({ county: '洛浦县' });
      });

      it('can set a field to null, to an array and to a new field', async () => {
        await store.insert('people', aylin());
        await store.update('people', 'p1', 1, { county: null, titles: ['工程师', '高级工程师'], extra: { a: [1, 2] } });
        expect(await store.get('people', 'p1')).toEqual({
          ...aylin(),
          county: null,
          titles: ['工程师', '高级工程师'],
          extra: { a: [1, 2] },
          _rev: 2,
        });
      });

      it.each([['_id'], ['_rev']])('refuses to set %s', async (field) => {
        await store.insert('people', aylin());
        await expect(store.update('people', 'p1', 1, { [field]: 'x' })).rejects.toThrow();
        expect(await store.get('people', 'p1')).toEqual({ ...aylin(), _rev: 1 });
      });
    });

    describe('find', () => {
      beforeEach(async () => {
        for (const doc of people()) expect((await store.insert('people', doc)).ok).toBe(true);
      });

      const ids = (docs: readonly Doc[]) => docs.map((doc) => doc._id).sort();

      it('returns every document without conditions', async () => {
        expect(ids(await store.find('people'))).toEqual(['a', 'b', 'c', 'd', 'e']);
      });

      it.each<[string, JsonObject & { field: string; op: 'eq'; value: string | number | boolean | null }, string[]]>([
        ['a string', { field: 'county', op: 'eq', value: '和田县' }, ['a', 'c']],
        ['a number', { field: 'age', op: 'eq', value: 41 }, ['c']],
        ['true, not the number 1', { field: 'active', op: 'eq', value: true }, ['a', 'c']],
        ['false, not the number 0', { field: 'active', op: 'eq', value: false }, ['b']],
        ['null, matching null and missing fields', { field: 'note', op: 'eq', value: null }, ['a', 'b', 'd', 'e']],
        ['a dotted path', { field: 'profile.county', op: 'eq', value: '于田县' }, ['b', 'd']],
        ['a missing nested path as null', { field: 'profile.county', op: 'eq', value: null }, ['e']],
        ['a number against a numeric string', { field: 'code', op: 'eq', value: 7 }, ['d']],
        ['a numeric string against a number', { field: 'code', op: 'eq', value: '7' }, ['e']],
        ['the _id', { field: '_id', op: 'eq', value: 'b' }, ['b']],
      ])('filters with eq on %s', async (_label, condition, expected) => {
        expect(ids(await store.find('people', { where: [condition] }))).toEqual(expected);
      });

      it.each<['gt' | 'gte' | 'lt' | 'lte', number, string[]]>([
        ['gt', 35, ['c', 'd']],
        ['gte', 35, ['b', 'c', 'd']],
        ['lt', 35, ['a', 'e']],
        ['lte', 35, ['a', 'b', 'e']],
      ])('filters numbers with %s %d', async (op, value, expected) => {
        expect(ids(await store.find('people', { where: [{ field: 'age', op, value }] }))).toEqual(expected);
      });

      it('compares strings with strings only', async () => {
        const found = await store.find('people', { where: [{ field: 'code', op: 'gte', value: '0' }] });
        expect(ids(found)).toEqual(['e']);
      });

      it('compares dates stored as ISO strings in order', async () => {
        const found = await store.find('people', {
          where: [
            { field: 'joinedAt', op: 'gte', value: '2020-01-01' },
            { field: 'joinedAt', op: 'lt', value: '2023-01-01' },
          ],
        });
        expect(ids(found)).toEqual(['b', 'c']);
      });

      it('combines conditions on different fields with AND', async () => {
        const found = await store.find('people', {
          where: [
            { field: 'county', op: 'eq', value: '和田县' },
            { field: 'age', op: 'gt', value: 30 },
          ],
        });
        expect(ids(found)).toEqual(['c']);
      });

      it('filters with in over mixed values, each matching only its own type', async () => {
        const found = await store.find('people', { where: [{ field: 'active', op: 'in', values: [false, 1, '和田县'] }] });
        expect(ids(found)).toEqual(['b', 'd']);
        const withNull = await store.find('people', { where: [{ field: 'code', op: 'in', values: [null, 7] }] });
        expect(ids(withNull)).toEqual(['a', 'b', 'c', 'd']);
      });

      it('filters with in over values of one type, each matching only that type', async () => {
        const booleans = await store.find('people', { where: [{ field: 'active', op: 'in', values: [true, false] }] });
        const numbers = await store.find('people', { where: [{ field: 'active', op: 'in', values: [0, 1] }] });
        const strings = await store.find('people', { where: [{ field: 'county', op: 'in', values: ['和田县', '于田县'] }] });
        expect(ids(booleans)).toEqual(ids(await store.find('people', { where: [{ field: 'active', op: 'eq', value: true }] })).concat(ids(await store.find('people', { where: [{ field: 'active', op: 'eq', value: false }] }))).sort());
        expect(ids(numbers)).toEqual(ids(await store.find('people', { where: [{ field: 'active', op: 'eq', value: 1 }] })).concat(ids(await store.find('people', { where: [{ field: 'active', op: 'eq', value: 0 }] }))).sort());
        expect(ids(numbers).filter((id) => ids(booleans).includes(id))).toEqual([]);
        expect(ids(strings).length).toBeGreaterThan(0);
      });

      it('matches nothing with an empty in', async () => {
        expect(await store.find('people', { where: [{ field: 'county', op: 'in', values: [] }] })).toEqual([]);
      });

      it('filters _id with in', async () => {
        const found = await store.find('people', { where: [{ field: '_id', op: 'in', values: ['a', 'e', 'zzz'] }] });
        expect(ids(found)).toEqual(['a', 'e']);
      });

      it('sorts ascending and descending on several fields', async () => {
        const found = await store.find('people', {
          orderBy: [
            { field: 'county', direction: 'asc' },
            { field: 'age', direction: 'desc' },
          ],
        });
        expect(found.map((doc) => doc._id)).toEqual(['b', 'c', 'a', 'e', 'd']);
        const reversed = await store.find('people', {
          orderBy: [
            { field: 'county', direction: 'desc' },
            { field: 'age', direction: 'asc' },
          ],
        });
        expect(reversed.map((doc) => doc._id)).toEqual(['d', 'e', 'a', 'c', 'b']);
      });

      it('sorts on a dotted path', async () => {
        const found = await store.find('people', {
          where: [{ field: 'profile.county', op: 'in', values: ['于田县', '策勒县'] }],
          orderBy: [{ field: 'profile.county', direction: 'asc' }, { field: 'age', direction: 'asc' }],
        });
        expect(found.map((doc) => doc._id)).toEqual(['b', 'd', 'a', 'c']);
      });

      it('applies limit and offset after sorting', async () => {
        const found = await store.find('people', { orderBy: [{ field: 'age', direction: 'asc' }], limit: 2, offset: 1 });
        expect(found.map((doc) => doc._id)).toEqual(['a', 'b']);
      });

      it.each([['a;DROP TABLE people'], ['$where'], ['a..b'], ["x')--"], ['1abc']])(
        'rejects the field path %j',
        async (field) => {
          await expect(store.find('people', { where: [{ field, op: 'eq', value: 1 }] })).rejects.toThrow();
          await expect(store.find('people', { orderBy: [{ field, direction: 'asc' }] })).rejects.toThrow();
        },
      );

      it('rejects a negative offset and a zero limit', async () => {
        await expect(store.find('people', { offset: -1 })).rejects.toThrow();
        await expect(store.find('people', { limit: 0 })).rejects.toThrow();
      });
    });

    describe('pages and counts', () => {
      it('pages through every document exactly once, even when sort keys repeat', async () => {
        await insertItems(store, 23);
        const seen: string[] = [];
        for (let offset = 0; offset < 30; offset += 5) {
          const page = await store.find('items', { orderBy: [{ field: 'group', direction: 'asc' }], limit: 5, offset });
          expect(page.length).toBe(Math.max(0, Math.min(5, 23 - offset)));
          seen.push(...page.map((doc) => doc._id));
        }
        expect(seen).toHaveLength(23);
        expect(new Set(seen).size).toBe(23);
        const groups = await Promise.all(seen.map(async (id) => (await store.get('items', id))?.group as number));
        expect(groups).toEqual([...groups].sort((a, b) => a - b));
      });

      it(`returns ${DEFAULT_LIMIT} documents by default when 150 exist, and all of them when asked`, async () => {
        await insertItems(store, 150);
        expect(await store.find('items')).toHaveLength(DEFAULT_LIMIT);
        expect(await store.find('items', { limit: 150 })).toHaveLength(150);
        expect(await store.find('items', { offset: 140 })).toHaveLength(10);
        expect(await store.count('items')).toBe(150);
      });

      it('rejects a limit above 1000', async () => {
        await expect(store.find('items', { limit: 1001 })).rejects.toThrow();
      });

      it('counts with conditions', async () => {
        await insertItems(store, 30);
        expect(await store.count('items', [{ field: 'n', op: 'lt', value: 10 }])).toBe(10);
        expect(
          await store.count('items', [
            { field: 'group', op: 'eq', value: 2 },
            { field: 'n', op: 'gte', value: 10 },
          ]),
        ).toBe(5);
        expect(await store.count('items', [{ field: 'n', op: 'gt', value: 1000 }])).toBe(0);
        expect(await store.count('items', [])).toBe(30);
      });
    });

    describe('commit', () => {
      it('applies inserts, updates and deletes together', async () => {
        await store.insert('people', aylin());
        await store.insert('items', { _id: 'i1', n: 1 });
        await store.insert('items', { _id: 'i2', n: 2 });
        const committed = await store.commit([
          { kind: 'insert', collection: 'items', doc: { _id: 'i3', n: 3 } },
          { kind: 'update', collection: 'people', id: 'p1', rev: 1, set: { age: 31 } },
          { kind: 'delete', collection: 'items', id: 'i1', rev: 1 },
          { kind: 'update', collection: 'items', id: 'i2', rev: 1, set: { n: 20 } },
        ]);
        expect(committed).toEqual({ ok: true, value: undefined });
        expect(await store.get('items', 'i1')).toBeNull();
        expect(await store.get('items', 'i2')).toEqual({ _id: 'i2', n: 20, _rev: 2 });
        expect(await store.get('items', 'i3')).toEqual({ _id: 'i3', n: 3, _rev: 1 });
        expect(await store.get('people', 'p1')).toEqual({ ...aylin(), age: 31, _rev: 2 });
      });

      it('lets a later write in the batch build on an earlier one', async () => {
        const committed = await store.commit([
          { kind: 'insert', collection: 'items', doc: { _id: 'i1', n: 1, meta: { a: 1 } } },
          { kind: 'update', collection: 'items', id: 'i1', rev: 1, set: { n: 2 } },
          { kind: 'update', collection: 'items', id: 'i1', rev: 2, set: { meta: { b: 2 } } },
        ]);
        expect(committed.ok).toBe(true);
        expect(await store.get('items', 'i1')).toEqual({ _id: 'i1', n: 2, meta: { b: 2 }, _rev: 3 });
      });

      it('leaves every document untouched when one revision is stale', async () => {
        await store.insert('people', aylin());
        await store.insert('items', { _id: 'i1', n: 1 });
        await store.insert('items', { _id: 'i2', n: 2 });
        await store.update('items', 'i2', 1, { n: 22 });
        const before = await snapshot(store);
        const committed = await store.commit([
          { kind: 'insert', collection: 'items', doc: { _id: 'i3', n: 3 } },
          { kind: 'update', collection: 'people', id: 'p1', rev: 1, set: { age: 31 } },
          { kind: 'delete', collection: 'items', id: 'i1', rev: 1 },
          { kind: 'update', collection: 'items', id: 'i2', rev: 1, set: { n: 99 } },
        ]);
        expect(committed).toEqual({ ok: false, error: { code: 'STORE.CONFLICT', collection: 'items', id: 'i2' } });
        expect(await snapshot(store)).toEqual(before);
        expect(await store.get('items', 'i3')).toBeNull();
      });

      it('returns the first failure: a duplicate insert, with nothing kept', async () => {
        await store.insert('items', { _id: 'i1', n: 1 });
        const committed = await store.commit([
          { kind: 'update', collection: 'items', id: 'i1', rev: 1, set: { n: 5 } },
          { kind: 'insert', collection: 'items', doc: { _id: 'i1', n: 9 } },
          { kind: 'delete', collection: 'items', id: 'nope', rev: 1 },
        ]);
        expect(committed).toEqual({ ok: false, error: { code: 'STORE.DUPLICATE_ID', collection: 'items', id: 'i1' } });
        expect(await store.get('items', 'i1')).toEqual({ _id: 'i1', n: 1, _rev: 1 });
      });

      it('returns STORE.NOT_FOUND for deleting or updating a missing document', async () => {
        await store.insert('items', { _id: 'i1', n: 1 });
        expect(await store.commit([{ kind: 'delete', collection: 'items', id: 'gone', rev: 1 }])).toEqual({
          ok: false,
          error: { code: 'STORE.NOT_FOUND', collection: 'items', id: 'gone' },
        });
        expect(
          await store.commit([
            { kind: 'insert', collection: 'items', doc: { _id: 'i2', n: 2 } },
            { kind: 'update', collection: 'items', id: 'gone', rev: 1, set: { n: 1 } },
          ]),
        ).toEqual({ ok: false, error: { code: 'STORE.NOT_FOUND', collection: 'items', id: 'gone' } });
        expect(await store.get('items', 'i2')).toBeNull();
      });

      it('returns STORE.CONFLICT for deleting with a stale revision', async () => {
        await store.insert('items', { _id: 'i1', n: 1 });
        await store.update('items', 'i1', 1, { n: 2 });
        expect(await store.commit([{ kind: 'delete', collection: 'items', id: 'i1', rev: 1 }])).toEqual({
          ok: false,
          error: { code: 'STORE.CONFLICT', collection: 'items', id: 'i1' },
        });
        expect(await store.get('items', 'i1')).toEqual({ _id: 'i1', n: 2, _rev: 2 });
      });

      it('accepts an empty batch', async () => {
        expect(await store.commit([])).toEqual({ ok: true, value: undefined });
      });
    });

    describe('isolation of returned values', () => {
      it('never lets a caller change stored data by mutating what it got or gave', async () => {
        const input = aylin();
        const inserted = await store.insert('people', input);
        mutate(input);
        if (inserted.ok) mutate(inserted.value);
        const got = await store.get('people', 'p1');
        if (got) mutate(got);
        const [found] = await store.find('people');
        if (found) mutate(found);
        const updated = await store.update('people', 'p1', 1, { profile: { county: '皮山县', tags: ['x'] } });
        if (updated.ok) mutate(updated.value);
        expect(await store.get('people', 'p1')).toEqual({
          ...aylin(),
          profile: { county: '皮山县', tags: ['x'] },
          _rev: 2,
        });
      });
    });

    it('rejects a collection name that is not a plain identifier', async () => {
      await expect(store.get('people; DROP TABLE people', 'x')).rejects.toThrow();
      await expect(store.find('../people')).rejects.toThrow();
    });
  });
}

function aylin(): JsonObject & { _id: string } {
  return {
    _id: 'p1',
    name: '阿依古丽',
    age: 30,
    county: '和田县',
    active: true,
    profile: { county: '策勒县', tags: ['中级', '教师'] },
  };
}

/** Five people chosen so each condition in the table selects a distinct set. */
function people(): (JsonObject & { _id: string })[] {
  return [
    { _id: 'a', county: '和田县', age: 30, active: true, profile: { county: '策勒县' }, joinedAt: '2019-06-01' },
    { _id: 'b', county: '于田县', age: 35, active: false, profile: { county: '于田县' }, joinedAt: '2020-03-15', note: null },
    { _id: 'c', county: '和田县', age: 41, active: true, profile: { county: '策勒县' }, joinedAt: '2022-12-31', note: '退休返聘' },
    { _id: 'd', county: '洛浦县', age: 52, active: 1, profile: { county: '于田县' }, joinedAt: '2023-01-01', code: 7 },
    { _id: 'e', county: '墨玉县', age: 23, active: 0, profile: '未填写', joinedAt: '2018-09-09', code: '7' },
  ];
}

async function insertItems(store: Store, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const inserted = await store.insert('items', { _id: `item-${String(i).padStart(4, '0')}`, n: i, group: i % 4 });
    expect(inserted.ok).toBe(true);
  }
}

async function snapshot(store: Store): Promise<unknown> {
  return {
    people: await store.find('people', { orderBy: [{ field: '_id', direction: 'asc' }] }),
    items: await store.find('items', { orderBy: [{ field: '_id', direction: 'asc' }] }),
  };
}

/** Mutates a returned document in place the ways a careless caller might. */
function mutate(doc: Record<string, unknown>): void {
  doc.name = '被改了';
  doc.age = -1;
  const profile = doc.profile as { county?: string; tags?: string[] } | undefined;
  if (profile && typeof profile === 'object') {
    profile.county = '被改了';
    profile.tags?.push('被改了');
  }
}
