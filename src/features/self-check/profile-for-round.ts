import type { Profile } from '../../core/eligibility/profile';
import type { Round } from '../../core/round/round.schema';

/**
 * The profile the engine sees: the answers plus what the round itself settles. Someone who says
 * they work in the round's prefecture works in that prefecture; the county is the one they picked,
 * whatever their unit's level (a prefecture-level unit's staff may work in 且末县).
 */
export function profileForRound(profile: Profile, round: Round): Profile {
  if (profile.facts?.works_in_prefecture !== true) return profile;
  return { ...profile, prefecture: round.region.prefecture };
}
