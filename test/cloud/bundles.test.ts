import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import sharp from 'sharp';
import { functionFolders } from '../../scripts/build-cloud';
import { stageFunction, type Staged } from '../../scripts/cloud/stage';
import { TIMER_TRIGGER, triggerOf } from '../../src/server/function';
import { functions } from '../../src/server/functions';
import type { BundleStep, DriverReport } from './bundle-driver';
import { unservedQueries } from '../../src/server/database.indexes';

/**
 * The cloud functions as deployed: each built `cloudfunctions/<name>/index.js`, in a folder holding
 * only what its package.json installs, required by plain Node in a fresh process (the driver is
 * JavaScript; nothing transforms the bundles) with `wx-server-sdk` resolved to the in-repo fake,
 * seeded with the demo data. Each function answers a real action through its exported `main`, and
 * each timer trigger its config.json declares runs. Needs `npm run build:cloud` first.
 */
const repoRoot = path.resolve(__dirname, '..', '..');
const OPENID = {
  applicant: 'demo-openid-applicant',
  secretary: 'demo-openid-secretary',
  forestry1: 'demo-openid-forestry-1',
  forestryAdmin: 'demo-openid-forestry-admin',
} as const;
const TUERHONG_APP = 'person-forestry-1:aksu-forestry-2024:directed_evaluation:deputy_senior';

let workDir: string;
let driver: string;
const staged: Staged[] = [];

beforeAll(() => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'bundles-'));
  driver = path.join(workDir, 'driver.js');
  buildSync({ entryPoints: [path.join(__dirname, 'bundle-driver.ts')], outfile: driver, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
  for (const name of functionFolders()) staged.push(Object.assign(stageFunction(name, 'fake'), { name }));
});

afterAll(() => {
  staged.forEach((s) => s.remove());
  rmSync(workDir, { recursive: true, force: true });
});

/** Runs the steps in one fresh Node process over one seeded fake; fails with the process's own words. */
function drive(steps: readonly BundleStep[]): DriverReport {
  const stepsFile = path.join(workDir, `steps-${Date.now()}.json`);
  writeFileSync(stepsFile, JSON.stringify(steps));
  const pairs = (staged as (Staged & { name: string })[]).map((s) => `${s.name}=${s.dir}`);
  const result = spawnSync(process.execPath, [driver, stepsFile, repoRoot, ...pairs], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`the driver failed (exit ${String(result.status)}):\n${result.stderr}${result.stdout}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as DriverReport;
}

const call = (fn: string, openid: string | null, action: string, payload: unknown = {}): BundleStep => ({ kind: 'call', fn, openid, event: { action, payload } });

describe('the deployed cloud function bundles', () => {
  let report: DriverReport;
  let receipt: { ref: string; sha256: string };
  const timerFunctions = Object.values(functions).filter((fn) => triggerOf(fn) !== null);

  beforeAll(async () => {
    const photo = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#f4f4f4' } }).jpeg().toBuffer();
    const sha256 = createHash('sha256').update(photo).digest('hex');
    const cloudPath = `uploads/person-secretary/${sha256}.jpg`;
    const steps: BundleStep[] = [
      call('account', OPENID.applicant, 'me'),
      call('rounds', OPENID.applicant, 'list'),
      call('eligibility', OPENID.applicant, 'profile'),
      call('applications', OPENID.applicant, 'mine'),
      call('units', OPENID.applicant, 'mine'),
      call('subscriptions', OPENID.applicant, 'status'),
      call('review', OPENID.forestryAdmin, 'queue', { tab: 'done', search: '' }),
      call('committee', OPENID.secretary, 'queue'),
      call('defense', OPENID.secretary, 'plan', { roundId: 'aksu-water-2024' }),
      call('documents', OPENID.secretary, 'roster', { roundId: 'aksu-forestry-2024' }),
      call('documents', OPENID.forestry1, 'document', { applicationId: TUERHONG_APP, template: 'personal_commitment' }),
      { kind: 'upload', cloudPath, base64: photo.toString('base64') },
      // The receipt's bytes are checked by the function with the image decoder (sharp, installed from its package.json).
      { kind: 'call', fn: 'applications', openid: OPENID.secretary, event: { action: 'checkPhoto', payload: { ref: '{{lastUpload}}', sha256 } } },
      call('account', null, 'me'),
      call('rounds', OPENID.applicant, 'noSuchAction'),
      ...timerFunctions.map((fn): BundleStep => ({ kind: 'call', fn: fn.name, openid: null, event: { Type: 'Timer', TriggerName: TIMER_TRIGGER, Time: '2024-09-01T02:00:00Z' } })),
    ];
    report = drive(steps);
    receipt = { ref: (report.replies[11] as { fileID: string }).fileID, sha256 };
  }, 180_000);

  const reply = (index: number) => report.replies[index] as { ok: boolean; data?: unknown; code?: string };

  it('loads every function with nothing thrown or rejected outside a reply', () => {
    expect(report.faults).toEqual([]);
  });

  it('answers each function’s action through the bundle’s main, as the caller the platform names', () => {
    expect(reply(0)).toMatchObject({ ok: true, data: { name: '李娜', role: 'applicant' } });
    expect((reply(1).data as { id: string }[]).map((r) => r.id)).toEqual(expect.arrayContaining(['aksu-water-2024', 'yuli-initial-junior-2024']));
    expect(reply(2)).toMatchObject({ ok: true });
    expect(reply(3)).toMatchObject({ ok: true });
    expect(reply(4)).toMatchObject({ ok: true });
    expect(reply(5)).toMatchObject({ ok: true });
    expect((reply(6).data as { items: { applicantName: string }[] }).items.map((i) => i.applicantName)).toEqual(expect.arrayContaining(['吐尔洪', '米娜瓦尔']));
    expect((reply(7).data as { applicantName: string }[]).map((i) => i.applicantName)).toEqual(expect.arrayContaining(['吐尔洪']));
    expect(reply(8)).toMatchObject({ ok: true, data: { roundId: 'aksu-water-2024' } });
  });

  it('fills the roster and a Word document from the templates deployed beside the documents function', () => {
    expect(reply(9)).toMatchObject({ ok: true, data: { fileType: 'xlsx', rows: 4 } });
    expect(reply(10)).toMatchObject({ ok: true, data: { fileType: 'docx', name: '个人承诺书（吐尔洪）.docx' } });
  });

  it('checks a photo with sharp where sharp is installed, and keeps it without metadata under its own name', () => {
    expect(receipt.ref).toMatch(/^cloud:\/\/.+\/uploads\/person-secretary\/[0-9a-f]{64}\.jpg$/);
    const kept = reply(12) as { ok: boolean; data: { ref: string; sha256: string } };
    expect(kept.ok).toBe(true);
    // Named by the kept bytes, with an id of its own (made like a write: nothing names it until the commit).
    expect(kept.data.ref.startsWith(receipt.ref.replace(/\/uploads\/person-secretary\/.*$/, `/originals/person-secretary/${kept.data.sha256}-`))).toBe(true);
    expect(kept.data.ref).toMatch(/-[0-9a-f-]{36}\.jpg$/);
    expect(kept.data.sha256).not.toBe(receipt.sha256);
  });

  it('refuses a call without a WeChat identity, and an action that does not exist', () => {
    expect(reply(13)).toMatchObject({ ok: false, code: 'AUTH.NOT_SIGNED_IN' });
    expect(reply(14)).toMatchObject({ ok: false, code: 'REQUEST.UNKNOWN_ACTION' });
  });

  it('runs every timer trigger a config.json declares, as the system', () => {
    expect(timerFunctions.map((fn) => fn.name).sort()).toEqual(['applications', 'defense', 'review', 'rounds']);
    timerFunctions.forEach((fn, i) => {
      const answer = reply(15 + i) as { ok: boolean; data: { changed: Record<string, number> } };
      expect({ fn: fn.name, ok: answer.ok, timers: Object.keys(answer.data.changed).sort() }).toEqual({ fn: fn.name, ok: true, timers: Object.keys(fn.timers).sort() });
    });
  });

  it('issued only queries the declared indexes serve', () => {
    expect(report.queries.length).toBeGreaterThan(5);
    expect(unservedQueries(report.queries)).toEqual([]);
  });
});
