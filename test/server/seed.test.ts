import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import demo from '../../config/seed/demo.json';
import { allRounds } from '../../config/rounds';
import { openSqliteStore } from '../../src/server/adapters/local/sqlite.store';
import { allCollections } from '../../src/server/collections';
import { roundSeeds } from '../../src/server/runtime/round-seeds';
import { seed } from '../../src/server/runtime/seed';

describe('seed', () => {
  let dir: string;
  let store: ReturnType<typeof openSqliteStore>;
  const rounds = roundSeeds(allRounds);

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'seed-'));
    store = openSqliteStore({ file: path.join(dir, 'store.sqlite'), collections: allCollections });
  });

  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('inserts the demo people, units, applications and every round once; a second start changes nothing', async () => {
    expect(await seed(store, { demo, rounds })).toEqual({ inserted: demo.people.length + demo.units.length + demo.applications.length + 5, updated: 0 });
    expect(await seed(store, { demo, rounds })).toEqual({ inserted: 0, updated: 0 });
    expect(await store.get('rounds', 'yuli-initial-junior-2024')).toMatchObject({ _rev: 1 });
  });

  it('keeps what a demo changed in people, but replaces a round whose file was edited', async () => {
    await seed(store, { demo, rounds });
    await store.update('people', 'person-applicant', 1, { name: '李娜娜' });
    const edited = rounds.map((r) => (r.id === 'aksu-water-2024' ? { ...r, title: '更正后的标题' } : r));
    expect(await seed(store, { demo, rounds: edited })).toEqual({ inserted: 0, updated: 1 });
    expect(await store.get('people', 'person-applicant')).toMatchObject({ name: '李娜娜', _rev: 2 });
    expect(await store.get('rounds', 'aksu-water-2024')).toMatchObject({ title: '更正后的标题', _rev: 2 });
  });

  it('refuses invalid round files before anything is written, naming the problem', () => {
    const broken = allRounds.map((r, i) => (i === 0 ? { ...(r as object), year: 1999 } : r));
    expect(() => roundSeeds(broken)).toThrow(/round files are invalid:[\s\S]*year/);
  });

  it('refuses malformed demo data and writes nothing', async () => {
    await expect(seed(store, { demo: { units: [], people: [{ _id: 'x' }] }, rounds })).rejects.toThrow();
    expect(await store.count('rounds')).toBe(0);
  });
});
