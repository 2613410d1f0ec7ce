import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import demo from '../../config/seed/demo.json';
import { allRounds } from '../../config/rounds';
import { roundSeeds } from '../../src/server/runtime/round-seeds';
import { startRuntime, type Runtime } from '../../src/server/runtime/runtime';

const rounds = roundSeeds(allRounds);

/** The local cloud runtime over real HTTP on 127.0.0.1, with a fresh data folder per suite. */
describe('local runtime', () => {
  let dir: string;
  let runtime: Runtime;
  let now = new Date('2024-08-01T02:00:00Z');
  const errors: string[] = [];

  const start = (options: { devMode?: boolean } = {}) =>
    startRuntime({
      port: 0,
      dataDir: dir,
      seed: { demo, rounds },
      devMode: options.devMode ?? true,
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

  /** Sends raw bytes on a fresh connection; resolves with what came back and whether the server closed it. */
  function raw(bytes: string | Buffer, waitMs = 1500): Promise<{ text: string; closedByServer: boolean }> {
    return new Promise((resolve, reject) => {
      const socket = connect(Number(new URL(runtime.url).port), '127.0.0.1');
      let text = '';
      let closedByServer = false;
      const timer = setTimeout(() => {
        socket.destroy();
        resolve({ text, closedByServer });
      }, waitMs);
      socket.on('data', (chunk) => (text += chunk.toString('utf8')));
      socket.on('end', () => {
        closedByServer = true;
        clearTimeout(timer);
        socket.destroy();
        resolve({ text, closedByServer });
      });
      socket.on('error', reject);
      socket.write(bytes);
    });
  }

  /** Like a simple client: writes the whole request first and reads the answer only then. */
  function sendAllThenRead(bytes: Buffer): Promise<{ text: string }> {
    return new Promise((resolve, reject) => {
      const socket = connect(Number(new URL(runtime.url).port), '127.0.0.1');
      let text = '';
      socket.pause();
      socket.on('data', (chunk) => (text += chunk.toString('utf8')));
      socket.on('end', () => resolve({ text }));
      socket.on('error', (error) => reject(new Error(`${error.message} after reading ${JSON.stringify(text.slice(0, 40))}`)));
      socket.write(bytes, () => socket.resume());
    });
  }

  const host = () => new URL(runtime.url).host;
  const statusOf = (text: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);

  it('offers a seeded person of every role for dev login', async () => {
    const reply = (await (await fetch(`${runtime.url}/dev/people`)).json()) as { data: { role: string }[] };
    expect(new Set(reply.data.map((p) => p.role))).toEqual(
      new Set(['applicant', 'unit_admin', 'county_hr', 'prefecture_hr', 'county_agency', 'prefecture_agency', 'committee_secretary', 'expert']),
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
    ['bad percent-encoding in the function name', '%ZZ', '{"action":"me"}', 400, 'REQUEST.MALFORMED'],
  ])('answers %s on /api/%s with its HTTP status and a Chinese message', async (_label, name, body, status, code) => {
    const token = await login('person-applicant');
    const result = await api(name, body, token);
    expect(result.status).toBe(status);
    expect(result.reply).toMatchObject({ ok: false, code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
  });

  it.each([['//['], ['http://[::1/api/rounds'], ['http://[/']])('answers the request target %j with 400 and keeps serving', async (target) => {
    const { text } = await raw(`GET ${target} HTTP/1.1\r\nHost: ${host()}\r\n\r\n`);
    expect(statusOf(text)).toBe(400);
    expect(text).toContain('REQUEST.MALFORMED');
    expect((await fetch(`${runtime.url}/health`)).status).toBe(200);
  });

  it('answers bad percent-encoding in a file URL with 400, not 500', async () => {
    const response = await fetch(`${runtime.url}/files/%ZZ?expires=1&sig=00`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'REQUEST.MALFORMED' });
    expect(errors).toEqual([]);
  });

  describe('sessions', () => {
    it('treats a forged or missing session as signed out', async () => {
      const token = await login('person-applicant');
      const forged = `${Buffer.from(JSON.stringify({ openid: 'demo-openid-expert', expires: 9e9, nonce: 'x' })).toString('base64url')}.${token.split('.')[1]}`;
      expect((await api('account', '{"action":"me"}', forged)).status).toBe(401);
      expect((await api('account', '{"action":"me"}')).status).toBe(401);
    });

    it('gives every login its own token', async () => {
      expect(await login('person-applicant')).not.toBe(await login('person-applicant'));
    });

    it.each([
      ['characters appended', (t: string) => `${t}xyz`],
      ['an upper-case signature', (t: string) => t.replace(/\.(.*)$/, (_m, sig: string) => `.${sig.toUpperCase()}`)],
      ['a truncated signature', (t: string) => t.slice(0, -2)],
    ])('refuses a token with %s', async (_label, mangle) => {
      const token = await login('person-applicant');
      expect(token).toMatch(/\.[0-9a-f]{64}$/);
      expect(/[a-f]/.test(token.split('.')[1] ?? '')).toBe(true);
      expect((await api('account', '{"action":"me"}', mangle(token))).status).toBe(401);
    });

    it('expires a token after hours, not never', async () => {
      const token = await login('person-applicant');
      const saved = now;
      now = new Date(now.getTime() + 11 * 3600_000);
      expect((await api('account', '{"action":"me"}', token)).status).toBe(200);
      now = new Date(saved.getTime() + 12 * 3600_000 + 1000);
      expect((await api('account', '{"action":"me"}', token)).status).toBe(401);
      now = saved;
    });
  });

  it.each([['evil.example'], [`evil.example:${'PORT'}`], ['127.0.0.1:1'], ['']])('refuses a request addressed to the host %j (DNS rebinding)', async (given) => {
    const hostHeader = given.replace('PORT', new URL(runtime.url).port);
    const { text } = await raw(`GET /dev/people HTTP/1.1\r\nHost: ${hostHeader}\r\n\r\n`);
    expect(statusOf(text)).toBe(403);
    expect(text).toContain('REQUEST.BAD_HOST');
  });

  it.each([['http://evil.example/health'], ['http://evil.example:80/dev/people'], ['//evil.example/health']])(
    'refuses a request target %j naming another host, even with a right Host header',
    async (target) => {
      const { text } = await raw(`GET ${target} HTTP/1.1\r\nHost: ${host()}\r\n\r\n`);
      expect(statusOf(text)).toBe(403);
      expect(text).toContain('REQUEST.BAD_HOST');
    },
  );

  it('takes an absolute-form target naming this host', async () => {
    const { text } = await raw(`GET http://${host()}/health HTTP/1.1\r\nHost: ${host()}\r\n\r\n`);
    expect(statusOf(text)).toBe(200);
  });

  it('answers requests addressed to localhost by name too', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: Number(new URL(runtime.url).port), path: '/health', headers: { Host: `localhost:${new URL(runtime.url).port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(200);
  });

  it('refuses a body over the limit and a non-POST call', async () => {
    const token = await login('person-applicant');
    const huge = JSON.stringify({ action: 'me', payload: { pad: 'x'.repeat(300 * 1024) } });
    expect(await api('account', huge, token)).toMatchObject({ status: 413, reply: { code: 'REQUEST.TOO_LARGE' } });
    const get = await fetch(`${runtime.url}/api/account`);
    expect(get.status).toBe(405);
  });

  it('closes a kept-alive connection after a 413 instead of leaving the client waiting', async () => {
    const head = `POST /api/account HTTP/1.1\r\nHost: ${host()}\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: ${400 * 1024}\r\n\r\n`;
    const { text, closedByServer } = await raw(`${head}{"action":"me","payload":{"pad":"xxxx`);
    expect(statusOf(text)).toBe(413);
    expect(closedByServer).toBe(true);
  });

  it('answers 503 "系统繁忙" at once when another process holds the database, and works again after', async () => {
    const token = await login('person-applicant');
    const save = JSON.stringify({ action: 'saveAnswers', payload: { roundId: 'yuli-initial-junior-2024', profile: {} } });
    const other = new Database(path.join(dir, 'store.sqlite'));
    try {
      other.exec('BEGIN IMMEDIATE');
      const busy = await api('eligibility', save, token);
      expect(busy).toMatchObject({ status: 503, reply: { ok: false, code: 'SYSTEM.BUSY', message: expect.stringContaining('系统繁忙，请稍后重试') } });
      // Reads still work while a writer holds the lock (WAL), and the server is not stuck.
      expect((await api('account', '{"action":"me"}', token)).status).toBe(200);
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    expect((await api('eligibility', save, token)).status).toBe(200);
  });

  describe('files', () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 3, 4, 0xff, 0xd9]);
    const filesRoot = () => path.join(dir, 'files');
    /** Every file under a folder, relative to it. */
    const listFiles = (root: string): string[] =>
      existsSync(root)
        ? readdirSync(root, { recursive: true, withFileTypes: true })
            .filter((entry) => entry.isFile())
            .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
            .sort()
        : [];

    async function upload(token: string | null, type: string, body: Buffer, cloudPath = 'id/front.jpg') {
      const response = await fetch(`${runtime.url}/upload?path=${encodeURIComponent(cloudPath)}`, {
        method: 'POST',
        headers: { 'Content-Type': type, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: new Uint8Array(body),
      });
      return { status: response.status, reply: (await response.json()) as { ok: boolean; code?: string; details?: string[]; data?: { ref: string } } };
    }
    const sha = (body: Buffer) => createHash('sha256').update(body).digest('hex');
    /** Announces a file as the app does before sending it; answers the name to send it under. */
    async function announce(token: string, body: Buffer, contentType: 'image/jpeg' | 'application/pdf' = 'image/jpeg', bytes = body.length): Promise<string> {
      const answer = await api('applications', JSON.stringify({ action: 'beginUpload', payload: { sha256: sha(body), bytes, contentType } }), token);
      expect(answer.status).toBe(200);
      return (answer.reply.data as { name: string }).name;
    }

    it('stores an announced upload under the uploader and serves it through a signed, expiring URL, never sniffed', async () => {
      const token = await login('person-applicant');
      const name = await announce(token, jpeg);
      expect(name).toBe(`${sha(jpeg)}.jpg`);
      const { status, reply } = await upload(token, 'image/jpeg', jpeg, name);
      expect(status).toBe(200);
      const ref = reply.data?.ref ?? '';
      expect(ref).toBe(`local/uploads/person-applicant/${name}`);

      const url = await runtime.deps.files.url(ref, 60);
      const served = await fetch(url ?? '');
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/jpeg');
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      expect(served.headers.get('content-disposition')).toBe(`inline; filename="${name}"`);
      expect(Buffer.from(await served.arrayBuffer())).toEqual(jpeg);
      // An export is saved under the name it asks for, percent-encoded.
      const named = await fetch(`${url ?? ''}&download=${encodeURIComponent('个人承诺书（李娜）.docx')}`);
      expect(named.headers.get('content-disposition')).toBe(`attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent('个人承诺书（李娜）.docx')}`);

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
      ['a file that was not announced', 'token', 'image/jpeg', 400, 'FILE.NOT_RESERVED', 'a.jpg'],
    ])('refuses an upload when %s', async (_label, auth, type, status, code, cloudPath) => {
      const token = auth ? await login('person-applicant') : null;
      const result = await upload(token, type, jpeg, cloudPath);
      expect(result.status).toBe(status);
      expect(result.reply).toMatchObject({ ok: false, code });
    });

    it.each([['-x.jpg'], ['.meta/x.jpg'], ['.hidden.jpg'], [`${'a'.repeat(150)}.jpg`], ['a//b.jpg'], ['']])(
      'refuses the upload path %j with 400 and a Chinese message, storing nothing',
      async (cloudPath) => {
        const token = await login('person-applicant');
        const before = listFiles(filesRoot());
        const result = await upload(token, 'image/jpeg', jpeg, cloudPath);
        expect(result).toMatchObject({ status: 400, reply: { ok: false, code: 'REQUEST.INVALID_PAYLOAD', details: [expect.stringContaining('文件路径不正确')] } });
        expect(listFiles(filesRoot())).toEqual(before);
      },
    );

    it('refuses other bytes than were announced, and more of them, storing nothing', async () => {
      const token = await login('person-applicant');
      const name = await announce(token, jpeg);
      const before = listFiles(filesRoot());
      const other = Buffer.from(jpeg);
      other[12] = 9;
      expect((await upload(token, 'image/jpeg', other, name)).reply).toMatchObject({ ok: false, code: 'FILE.CONTENT_MISMATCH', details: [expect.stringContaining('登记')] });
      const longer = Buffer.concat([jpeg, Buffer.alloc(100)]);
      expect(await upload(token, 'image/jpeg', longer, name)).toMatchObject({ status: 413, reply: { code: 'FILE.TOO_LARGE' } });
      expect(listFiles(filesRoot())).toEqual(before);
      expect(errors).toEqual([]);
    });

    it.each([
      ['HTML sent as image/jpeg', 'image/jpeg', Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>')],
      ['an executable sent as application/pdf', 'application/pdf', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0])],
      ['a PNG sent as image/jpeg', 'image/jpeg', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])],
    ])('refuses %s by its bytes, storing nothing', async (_label, type, body) => {
      const token = await login('person-applicant');
      const name = await announce(token, body, type as 'image/jpeg' | 'application/pdf');
      const before = listFiles(filesRoot());
      const result = await upload(token, type, body, name);
      expect(result).toMatchObject({ status: 415, reply: { ok: false, code: 'FILE.CONTENT_MISMATCH' } });
      expect(listFiles(filesRoot())).toEqual(before);
    });

    it('accepts a real PDF', async () => {
      const token = await login('person-applicant');
      const pdf = Buffer.from('%PDF-1.4\n%\xe2\xe3\n1 0 obj\n<<>>\nendobj\n');
      expect((await upload(token, 'application/pdf', pdf, await announce(token, pdf, 'application/pdf'))).status).toBe(200);
    });

    it('answers an upload over 10 MB with 413 before reading its body, readable by a client that sends it all first', async () => {
      const token = await login('person-applicant');
      const body = Buffer.alloc(11 * 1024 * 1024, 1);
      const name = await announce(token, body.subarray(0, 1000), 'image/jpeg', 1000);
      const head = `POST /upload?path=${name} HTTP/1.1\r\nHost: ${new URL(runtime.url).host}\r\nAuthorization: Bearer ${token}\r\nContent-Type: image/jpeg\r\nContent-Length: ${body.length}\r\n\r\n`;
      const answer = await sendAllThenRead(Buffer.concat([Buffer.from(head), body]));
      expect(answer.text).toMatch(/^HTTP\/1\.1 413/);
      expect(answer.text).toContain('FILE.TOO_LARGE');
    });
  });

  describe('the clock', () => {
    it('tells the app the server time, and the dev console can move it', async () => {
      const token = await login('person-applicant');
      const me = async () => ((await api('account', '{"action":"me"}', token)).reply.data as { serverTime: string }).serverTime;
      expect(await me()).toBe(now.toISOString());

      const set = await fetch(`${runtime.url}/dev/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ now: '2024-10-15T10:00:00+08:00' }) });
      expect(await set.json()).toEqual({ ok: true, data: { now: '2024-10-15T02:00:00.000Z', moved: true } });
      expect(await me()).toBe('2024-10-15T02:00:00.000Z');
      // It runs on from where it was set.
      now = new Date(now.getTime() + 60_000);
      expect(await me()).toBe('2024-10-15T02:01:00.000Z');
      expect(await (await fetch(`${runtime.url}/dev`)).text()).toContain('2024年10月15日 10:01');

      await fetch(`${runtime.url}/dev/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ now: null }) });
      expect(await me()).toBe(now.toISOString());
    });

    it.each([['"tomorrow"'], ['{"now":"2024-10-15"}'], ['{"now":"2024-10-15T10:00:00"}'], ['{"at":null}']])('refuses to set the clock from %s', async (body) => {
      const response = await fetch(`${runtime.url}/dev/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ ok: false, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    });
  });

  it('seeds only once and cleans leftover partial uploads at start: a restart on the same data folder keeps what was there', async () => {
    const token = await login('person-applicant');
    await runtime.close();
    mkdirSync(path.join(dir, 'files', '.tmp'), { recursive: true });
    writeFileSync(path.join(dir, 'files', '.tmp', 'crashed.part'), 'half');
    runtime = await start();
    expect(existsSync(path.join(dir, 'files', '.tmp', 'crashed.part'))).toBe(false);
    const people = (await (await fetch(`${runtime.url}/dev/people`)).json()) as { data: unknown[] };
    expect(people.data).toHaveLength(demo.people.length);
    // The signing secret belongs to the data folder, so a session survives the restart.
    expect((await api('account', '{"action":"me"}', token)).status).toBe(200);
  });

  it('has no dev login, dev console or dev clock unless started in dev mode', async () => {
    const token = await login('person-applicant');
    await runtime.close();
    runtime = await start({ devMode: false });
    try {
      for (const route of ['/dev', '/dev/people', '/dev/clock', '/dev/messages']) expect((await fetch(`${runtime.url}${route}`)).status).toBe(404);
      const loginAttempt = await fetch(`${runtime.url}/dev/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"personId":"person-applicant"}' });
      expect(loginAttempt.status).toBe(404);
      // A dev token from before is worth nothing outside dev mode.
      expect((await api('account', '{"action":"me"}', token)).status).toBe(401);
    } finally {
      await runtime.close();
      runtime = await start();
    }
  });
});
