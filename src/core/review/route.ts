import * as z from 'zod';
import type { Round } from '../round/round.schema';
import type { Channel } from '../round/round.vocabulary';

/**
 * Who reviews above the unit: the HR bureaus (人社局) for most applications, the public
 * employment-service agencies (公共就业服务机构) where the round's review chain for the channel says
 * so (aksu-water-2024 二(二) 民营企业专项评审: 经各级公共就业服务机构审核、推荐). The order of the steps is
 * the same on both routes; only who takes them differs.
 */
export const ReviewRoute = z.enum(['hr', 'employment_service']);
export type ReviewRoute = z.infer<typeof ReviewRoute>;

/** The route of an application in this round and channel, read from the round's review chains. */
export function routeOf(round: Pick<Round, 'reviewChains'>, channel: Channel): ReviewRoute {
  const byAgencies = round.reviewChains.some(
    (chain) => (chain.who?.channels === undefined || chain.who.channels.includes(channel)) && chain.steps.some((s) => s.step === 'employment_service_review'),
  );
  return byAgencies ? 'employment_service' : 'hr';
}

/**
 * The unit's level as the chain knows it: an autonomous-region unit is reviewed as a prefecture's
 * (no county step); none before the applicant has a unit.
 */
export function chainLevelOf(unit: { readonly level: 'autonomous_region' | 'prefecture' | 'county' | 'township' } | null | undefined): 'prefecture' | 'county' | 'township' | null {
  if (!unit) return null;
  return unit.level === 'autonomous_region' ? 'prefecture' : unit.level;
}
