import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import demo from '../../config/seed/demo.json';
import { allRounds } from '../../config/rounds';
import { roundSeeds } from '../../src/server/runtime/round-seeds';
import { startRuntime, type Runtime } from '../../src/server/runtime/runtime';
import { yuliGraduate } from '../core/eligibility/people.fixture';
import { PROBE_FILE_REFS } from '../fixtures/hostile-refs';

/**
 * The hostile inputs of issue 22, replayed against the local runtime over real HTTP: a
 * decompression bomb, malformed file refs, a corrupt JPEG, a photo with its GPS position, uploads
 * past the quota, invisible characters in names, impossible dates and links, a request id reused,
 * invite codes guessed, another host in the request target, a body over the limit sent whole.
 * Whatever each is answered, it is never a 500; afterwards every stored image decodes whole and
 * none carries a GPS position, and a day later no upload nothing used is left.
 */
describe('bad input against the runtime', () => {
  let dir: string;
  let runtime: Runtime;
  const statuses: { what: string; status: number }[] = [];
  const errors: string[] = [];
  const tokens: Record<string, string> = {};
  let applicationId = '';

  const host = () => new URL(runtime.url).host;
  const post = async (what: string, route: string, body: unknown, token?: string) => {
    const response = await fetch(`${runtime.url}${route}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    statuses.push({ what, status: response.status });
    return { status: response.status, reply: (await response.json()) as { ok: boolean; code?: string; message?: string; data?: unknown } };
  };
  const api = (person: string, fn: string, action: string, payload: unknown) => post(`${fn}.${action}`, `/api/${fn}`, { action, payload }, tokens[person]);
  const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  /** Announces and uploads a file as the app does; answers its ref and SHA-256. */
  const upload = async (person: string, content: Buffer) => {
    const announced = await api(person, 'applications', 'beginUpload', { sha256: sha(content), bytes: content.length, contentType: 'image/jpeg' });
    const name = (announced.reply.data as { name: string }).name;
    const response = await fetch(`${runtime.url}/upload?path=${name}`, { method: 'POST', headers: { 'Content-Type': 'image/jpeg', Authorization: `Bearer ${tokens[person]}` }, body: new Uint8Array(content) });
    statuses.push({ what: 'upload', status: response.status });
    return { ref: ((await response.json()) as { data: { ref: string } }).data.ref, sha256: sha(content) };
  };
  /** Every file the runtime stored, by its path under the files folder. */
  const storedFiles = (): string[] => {
    const root = path.join(dir, 'files');
    return existsSync(root)
      ? readdirSync(root, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile() && !path.relative(root, e.parentPath).startsWith('.meta'))
          .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
      : [];
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bad-input-'));
    runtime = await startRuntime({ port: 0, dataDir: dir, seed: { demo, rounds: roundSeeds(allRounds) }, devMode: true, log: { error: (m) => errors.push(m), warn: () => undefined } });
    await post('clock', '/dev/clock', { now: '2024-08-24T10:00:00+08:00' });
    for (const person of ['person-applicant', 'person-secretary', 'person-newcomer', 'person-newcomer-admin', 'person-unit-admin']) {
      tokens[person] = ((await post('login', '/dev/login', { personId: person })).reply.data as { token: string }).token;
    }
    await api('person-applicant', 'eligibility', 'saveAnswers', { roundId: 'yuli-initial-junior-2024', profile: yuliGraduate({ specialty: 'agriculture.agronomy', series: 'agriculture' }) });
    applicationId = ((await api('person-applicant', 'applications', 'create', { roundId: 'yuli-initial-junior-2024', offerKey: 'initial_junior:junior_assistant' })).reply.data as { id: string }).id;
  }, 60_000);

  afterAll(async () => {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a decompression bomb at attach within a second, keeping nothing of it', async () => {
    const bomb = await sharp({ create: { width: 16000, height: 16000, channels: 3, background: '#fff' } }).jpeg({ quality: 10 }).toBuffer();
    const sent = await upload('person-applicant', bomb);
    const started = Date.now();
    const answer = await api('person-applicant', 'applications', 'attach', { applicationId, category: 'id_card', ...sent });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(answer).toMatchObject({ status: 413, reply: { code: 'FILE.TOO_MANY_PIXELS' } });
    expect(storedFiles().filter((f) => f.startsWith('originals/'))).toEqual([]);
  }, 60_000);

  // The probe's refs, and a kept original's ref (not an upload: never taken as one).
  it.each([...PROBE_FILE_REFS, 'local/originals/person-applicant/x.jpg'])('answers the file ref %j with a 4xx at attach, at checkPhoto and at recordFee', async (ref) => {
    const attach = await api('person-applicant', 'applications', 'attach', { applicationId, category: 'id_card', ref, sha256: 'a'.repeat(64) });
    const check = await api('person-secretary', 'applications', 'checkPhoto', { ref, sha256: 'a'.repeat(64) });
    const fee = await api('person-secretary', 'committee', 'recordFee', { applicationId: 'person-forestry-1:aksu-forestry-2024:directed_evaluation:deputy_senior', requestId: `fee-${sha(Buffer.from(ref)).slice(0, 12)}`, payment: { amountYuan: 700, paidOn: '2024-08-17', receiptNo: 'AKS-0001' }, receipt: { ref, sha256: 'a'.repeat(64) } });
    for (const answer of [attach, check, fee]) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
    }
  });

  it('refuses a JPEG cut off in the middle with an end marker appended, so none is kept that cannot be masked', async () => {
    const whole = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#a0a0a0' } }).jpeg().toBuffer();
    const cut = Buffer.concat([whole.subarray(0, Math.floor(whole.length / 2)), Buffer.from([0xff, 0xd9])]);
    const answer = await api('person-applicant', 'applications', 'attach', { applicationId, category: 'id_card', ...(await upload('person-applicant', cut)) });
    expect(answer).toMatchObject({ status: 415, reply: { code: 'FILE.CONTENT_MISMATCH' } });
  });

  it('keeps a photo taken with its position without it, and masks it', async () => {
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#f3efe6' } })
      .withExif({ IFD0: { Make: 'PhoneMaker' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '41/1 10/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '80/1 15/1 0/1' } })
      .jpeg()
      .toBuffer();
    const attached = await api('person-applicant', 'applications', 'attach', { applicationId, category: 'id_card', ...(await upload('person-applicant', photo)) });
    expect(attached.status).toBe(200);
    const kept = (attached.reply.data as { files: { sha256: string }[] }).files[0]!.sha256;
    expect((await api('person-applicant', 'applications', 'mask', { applicationId, sha256: kept, needsMasking: 'yes', masks: [{ x: 0.1, y: 0.1, w: 0.3, h: 0.1 }] })).status).toBe(200);
  }, 60_000);

  it('stops uploads past the quota, announced or sent', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 25; i += 1) answers.push((await api('person-newcomer', 'applications', 'beginUpload', { sha256: sha(Buffer.from(`big-${i}`)), bytes: 9 * 1024 * 1024, contentType: 'image/jpeg' })).status);
    expect(answers.filter((s) => s === 200).length).toBeLessThanOrEqual(11);
    expect(answers.filter((s) => s === 429).length).toBeGreaterThanOrEqual(14);
    const unannounced = await fetch(`${runtime.url}/upload?path=${'b'.repeat(64)}.jpg`, { method: 'POST', headers: { 'Content-Type': 'image/jpeg', Authorization: `Bearer ${tokens['person-newcomer']}` }, body: new Uint8Array(Buffer.from([0xff, 0xd8, 0xff, 0xd9])) });
    statuses.push({ what: 'upload', status: unannounced.status });
    expect(unannounced.status).toBe(400);
  });

  it.each([['NUL', '水利\u0000站'], ['a right-to-left override', '\u202E站作工利水'], ['only zero-width spaces', '\u200B\u200B\u200B\u200B'], ['a lone surrogate', '水利\uD800站']])(
    'refuses a unit name with %s',
    async (_what, name) => {
      const answer = await api('person-newcomer-admin', 'units', 'register', { name, level: 'county', kind: 'institution', county: '尉犁县', creditCode: '91350100M000100Y43', contactName: '张伟', contactPhone: '13912345678' });
      expect(answer).toMatchObject({ status: 400, reply: { code: 'REQUEST.INVALID_PAYLOAD' } });
    },
  );

  it.each([
    ['2024-02-30', { kind: 'room', name: '会议室' }],
    ['9999-99-99', { kind: 'room', name: '会议室' }],
    ['2042-10-24', { kind: 'room', name: '会议室' }],
    ['2024-10-24', { kind: 'online', name: '线上答辩', link: 'javascript:alert(1)' }],
    ['2024-10-24', { kind: 'online', name: '线上答辩', link: 'data:text/html,<script>alert(1)</script>' }],
  ])('refuses a defense session on %s at %j', async (date, place) => {
    const session = { date, start: '09:30', end: '10:00', breaks: [], place, panels: [{ id: 'p', name: '一组', specialties: ['forestry.forest_protection'] }], slotMinutes: 10, bring: '身份证原件' };
    const answer = await api('person-secretary', 'defense', 'addSession', { roundId: 'aksu-forestry-2024', session });
    expect(answer.status).toBe(400);
  });

  it('refuses an approval under a return’s request id', async () => {
    const returned = await api('person-unit-admin', 'review', 'return', { applicationId: 'person-applicant-2:yuli-initial-junior-2024:initial_junior:junior_assistant', requestId: 'bad-input-0001', reasons: [{ category: 'general', kind: 'incomplete', text: '' }] });
    const approved = await api('person-unit-admin', 'review', 'approve', { applicationId: 'person-applicant-2:yuli-initial-junior-2024:initial_junior:junior_assistant', requestId: 'bad-input-0001' });
    // However the return was answered, the approval under its id is never a silent success.
    if (returned.reply.ok) expect(approved).toMatchObject({ status: 409, reply: { code: 'REQUEST.ID_REUSED' } });
    else expect(approved.reply.ok).toBe(false);
  });

  it('stops invite-code guessing after ten tries', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 12; i += 1) answers.push((await api('person-newcomer', 'units', 'join', { inviteCode: `ZZZZZZZZZ${'ABCDEFGHJKLM'[i]}` })).status);
    expect(answers).toEqual([...Array(10).fill(404), 429, 429]);
  });

  it('refuses another host in the request target, and answers a whole 11 MB body with a readable 413', async () => {
    const text = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(runtime.url).port), '127.0.0.1');
      let got = '';
      socket.on('data', (c) => (got += c.toString('utf8')));
      socket.on('end', () => resolve(got));
      socket.on('error', reject);
      socket.write(`GET http://evil.example/health HTTP/1.1\r\nHost: ${host()}\r\n\r\n`);
    });
    expect(text).toMatch(/^HTTP\/1\.1 403/);
    const big = await fetch(`${runtime.url}/api/applications`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokens['person-applicant']}` }, body: 'x'.repeat(11 * 1024 * 1024) });
    statuses.push({ what: 'big body', status: big.status });
    expect(big.status).toBe(413);
  });

  it('answered none of it with a 500, and logged no fault', () => {
    expect(statuses.filter((s) => s.status >= 500)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('keeps only images that decode whole and carry no GPS position; a day later no unused upload is left', async () => {
    const images = storedFiles().filter((f) => f.endsWith('.jpg') && !f.startsWith('uploads/'));
    expect(images.length).toBeGreaterThanOrEqual(2);
    for (const file of images) {
      const bytes = readFileSync(path.join(dir, 'files', file));
      await expect(sharp(bytes, { failOn: 'warning' }).raw().toBuffer()).resolves.toBeInstanceOf(Buffer);
      const { exif } = await sharp(bytes).metadata();
      expect({ file, gps: !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]))) }).toEqual({ file, gps: false });
    }
    await post('clock', '/dev/clock', { now: '2024-08-25T11:00:00+08:00' });
    await post('timers', '/dev/timers', {});
    expect(storedFiles().filter((f) => f.startsWith('uploads/'))).toEqual([]);
  }, 60_000);
});
