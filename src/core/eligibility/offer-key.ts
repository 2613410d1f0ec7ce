import type { Level } from '../round/round.schema';

/** An offer's key as applications name it: the round's offer (or forward) id and the level, `directed_evaluation:deputy_senior`. */
export const offerKeyOf = (offerId: string, level: Level): string => `${offerId}:${level}`;

/** The round's offer (or forward) id in an offer key. */
export const offerIdOf = (key: string): string => key.slice(0, key.lastIndexOf(':'));
