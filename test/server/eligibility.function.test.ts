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

/** The eligibility function: the core engine on the server clock, answers saved for the application. */
describe('eligibility function', () => {
  let dir: string;
  let store: ReturnType<typeof openSqliteStore>;
  let deps: Deps;
  // 2024-10-22T10:00:00Z is 18:00 in Beijing on the yuli round's last apply day.
  const now = new Date('2024-10-22T10:00:00Z');

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'eligibility-'));
    store = openSqliteStore({ file: path.join(dir, 'store.sqlite'), collections: allCollections });
    await seed(store, { demo, rounds: roundSeeds(allRounds) });
    deps = {
      store,
      files: { put: jest.fn(), get: jest.fn(), url: jest.fn(), delete: jest.fn(), refOf: jest.fn() },
      codes: { unlimited: jest.fn() },
      templates: { read: async () => null },
      ocr: { read: async () => [] },
      subscriptions: { ids: {}, longTerm: false },
      messenger: { send: async () => ok(undefined) },
      clock: { now: () => now },
      log: { error: jest.fn(), warn: jest.fn() },
    };
  });

  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const applicant = { openid: 'demo-openid-applicant' };
  const graduate = {
    prefecture: '巴音郭楞蒙古自治州',
    workCounty: '尉犁县',
    employmentKind: 'institution',
    unitLevel: 'county',
    series: 'agriculture',
    specialty: 'agriculture.agronomy',
    educations: [{ education: 'bachelor', fullTime: true, graduatedOn: '2023-07-05' }],
    professionalWorkSince: '2023-07-05',
    appraisals: [{ year: 2023, result: 'qualified' }],
    continuingEducation: [
      { year: 2024, publicHours: 30, professionalHours: 60 },
      { year: 2023, publicHours: 30, professionalHours: 60 },
    ],
    facts: { works_in_prefecture: true, has_employment_relationship: true, retired: false },
  };

  it('saves the answers for the application, stamped with the server clock', async () => {
    const outcome = await dispatch(functions, 'eligibility', { action: 'saveAnswers', payload: { roundId: 'yuli-initial-junior-2024', profile: graduate } }, applicant, deps);
    expect(outcome).toMatchObject({ status: 200, reply: { ok: true, data: { roundId: 'yuli-initial-junior-2024', savedAt: now.toISOString() } } });

    const saved = await dispatch(functions, 'eligibility', { action: 'profile' }, applicant, deps);
    expect(saved.reply).toMatchObject({ ok: true, data: { roundId: 'yuli-initial-junior-2024', profile: graduate, savedAt: now.toISOString() } });

    // Saving again replaces the saved answers instead of failing on the existing record.
    const again = await dispatch(functions, 'eligibility', { action: 'saveAnswers', payload: { roundId: 'yuli-initial-junior-2024', profile: {} } }, applicant, deps);
    expect(again.status).toBe(200);
    expect(await store.get('profiles', 'person-applicant')).toMatchObject({ profile: {}, _rev: 2 });
  });

  it('rejects a profile that breaks its schema, in Chinese, and saves nothing', async () => {
    const outcome = await dispatch(
      functions,
      'eligibility',
      { action: 'saveAnswers', payload: { roundId: 'yuli-initial-junior-2024', profile: { educations: [{ education: 'kindergarten' }] } } },
      applicant,
      deps,
    );
    expect(outcome).toMatchObject({ status: 400, reply: { code: 'REQUEST.INVALID_PAYLOAD', details: [expect.stringContaining('educations')] } });
    expect(await store.get('profiles', 'person-applicant')).toBeNull();
  });

  it('answers an unknown round with a Chinese message and saves nothing', async () => {
    const outcome = await dispatch(functions, 'eligibility', { action: 'saveAnswers', payload: { roundId: 'nowhere-2099', profile: {} } }, applicant, deps);
    expect(outcome).toMatchObject({ status: 404, reply: { code: 'ROUND.NOT_FOUND' } });
    expect(await store.get('profiles', 'person-applicant')).toBeNull();
  });

  it('is for applicants only', async () => {
    const outcome = await dispatch(functions, 'eligibility', { action: 'saveAnswers', payload: { roundId: 'yuli-initial-junior-2024', profile: {} } }, { openid: 'demo-openid-expert' }, deps);
    expect(outcome).toMatchObject({ status: 403, reply: { code: 'AUTH.FORBIDDEN' } });
  });
});
