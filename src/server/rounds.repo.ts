import * as z from 'zod';
import { Round } from '../core/round/round.schema';
import { currentVersion, versionFor } from '../core/round/round.version';
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

/** What names the round an application reads: its id and the version it was started under. */
export interface RoundOf {
  readonly roundId: string;
  readonly roundVersion?: number;
}

/** A version's stored id in `roundVersions`. */
export const versionId = (roundId: string, version: number): string => `${roundId}@${version}`;

/**
 * The round an application reads: the version it was started under, unless a later version's
 * change applies to all (`publication.allFrom`); the current version otherwise.
 */
export async function loadRoundOf(store: Pick<Store, 'get'>, of: RoundOf): Promise<Round | null> {
  const current = await loadRound(store, of.roundId);
  if (!current) return null;
  const version = versionFor(of.roundVersion, current);
  if (version >= currentVersion(current)) return current;
  const doc = await store.get(collections.roundVersions.name, versionId(of.roundId, version));
  return doc ? roundFromDoc(doc) : current;
}

/** Rounds for one call that reads many applications: each round (and version) is read once. */
export function roundsOnce(store: Pick<Store, 'get'>): (of: string | RoundOf) => Promise<Round | null> {
  const read = new Map<string, Promise<Round | null>>();
  return (of) => {
    const key = typeof of === 'string' ? of : `${of.roundId}@${of.roundVersion ?? 1}`;
    if (!read.has(key)) read.set(key, typeof of === 'string' ? loadRound(store, of) : loadRoundOf(store, of));
    return read.get(key)!;
  };
}

/** A round's notice as published (its file name and full text), kept beside the round. */
const NoticeDoc = z.strictObject({ roundId: z.string().min(1), file: z.string().min(1), text: z.string().min(1) });
export type NoticeDoc = z.infer<typeof NoticeDoc>;

export async function loadNotice(store: Pick<Store, 'get'>, roundId: string): Promise<NoticeDoc | null> {
  const doc = await store.get(collections.notices.name, roundId);
  return doc ? parseFields(NoticeDoc, doc) : null;
}
