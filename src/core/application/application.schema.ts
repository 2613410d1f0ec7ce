import { z } from 'zod';
import { Profile } from '../eligibility/profile';
import { Channel, Code, Level, Way } from '../round/round.schema';

/**
 * An application (申报): one person, one round, one offered level × way × channel, started from the
 * self-check's saved answers (kept as they were, so what was assessed is what was applied with).
 */
export const ApplicationStatus = z.enum(['draft']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const ApplicationRecord = z.strictObject({
  personId: z.string().min(1),
  roundId: z.string().min(1),
  year: z.number().int(),
  /** `<offerId>:<level>`, the assessment's key. */
  offerKey: z.string().min(1),
  offerId: Code,
  level: Level,
  way: Way,
  channel: Channel,
  series: Code.nullable(),
  specialty: Code.nullable(),
  profile: Profile,
  status: ApplicationStatus,
  createdAt: z.string().min(1),
});
export type ApplicationRecord = z.infer<typeof ApplicationRecord>;

/** The id an application has: the same person, round and offer always name the same application. */
export function applicationId(personId: string, roundId: string, offerKey: string): string {
  return `${personId}:${roundId}:${offerKey}`;
}
