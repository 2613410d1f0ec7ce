import * as z from 'zod';
import { action } from '../contract';
import { Empty, RoundId } from '../fields';
import { Profile } from '../../eligibility/profile';

/** The `eligibility` function's actions: each payload's schema and, as a type, what it answers. */
export const eligibilityContract = {
  /**
   * Saves the self-check's answers for this round, so the application starts from them on any
   * phone. The verdict itself is computed on the phone by the same core; nothing here repeats it.
   */
  saveAnswers: action<{ readonly roundId: string; readonly savedAt: string }>()(z.strictObject({ roundId: RoundId, profile: Profile })),
  /** The answers saved by the last `assess`, or null. */
  profile: action<{ readonly roundId: string; readonly profile: Profile; readonly savedAt: string } | null>()(Empty),
} as const;
