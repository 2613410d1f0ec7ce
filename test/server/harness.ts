import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import demo from '../../config/seed/demo.json';
import { allRounds } from '../../config/rounds';
import { ok } from '../../src/core/result';
import { diskFiles } from '../../src/server/adapters/local/disk.files';
import { openSqliteStore } from '../../src/server/adapters/local/sqlite.store';
import { allCollections } from '../../src/server/collections';
import type { Deps } from '../../src/server/function';
import { roundSeeds } from '../../src/server/runtime/round-seeds';
import { seed } from '../../src/server/runtime/seed';

/**
 * The functions over the real local adapters (SQLite, files on disk) in a fresh folder, seeded
 * with the demo people and the round files, with a clock the test sets.
 */
export interface Harness {
  readonly store: ReturnType<typeof openSqliteStore>;
  readonly files: ReturnType<typeof diskFiles>;
  readonly deps: Deps;
  /** Moves the server's clock. */
  setNow(at: Date): void;
  close(): void;
}

export async function openHarness(name: string, now: Date): Promise<Harness> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  let current = now;
  const clock = { now: () => current };
  const store = openSqliteStore({ file: path.join(dir, 'store.sqlite'), collections: allCollections });
  await seed(store, { demo, rounds: roundSeeds(allRounds) });
  const files = diskFiles({ root: path.join(dir, 'files'), baseUrl: 'http://127.0.0.1:1', secret: 'test', clock });
  return {
    store,
    files,
    deps: { store, files, messenger: { send: async () => ok(undefined) }, clock, log: { error: jest.fn(), warn: jest.fn() } },
    setNow: (at) => {
      current = at;
    },
    close: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
