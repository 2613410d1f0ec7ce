/**
 * Writes what the cloud database's console imports (JSON Lines, one document per line) for the
 * `rounds` and `notices` collections: every round file, validated, and the notice text behind it.
 * `npm run export:cloud-data` → dist/cloud-data/{rounds,notices}.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { allRounds } from '../config/rounds';
import { noticeSeeds } from '../src/server/runtime/notice-seeds';
import { roundSeeds } from '../src/server/runtime/round-seeds';

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'dist/cloud-data');
const rounds = roundSeeds(allRounds);
const notices = noticeSeeds(rounds, path.join(root, 'config/notices'));

mkdirSync(out, { recursive: true });
const lines = (docs: readonly object[]) => `${docs.map((doc) => JSON.stringify(doc)).join('\n')}\n`;
writeFileSync(path.join(out, 'rounds.json'), lines(rounds.map((round) => ({ _id: round.id, ...round }))));
writeFileSync(path.join(out, 'notices.json'), lines(notices.map((notice) => ({ _id: notice.roundId, ...notice }))));
console.log(`${rounds.length} rounds and ${notices.length} notices written to ${path.relative(root, out)}/`);
