import type { FileStore } from '../../src/server/ports/files.port';

type FilesFixture = { files: FileStore; cleanup(): Promise<void> };

/** Every byte value, zeros included, so no text encoding can slip through unnoticed. */
export function binaryFixture(): Uint8Array {
  return Uint8Array.from({ length: 512 }, (_, i) => (i * 7) % 256);
}

/**
 * The behaviour every FileStore adapter must share (files on disk locally, cloud storage in
 * production). Call it with a factory for a fresh, empty file store.
 */
export function filesContract(name: string, makeFiles: () => Promise<FilesFixture>): void {
  describe(`FileStore contract: ${name}`, () => {
    let files: FileStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ files, cleanup } = await makeFiles());
    });

    afterEach(async () => {
      await cleanup();
    });

    it('returns the exact bytes that were put', async () => {
      const content = binaryFixture();
      const ref = await files.put('certificates/p1/photo.jpg', content, 'image/jpeg');
      expect(typeof ref).toBe('string');
      expect(await files.get(ref)).toEqual(content);
    });

    it('does not share memory with the caller in either direction', async () => {
      const content = binaryFixture();
      const ref = await files.put('a/b.bin', content, 'application/octet-stream');
      content.fill(0);
      const first = await files.get(ref);
      first?.fill(1);
      expect(await files.get(ref)).toEqual(binaryFixture());
    });

    it('replaces the content when the same path is put again', async () => {
      const ref = await files.put('a/b.pdf', Uint8Array.of(1, 2, 3), 'application/pdf');
      const again = await files.put('a/b.pdf', Uint8Array.of(9), 'application/pdf');
      expect(again).toBe(ref);
      expect(await files.get(ref)).toEqual(Uint8Array.of(9));
    });

    it('names by refOf the file another party stored at a path, before and after it is there', async () => {
      const before = await files.refOf('uploads/p1/by-phone.jpg');
      expect(await files.get(before)).toBeNull();
      const stored = await files.put('uploads/p1/by-phone.jpg', Uint8Array.of(4, 2), 'image/jpeg');
      expect(await files.refOf('uploads/p1/by-phone.jpg')).toBe(stored);
      expect(before).toBe(stored);
      await files.delete(before);
      expect(await files.get(stored)).toBeNull();
      await expect(files.refOf('../escape.jpg')).rejects.toThrow();
    });

    it('stores an empty file', async () => {
      const ref = await files.put('empty.txt', new Uint8Array(0), 'text/plain');
      expect(await files.get(ref)).toEqual(new Uint8Array(0));
    });

    it('finds no file behind a ref it never issued: another scheme, a climbing path, a folder', async () => {
      await files.put('uploads/p1/x.jpg', binaryFixture(), 'image/jpeg');
      for (const ref of ['uploads/p1/x.jpg', 'local/../uploads/p1/x.jpg', 'local/uploads/p1', 'cloud://nowhere/uploads/p1/x.jpg']) {
        expect({ ref, content: await files.get(ref), url: await files.url(ref, 60) }).toEqual({ ref, content: null, url: null });
      }
    });

    it('returns null for a file that was deleted, and deleting again is fine', async () => {
      const ref = await files.put('gone/x.jpg', binaryFixture(), 'image/jpeg');
      await files.delete(ref);
      expect(await files.get(ref)).toBeNull();
      expect(await files.url(ref, 60)).toBeNull();
      await expect(files.delete(ref)).resolves.toBeUndefined();
    });

    it('deletes only the named file', async () => {
      const keep = await files.put('dir/keep.jpg', Uint8Array.of(1), 'image/jpeg');
      const drop = await files.put('dir/drop.jpg', Uint8Array.of(2), 'image/jpeg');
      await files.delete(drop);
      expect(await files.get(keep)).toEqual(Uint8Array.of(1));
    });

    it('gives an absolute http(s) URL for an existing file', async () => {
      const ref = await files.put('u/v.jpg', binaryFixture(), 'image/jpeg');
      const url = await files.url(ref, 600);
      expect(url).toMatch(/^https?:\/\/\S+$/);
    });

    it.each([[0], [3601], [1.5]])('rejects a ttl of %p seconds', async (ttl) => {
      const ref = await files.put('u/v.jpg', binaryFixture(), 'image/jpeg');
      await expect(files.url(ref, ttl)).rejects.toThrow();
    });

    it.each([['../escape.jpg'], ['/etc/passwd'], ['a/../../b.jpg'], ['a//b.jpg'], ['.hidden/x.jpg'], ['']])(
      'refuses the path %j',
      async (path) => {
        await expect(files.put(path, Uint8Array.of(1), 'image/jpeg')).rejects.toThrow();
      },
    );
  });
}
