import { createFakeWxCloud, FakeWxCloud } from './wx-server-sdk.fake';

/** The fake is only useful while it behaves like the platform; these pin the modelled behaviours. */
describe('FakeWxCloud', () => {
  function seeded(count: number) {
    const fake = createFakeWxCloud();
    fake.createCollection('c');
    for (let i = 0; i < count; i++) fake.putRaw('c', { _id: `d${String(i).padStart(4, '0')}`, n: i });
    return fake;
  }

  it('refuses every cloud API before init', () => {
    const fake = new FakeWxCloud();
    expect(() => fake.database()).toThrow(/init/);
    expect(fake.getWXContext()).toEqual({});
  });

  it('rejects doc().get() for a missing document unless throwOnNotFound is false', async () => {
    const fake = seeded(1);
    await expect(fake.database().collection('c').doc('nope').get()).rejects.toThrow(/does not exist/);
    await expect(fake.database({ throwOnNotFound: false }).collection('c').doc('nope').get()).resolves.toEqual({ data: null });
  });

  it('returns 100 documents by default and caps limit at 1000', async () => {
    const fake = seeded(1200);
    const c = fake.database().collection('c');
    expect((await c.get()).data).toHaveLength(100);
    expect((await c.limit(5000).get()).data).toHaveLength(1000);
    expect((await c.count()).total).toBe(1200);
  });

  it('merges nested objects in update data unless wrapped in command.set, and removes with command.remove', async () => {
    const fake = createFakeWxCloud();
    fake.createCollection('c');
    fake.putRaw('c', { _id: 'a', o: { x: 1, y: 2 }, gone: true });
    fake.putRaw('c', { _id: 'b', o: { x: 1, y: 2 } });
    const db = fake.database();
    await db.collection('c').doc('a').update({ data: { o: { x: 9 }, gone: db.command.remove() } });
    await db.collection('c').doc('b').update({ data: { o: db.command.set({ x: 9 }) } });
    expect(fake.rawDocuments('c')).toEqual([
      { _id: 'a', o: { x: 9, y: 2 } },
      { _id: 'b', o: { x: 9 } },
    ]);
  });

  it('counts only changed documents in where().update stats', async () => {
    const fake = seeded(3);
    const db = fake.database();
    const { stats } = await db.collection('c').where({ n: db.command.lt(2) }).update({ data: { n: 1 } });
    expect(stats.updated).toBe(1);
  });

  it('refuses add() with an existing _id and set() with _id in data', async () => {
    const fake = seeded(1);
    const c = fake.database().collection('c');
    await expect(c.add({ data: { _id: 'd0000', n: 5 } })).rejects.toThrow(/duplicate/);
    await expect(c.doc('d0000').set({ data: { _id: 'd0000' } })).rejects.toThrow();
    expect(fake.rawDocuments('c')).toEqual([{ _id: 'd0000', n: 0 }]);
  });

  it('applies a transaction all or nothing and rejects with the rollback reason', async () => {
    const fake = seeded(2);
    const db = fake.database();
    const reason = { code: 'WHY' };
    await expect(
      db.runTransaction(async (tx) => {
        await tx.collection('c').doc('d0000').remove();
        await tx.collection('c').doc('new').set({ data: { n: 9 } });
        await tx.rollback(reason);
      }),
    ).rejects.toBe(reason);
    expect(fake.rawDocuments('c').map((doc) => doc._id)).toEqual(['d0000', 'd0001']);
    await db.runTransaction(async (tx) => {
      await tx.collection('c').doc('d0000').remove();
      await tx.collection('c').doc('new').set({ data: { n: 9 } });
    });
    expect(fake.rawDocuments('c').map((doc) => doc._id)).toEqual(['d0001', 'new']);
  });

  it('matches null against missing fields and compares only values of the same type', async () => {
    const fake = createFakeWxCloud();
    fake.createCollection('c');
    fake.putRaw('c', { _id: 'a', v: 5 });
    fake.putRaw('c', { _id: 'b', v: '5' });
    fake.putRaw('c', { _id: 'c' });
    const db = fake.database();
    const _ = db.command;
    const ids = async (cond: Record<string, unknown>) => (await db.collection('c').where(cond).get()).data.map((d) => d._id);
    expect(await ids({ v: _.eq(null) })).toEqual(['c']);
    expect(await ids({ v: _.gte(0) })).toEqual(['a']);
    expect(await ids({ v: _.in([null, '5']) })).toEqual(['b', 'c']);
  });

  it('reports missing files as statuses, and rejects downloading one', async () => {
    const fake = createFakeWxCloud();
    const { fileID } = await fake.uploadFile({ cloudPath: 'a/b.jpg', fileContent: Buffer.from([1, 2]) });
    const urls = await fake.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }, { fileID: 'cloud://x/none', maxAge: 60 }] });
    expect(urls.fileList.map((entry) => entry.status)).toEqual([0, -503003]);
    await expect(fake.downloadFile({ fileID: 'cloud://x/none' })).rejects.toThrow(/not exist/);
    expect((await fake.deleteFile({ fileList: [fileID, fileID] })).fileList.map((entry) => entry.status)).toEqual([0, -503003]);
  });
});
