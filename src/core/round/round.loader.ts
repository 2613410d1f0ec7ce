import type { z } from 'zod';
import { err, ok, type Result } from '../result';
import { Round } from './round.schema';

/**
 * Validates one round file. Errors are lines for the data maintainer, each starting with the
 * path of the bad value: `windows[2].end.at: window "apply" ends (…) before it starts (…)`.
 */
export function parseRound(json: unknown): Result<Round, string[]> {
  const parsed = Round.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  return err(parsed.error.issues.map(describeIssue));
}

/**
 * Validates several rounds and that their ids are distinct; errors are prefixed with the
 * round's position and id so a maintainer knows which file to open.
 */
export function parseRounds(jsons: readonly unknown[]): Result<Round[], string[]> {
  const rounds: Round[] = [];
  const errors: string[] = [];
  jsons.forEach((json, i) => {
    const result = parseRound(json);
    const label = `round ${i} (${idOf(json)})`;
    if (result.ok) rounds.push(result.value);
    else errors.push(...result.error.map((e) => `${label} ${e}`));
  });
  const seen = new Set<string>();
  for (const round of rounds) {
    if (seen.has(round.id)) errors.push(`round ${round.id}: id used by more than one round file`);
    seen.add(round.id);
  }
  return errors.length > 0 ? err(errors) : ok(rounds);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = formatPath(issue.path);
  const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
  return `${path || '(root)'}: ${issue.message}${keys}`;
}

/** `['windows', 2, 'end']` → `windows[2].end`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    return out === '' ? name : `${out}.${name}`;
  }, '');
}

function idOf(json: unknown): string {
  if (typeof json === 'object' && json !== null && 'id' in json) {
    const id = (json as { id: unknown }).id;
    if (typeof id === 'string') return id;
  }
  return 'no id';
}
