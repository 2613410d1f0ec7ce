import * as z from 'zod';
import { collections } from '../collections';
import { parseFields } from '../docs';
import type { Store, Write } from '../ports/store.port';

/**
 * Wrong invite codes a person may try in an hour. With codes of 10 characters (about 10¹⁵) this
 * makes guessing hopeless, and a person who mistypes has room to try again.
 */
export const JOIN_TRIES = 10;
export const JOIN_WINDOW_MS = 60 * 60 * 1000;

/** A person's wrong tries in the current window (`_id` = person id). */
export const JoinTries = z.strictObject({
  personId: z.string(),
  windowStart: z.string(),
  failures: z.number().int().nonnegative(),
});
export type JoinTries = z.infer<typeof JoinTries>;

export type TriesLeft =
  | { readonly blocked: false; readonly left: number; readonly record: { readonly rev: number; readonly tries: JoinTries } | null }
  | { readonly blocked: true; readonly waitMinutes: number };

/** How many wrong codes the person may still try now, or how long to wait. */
export async function joinTriesLeft(store: Pick<Store, 'get'>, personId: string, now: Date): Promise<TriesLeft> {
  const doc = await store.get(collections.joinTries.name, personId);
  if (!doc) return { blocked: false, left: JOIN_TRIES, record: null };
  const tries = parseFields(JoinTries, doc);
  const ends = Date.parse(tries.windowStart) + JOIN_WINDOW_MS;
  if (ends <= now.getTime()) return { blocked: false, left: JOIN_TRIES, record: { rev: doc._rev, tries } };
  if (tries.failures >= JOIN_TRIES) return { blocked: true, waitMinutes: Math.max(1, Math.ceil((ends - now.getTime()) / 60_000)) };
  return { blocked: false, left: JOIN_TRIES - tries.failures, record: { rev: doc._rev, tries } };
}

/** The write that counts one more wrong code (a window that has ended starts again). */
export function wrongTry(personId: string, before: Extract<TriesLeft, { blocked: false }>, now: Date): Write {
  const record = before.record;
  const fresh: JoinTries = { personId, windowStart: now.toISOString(), failures: 1 };
  if (!record) return { kind: 'insert', collection: collections.joinTries.name, doc: { _id: personId, ...fresh } };
  const ended = Date.parse(record.tries.windowStart) + JOIN_WINDOW_MS <= now.getTime();
  return { kind: 'update', collection: collections.joinTries.name, id: personId, rev: record.rev, set: ended ? { ...fresh } : { failures: record.tries.failures + 1 } };
}
