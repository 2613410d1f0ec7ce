import { allRounds } from '../../../config/rounds';
import type { Assessment, OfferAssessment, Reason } from '../../../src/core/eligibility/assessment';
import { parseRounds } from '../../../src/core/round/round.loader';
import type { Round } from '../../../src/core/round/round.schema';

/** The five real round files, validated once by the same loader the app uses. */
const parsed = parseRounds(allRounds);
if (!parsed.ok) throw new Error(`round files do not parse:\n${parsed.error.join('\n')}`);
const byId = new Map(parsed.value.map((r) => [r.id, r]));

export type RoundId = 'aksu-forestry-2024' | 'aksu-water-2024' | 'bazhou-ecoenv-2024' | 'tacheng-all-series-2023' | 'yuli-initial-junior-2024';

export const allParsedRounds: readonly Round[] = parsed.value;

export function round(id: RoundId): Round {
  const found = byId.get(id);
  if (!found) throw new Error(`no round ${id}`);
  return found;
}

/** A moment inside each round's apply window (UTC instants; the comment gives Beijing time). */
export const DURING: Readonly<Record<RoundId, Date>> = {
  'aksu-forestry-2024': new Date('2024-08-01T02:00:00Z'), // 2024-08-01 10:00
  'aksu-water-2024': new Date('2024-08-01T02:00:00Z'),
  'bazhou-ecoenv-2024': new Date('2024-08-30T02:00:00Z'), // 2024-08-30 10:00
  'tacheng-all-series-2023': new Date('2023-08-16T02:00:00Z'), // 2023-08-16 10:00
  'yuli-initial-junior-2024': new Date('2024-10-10T02:00:00Z'), // 2024-10-10 10:00
};

export function offerOf(assessment: Assessment, key: string): OfferAssessment {
  const offer = assessment.offers.find((o) => o.key === key);
  if (!offer) throw new Error(`no offer ${key} in ${assessment.roundId}: ${assessment.offers.map((o) => o.key).join(', ')}`);
  return offer;
}

export function reasonOf(offer: OfferAssessment, code: string): Reason | undefined {
  return offer.reasons.find((r) => r.code === code);
}

/** The one reason with this code; fails the test when it is missing or repeated. */
export function onlyReason(offer: OfferAssessment, code: string): Reason {
  const found = offer.reasons.filter((r) => r.code === code);
  if (found.length !== 1) {
    throw new Error(`expected one ${code} in ${offer.key}, got ${found.length}: ${offer.reasons.map((r) => `${r.code}=${r.outcome}`).join(', ')}`);
  }
  return found[0]!;
}
