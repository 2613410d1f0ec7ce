import type { Fact, Round } from './round.schema';

/**
 * Every fact some selector of the round conditions on, so a questionnaire asks only what can
 * change an answer for this round.
 */
export function factsUsedBy(round: Round): ReadonlySet<Fact> {
  const known = seen.get(round);
  if (known) return known;
  const found = new Set<Fact>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'factsAny' || key === 'factsNone') (inner as Fact[]).forEach((fact) => found.add(fact));
      else if (key === 'factsAll') (inner as { fact: Fact }[]).forEach((requirement) => found.add(requirement.fact));
      else visit(inner);
    }
  };
  visit(round);
  seen.set(round, found);
  return found;
}

// A questionnaire asks on every render; a round object never changes, so remember the answer.
const seen = new WeakMap<Round, ReadonlySet<Fact>>();
