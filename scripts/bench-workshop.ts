/**
 * The round workshop at a season's volume: 尉犁县人社局 publishes a correction of its round while
 * 3,000 applications are in it — one commit with the round's new version, the version it replaces
 * and the first page of notices; then the rounds timer tells the rest, a page a commit. Seconds of
 * the publish and of the timer runs, notices written, and what publishing and running again add.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import demo from '../config/seed/demo.json';
import { allRounds } from '../config/rounds';
import { openSqliteStore } from '../src/server/adapters/local/sqlite.store';
import { allCollections, collections } from '../src/server/collections';
import { databaseIndexes } from '../src/server/database.indexes';
import { dispatch, runTimer } from '../src/server/dispatch';
import type { Deps } from '../src/server/function';
import { functions } from '../src/server/functions';
import type { Write } from '../src/server/ports/store.port';
import { noticeSeeds } from '../src/server/runtime/notice-seeds';
import { roundSeeds } from '../src/server/runtime/round-seeds';
import { seed } from '../src/server/runtime/seed';
import { storedApplication } from '../test/server/applications.fixture';

type Print = (name: string, value: number, unit: string) => void;
const APPLICATIONS = 3000;

export async function benchWorkshop(print: Print): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-workshop-'));
  const store = openSqliteStore({ file: path.join(dir, 'store.sqlite'), collections: allCollections, compositeIndexes: databaseIndexes });
  try {
    const rounds = roundSeeds(allRounds);
    await seed(store, { demo, rounds, notices: noticeSeeds(rounds, path.resolve(__dirname, '../config/notices')) });
    for (let start = 0; start < APPLICATIONS; start += 500) {
      const writes: Write[] = Array.from({ length: 500 }, (_, i) => ({ kind: 'insert' as const, collection: collections.applications.name, doc: storedApplication(start + i, 'submitted') }));
      const committed = await store.commit(writes);
      if (!committed.ok) throw new Error(`seeding the applications failed: ${committed.error.code}`);
    }
    const deps: Deps = { store, files: undefined as never, messenger: undefined as never, codes: undefined as never, subscriptions: { ids: {}, longTerm: false }, templates: { read: async () => null }, ocr: { read: async () => [] }, clock: { now: () => new Date('2024-10-15T02:00:00Z') }, log: { error: () => undefined, warn: () => undefined } };
    const countyHr = { openid: 'demo-openid-county-hr' };
    const call = async (action: string, payload: object) => {
      const outcome = await dispatch(functions, 'rounds', { action, payload }, countyHr, deps);
      if (!outcome.reply.ok) throw new Error(`rounds.${action} failed: ${outcome.reply.code} ${(outcome.reply.details ?? []).join('; ')}`);
      return outcome.reply.data as { id: string; told: number; toTell: number };
    };
    const draft = await call('draftCreate', { fromRoundId: 'yuli-initial-junior-2024', kind: 'correction' });
    await call('draftEdit', { draftId: draft.id, edit: { field: 'resubmit', amount: 72, unit: 'hours' } });
    const outboxBefore = await store.count(collections.outbox.name);
    const notices = async () => (await store.count(collections.outbox.name)) - outboxBefore;
    const start = performance.now();
    const published = await call('publish', { draftId: draft.id, changeNote: '退回后修改时限改为72小时' });
    const seconds = (performance.now() - start) / 1000;
    const inline = await notices();
    await call('publish', { draftId: draft.id, changeNote: '退回后修改时限改为72小时' });
    const republished = (await notices()) - inline;
    // The timer, run until it finds nothing left (each run as the cloud trigger runs it).
    let runs = 0;
    let slowest = 0;
    const timerStart = performance.now();
    for (;;) {
      const runStart = performance.now();
      const outcome = await runTimer(functions, 'rounds', 'tellRoundChanges', deps);
      if (!outcome.reply.ok) throw new Error(`the rounds timer failed: ${outcome.reply.code}`);
      slowest = Math.max(slowest, (performance.now() - runStart) / 1000);
      if ((outcome.reply.data as { changed: number }).changed === 0) break;
      runs += 1;
    }
    const timerSeconds = (performance.now() - timerStart) / 1000;
    print(`round_correction_${APPLICATIONS}_applications_publish`, seconds, `s (${published.told} told in its commit, ${inline} notices written)`);
    print(`round_correction_${APPLICATIONS}_timer_runs`, runs, `runs to tell the other ${published.toTell} (${timerSeconds.toFixed(2)} s in all, slowest run ${slowest.toFixed(2)} s)`);
    print(`round_correction_${APPLICATIONS}_notices`, await notices(), 'notices written in all');
    print(`round_correction_${APPLICATIONS}_republish_added`, republished, 'notices added by publishing again (and 0 by the last, empty timer run)');
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
