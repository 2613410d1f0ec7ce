import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { NoticeSeed } from './seed';

/**
 * The official notice behind each round, read from `config/notices/<sourceFile>`: a round whose
 * notice file is missing stops the runtime, since its clauses would cite nothing.
 */
export function noticeSeeds(rounds: readonly { readonly id: string; readonly sourceFile?: unknown }[], dir: string): NoticeSeed[] {
  return rounds.map((round) => {
    const file = String(round.sourceFile);
    const text = readFileSync(path.join(dir, file), 'utf8');
    return { roundId: round.id, file, text };
  });
}
