import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import demo from '../../config/seed/demo.json';
import { allRounds } from '../../config/rounds';
import type { Profile } from '../../src/core/eligibility/profile';
import { ok } from '../../src/core/result';
import { openSqliteStore } from '../../src/server/adapters/local/sqlite.store';
import { allCollections } from '../../src/server/collections';
import { dispatch, type Caller } from '../../src/server/dispatch';
import type { Deps } from '../../src/server/function';
import { functions } from '../../src/server/functions';
import { roundSeeds } from '../../src/server/runtime/round-seeds';
import { seed } from '../../src/server/runtime/seed';
import { aksuEmployee } from '../core/eligibility/people.fixture';

/** The applications function: started from the saved answers, judged again on the server clock. */
describe('applications function', () => {
  let dir: string;
  let store: ReturnType<typeof openSqliteStore>;
  let deps: Deps;
  // 10:00 in Beijing on 1 August 2024: both aksu rounds are open for applying.
  let now = new Date('2024-08-01T02:00:00Z');

  beforeEach(async () => {
    now = new Date('2024-08-01T02:00:00Z');
    dir = mkdtempSync(path.join(os.tmpdir(), 'applications-'));
    store = openSqliteStore({ file: path.join(dir, 'store.sqlite'), collections: allCollections });
    await seed(store, { demo, rounds: roundSeeds(allRounds) });
    deps = {
      store,
      files: { put: jest.fn(), get: jest.fn(), url: jest.fn(), delete: jest.fn() },
      messenger: { send: async () => ok(undefined) },
      clock: { now: () => now },
      log: { error: jest.fn(), warn: jest.fn() },
    };
  });

  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const senior: Caller = { openid: 'demo-openid-senior' };
  const call = (fn: 'applications' | 'eligibility', action: string, payload: unknown, caller: Caller = senior) =>
    dispatch(functions, fn, { action, payload }, caller, deps);
  const saveAnswers = (roundId: string, profile: Profile, caller: Caller = senior) => call('eligibility', 'saveAnswers', { roundId, profile }, caller);

  it('starts an application from the saved answers, with the round’s materials for this person', async () => {
    await saveAnswers('aksu-water-2024', aksuEmployee());
    const created = await call('applications', 'create', { roundId: 'aksu-water-2024', offerKey: 'directed_evaluation:deputy_senior' });
    expect(created.status).toBe(200);
    const view = (created.reply as { data: { id: string; label: string; status: string; verdict: string; materials: { code: string }[] } }).data;
    expect(view).toMatchObject({ label: '副高级 · 评审 · 定向评价', status: 'draft', verdict: 'eligible_if' });
    // Institution staff: Mandarin, not social insurance (aksu 四(一)5).
    expect(view.materials.map((m) => m.code)).toContain('mandarin_certificate');
    expect(view.materials.map((m) => m.code)).not.toContain('social_insurance');

    const mine = await call('applications', 'mine', {});
    expect(mine.reply).toMatchObject({ ok: true, data: [{ id: view.id, label: '副高级 · 评审 · 定向评价', status: 'draft' }] });
    // Starting it again opens the same application: nothing is duplicated.
    const again = await call('applications', 'create', { roundId: 'aksu-water-2024', offerKey: 'directed_evaluation:deputy_senior' });
    expect((again.reply as { data: { id: string } }).data.id).toBe(view.id);
    expect(await store.count('applications')).toBe(1);
  });

  it('refuses a level the engine says cannot be applied for, with its reasons and clauses, and stores nothing', async () => {
    await saveAnswers('aksu-water-2024', aksuEmployee());
    const refused = await call('applications', 'create', { roundId: 'aksu-water-2024', offerKey: 'private_enterprise_evaluation:deputy_senior' });
    expect(refused).toMatchObject({ status: 400, reply: { ok: false, code: 'APPLICATION.INELIGIBLE', details: [expect.stringContaining('（第一(二)条）')] } });
    expect(await store.count('applications')).toBe(0);
  });

  it('asks for the self-check first when the saved answers are for another round, or missing', async () => {
    expect((await call('applications', 'create', { roundId: 'aksu-water-2024', offerKey: 'directed_evaluation:deputy_senior' })).reply).toMatchObject({ code: 'APPLICATION.NO_ANSWERS' });
    await saveAnswers('aksu-forestry-2024', aksuEmployee({ specialty: 'engineering.forestry_grassland' }));
    expect((await call('applications', 'create', { roundId: 'aksu-water-2024', offerKey: 'directed_evaluation:deputy_senior' })).reply).toMatchObject({ code: 'APPLICATION.NO_ANSWERS' });
  });

  it('refuses a new application once the apply window has closed, by the server clock', async () => {
    await saveAnswers('aksu-water-2024', aksuEmployee());
    now = new Date('2024-08-30T10:01:00Z'); // 18:01 in Beijing, one minute after the deadline
    expect((await call('applications', 'create', { roundId: 'aksu-water-2024', offerKey: 'directed_evaluation:deputy_senior' })).reply).toMatchObject({ code: 'APPLICATION.WINDOW_CLOSED' });
  });

  it('holds one channel a year for the same series (specialty) and level, but not across specialties', async () => {
    const privateEngineer = aksuEmployee({ employmentKind: 'private_enterprise', mandarinGrade: null, facts: { employer_licence_registered_in_prefecture: true, retired: false, first_title_application: false } });
    await saveAnswers('aksu-water-2024', privateEngineer);
    expect((await call('applications', 'create', { roundId: 'aksu-water-2024', offerKey: 'private_enterprise_evaluation:deputy_senior' })).status).toBe(200);
    const second = await call('applications', 'create', { roundId: 'aksu-water-2024', offerKey: 'directed_evaluation:deputy_senior' });
    expect(second).toMatchObject({ status: 409, reply: { code: 'APPLICATION.OTHER_CHANNEL' } });
    // 林草 is another specialty of the same series: allowed.
    await saveAnswers('aksu-forestry-2024', { ...privateEngineer, specialty: 'engineering.forestry_grassland' });
    expect((await call('applications', 'create', { roundId: 'aksu-forestry-2024', offerKey: 'directed_evaluation:deputy_senior' })).status).toBe(200);
  });

  it('shows an application only to its applicant: anyone else is told it does not exist', async () => {
    await saveAnswers('aksu-water-2024', aksuEmployee());
    const created = await call('applications', 'create', { roundId: 'aksu-water-2024', offerKey: 'directed_evaluation:deputy_senior' });
    const id = (created.reply as { data: { id: string } }).data.id;
    expect((await call('applications', 'get', { applicationId: id })).status).toBe(200);
    expect((await call('applications', 'get', { applicationId: id }, { openid: 'demo-openid-applicant' })).reply).toMatchObject({ code: 'APPLICATION.NOT_FOUND' });
    expect((await call('applications', 'mine', {}, { openid: 'demo-openid-applicant' })).reply).toMatchObject({ ok: true, data: [] });
    // Reviewers see applications through the review chain, not here.
    expect((await call('applications', 'get', { applicationId: id }, { openid: 'demo-openid-unit-admin' })).reply).toMatchObject({ code: 'AUTH.FORBIDDEN' });
  });
});
