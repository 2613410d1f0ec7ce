import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/server/adapters/local/sqlite.store';
import { recordingMessenger, sentMessagesCollection } from '../../src/server/adapters/local/recording.messenger';
import type { Store } from '../../src/server/ports/store.port';
import { reviewNotice } from '../contract/messenger.contract';

/** What only the local messenger does; what every messenger does is in test/contract/messenger.contract.ts. */
describe('recordingMessenger', () => {
  let dir: string;
  let store: Store & { close(): void };
  let now: number;
  const clock = { now: () => new Date(now) };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'recording-'));
    store = openSqliteStore({ file: join(dir, 'store.db'), collections: [sentMessagesCollection] });
    now = Date.parse('2025-03-01T02:00:00Z');
  });

  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function messenger() {
    let next = 0;
    return recordingMessenger(store, clock, { newId: () => `msg-${++next}` });
  }

  it('records a sent message, with the time it was sent, in the sentMessages collection', async () => {
    expect(await messenger().send(reviewNotice())).toEqual({ ok: true, value: undefined });
    expect(await store.get('sentMessages', 'msg-1')).toEqual({
      _id: 'msg-1',
      _rev: 1,
      ...reviewNotice(),
      sentAt: '2025-03-01T02:00:00.000Z',
    });
  });

  it('lists the most recent messages first, up to the limit', async () => {
    const recording = messenger();
    for (const minute of [0, 1, 2]) {
      now = Date.parse(`2025-03-01T02:0${minute}:00Z`);
      await recording.send({ ...reviewNotice(), data: { thing1: `第${minute}条`, phrase2: '已通过' } });
    }
    expect((await recording.list()).map((entry) => entry.data.thing1)).toEqual(['第2条', '第1条', '第0条']);
    expect((await recording.list(2)).map((entry) => entry._id)).toEqual(['msg-3', 'msg-2']);
  });

  it('records nothing for a refused message', async () => {
    await messenger().send({ ...reviewNotice(), toOpenid: '' });
    expect(await store.count('sentMessages')).toBe(0);
  });

  it('declares its collection with the query fields indexed', () => {
    expect(sentMessagesCollection).toEqual({ name: 'sentMessages', indexes: ['toOpenid', 'sentAt'] });
  });
});
