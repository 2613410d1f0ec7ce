import * as z from 'zod';
import { Profile } from '../../core/eligibility/profile';
import { appError } from '../../core/errors';
import { err, ok } from '../../core/result';
import { collections } from '../collections';
import { eligibilityContract } from '../../core/contracts/functions/eligibility.contract';
import { defineFunction } from '../function';
import { parseFields, toDoc } from '../docs';

const SavedProfile = z.strictObject({ roundId: z.string(), profile: Profile, savedAt: z.string() });

/**
 * `eligibility`: keeps the self-check's answers (one record per person, the last round answered),
 * so the application can start from them on any phone.
 */
export const eligibilityFunction = defineFunction('eligibility', eligibilityContract, {
  saveAnswers: {
    roles: ['applicant'],
    async handle({ roundId, profile }, { caller, store, now, writes }) {
      const doc = await store.get(collections.rounds.name, roundId);
      if (!doc) return err(appError('ROUND.NOT_FOUND'));

      const saved = toDoc({ roundId, profile, savedAt: now.toISOString() });
      const existing = await store.get(collections.profiles.name, caller._id);
      if (existing) writes.update(collections.profiles.name, caller._id, existing._rev, saved);
      else writes.insert(collections.profiles.name, { _id: caller._id, ...saved });
      return ok({ roundId, savedAt: now.toISOString() });
    },
  },
  profile: {
    roles: ['applicant'],
    async handle(_payload, { caller, store }) {
      const doc = await store.get(collections.profiles.name, caller._id);
      return ok(doc ? parseFields(SavedProfile, doc) : null);
    },
  },
});
