import type { RoundSummary } from '../contracts/api';
import type { Round } from './round.schema';

/**
 * A round as a list shows it. The apply window is the earliest start and the latest end over every
 * apply window the notice gives (tacheng opens series one after another); null when announced later.
 */
export function summarizeRound(round: Round): RoundSummary {
  const applyWindows = round.windows.filter((w) => w.kind === 'apply');
  const starts = applyWindows.flatMap((w) => (w.start.kind === 'at' ? [w.start.at] : []));
  const ends = applyWindows.flatMap((w) => (w.end.kind === 'at' ? [w.end.at] : []));
  const byTime = (a: string, b: string) => Date.parse(a) - Date.parse(b);
  return {
    id: round.id,
    title: round.title,
    issuer: round.issuer.name,
    year: round.year,
    region: round.region.county ? `${round.region.prefecture}${round.region.county}` : round.region.prefecture,
    applyFrom: [...starts].sort(byTime)[0] ?? null,
    applyUntil: [...ends].sort(byTime).at(-1) ?? null,
  };
}

/** Whether a round is of this prefecture (a county round is of its prefecture too). */
export function inPrefecture(round: { readonly region: string }, prefecture: string): boolean {
  return round.region.startsWith(prefecture);
}

/** The rounds of the person's own prefecture first, the rest after, each in the order given. */
export function ownRegionFirst<T extends { readonly region: string }>(rounds: readonly T[], prefecture: string | null): T[] {
  if (prefecture === null) return [...rounds];
  const rank = (r: T) => (inPrefecture(r, prefecture) ? 0 : 1);
  return [...rounds].sort((a, b) => rank(a) - rank(b));
}
