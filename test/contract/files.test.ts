import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cloudFiles } from '../../src/server/adapters/cloud/cloud.files';
import { diskFiles, readLocalFile } from '../../src/server/adapters/local/disk.files';
import type { DiskFileStore } from '../../src/server/adapters/local/disk.files';
import { createFakeWxCloud, FakeSdkError } from '../fakes/wx-server-sdk.fake';
import { binaryFixture, filesContract } from './files.contract';

const BASE_URL = 'http://127.0.0.1:8787';
const START = new Date('2025-03-01T08:00:00Z');

/** A clock the test moves by hand. */
function manualClock(start: Date) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (seconds: number) => {
      now += seconds * 1000;
    },
  };
}

filesContract('disk', async () => {
  const root = mkdtempSync(join(tmpdir(), 'disk-files-'));
  return {
    files: diskFiles({ root, baseUrl: BASE_URL, secret: 'test-secret', clock: manualClock(START) }),
    cleanup: async () => rmSync(root, { recursive: true, force: true }),
  };
});

filesContract('cloud (fake wx-server-sdk)', async () => ({
  files: cloudFiles(createFakeWxCloud()),
  cleanup: async () => {},
}));

describe('diskFiles', () => {
  let root: string;
  let clock: ReturnType<typeof manualClock>;
  let files: DiskFileStore;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'disk-files-'));
    clock = manualClock(START);
    files = diskFiles({ root, baseUrl: `${BASE_URL}/`, secret: 'test-secret', clock });
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  /** Splits a signed URL back into what the HTTP runtime would pass to `verify`. */
  function parse(url: string): { ref: string; expires: number; sig: string } {
    const parsed = new URL(url);
    const encoded = parsed.pathname.replace(/^\/files\//, '');
    return {
      ref: decodeURIComponent(encoded),
      expires: Number(parsed.searchParams.get('expires')),
      sig: parsed.searchParams.get('sig') ?? '',
    };
  }

  async function signedUrl(ttl = 600) {
    const ref = await files.put('certificates/p1/photo.jpg', binaryFixture(), 'image/jpeg');
    const url = await files.url(ref, ttl);
    if (url === null) throw new Error('expected a URL');
    const signed = parse(url);
    expect(signed.ref).toBe(ref);
    return { url, ...signed };
  }

  it('names files local/<path> and signs URLs under baseUrl/files/', async () => {
    const { ref, url, expires } = await signedUrl(600);
    expect(ref).toBe('local/certificates/p1/photo.jpg');
    expect(url.startsWith(`${BASE_URL}/files/${encodeURIComponent(ref)}?expires=`)).toBe(true);
    expect(expires).toBe(START.getTime() / 1000 + 600);
    expect(url).toMatch(/&sig=[0-9a-f]{64}$/);
  });

  it('accepts the signature of a fresh URL', async () => {
    const { ref, expires, sig } = await signedUrl();
    expect(files.verify(ref, expires, sig)).toBe(true);
  });

  it('rejects a tampered signature, ref or expiry', async () => {
    const { ref, expires, sig } = await signedUrl();
    const flipped = `${sig.slice(0, -1)}${sig.endsWith('0') ? '1' : '0'}`;
    expect(files.verify(ref, expires, flipped)).toBe(false);
    expect(files.verify(ref, expires, sig.slice(0, 10))).toBe(false);
    expect(files.verify(ref, expires, 'z'.repeat(64))).toBe(false);
    expect(files.verify('local/certificates/p2/photo.jpg', expires, sig)).toBe(false);
    expect(files.verify(ref, expires + 3600, sig)).toBe(false);
  });

  it('rejects a URL signed with another secret', async () => {
    const { ref, expires, sig } = await signedUrl();
    const other = diskFiles({ root, baseUrl: BASE_URL, secret: 'another-secret', clock });
    expect(other.verify(ref, expires, sig)).toBe(false);
  });

  it('accepts a URL until it expires and rejects it from then on', async () => {
    const { ref, expires, sig } = await signedUrl(60);
    clock.advance(59);
    expect(files.verify(ref, expires, sig)).toBe(true);
    clock.advance(1);
    expect(files.verify(ref, expires, sig)).toBe(false);
  });

  it.each([['local/../secret.txt'], ['local//etc/passwd'], ['local/a/../../x'], ['../x'], ['cloud://x/y'], ['local/.meta/a.json']])(
    'rejects the ref %j everywhere (reading it finds no file, as in cloud storage)',
    async (ref) => {
      const expires = START.getTime() / 1000 + 60;
      expect(files.verify(ref, expires, '0'.repeat(64))).toBe(false);
      expect(() => files.resolve(ref)).toThrow();
      // A ref from outside (the phone) that this store never issued names no file: null, not a crash.
      await expect(files.get(ref)).resolves.toBeNull();
      await expect(files.url(ref, 60)).resolves.toBeNull();
      await expect(files.delete(ref)).rejects.toThrow();
      await expect(readLocalFile(root, ref)).rejects.toThrow();
    },
  );

  it('resolves a ref to a path inside the root', async () => {
    const { ref } = await signedUrl();
    expect(files.resolve(ref)).toBe(join(root, 'certificates', 'p1', 'photo.jpg'));
  });

  it('serves a file with the content type it was put with', async () => {
    const ref = await files.put('docs/notice.pdf', Uint8Array.of(37, 80, 68, 70), 'application/pdf');
    expect(await readLocalFile(root, ref)).toEqual({ content: Uint8Array.of(37, 80, 68, 70), contentType: 'application/pdf' });
    expect(await files.read(ref)).toEqual({ content: Uint8Array.of(37, 80, 68, 70), contentType: 'application/pdf' });
    expect(await readLocalFile(root, 'local/docs/missing.pdf')).toBeNull();
  });

  it('refuses a content type that could break a response header', async () => {
    await expect(files.put('a.txt', Uint8Array.of(1), 'text/plain\r\nSet-Cookie: x=1')).rejects.toThrow();
    await expect(files.put('a.txt', Uint8Array.of(1), 'nonsense')).rejects.toThrow();
  });

  it('leaves no temporary files behind and keeps metadata out of the content tree', async () => {
    await files.put('a/b.jpg', binaryFixture(), 'image/jpeg');
    await files.put('a/b.jpg', Uint8Array.of(1), 'image/png');
    expect(readdirSync(join(root, '.tmp'))).toEqual([]);
    expect(readdirSync(join(root, 'a'))).toEqual(['b.jpg']);
    expect((await files.read('local/a/b.jpg'))?.contentType).toBe('image/png');
  });

  it('refuses an empty secret', () => {
    expect(() => diskFiles({ root, baseUrl: BASE_URL, secret: '', clock })).toThrow();
  });
});

describe('cloudFiles', () => {
  it('uploads to the path as cloudPath and returns the fileID as the ref', async () => {
    const fake = createFakeWxCloud();
    const ref = await cloudFiles(fake).put('certificates/p1/photo.jpg', binaryFixture(), 'image/jpeg');
    expect(ref).toBe('cloud://fake-env.fake-bucket/certificates/p1/photo.jpg');
    expect(fake.hasFile(ref)).toBe(true);
  });

  it('asks for a temporary URL that lives as long as the ttl', async () => {
    const fake = createFakeWxCloud();
    const files = cloudFiles(fake);
    const ref = await files.put('a.jpg', binaryFixture(), 'image/jpeg');
    const spy = jest.spyOn(fake, 'getTempFileURL');
    await files.url(ref, 900);
    expect(spy).toHaveBeenCalledWith({ fileList: [{ fileID: ref, maxAge: 900 }] });
  });

  it('rethrows a download failure for a file that exists', async () => {
    const fake = createFakeWxCloud();
    const files = cloudFiles(fake);
    const ref = await files.put('a.jpg', binaryFixture(), 'image/jpeg');
    fake.failNext('downloadFile', new FakeSdkError(-501002, 'downloadFile:fail server timeout'));
    await expect(files.get(ref)).rejects.toThrow(/server timeout/);
  });

  it('throws when storage refuses a delete for a reason other than a missing file', async () => {
    const fake = createFakeWxCloud();
    jest.spyOn(fake, 'deleteFile').mockResolvedValue({
      fileList: [{ fileID: 'cloud://x/a.jpg', status: -503002, errMsg: 'storage permission denied' }],
    });
    await expect(cloudFiles(fake).delete('cloud://x/a.jpg')).rejects.toThrow(/permission denied/);
  });
});
