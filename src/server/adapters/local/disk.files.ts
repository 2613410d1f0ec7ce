import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve as resolvePath, sep } from 'node:path';
import type { Clock } from '../../ports/clock.port';
import type { FileStore } from '../../ports/files.port';
import { assertFilePath, isSafeFilePath } from '../../ports/file.guards';

const REF_PREFIX = 'local/';
const MAX_TTL_SECONDS = 3600;
const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
/** `type/subtype` with optional `; key=value` parameters; nothing that could break a header. */
const CONTENT_TYPE = /^[\w!#$&^.+-]+\/[\w!#$&^.+-]+(\s*;\s*[\w!#$&^.+-]+=[\w!#$&^.+-]+)*$/;
/**
 * Content types and temporary files live under dot-directories: a ref's segments cannot start
 * with a dot, so no ref can name them.
 */
const META_DIR = '.meta';
const TMP_DIR = '.tmp';

/**
 * Thrown by `put` when the path cannot be a file because a file and a folder would share a name
 * (`a.jpg` is a file and `a.jpg/b.jpg` is asked for, or the other way round). Object storage has
 * no folders, so only the local store can refuse this; nothing is written.
 */
export class FilePathTaken extends Error {
  constructor(readonly path: string) {
    super(`a file and a folder would share a name: ${JSON.stringify(path)}`);
    this.name = 'FilePathTaken';
  }
}

/** A stored file with the content type it was put with, as the HTTP runtime serves it. */
export interface LocalFile {
  readonly content: Uint8Array;
  readonly contentType: string;
}

export interface DiskFilesOptions {
  readonly root: string;
  /** Where the local runtime serves `/files/…`, e.g. `http://localhost:8787`. */
  readonly baseUrl: string;
  readonly secret: string | Uint8Array;
  readonly clock: Clock;
}

export type DiskFileStore = FileStore & {
  /** Whether a `/files/<ref>?expires=…&sig=…` request is authentic and unexpired; never throws. */
  verify(ref: string, expires: number, signature: string): boolean;
  /** The absolute path of a ref's content on disk; throws for a ref that is not a safe local ref. */
  resolve(ref: string): string;
  /** The file and its content type, or `null` when it does not exist. */
  read(ref: string): Promise<LocalFile | null>;
};

/**
 * The local FileStore: files under `root`, refs `local/<path>`, and URLs signed with HMAC-SHA256
 * that expire like the cloud's temporary URLs, so local runs exercise the same URL handling.
 */
export function diskFiles(options: DiskFilesOptions): DiskFileStore {
  const root = resolvePath(options.root);
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const secret = typeof options.secret === 'string' ? Buffer.from(options.secret, 'utf8') : Buffer.from(options.secret);
  if (secret.length === 0) throw new Error('diskFiles needs a non-empty secret');
  // A crash mid-write leaves a temporary file behind; no write is under way at start.
  rmSync(within(root, TMP_DIR), { recursive: true, force: true });
  const nowSeconds = (): number => Math.floor(options.clock.now().getTime() / 1000);
  const sign = (ref: string, expires: number): Buffer =>
    createHmac('sha256', secret).update(`${ref}\n${expires}`).digest();

  return {
    async put(path: string, content: Uint8Array, contentType: string): Promise<string> {
      assertFilePath(path);
      if (!CONTENT_TYPE.test(contentType)) throw new Error(`Invalid content type: ${JSON.stringify(contentType)}`);
      // Content first: a refused path (a file/folder clash) or a crash in between leaves no
      // description of a file that is not there. Content without its type is served as
      // application/octet-stream until the next put.
      try {
        await writeAtomically(root, contentPath(root, path), content);
      } catch (caught) {
        if (isPathClash(caught)) throw new FilePathTaken(path);
        throw caught;
      }
      await writeAtomically(root, metaPath(root, path), Buffer.from(JSON.stringify({ contentType }), 'utf8'));
      return `${REF_PREFIX}${path}`;
    },

    async get(ref: string): Promise<Uint8Array | null> {
      // A ref this store never issued (another scheme, a climbing path) names no file here, as the
      // cloud's downloadFile finds none for it.
      const path = localPathOf(ref);
      return path === null ? null : readOrNull(contentPath(root, path));
    },

    async url(ref: string, ttlSeconds: number): Promise<string | null> {
      if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS) {
        throw new RangeError(`ttlSeconds must be an integer from 1 to ${MAX_TTL_SECONDS}, got ${ttlSeconds}`);
      }
      // Like the cloud, no URL for a file that does not exist.
      const path = localPathOf(ref);
      if (path === null || (await readOrNull(contentPath(root, path))) === null) return null;
      const expires = nowSeconds() + ttlSeconds;
      const sig = sign(ref, expires).toString('hex');
      return `${baseUrl}/files/${encodeURIComponent(ref)}?expires=${expires}&sig=${sig}`;
    },

    async delete(ref: string): Promise<void> {
      const path = pathOf(ref);
      await rm(contentPath(root, path), { force: true });
      await rm(metaPath(root, path), { force: true });
    },

    async refOf(path: string): Promise<string> {
      assertFilePath(path);
      return `${REF_PREFIX}${path}`;
    },

    verify(ref: string, expires: number, signature: string): boolean {
      if (!ref.startsWith(REF_PREFIX) || !isSafeFilePath(ref.slice(REF_PREFIX.length))) return false;
      if (!Number.isSafeInteger(expires) || !/^[0-9a-f]{64}$/i.test(signature)) return false;
      const authentic = timingSafeEqual(Buffer.from(signature, 'hex'), sign(ref, expires));
      return authentic && nowSeconds() < expires;
    },

    resolve(ref: string): string {
      return contentPath(root, pathOf(ref));
    },

    read(ref: string): Promise<LocalFile | null> {
      return readLocalFile(root, ref);
    },
  };
}

/**
 * Reads a local ref and its content type for the HTTP runtime, which must verify the URL's
 * signature first. `null` when the file does not exist; throws for a ref that is not a safe local ref.
 */
export async function readLocalFile(root: string, ref: string): Promise<LocalFile | null> {
  const base = resolvePath(root);
  const path = pathOf(ref);
  const content = await readOrNull(contentPath(base, path));
  if (content === null) return null;
  const meta = await readOrNull(metaPath(base, path));
  return { content, contentType: meta ? contentTypeOf(meta) : DEFAULT_CONTENT_TYPE };
}

/** The path of a ref this store issues, or null for any other string. */
function localPathOf(ref: string): string | null {
  const path = ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : null;
  return path !== null && isSafeFilePath(path) ? path : null;
}

function pathOf(ref: string): string {
  if (!ref.startsWith(REF_PREFIX)) throw new Error(`Not a local file ref: ${JSON.stringify(ref)}`);
  const path = ref.slice(REF_PREFIX.length);
  assertFilePath(path);
  return path;
}

/** Joins and then re-checks containment, so even a validation bug cannot escape the root. */
function within(root: string, ...parts: string[]): string {
  const full = resolvePath(join(root, ...parts));
  if (!full.startsWith(root + sep)) throw new Error(`Path escapes the file root: ${JSON.stringify(parts.join('/'))}`);
  return full;
}

function contentPath(root: string, path: string): string {
  return within(root, ...path.split('/'));
}

function metaPath(root: string, path: string): string {
  return within(root, META_DIR, `${path}.json`);
}

function contentTypeOf(meta: Uint8Array): string {
  try {
    const parsed = JSON.parse(Buffer.from(meta).toString('utf8')) as { contentType?: unknown };
    return typeof parsed.contentType === 'string' && CONTENT_TYPE.test(parsed.contentType)
      ? parsed.contentType
      : DEFAULT_CONTENT_TYPE;
  } catch {
    return DEFAULT_CONTENT_TYPE;
  }
}

async function readOrNull(file: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (caught) {
    // A folder where a file was asked for is no file either.
    if (isNoEntry(caught) || (caught as { code?: unknown } | null)?.code === 'EISDIR') return null;
    throw caught;
  }
}

/** mkdir through a file (EEXIST, ENOTDIR) or rename onto a folder (EISDIR, ENOTEMPTY). */
function isPathClash(caught: unknown): boolean {
  const code = (caught as { code?: unknown } | null)?.code;
  return code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'ENOTEMPTY';
}

function isNoEntry(caught: unknown): boolean {
  const code = (caught as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * Writes to a temporary file on the same filesystem, flushes it, then renames it into place:
 * rename is atomic, so a reader or a crash sees the old file or the new one, never half of one.
 */
async function writeAtomically(root: string, target: string, content: Uint8Array): Promise<void> {
  const tmpDir = within(root, TMP_DIR);
  await mkdir(tmpDir, { recursive: true });
  await mkdir(dirname(target), { recursive: true });
  const tmp = join(tmpDir, `${randomUUID()}.part`);
  try {
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, target);
  } catch (caught) {
    await rm(tmp, { force: true });
    throw caught;
  }
}
