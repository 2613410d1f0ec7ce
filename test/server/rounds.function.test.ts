import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import demo from '../../config/seed/demo.json';
import { allRounds } from '../../config/rounds';
import { ok } from '../../src/core/result';
import { openSqliteStore } from '../../src/server/adapters/local/sqlite.store';
import { allCollections } from '../../src/server/collections';
import { dispatch } from '../../src/server/dispatch';
import type { Deps } from '../../src/server/function';
import { functions } from '../../src/server/functions';
import { roundSeeds } from '../../src/server/runtime/round-seeds';
import { seed } from '../../src/server/runtime/seed';

/** Rounds come from the store, where config/rounds was seeded; a stored round is re-validated per revision. */
describe('rounds function', () => {
  let dir: string;
  let store: ReturnType<typeof openSqliteStore>;
  let deps: Deps;
  let logged: string[];
  const caller = { openid: 'demo-openid-unit-admin' };

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'rounds-'));
    store = openSqliteStore({ file: path.join(dir, 'store.sqlite'), collections: allCollections });
    await seed(store, { demo, rounds: roundSeeds(allRounds) });
    logged = [];
    deps = {
      store,
      files: { put: jest.fn(), get: jest.fn(), url: jest.fn(), delete: jest.fn(), refOf: jest.fn() },
      codes: { unlimited: jest.fn() },
      templates: { read: async () => null },
      ocr: { read: async () => [] },
      subscriptions: { ids: {}, longTerm: false },
      messenger: { send: async () => ok(undefined) },
      clock: { now: () => new Date('2024-08-01T00:00:00Z') },
      log: { error: (m) => logged.push(m), warn: jest.fn() },
    };
  });

  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists every seeded round, newest year first, with its overall apply window', async () => {
    const outcome = await dispatch(functions, 'rounds', { action: 'list' }, caller, deps);
    const list = (outcome.reply as { data: { id: string; year: number; applyFrom: string | null; applyUntil: string | null }[] }).data;
    expect(list.map((r) => r.id)).toEqual([
      'aksu-forestry-2024',
      'aksu-water-2024',
      'bazhou-ecoenv-2024',
      'yuli-initial-junior-2024',
      'tacheng-all-series-2023',
    ]);
    // tacheng opens series one after another; the list shows the whole span.
    expect(list.find((r) => r.id === 'tacheng-all-series-2023')).toMatchObject({
      applyFrom: '2023-08-15T00:00:00+08:00',
      applyUntil: '2023-09-28T23:59:59+08:00',
    });
    const only2023 = await dispatch(functions, 'rounds', { action: 'list', payload: { year: 2023 } }, caller, deps);
    expect((only2023.reply as { data: unknown[] }).data).toHaveLength(1);
  });

  it('answers the round as stored now, after an edit bumped its revision', async () => {
    const first = await dispatch(functions, 'rounds', { action: 'get', payload: { roundId: 'aksu-water-2024' } }, caller, deps);
    expect(first.reply).toMatchObject({ ok: true, data: { id: 'aksu-water-2024' } });
    const stored = await store.get('rounds', 'aksu-water-2024');
    await store.update('rounds', 'aksu-water-2024', stored?._rev ?? 0, { title: '更正后的通知标题' });
    const second = await dispatch(functions, 'rounds', { action: 'get', payload: { roundId: 'aksu-water-2024' } }, caller, deps);
    expect(second.reply).toMatchObject({ ok: true, data: { title: '更正后的通知标题' } });
  });

  it('refuses to serve a stored round that no longer fits the schema, and says so in Chinese', async () => {
    const stored = await store.get('rounds', 'bazhou-ecoenv-2024');
    await store.update('rounds', 'bazhou-ecoenv-2024', stored?._rev ?? 0, { year: 'next year' });
    const outcome = await dispatch(functions, 'rounds', { action: 'get', payload: { roundId: 'bazhou-ecoenv-2024' } }, caller, deps);
    expect(outcome).toMatchObject({ status: 500, reply: { ok: false, code: 'INTERNAL.ERROR', message: expect.stringMatching(/没有生效/) } });
    expect(logged).toEqual([expect.stringContaining('rounds.get crashed')]);
  });

  it('answers an unknown round with a Chinese message', async () => {
    const outcome = await dispatch(functions, 'rounds', { action: 'get', payload: { roundId: 'nowhere-2099' } }, caller, deps);
    expect(outcome).toMatchObject({ status: 404, reply: { code: 'ROUND.NOT_FOUND', message: '没有找到这个评审批次。请返回首页重新选择。' } });
  });
});
