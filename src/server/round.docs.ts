import { Round } from '../core/round/round.schema';
import { parseFields } from './docs';
import type { Doc } from './ports/store.port';

/**
 * Rounds read from the store, validated once per revision: a stored round only changes with its
 * `_rev`, and validating a whole notice on every call cost most of a list request. Warm cloud
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
