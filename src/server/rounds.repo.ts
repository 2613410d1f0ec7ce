import * as z from 'zod';
import { Round } from '../core/round/round.schema';
import { collections } from './collections';
import { parseFields } from './docs';
import type { Doc, Query, Store } from './ports/store.port';

/**
 * Rounds as the store keeps them, validated once per revision: a stored round only changes with
 * its `_rev`, and validating a whole notice on every call cost most of a list request. Warm cloud
 * function instances keep this cache between calls too.
 */
const validated = new Map<string, { readonly rev: number; readonly round: Round }>();

export function roundFromDoc(doc: Doc): Round {
  const cached = validated.get(doc._id);
  if (cached && cached.rev === doc._rev) return cached.round;
  const round = parseFields(Round, doc);
  validated.set(doc._id, { rev: doc._rev, round });
  return round;
}

/** The round with this id, or null. */
export async function loadRound(store: Pick<Store, 'get'>, id: string): Promise<Round | null> {
  const doc = await store.get(collections.rounds.name, id);
  return doc ? roundFromDoc(doc) : null;
}

/** The rounds a query matches. */
export async function findRounds(store: Pick<Store, 'find'>, query: Query): Promise<Round[]> {
  return (await store.find(collections.rounds.name, query)).map(roundFromDoc);
}

/** Rounds by id for one call that reads many applications: each round is read once. */
export function roundsOnce(store: Pick<Store, 'get'>): (id: string) => Promise<Round | null> {
  const read = new Map<string, Promise<Round | null>>();
  return (id) => {
    if (!read.has(id)) read.set(id, loadRound(store, id));
    return read.get(id)!;
  };
}

/** A round's notice as published (its file name and full text), kept beside the round. */
const NoticeDoc = z.strictObject({ roundId: z.string().min(1), file: z.string().min(1), text: z.string().min(1) });
export type NoticeDoc = z.infer<typeof NoticeDoc>;

export async function loadNotice(store: Pick<Store, 'get'>, roundId: string): Promise<NoticeDoc | null> {
  const doc = await store.get(collections.notices.name, roundId);
  return doc ? parseFields(NoticeDoc, doc) : null;
}
