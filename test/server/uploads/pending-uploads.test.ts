import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { dispatch, runTimer, type Caller } from '../../../src/server/dispatch';
import { functions } from '../../../src/server/functions';
import { UPLOAD_QUOTA } from '../../../src/server/uploads/pending-uploads';
import { openHarness, type Harness } from '../harness';
import { aksuEmployee } from '../../core/eligibility/people.fixture';

/**
 * Uploads are announced before they are sent (the quota), kept without their metadata once used,
 * and removed by a timer when nothing used them within a day.
 */
const senior: Caller = { openid: 'demo-openid-senior' };
const PERSON = 'person-senior';
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Whether a JPEG carries an EXIF GPS block (the GPS IFD pointer, tag 0x8825, in either byte order). */
async function hasGps(bytes: Uint8Array): Promise<boolean> {
  const { exif } = await sharp(bytes).metadata();
  return !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));
}

/** A phone photo as phones send them: EXIF with the place it was taken, stored turned (orientation 6). */
const phonePhoto = () =>
  sharp({ create: { width: 300, height: 200, channels: 3, background: '#f0f0f0' } })
    .composite([{ input: { create: { width: 60, height: 40, channels: 3, background: '#202020' } }, left: 0, top: 0 }])
    .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'P1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '41/1 10/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '80/1 15/1 0/1' } })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();

describe('uploads: the quota, metadata and the cleanup timer', () => {
  let harness: Harness;
  let applicationId = '';
  const call = (fn: 'applications', action: string, payload: unknown) => dispatch(functions, fn, { action, payload }, senior, harness.deps);
  const announce = (sha256: string, bytes: number, contentType = 'image/jpeg') => call('applications', 'beginUpload', { sha256, bytes, contentType });
  const pending = () => harness.store.find('pendingUploads', { where: [{ field: 'personId', op: 'eq', value: PERSON }] });

  beforeEach(async () => {
    harness = await openHarness('pending-uploads', new Date('2024-08-01T02:00:00Z'));
    await dispatch(functions, 'eligibility', { action: 'saveAnswers', payload: { roundId: 'aksu-water-2024', profile: aksuEmployee() } }, senior, harness.deps);
    applicationId = ((await call('applications', 'create', { roundId: 'aksu-water-2024', offerKey: 'directed_evaluation:deputy_senior' })).reply as { data: { id: string } }).data.id;
  });
  afterEach(() => harness.close());

  it(`refuses one unused upload more than ${UPLOAD_QUOTA.pendingFiles}, and one past ${UPLOAD_QUOTA.pendingBytes / 1024 / 1024} MB, saying the numbers; the same one announced again is one`, async () => {
    for (let i = 0; i < UPLOAD_QUOTA.pendingFiles; i += 1) expect((await announce(i.toString(16).padStart(64, '0'), 1000)).status).toBe(200);
    expect((await announce('0'.repeat(64), 1000)).status).toBe(200);
    const refused = await announce('f'.repeat(64), 1000);
    expect(refused).toMatchObject({ status: 429, reply: { ok: false, code: 'FILE.QUOTA_PENDING', details: [expect.stringContaining(`现在有 ${UPLOAD_QUOTA.pendingFiles} 个`)] } });
    expect(await pending()).toHaveLength(UPLOAD_QUOTA.pendingFiles);
  });

  it('counts the bytes announced, not only the files', async () => {
    expect((await announce('a'.repeat(64), 9 * 1024 * 1024)).status).toBe(200);
    for (let i = 0; i < 10; i += 1) await announce(`b${i}`.padEnd(64, 'b'), 9 * 1024 * 1024);
    expect((await announce('c'.repeat(64), 9 * 1024 * 1024)).reply).toMatchObject({ code: 'FILE.QUOTA_PENDING' });
    const total = (await pending()).reduce((sum, d) => sum + Number(d.bytes), 0);
    expect(total).toBeLessThanOrEqual(UPLOAD_QUOTA.pendingBytes);
  });

  it('keeps an attached photo upright and without EXIF or GPS, removes the upload, and answers a retry with the same file', async () => {
    const content = await phonePhoto();
    expect(await hasGps(content)).toBe(true);
    await announce(sha(content), content.length);
    const ref = await harness.files.put(`uploads/${PERSON}/${sha(content)}.jpg`, content, 'image/jpeg');
    const first = await call('applications', 'attach', { applicationId, category: 'education', ref, sha256: sha(content) });
    const file = (first.reply as { data: { files: { sha256: string; width: number; height: number }[] } }).data.files[0]!;
    // Orientation 6: the stored 300 × 200 is shown 200 × 300.
    expect([file.width, file.height]).toEqual([200, 300]);
    const record = (await harness.store.get('applications', applicationId)) as unknown as { files: { ref: string; sha256: string; uploadSha256: string }[] };
    const kept = (await harness.files.get(record.files[0]!.ref))!;
    expect(await hasGps(kept)).toBe(false);
    const meta = await sharp(kept).metadata();
    expect([meta.exif, meta.orientation, meta.width, meta.height]).toEqual([undefined, undefined, 200, 300]);
    expect(record.files[0]).toMatchObject({ sha256: sha(kept), uploadSha256: sha(content) });
    expect(await harness.files.get(ref)).toBeNull();
    expect(await pending()).toEqual([expect.objectContaining({ usedAt: expect.any(String) })]);
    // The answer was lost and the phone sends the attach again: the upload is gone, the file is there.
    const again = await call('applications', 'attach', { applicationId, category: 'education', ref, sha256: sha(content) });
    expect(again.reply).toMatchObject({ ok: true, data: { files: [expect.objectContaining({ sha256: sha(kept) })] } });
    // The blind copy is made from the kept file: no metadata there either.
    await call('applications', 'mask', { applicationId, sha256: sha(kept), needsMasking: 'yes', masks: [{ x: 0, y: 0, w: 0.3, h: 0.2 }] });
    const blindRef = ((await harness.store.get('applications', applicationId)) as unknown as { files: { blindRef: string }[] }).files[0]!.blindRef;
    expect(await hasGps((await harness.files.get(blindRef))!)).toBe(false);
  });

  it('refuses a file past the application’s quota, keeping nothing', async () => {
    const doc = await harness.store.get('applications', applicationId);
    const filler = Array.from({ length: UPLOAD_QUOTA.applicationFiles }, (_, i) => ({
      sha256: i.toString(16).padStart(64, '0'), uploadSha256: null, category: 'education', ref: `local/originals/${PERSON}/${i}.jpg`, contentType: 'image/jpeg', bytes: 1000,
      width: 10, height: 10, attachedAt: '2024-08-01T02:00:00.000Z', needsMasking: 'no', masks: [], blindRef: null, stillVisible: [],
    }));
    await harness.store.update('applications', applicationId, doc!._rev, { files: filler });
    const content = await phonePhoto();
    const ref = await harness.files.put(`uploads/${PERSON}/${sha(content)}.jpg`, content, 'image/jpeg');
    const refused = await call('applications', 'attach', { applicationId, category: 'education', ref, sha256: sha(content) });
    expect(refused).toMatchObject({ status: 413, reply: { code: 'FILE.QUOTA_FULL', details: [expect.stringContaining(`最多 ${UPLOAD_QUOTA.applicationFiles} 个文件`)] } });
    expect(((await harness.store.get('applications', applicationId)) as unknown as { files: unknown[] }).files).toHaveLength(UPLOAD_QUOTA.applicationFiles);
    // The upload stays for another try (after removing some), until the timer.
    expect(await harness.files.get(ref)).not.toBeNull();
  });

  it('removes, a day later, the uploads nothing used and their announcements; younger ones stay', async () => {
    const unused = await phonePhoto();
    await announce(sha(unused), unused.length);
    const unusedRef = await harness.files.put(`uploads/${PERSON}/${sha(unused)}.jpg`, unused, 'image/jpeg');
    harness.setNow(new Date('2024-08-02T01:00:00Z'));
    const younger = Buffer.concat([unused.subarray(0, -2), Buffer.from([0, 0xff, 0xd9])]);
    await announce(sha(younger), younger.length);
    const youngerRef = await harness.files.put(`uploads/${PERSON}/${sha(younger)}.jpg`, younger, 'image/jpeg');
    const timer = () => runTimer(functions, 'applications', 'removeStaleUploads', harness.deps);
    expect((await timer()).reply).toEqual({ ok: true, data: { changed: 0 } });
    harness.setNow(new Date('2024-08-02T02:00:01Z'));
    expect((await timer()).reply).toEqual({ ok: true, data: { changed: 1 } });
    expect(await harness.files.get(unusedRef)).toBeNull();
    expect(await harness.files.get(youngerRef)).not.toBeNull();
    expect((await pending()).map((d) => d.sha256)).toEqual([sha(younger)]);
    // Twice does what once does.
    expect((await timer()).reply).toEqual({ ok: true, data: { changed: 0 } });
  });
});
