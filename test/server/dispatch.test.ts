import { accountContract } from '../../src/core/contracts/functions/account.contract';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appError } from '../../src/core/errors';
import { err, ok } from '../../src/core/result';
import { openSqliteStore } from '../../src/server/adapters/local/sqlite.store';
import { allCollections } from '../../src/server/collections';
import { deliverOutbox, type OutboxDraft } from '../../src/server/outbox';
import { dispatch } from '../../src/server/dispatch';
import { defineFunction, type Deps } from '../../src/server/function';
import { accountFunction } from '../../src/server/functions/account.function';
import type { Messenger, SubscriptionMessage } from '../../src/server/ports/messenger.port';

describe('dispatch', () => {
  let dir: string;
  let store: ReturnType<typeof openSqliteStore>;
  let sent: SubscriptionMessage[];
  let logged: string[];
  let deps: Deps;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dispatch-'));
    store = openSqliteStore({ file: path.join(dir, 'store.sqlite'), collections: allCollections });
    sent = [];
    logged = [];
    const messenger: Messenger = { send: async (m) => (sent.push(m), ok(undefined)) };
    deps = {
      store,
      files: { put: jest.fn(), get: jest.fn(), url: jest.fn(), delete: jest.fn(), refOf: jest.fn() },
      codes: { unlimited: jest.fn() },
      templates: { read: async () => null },
      ocr: { read: async () => [] },
      subscriptions: { ids: {}, longTerm: false },
      messenger,
      clock: { now: () => new Date('2024-08-30T10:00:00Z') },
      log: { error: (m) => logged.push(m), warn: (m) => logged.push(m) },
    };
    await store.insert('units', { _id: 'u1', name: '尉犁县农业技术推广中心', level: 'county', prefecture: '巴州', county: '尉犁县', kind: 'institution' });
    await store.insert('people', anApplicant());
    await store.insert('people', { ...anApplicant(), _id: 'p2', openid: 'openid-expert', name: '刘文博', role: 'expert', unitId: null });
  });

  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const asApplicant = { openid: 'openid-applicant' };
  const registry = { account: accountFunction };

  it('answers the caller identified by the platform', async () => {
    const outcome = await dispatch(registry, 'account', { action: 'me', payload: {} }, asApplicant, deps);
    expect(outcome.status).toBe(200);
    expect(outcome.reply).toEqual({
      ok: true,
      data: expect.objectContaining({ personId: 'p1', name: '李娜', roleLabel: '申报人', unitName: '尉犁县农业技术推广中心' }),
    });
  });

  it('never trusts an identity written into the event', async () => {
    const event = { action: 'me', payload: {}, userInfo: { openId: 'openid-expert' } };
    const outcome = await dispatch(registry, 'account', event, asApplicant, deps);
    expect(outcome.reply).toMatchObject({ ok: true, data: { personId: 'p1' } });
  });

  it.each([
    ['a string', 'me'],
    ['null', null],
    ['no action', { payload: {} }],
    ['a numeric action', { action: 7 }],
  ])('rejects a malformed envelope (%s) with 400 and a Chinese message', async (_label, envelope) => {
    const outcome = await dispatch(registry, 'account', envelope, asApplicant, deps);
    expect(outcome.status).toBe(400);
    expect(outcome.reply).toMatchObject({ ok: false, code: 'REQUEST.MALFORMED', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
  });

  it('rejects an unknown function and an unknown action', async () => {
    expect((await dispatch(registry, 'nope', { action: 'me' }, asApplicant, deps)).reply).toMatchObject({ code: 'REQUEST.UNKNOWN_FUNCTION' });
    expect((await dispatch(registry, 'toString', { action: 'me' }, asApplicant, deps)).reply).toMatchObject({ code: 'REQUEST.UNKNOWN_FUNCTION' });
    const unknownAction = await dispatch(registry, 'account', { action: 'hasOwnProperty' }, asApplicant, deps);
    expect(unknownAction.status).toBe(400);
    expect(unknownAction.reply).toMatchObject({ code: 'REQUEST.UNKNOWN_ACTION' });
  });

  it('rejects a payload that fails its schema, naming the field in Chinese', async () => {
    const outcome = await dispatch(registry, 'account', { action: 'me', payload: { extra: 1 } }, asApplicant, deps);
    expect(outcome.status).toBe(400);
    expect(outcome.reply).toMatchObject({ ok: false, code: 'REQUEST.INVALID_PAYLOAD', details: [expect.stringContaining('extra')] });
  });

  it('refuses a caller who is not signed in, unknown, or in the wrong role', async () => {
    expect((await dispatch(registry, 'account', { action: 'me' }, { openid: null }, deps))).toMatchObject({ status: 401, reply: { code: 'AUTH.NOT_SIGNED_IN' } });
    expect((await dispatch(registry, 'account', { action: 'me' }, { openid: 'stranger' }, deps))).toMatchObject({ status: 403, reply: { code: 'AUTH.UNKNOWN_PERSON' } });
    const expertsOnly = { account: defineFunction('account', accountContract, { register: accountFunction.actions.register, me: { roles: ['expert'], handle: accountFunction.actions.me.handle } }) };
    expect(await dispatch(expertsOnly, 'account', { action: 'me' }, asApplicant, deps)).toMatchObject({ status: 403, reply: { code: 'AUTH.FORBIDDEN' } });
  });

  it('lets an OPENID with no person register once, as an applicant, and nothing else', async () => {
    const stranger = { openid: 'stranger' };
    const payload = { name: '热合曼', prefecture: '巴音郭楞蒙古自治州', county: '尉犁县' };
    expect((await dispatch(registry, 'account', { action: 'register', payload: { ...payload, county: '阿克苏市' } }, stranger, deps)).reply).toMatchObject({ ok: false, message: '所在县（市）不在这个地（州），请重新选择。' });
    const registered = await dispatch(registry, 'account', { action: 'register', payload }, stranger, deps);
    expect(registered.reply).toMatchObject({ ok: true, data: { name: '热合曼', role: 'applicant', unitName: null, prefecture: '巴音郭楞蒙古自治州' } });
    expect((await dispatch(registry, 'account', { action: 'me' }, stranger, deps)).reply).toMatchObject({ ok: true, data: { name: '热合曼' } });
    expect((await dispatch(registry, 'account', { action: 'register', payload }, stranger, deps)).reply).toMatchObject({ ok: false, message: '您已经登记过了，不用再登记。' });
    // A role the payload names is not accepted: the contract has no such field.
    expect((await dispatch(registry, 'account', { action: 'register', payload: { ...payload, role: 'prefecture_hr' } }, { openid: 'another' }, deps)).reply).toMatchObject({ code: 'REQUEST.INVALID_PAYLOAD' });
  });

  describe('writes', () => {
    const message: OutboxDraft = { dedupeKey: 'app-1#1', personId: 'p1', applicationId: 'app-1', kind: 'returned', title: '申报被退回', body: '请修改后重新提交。', page: 'pages/index/index' };

    function writing(after: 'succeed' | 'fail' | 'throw', rev = 1) {
      return {
        account: defineFunction('account', accountContract, {
          register: accountFunction.actions.register,
          me: {
            roles: ['applicant'],
            async handle(_payload, ctx) {
              ctx.writes.insert('units', { _id: 'u2', name: '新单位', level: 'county', prefecture: '巴州', county: '尉犁县', kind: 'institution' });
              ctx.writes.update('people', 'p1', rev, { name: '李娜娜' });
              ctx.notify(message);
              if (after === 'throw') throw new Error('boom after staging');
              if (after === 'fail') return err(appError('NOT_FOUND'));
              return ok({ personId: 'p1', name: '', role: 'applicant', roleLabel: '', unitName: null, unitKind: null, unitLevel: null, prefecture: '', county: null, serverTime: ctx.now.toISOString(), committeeRounds: [], returned: [] });
            },
          },
        }),
      };
    }

    it('commits staged writes with their outbox entry in one step, then delivers it (an in-app notice: it has no WeChat message)', async () => {
      const outcome = await dispatch(writing('succeed'), 'account', { action: 'me' }, asApplicant, deps);
      expect(outcome.status).toBe(200);
      expect(await store.get('units', 'u2')).not.toBeNull();
      expect(await store.get('people', 'p1')).toMatchObject({ name: '李娜娜', _rev: 2 });
      expect(await store.get('outbox', 'app-1#1')).toMatchObject({ status: 'skipped', outcome: 'in_app', attempts: 1 });
      expect(await store.get('inbox', 'app-1#1')).toMatchObject({ personId: 'p1', title: '申报被退回' });
      // Delivering again finds nothing pending: one notice, never two.
      expect(await deliverOutbox(deps)).toBe(0);
      expect(await store.count('inbox')).toBe(1);
    });

    it('keeps a message whose delivery failed after the commit, and the outbox timer delivers it once', async () => {
      const failing = { ...deps, store: { ...store, commit: async (writes: Parameters<typeof store.commit>[0]) => (writes.some((w) => w.collection === 'inbox') ? Promise.reject(new Error('process died')) : store.commit(writes)) } };
      expect((await dispatch(writing('succeed'), 'account', { action: 'me' }, asApplicant, failing)).status).toBe(200);
      expect(await store.get('outbox', 'app-1#1')).toMatchObject({ status: 'pending' });
      expect(await store.count('inbox')).toBe(0);
      const [first, second] = await Promise.all([deliverOutbox(deps), deliverOutbox(deps)]);
      expect(first + second).toBe(1);
      expect(await store.count('inbox')).toBe(1);
      expect(await store.get('outbox', 'app-1#1')).toMatchObject({ status: 'skipped' });
    });

    it.each(['fail', 'throw'] as const)('leaves no partial write and sends nothing when the handler %ss', async (how) => {
      const outcome = await dispatch(writing(how), 'account', { action: 'me' }, asApplicant, deps);
      expect(outcome.status).toBe(how === 'throw' ? 500 : 404);
      expect(await store.get('units', 'u2')).toBeNull();
      expect(await store.get('people', 'p1')).toMatchObject({ name: '李娜', _rev: 1 });
      expect(await store.count('outbox')).toBe(0);
      if (how === 'throw') expect(logged).toEqual([expect.stringContaining('account.me crashed')]);
    });

    it('answers 409 and writes nothing when a staged update is stale', async () => {
      const outcome = await dispatch(writing('succeed', 7), 'account', { action: 'me' }, asApplicant, deps);
      expect(outcome).toMatchObject({ status: 409, reply: { ok: false, code: 'STORE.CONFLICT' } });
      expect(await store.get('units', 'u2')).toBeNull();
      expect(await store.count('outbox')).toBe(0);
    });
  });
});

function anApplicant() {
  return { _id: 'p1', openid: 'openid-applicant', name: '李娜', role: 'applicant', unitId: 'u1', prefecture: '巴州', county: '尉犁县' };
}
