import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import demo from '../../config/seed/demo.json';
import { startRuntime, type Runtime } from '../../src/server/runtime/runtime';

/** The local cloud runtime over real HTTP on 127.0.0.1, with a fresh data folder per suite. */
describe('local runtime', () => {
  let dir: string;
  let runtime: Runtime;
  let now = new Date('2024-08-01T02:00:00Z');
  const errors: string[] = [];

  const start = () =>
    startRuntime({
      port: 0,
      dataDir: dir,
      seed: { demo, rounds: [] },
      clock: { now: () => now },
      log: { error: (m) => errors.push(m), warn: () => undefined },
    });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'runtime-'));
    runtime = await start();
  });

  afterAll(async () => {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function login(personId: string): Promise<string> {
    const response = await fetch(`${runtime.url}/dev/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ personId }),
    });
    const reply = (await response.json()) as { ok: boolean; data: { token: string } };
    expect(reply.ok).toBe(true);
    return reply.data.token;
  }

  async function api(name: string, body: string, token?: string) {
    const response = await fetch(`${runtime.url}/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body,
    });
    return { status: response.status, reply: (await response.json()) as Record<string, unknown> };
  }

  it('offers a seeded person of every role for dev login', async () => {
    const reply = (await (await fetch(`${runtime.url}/dev/people`)).json()) as { data: { role: string }[] };
    expect(new Set(reply.data.map((p) => p.role))).toEqual(
      new Set(['applicant', 'unit_admin', 'county_hr', 'prefecture_hr', 'committee_secretary', 'expert']),
    );
    const html = await (await fetch(`${runtime.url}/dev`)).text();
    expect(html).toContain('本地开发控制台');
    expect(html).toContain('王建新');
  });

  it('runs a function as the signed-in person', async () => {
    const token = await login('person-senior');
    const { status, reply } = await api('account', JSON.stringify({ action: 'me', payload: {} }), token);
    expect(status).toBe(200);
    expect(reply).toMatchObject({ ok: true, data: { name: '王建新', unitName: '阿克苏地区水利水电勘测设计院' } });
  });

  it.each([
    ['invalid JSON', 'account', '{"action":', 400, 'REQUEST.MALFORMED'],
    ['an unknown function', 'nope', '{"action":"me"}', 400, 'REQUEST.UNKNOWN_FUNCTION'],
    ['an unknown action', 'account', '{"action":"drop"}', 400, 'REQUEST.UNKNOWN_ACTION'],
    ['a payload failing its schema', 'account', '{"action":"me","payload":{"x":1}}', 400, 'REQUEST.INVALID_PAYLOAD'],
  ])('answers %s on /api/%s with its HTTP status and a Chinese message', async (_label, name, body, status, code) => {
    const token = await login('person-applicant');
    const result = await api(name, body, token);
    expect(result.status).toBe(status);
    expect(result.reply).toMatchObject({ ok: false, code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
  });

  it('treats a forged or missing session as signed out', async () => {
    const token = await login('person-applicant');
    const forged = `${Buffer.from('demo-openid-expert').toString('base64url')}.${token.split('.')[1]}`;
    expect((await api('account', '{"action":"me"}', forged)).status).toBe(401);
    expect((await api('account', '{"action":"me"}')).status).toBe(401);
  });

  it('refuses a body over the limit and a non-POST call', async () => {
    const token = await login('person-applicant');
    const huge = JSON.stringify({ action: 'me', payload: { pad: 'x'.repeat(300 * 1024) } });
    expect(await api('account', huge, token)).toMatchObject({ status: 413, reply: { code: 'REQUEST.TOO_LARGE' } });
    const get = await fetch(`${runtime.url}/api/account`);
    expect(get.status).toBe(405);
  });

  describe('files', () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0xff, 0xd9]);

    async function upload(token: string | null, type: string, body: Buffer, cloudPath = 'id/front.jpg') {
      const response = await fetch(`${runtime.url}/upload?path=${encodeURIComponent(cloudPath)}`, {
        method: 'POST',
        headers: { 'Content-Type': type, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: new Uint8Array(body),
      });
      return { status: response.status, reply: (await response.json()) as { ok: boolean; code?: string; data?: { ref: string } } };
    }

    it('stores an upload under the uploader and serves it through a signed, expiring URL', async () => {
      const token = await login('person-applicant');
      const { status, reply } = await upload(token, 'image/jpeg', jpeg);
      expect(status).toBe(200);
      const ref = reply.data?.ref ?? '';
      expect(ref).toContain('person-applicant');

      const url = await runtime.deps.files.url(ref, 60);
      const served = await fetch(url ?? '');
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/jpeg');
      expect(Buffer.from(await served.arrayBuffer())).toEqual(jpeg);

      const tampered = (url ?? '').replace(/sig=([0-9a-f])/, (_m, c: string) => `sig=${c === '0' ? '1' : '0'}`);
      expect((await fetch(tampered)).status).toBe(403);
      const saved = now;
      now = new Date(now.getTime() + 61_000);
      expect((await fetch(url ?? '')).status).toBe(403);
      now = saved;
    });

    it.each([
      ['not signed in', null, 'image/jpeg', 401, 'AUTH.NOT_SIGNED_IN', 'a.jpg'],
      ['a type other than JPG, PNG or PDF', 'token', 'text/html', 415, 'FILE.BAD_TYPE', 'a.jpg'],
      ['a path that climbs out', 'token', 'image/jpeg', 400, 'REQUEST.INVALID_PAYLOAD', '../x.jpg'],
    ])('refuses an upload when %s', async (_label, auth, type, status, code, cloudPath) => {
      const token = auth ? await login('person-applicant') : null;
      const result = await upload(token, type, jpeg, cloudPath);
      expect(result.status).toBe(status);
      expect(result.reply).toMatchObject({ ok: false, code });
    });

    it('refuses an upload over 10 MB', async () => {
      const token = await login('person-applicant');
      const result = await upload(token, 'image/jpeg', Buffer.alloc(10 * 1024 * 1024 + 1));
      expect(result).toMatchObject({ status: 413, reply: { code: 'FILE.TOO_LARGE' } });
    });
  });

  it('seeds only once: a restart on the same data folder keeps what was there', async () => {
    const token = await login('person-applicant');
    await runtime.close();
    runtime = await start();
    const people = (await (await fetch(`${runtime.url}/dev/people`)).json()) as { data: unknown[] };
    expect(people.data).toHaveLength(demo.people.length);
    // The signing secret belongs to the data folder, so a session survives the restart.
    expect((await api('account', '{"action":"me"}', token)).status).toBe(200);
  });
});
