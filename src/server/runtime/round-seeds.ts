import { parseRounds } from '../../core/round/round.loader';
import type { JsonObject } from '../ports/store.port';

/**
 * Validates the round files before they are seeded: a round file that breaks its schema stops the
 * runtime with every error named, rather than reaching a user half-right.
 */
export function roundSeeds(files: readonly unknown[]): (JsonObject & { id: string })[] {
  const parsed = parseRounds(files);
  if (!parsed.ok) throw new Error(`round files are invalid:\n  ${parsed.error.join('\n  ')}`);
  return parsed.value as unknown as (JsonObject & { id: string })[];
}
