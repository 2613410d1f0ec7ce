import { randomInt, randomUUID } from 'node:crypto';

/**
 * The only place server code draws chance (a defense draw's seed, a new id, an invite code): a
 * test gives its own to see a draw repeat; production uses the system's cryptographic source.
 */
export interface Random {
  /** A whole number from 0 to `below` − 1. */
  int(below: number): number;
  /** A fresh unique id (a UUID). */
  id(): string;
}

export const systemRandom: Random = { int: (below) => randomInt(below), id: () => randomUUID() };
