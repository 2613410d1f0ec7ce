import { cloudStore } from '../../src/server/adapters/cloud/cloud.store';
import type { WxCloud, WxDatabase, WxTransaction } from '../../src/server/adapters/cloud/wx.types';
import { createFakeWxCloud, FakeSdkError } from '../fakes/wx-server-sdk.fake';
import type { FakeWxCloud } from '../fakes/wx-server-sdk.fake';
import { contractCollections, storeContract } from './store.contract';

function fakeWithCollections(): FakeWxCloud {
  const fake = createFakeWxCloud();
  for (const { name } of contractCollections) fake.createCollection(name);
  return fake;
}

storeContract('cloud (fake wx-server-sdk)', async () => ({
  store: cloudStore(fakeWithCollections()),
  cleanup: async () => {},
}));

describe('cloudStore', () => {
  it('keeps the revision in a `_rev` field of the stored document', async () => {
    const fake = fakeWithCollections();
    const store = cloudStore(fake);
    await store.insert('items', { _id: 'i1', n: 1, meta: { a: 1, b: 2 } });
    await store.update('items', 'i1', 1, { meta: { c: 3 } });
    expect(fake.rawDocuments('items')).toEqual([{ _id: 'i1', n: 1, meta: { c: 3 }, _rev: 2 }]);
  });

  it('returns STORE.CONFLICT when another writer gets in between the read and the update', async () => {
    const fake = fakeWithCollections();
    const store = cloudStore(interleaved(fake, () => fake.putRaw('items', { _id: 'i1', n: 50, _rev: 2 })));
    await cloudStore(fake).insert('items', { _id: 'i1', n: 1 });
    const result = await store.update('items', 'i1', 1, { n: 2 });
    expect(result).toEqual({ ok: false, error: { code: 'STORE.CONFLICT', collection: 'items', id: 'i1' } });
    expect(fake.rawDocuments('items')).toEqual([{ _id: 'i1', n: 50, _rev: 2 }]);
  });

  it('returns STORE.NOT_FOUND when the document is deleted between the read and the update', async () => {
    const fake = fakeWithCollections();
    const db = fake.database();
    const store = cloudStore(interleaved(fake, () => void db.collection('items').doc('i1').remove()));
    await cloudStore(fake).insert('items', { _id: 'i1', n: 1 });
    expect(await store.update('items', 'i1', 1, { n: 2 })).toEqual({
      ok: false,
      error: { code: 'STORE.NOT_FOUND', collection: 'items', id: 'i1' },
    });
  });

  it('rethrows an add failure when the document does not exist (not a duplicate)', async () => {
    const fake = fakeWithCollections();
    fake.failNext('add', new FakeSdkError(-501001, 'collection.add:fail system error'));
    await expect(cloudStore(fake).insert('items', { _id: 'i1', n: 1 })).rejects.toThrow(/system error/);
    expect(fake.rawDocuments('items')).toEqual([]);
  });

  it('rethrows a transaction that fails for a reason other than a store error', async () => {
    const fake = fakeWithCollections();
    fake.failNext('runTransaction', new FakeSdkError(-501002, 'server timeout'));
    await expect(
      cloudStore(fake).commit([{ kind: 'insert', collection: 'items', doc: { _id: 'i1', n: 1 } }]),
    ).rejects.toThrow(/server timeout/);
  });

  it('re-runs a commit the platform retried after a write conflict and reports the new state', async () => {
    const fake = fakeWithCollections();
    const store = cloudStore(fake);
    await store.insert('items', { _id: 'i1', n: 1 });
    let interfered = false;
    const racing = withTransactionHook(fake, () => {
      if (interfered) return;
      interfered = true;
      fake.putRaw('items', { _id: 'i1', n: 7, _rev: 2 });
    });
    const result = await cloudStore(racing).commit([
      { kind: 'update', collection: 'items', id: 'i1', rev: 1, set: { n: 2 } },
    ]);
    expect(result).toEqual({ ok: false, error: { code: 'STORE.CONFLICT', collection: 'items', id: 'i1' } });
    expect(fake.rawDocuments('items')).toEqual([{ _id: 'i1', n: 7, _rev: 2 }]);
  });

  it('throws for a document written without a `_rev`', async () => {
    const fake = fakeWithCollections();
    fake.putRaw('items', { _id: 'raw', n: 1 });
    await expect(cloudStore(fake).get('items', 'raw')).rejects.toThrow(/_rev/);
  });

  it('fails like the platform for a collection that was never created', async () => {
    const store = cloudStore(createFakeWxCloud());
    await expect(store.find('items')).rejects.toThrow(/collection not exists/);
  });
});

/** A cloud whose conditional `where(...).update` first runs `interfere`, as a concurrent writer would. */
function interleaved(fake: FakeWxCloud, interfere: () => void): WxCloud {
  return withDatabase(fake, (db) => ({
    command: db.command,
    runTransaction: (callback, retries) => db.runTransaction(callback, retries),
    collection: (name) => {
      const collection = db.collection(name);
      return Object.assign(Object.create(collection) as typeof collection, {
        where: (condition: Parameters<typeof collection.where>[0]) => {
          const query = collection.where(condition);
          return Object.assign(Object.create(query) as typeof query, {
            update: async (options: Parameters<typeof query.update>[0]) => {
              interfere();
              return query.update(options);
            },
          });
        },
      });
    },
  }));
}

/** A cloud whose transactions call `hook` after their first document read. */
function withTransactionHook(fake: FakeWxCloud, hook: () => void): WxCloud {
  return withDatabase(fake, (db) => ({
    command: db.command,
    collection: (name) => db.collection(name),
    runTransaction: (callback, retries) =>
      db.runTransaction(
        (tx) =>
          callback({
            rollback: (reason) => tx.rollback(reason),
            collection: (name) => ({
              doc: (id) => {
                const ref = tx.collection(name).doc(id);
                return Object.assign(Object.create(ref) as typeof ref, {
                  get: async () => {
                    const read = await ref.get();
                    hook();
                    return read;
                  },
                });
              },
            }),
          } satisfies WxTransaction),
        retries,
      ),
  }));
}

function withDatabase(fake: FakeWxCloud, wrap: (db: WxDatabase) => WxDatabase): WxCloud {
  return Object.assign(Object.create(fake) as FakeWxCloud, {
    database: (options?: Parameters<WxCloud['database']>[0]) => wrap(fake.database(options)),
  });
}
