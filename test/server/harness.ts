import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import demo from '../../config/seed/demo.json';
import { allRounds } from '../../config/rounds';
import sharp from 'sharp';
import { ok } from '../../src/core/result';
import { dispatch, type Caller } from '../../src/server/dispatch';
import { functions } from '../../src/server/functions';
import { dirTemplates } from '../../src/server/adapters/dir.templates';
import { paddleReader } from '../../src/server/adapters/local/paddle.ocr';
import { diskFiles } from '../../src/server/adapters/local/disk.files';
import { qrMiniCodes } from '../../src/server/adapters/local/qr.minicode';
import { subscriptionSettings } from '../../src/server/subscriptions/settings';
import { openSqliteStore } from '../../src/server/adapters/local/sqlite.store';
import { allCollections } from '../../src/server/collections';
import { databaseIndexes } from '../../src/server/database.indexes';
import type { Deps } from '../../src/server/function';
import { roundSeeds } from '../../src/server/runtime/round-seeds';
import { noticeSeeds } from '../../src/server/runtime/notice-seeds';
import { seed } from '../../src/server/runtime/seed';
import { unservedQueries } from '../../src/server/database.indexes';
import { shapeRecording } from './query-shapes';

/**
 * The functions over the real local adapters (SQLite, files on disk) in a fresh folder, seeded
 * with the demo people, the round files and their notices, with a clock the test sets.
 */
export interface Harness {
  readonly store: ReturnType<typeof openSqliteStore>;
  readonly files: ReturnType<typeof diskFiles>;
  /** The folder the files are stored in. */
  readonly filesRoot: string;
  readonly deps: Deps;
  /** Moves the server's clock. */
  setNow(at: Date): void;
  close(): Promise<void>;
}

export async function openHarness(name: string, now: Date): Promise<Harness> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  let current = now;
  const clock = { now: () => current };
  const store = openSqliteStore({ file: path.join(dir, 'store.sqlite'), collections: allCollections, compositeIndexes: databaseIndexes });
  const rounds = roundSeeds(allRounds);
  await seed(store, { demo, rounds, notices: noticeSeeds(rounds, path.resolve(__dirname, '../../config/notices')) });
  // What the functions ask of the store, checked against the deployment's indexes when the harness closes.
  const recorded = shapeRecording(store);
  const ocr = paddleReader();
  const files = diskFiles({ root: path.join(dir, 'files'), baseUrl: 'http://127.0.0.1:1', secret: 'test', clock });
  return {
    store,
    files,
    filesRoot: path.join(dir, 'files'),
    deps: { store: recorded.store, files, messenger: { send: async () => ok(undefined) }, codes: qrMiniCodes({ appUrl: 'http://127.0.0.1:10086' }), subscriptions: subscriptionSettings('development'), templates: dirTemplates(path.resolve(__dirname, '../../config/templates')), ocr, clock, log: { error: process.env.HARNESS_LOG ? (...a: unknown[]) => console.error(...a) : jest.fn(), warn: jest.fn() } },
    setNow: (at) => {
      current = at;
    },
    close: async () => {
      await ocr.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
      const unserved = unservedQueries(recorded.shapes);
      if (unserved.length > 0) throw new Error(`queries no declared index serves (src/server/database.indexes.ts):\n${unserved.map((q) => JSON.stringify(q)).join('\n')}`);
    },
  };
}

/**
 * Makes an application submittable through the functions, as its applicant would: the ID number,
 * one blank photo attached to every required upload and answered 否, 无 in every required text.
 * (The e2e and the applications tests walk each of these on screen or one by one.)
 */
export async function completeForSubmit(harness: Harness, applicant: Caller, personId: string, applicationId: string): Promise<void> {
  const call = (action: string, payload: unknown) => dispatch(functions, 'applications', { action, payload }, applicant, harness.deps);
  const content = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#fff' } }).jpeg().toBuffer();
  const ref = await harness.files.put(`uploads/${personId}/blank.jpg`, content, 'image/jpeg');
  const sha256 = createHash('sha256').update(content).digest('hex');
  let kept = sha256;
  await call('saveIdNumber', { applicationId, idNumber: '11010519491231002X' });
  const view = ((await call('get', { applicationId })).reply as { data: { materials: { code: string; stage: string; form: string; need: string; providedBy: string; record: string | null; choices: { options: string[]; suggested: string | null } | null }[] } }).data;
  // The unit's papers are the unit's to upload (uploadUnitDocuments), not the applicant's.
  for (const m of view.materials.filter((m) => m.stage === 'online' && m.need === 'required' && m.providedBy !== 'unit')) {
    if (m.form === 'upload') kept = ((await call('attach', { applicationId, category: m.code, ref, sha256 })).reply as { data: { files: { sha256: string }[] } }).data.files[0]!.sha256;
    else if (m.record === null) await call('saveText', { applicationId, category: m.code, text: m.choices ? (m.choices.suggested ?? m.choices.options[m.choices.options.length - 1]!) : '无' });
    else if (m.record === 'work_periods') await call('saveEntries', { applicationId, category: m.code, entries: [{ from: '2010-07', to: null, unit: 'xxx', post: '技术员' }] });
  }
  await call('mask', { applicationId, sha256: kept, needsMasking: 'no', masks: [] });
  await call('checkBlindCopy', { applicationId, sha256: kept });
}

/**
 * The unit admin uploads the unit's required papers (公示, 公示结果, 推荐意见) for an application, as
 * the review page does: a photo under their own folder, checked by `applications.checkPhoto`, then
 * attached by `review.attachUnitDocument`. The publicity must be recorded, and over where a paper
 * waits for it. Answers the codes attached.
 */
export async function uploadUnitDocuments(harness: Harness, unitAdmin: Caller, adminPersonId: string, applicationId: string): Promise<string[]> {
  const content = await sharp({ create: { width: 160, height: 120, channels: 3, background: '#f4f4f4' } }).jpeg().toBuffer();
  const ref = await harness.files.put(`uploads/${adminPersonId}/stamped.jpg`, content, 'image/jpeg');
  const sha256 = createHash('sha256').update(content).digest('hex');
  const checked = (await dispatch(functions, 'applications', { action: 'checkPhoto', payload: { ref, sha256 } }, unitAdmin, harness.deps)).reply as { ok: boolean; data: { ref: string; sha256: string } };
  if (!checked.ok) throw new Error(`checkPhoto refused: ${JSON.stringify(checked)}`);
  const review = (action: string, payload: unknown) => dispatch(functions, 'review', { action, payload }, unitAdmin, harness.deps);
  const view = (await review('get', { applicationId })).reply as { data: { unitDocuments: { code: string; required: boolean }[] } };
  const attached: string[] = [];
  for (const doc of view.data.unitDocuments.filter((d) => d.required)) {
    const reply = (await review('attachUnitDocument', { applicationId, category: doc.code, ...checked.data })).reply as { ok: boolean };
    if (!reply.ok) throw new Error(`attachUnitDocument ${doc.code} refused: ${JSON.stringify(reply)}`);
    attached.push(doc.code);
  }
  return attached;
}

/** Answers every open item of the return an application is in as 已按意见处理, as an applicant who checked and changed nothing. */
export async function answerReturn(harness: Harness, applicant: Caller, applicationId: string): Promise<void> {
  const call = (action: string, payload: unknown) => dispatch(functions, 'applications', { action, payload }, applicant, harness.deps);
  const view = ((await call('get', { applicationId })).reply as { data?: { returnItems: { category: string; state: string }[] } }).data;
  for (const item of view?.returnItems ?? []) {
    if (item.state === 'open') await call('confirmReturned', { applicationId, category: item.category, note: '已核对，符合要求' });
  }
}
