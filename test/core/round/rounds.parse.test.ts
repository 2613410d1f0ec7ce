import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRounds } from '../../../config/rounds';
import { parseRound, parseRounds } from '../../../src/core/round/round.loader';

/** The five official notices, kept in the repo; a round's quotes must be verbatim excerpts of its own notice. */
const NOTICES_DIR = join(__dirname, '..', '..', '..', 'config', 'notices');

describe('config/rounds', () => {
  it('holds the five notices of 2023–2024', () => {
    expect(allRounds.map(idOf).sort()).toEqual([
      'aksu-forestry-2024',
      'aksu-water-2024',
      'bazhou-ecoenv-2024',
      'tacheng-all-series-2023',
      'yuli-initial-junior-2024',
    ]);
  });

  it.each(allRounds.map((json) => [idOf(json), json] as const))('%s parses without errors', (_id, json) => {
    const result = parseRound(json);
    expect(result.ok ? [] : result.error).toEqual([]);
  });

  it('parses as a set, with distinct ids', () => {
    const result = parseRounds(allRounds);
    expect(result.ok ? result.value.length : result.error).toBe(5);
  });
});

describe('quotes in round files', () => {
  // Notices are PDF extracts with stray spaces and line breaks inside sentences; compare without them.
  const squash = (s: string) => s.replace(/\s+/g, '');

  it.each(allRounds.map((json) => [idOf(json), json] as const))('%s quotes only its own notice, verbatim', (_id, json) => {
    const round = json as { sourceFile: string };
    const notice = squash(readFileSync(join(NOTICES_DIR, round.sourceFile), 'utf8'));
    const missing = quotesOf(json).filter((q) => !notice.includes(squash(q.quote)));
    expect(missing).toEqual([]);
  });
});

function idOf(json: unknown): string {
  return (json as { id: string }).id;
}

function quotesOf(node: unknown, path = ''): { path: string; quote: string }[] {
  if (Array.isArray(node)) return node.flatMap((child, i) => quotesOf(child, `${path}[${i}]`));
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === 'quote' && typeof value === 'string' ? [{ path, quote: value }] : quotesOf(value, `${path}.${key}`),
  );
}
