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
