import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { cloudFiles } from '../../src/server/adapters/cloud/cloud.files';
import { dispatch, type Caller } from '../../src/server/dispatch';
import { fileStaging, uniquePath } from '../../src/server/made-files';
import type { FileStore } from '../../src/server/ports/files.port';
import type { Store } from '../../src/server/ports/store.port';
import { functions } from '../../src/server/functions';
import { burnMasks } from '../../src/server/images/image-bytes';
import { yuliGraduate } from '../core/eligibility/people.fixture';
import { createFakeWxCloud, type FakeWxCloud } from '../fakes/wx-server-sdk.fake';
import { openHarness, type Harness } from './harness';

// The burn-in (sharp's work on the whole photo), counted where the mask action calls it.
jest.mock('../../src/server/images/image-bytes', () => {
  const actual = jest.requireActual('../../src/server/images/image-bytes');
  return { ...actual, burnMasks: jest.fn(actual.burnMasks) };
});

/**
 * Files an action makes are staged like its writes (issue 24, item 2): a commit that meets a
 * concurrent change runs the handler again without burning the blind copy again, and a call whose
 * commit fails leaves no file behind, on disk and in cloud storage alike.
 */
describe('files an action makes', () => {
  let harness: Harness;
  const applicant: Caller = { openid: 'demo-openid-applicant' };
  let applicationId = '';
  /** How many of the next commits meet a concurrent change to the application first. */
  let conflicts = 0;
  let cloud: FakeWxCloud;

  /** The harness's store, where a commit that is to conflict first finds the application changed by someone else. */
  const contested = (store: Store): Store => ({
    ...store,
    get: store.get.bind(store),
    find: store.find.bind(store),
    count: store.count.bind(store),
    insert: store.insert.bind(store),
    update: store.update.bind(store),
    async commit(writes) {
      if (conflicts > 0 && writes.some((w) => w.kind === 'update' && w.collection === 'applications')) {
        conflicts -= 1;
        const doc = (await store.get('applications', applicationId))!;
        const changed = await store.update('applications', applicationId, doc._rev, { files: doc.files ?? [] });
        expect(changed.ok).toBe(true);
      }
      return store.commit(writes);
    },
  });

  const depsWith = (files: FileStore) => ({ ...harness.deps, store: contested(harness.deps.store), files });
  const call = (files: FileStore, action: string, payload: unknown) => dispatch(functions, 'applications', { action, payload }, applicant, depsWith(files));
  const record = async () => (await harness.store.get<{ files: { sha256: string; category: string; blindRef: string | null; ref: string }[] }>('applications', applicationId))!;

  /** Uploads a photo where the phone would and attaches it to the first photo the round asks for; answers its kept SHA-256. */
  async function attachPhoto(files: FileStore): Promise<string> {
    const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#e8e8e8' } }).jpeg().toBuffer();
    const sha256 = createHash('sha256').update(photo).digest('hex');
    const ref = await files.put(`uploads/person-applicant/${sha256}.jpg`, photo, 'image/jpeg');
    const view = ((await call(files, 'get', { applicationId })).reply as { data: { materials: { code: string; form: string; stage: string; formats: string[] }[] } }).data;
    const material = view.materials.find((m) => m.form === 'upload' && m.stage === 'online')!;
    const attached = await call(files, 'attach', { applicationId, category: material.code, ref, sha256 });
    expect(attached.status).toBe(200);
    return (attached.reply as { data: { files: { sha256: string }[] } }).data.files[0]!.sha256;
  }

  /** Paths of the files on disk under `folder`. */
  const onDisk = (folder: string): string[] => {
    const root = path.join(harness.filesRoot, folder);
    return existsSync(root) ? readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(harness.filesRoot, path.join(e.parentPath, e.name))) : [];
  };
  const inCloud = (folder: string): string[] => cloud.fileIds().filter((id) => id.includes(`/${folder}/`));

  beforeEach(async () => {
    harness = await openHarness('made-files', new Date('2024-08-24T02:00:00Z'));
    conflicts = 0;
    cloud = createFakeWxCloud();
    const create = (action: string, fn: string, payload: unknown) => dispatch(functions, fn, { action, payload }, applicant, harness.deps);
    await create('saveAnswers', 'eligibility', { roundId: 'yuli-initial-junior-2024', profile: yuliGraduate({ specialty: 'agriculture.agronomy', series: 'agriculture' }) });
    const created = await create('create', 'applications', { roundId: 'yuli-initial-junior-2024', offerKey: 'initial_junior:junior_assistant' });
    applicationId = (created.reply as { data: { id: string } }).data.id;
  });
  afterEach(async () => {
    await harness.close();
  });

  it('burns a blind copy once when the commit meets a concurrent change, and keeps only that copy', async () => {
    const sha256 = await attachPhoto(harness.files);
    const burns = jest.mocked(burnMasks);
    burns.mockClear();
    conflicts = 1;
    const masked = await call(harness.files, 'mask', { applicationId, sha256, needsMasking: 'yes', masks: [{ x: 0.1, y: 0.1, w: 0.4, h: 0.2 }] });
    expect(masked.status).toBe(200);
    expect(conflicts).toBe(0);
    expect(burns).toHaveBeenCalledTimes(1);
    const blindRef = (await record()).files[0]!.blindRef!;
    expect(onDisk('blind')).toEqual([blindRef.replace(/^local\//, '')]);
    expect(await harness.files.get(blindRef)).not.toBeNull();
    // The same answer again is the copy already made: nothing burned, nothing stored.
    expect((await call(harness.files, 'mask', { applicationId, sha256, needsMasking: 'yes', masks: [{ x: 0.1, y: 0.1, w: 0.4, h: 0.2 }] })).status).toBe(200);
    expect(burns).toHaveBeenCalledTimes(1);
    expect(onDisk('blind')).toHaveLength(1);
  });

  it('leaves no file behind on disk when the commit keeps failing', async () => {
    const sha256 = await attachPhoto(harness.files);
    const burns = jest.mocked(burnMasks);
    burns.mockClear();
    conflicts = 3;
    const masked = await call(harness.files, 'mask', { applicationId, sha256, needsMasking: 'yes', masks: [{ x: 0.2, y: 0.2, w: 0.3, h: 0.3 }] });
    expect(masked.reply).toMatchObject({ ok: false, code: 'STORE.CONFLICT' });
    expect(burns).toHaveBeenCalledTimes(1);
    expect(onDisk('blind')).toEqual([]);
    expect((await record()).files[0]!.blindRef).toBeNull();
    // An attach whose commit fails keeps no cleaned original either.
    const before = onDisk('originals');
    conflicts = 3;
    const photo = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#d0d0d0' } }).jpeg().toBuffer();
    const photoSha = createHash('sha256').update(photo).digest('hex');
    const ref = await harness.files.put(`uploads/person-applicant/${photoSha}.jpg`, photo, 'image/jpeg');
    const category = (await record()).files[0]!.category;
    const attached = await call(harness.files, 'attach', { applicationId, category: `${category}`, ref, sha256: photoSha });
    expect(attached.reply).toMatchObject({ ok: false });
    expect(onDisk('originals')).toEqual(before);
  });

  it('leaves no file behind in cloud storage when the commit keeps failing', async () => {
    const files = cloudFiles(cloud);
    const sha256 = await attachPhoto(files);
    expect(inCloud('originals')).toHaveLength(1);
    conflicts = 3;
    const masked = await call(files, 'mask', { applicationId, sha256, needsMasking: 'yes', masks: [{ x: 0.2, y: 0.2, w: 0.3, h: 0.3 }] });
    expect(masked.reply).toMatchObject({ ok: false, code: 'STORE.CONFLICT' });
    expect(inCloud('blind')).toEqual([]);
    conflicts = 0;
    expect((await call(files, 'mask', { applicationId, sha256, needsMasking: 'yes', masks: [{ x: 0.2, y: 0.2, w: 0.3, h: 0.3 }] })).status).toBe(200);
    expect(inCloud('blind')).toEqual([(await record()).files[0]!.blindRef]);
  });
});

describe('fileStaging', () => {
  const log = { error: jest.fn(), warn: jest.fn() };
  let n = 0;
  const random = { int: () => 0, id: () => `id${(n += 1)}` };
  const memory = () => {
    const stored = new Map<string, Uint8Array>();
    return { stored, files: { put: async (p: string, c: Uint8Array) => (stored.set(p, c), p), delete: async (r: string) => void stored.delete(r) } };
  };

  it('names a file uniquely before its extension', () => {
    expect(uniquePath('blind/ab12.jpg', 'x1')).toBe('blind/ab12-x1.jpg');
    expect(uniquePath('exports/a.b/roster', 'x1')).toBe('exports/a.b/roster-x1');
  });

  it('keeps what the committing attempt used, made once, and removes what an earlier attempt alone made', async () => {
    const { stored, files } = memory();
    const staging = fileStaging(files, random, log);
    let makes = 0;
    const first = staging.attempt();
    const blind = await first.once('blind', async () => ((makes += 1), first.put('blind/a.jpg', new Uint8Array([1]), 'image/jpeg')));
    await first.put('exports/only-first.xlsx', new Uint8Array([2]), 'application/octet-stream');
    const second = staging.attempt();
    expect(await second.once('blind', async () => ((makes += 1), second.put('blind/a.jpg', new Uint8Array([1]), 'image/jpeg')))).toBe(blind);
    await staging.settle(true);
    expect(makes).toBe(1);
    expect([...stored.keys()]).toEqual([blind]);
  });

  it('removes everything when the call does not commit', async () => {
    const { stored, files } = memory();
    const staging = fileStaging(files, random, log);
    const attempt = staging.attempt();
    await attempt.once('k', () => attempt.put('blind/a.jpg', new Uint8Array([1]), 'image/jpeg'));
    await attempt.put('exports/b.xlsx', new Uint8Array([2]), 'application/octet-stream');
    await staging.settle(false);
    expect(stored.size).toBe(0);
  });
});
