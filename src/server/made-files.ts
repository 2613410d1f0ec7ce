import type { FileStore } from './ports/files.port';
import type { Random } from './ports/random.port';
import type { Logger } from './function';

/**
 * Files an action makes (a blind copy, a kept upload, an invite code's image, an export), staged
 * like its writes. Cloud storage has no rename, so a made file is written at once under a name of
 * its own (the path asked for with a fresh id before the extension) that nothing refers to until
 * the call's writes commit: the commit is what makes it reachable. When the call fails (refused,
 * crashed, or its commit does), every file it made is removed again.
 *
 * A commit that meets a concurrent change runs the handler again (see `dispatch`); work wrapped in
 * `once` is not redone then: the same key answers the first attempt's result, its files included.
 */
export interface MadeFiles {
  /** Stores `content` under `path` made unique; answers the ref to keep in the writes. */
  put(path: string, content: Uint8Array, contentType: string): Promise<string>;
  /**
   * `make`'s result, made once per call: a later attempt of the same call with the same key gets
   * the first result and keeps the files made for it. The key must name every input of the work.
   */
  once<T>(key: string, make: () => Promise<T>): Promise<T>;
}

/** The path with a fresh id before its extension: `blind/ab12.jpg` → `blind/ab12-<id>.jpg`. */
export function uniquePath(path: string, id: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash + 1 ? `${path.slice(0, dot)}-${id}${path.slice(dot)}` : `${path}-${id}`;
}

/** One call's made files, across the attempts the dispatcher runs. */
export interface FileStaging {
  /** Begins an attempt: what earlier attempts made is kept only if this one uses it again. */
  attempt(): MadeFiles;
  /** After the call: removes every made file unless the call committed, then only those the committing attempt did not use. */
  settle(committed: boolean): Promise<void>;
}

export function fileStaging(files: Pick<FileStore, 'put' | 'delete'>, random: Random, log: Logger): FileStaging {
  const made = new Set<string>();
  const results = new Map<string, { readonly value: unknown; readonly refs: readonly string[] }>();
  let used = new Set<string>();
  // The refs the `once` being made collects (handlers run their steps one after another).
  let collecting: string[] | null = null;
  return {
    attempt() {
      used = new Set();
      return {
        async put(path, content, contentType) {
          const ref = await files.put(uniquePath(path, random.id()), content, contentType);
          made.add(ref);
          used.add(ref);
          collecting?.push(ref);
          return ref;
        },
        async once<T>(key: string, make: () => Promise<T>): Promise<T> {
          const earlier = results.get(key);
          if (earlier) {
            for (const ref of earlier.refs) used.add(ref);
            return earlier.value as T;
          }
          const outer = collecting;
          const refs: string[] = [];
          collecting = refs;
          try {
            const value = await make();
            results.set(key, { value, refs });
            return value;
          } finally {
            collecting = outer;
            outer?.push(...refs);
          }
        },
      };
    },
    async settle(committed) {
      for (const ref of made) {
        if (committed && used.has(ref)) continue;
        try {
          await files.delete(ref);
        } catch (cause) {
          log.warn(`a file made by a call that did not keep it was not removed`, cause);
        }
      }
      made.clear();
    },
  };
}
