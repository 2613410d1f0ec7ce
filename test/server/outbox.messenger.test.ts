import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/server/adapters/local/sqlite.store';
import { outboxCollection, outboxMessenger } from '../../src/server/adapters/local/outbox.messenger';
import type { SubscriptionMessage } from '../../src/server/ports/messenger.port';
import type { Store } from '../../src/server/ports/store.port';

describe('outboxMessenger', () => {
  let dir: string;
  let store: Store & { close(): void };
  let now: number;
  const clock = { now: () => new Date(now) };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    store = openSqliteStore({ file: join(dir, 'store.db'), collections: [outboxCollection] });
    now = Date.parse('2025-03-01T02:00:00Z');
  });

  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function messenger() {
    let next = 0;
    return outboxMessenger(store, clock, { newId: () => `msg-${++next}` });
  }

  it('records a sent message in the outbox collection', async () => {
    const result = await messenger().send(reviewNotice());
    expect(result).toEqual({ ok: true, value: undefined });
    expect(await store.get('outbox', 'msg-1')).toEqual({
      _id: 'msg-1',
      _rev: 1,
      toOpenid: 'oAbc123_openid-000000000000',
      templateId: 'tmpl-review',
      page: 'pages/review/index?id=r1',
      data: { thing1: '职称评审材料', phrase2: '已通过' },
      sentAt: '2025-03-01T02:00:00.000Z',
    });
  });

  it('lists the most recent entries first, up to the limit', async () => {
    const outbox = messenger();
    for (const minute of [0, 1, 2]) {
      now = Date.parse(`2025-03-01T02:0${minute}:00Z`);
      await outbox.send({ ...reviewNotice(), data: { thing1: `第${minute}条`, phrase2: '已通过' } });
    }
    expect((await outbox.list()).map((entry) => entry.data.thing1)).toEqual(['第2条', '第1条', '第0条']);
    expect((await outbox.list(2)).map((entry) => entry._id)).toEqual(['msg-3', 'msg-2']);
  });

  it('rejects a keyword value WeChat would reject, naming the keyword, and records nothing', async () => {
    const outbox = messenger();
    const result = await outbox.send({ ...reviewNotice(), data: { thing1: '评'.repeat(21), phrase2: '已通过' } });
    expect(result).toEqual({
      ok: false,
      error: { code: 'MESSAGE.INVALID_VALUE', cause: expect.stringContaining('thing1') },
    });
    expect(await store.count('outbox')).toBe(0);
  });

  it('names every bad keyword in the cause', async () => {
    const result = await messenger().send({ ...reviewNotice(), data: { thing1: '', phrase2: '通过了审核啦', date3: '明天' } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.cause).toContain('thing1');
      expect(result.error.cause).toContain('phrase2');
      expect(result.error.cause).toContain('date3');
    }
  });

  it.each([[''], ['has space'], ['换行\n']])('rejects the openid %j as MESSAGE.BAD_OPENID', async (toOpenid) => {
    const result = await messenger().send({ ...reviewNotice(), toOpenid });
    expect(result).toEqual({ ok: false, error: { code: 'MESSAGE.BAD_OPENID', cause: expect.any(String) } });
    expect(await store.count('outbox')).toBe(0);
  });

  it('rejects an empty template id as MESSAGE.BAD_TEMPLATE', async () => {
    const result = await messenger().send({ ...reviewNotice(), templateId: ' ' });
    expect(result).toEqual({ ok: false, error: { code: 'MESSAGE.BAD_TEMPLATE', cause: expect.any(String) } });
  });

  it('keeps its own copy of the data', async () => {
    const data: Record<string, string> = { thing1: '职称评审材料', phrase2: '已通过' };
    await messenger().send({ ...reviewNotice(), data });
    data.thing1 = '改过了';
    expect((await store.get('outbox', 'msg-1'))?.data).toEqual({ thing1: '职称评审材料', phrase2: '已通过' });
  });

  it('declares the outbox collection with its query fields indexed', () => {
    expect(outboxCollection).toEqual({ name: 'outbox', indexes: ['toOpenid', 'sentAt'] });
  });
});

function reviewNotice(): SubscriptionMessage {
  return {
    toOpenid: 'oAbc123_openid-000000000000',
    templateId: 'tmpl-review',
    page: 'pages/review/index?id=r1',
    data: { thing1: '职称评审材料', phrase2: '已通过' },
  };
}
