import type { RoundShape } from './round.schema';

/** A round's version as published (rounds from config/rounds, never republished, are version 1). */
export const currentVersion = (round: Pick<RoundShape, 'publication'>): number => round.publication?.version ?? 1;

/**
 * The version an application reads: the one it was started under, unless a later version's change
 * applies to all (`publication.allFrom`).
 */
export const versionFor = (startedUnder: number | undefined, round: Pick<RoundShape, 'publication'>): number => Math.max(startedUnder ?? 1, round.publication?.allFrom ?? 1);
