import { z } from 'zod';
import { assess } from '../../core/eligibility/assess';
import { Profile } from '../../core/eligibility/profile';
import { appError } from '../../core/errors';
import { err, ok } from '../../core/result';
import { collections } from '../collections';
import { defineFunction } from '../function';
import { parseFields } from '../docs';
import { roundFromDoc } from '../round.docs';
import type { JsonObject } from '../ports/store.port';

const SavedProfile = z.strictObject({ roundId: z.string(), profile: Profile, savedAt: z.string() });

/**
 * `eligibility`: the same engine the app runs offline, run on the server with the server's clock,
 * so what an applicant is told and what a reviewer later checks come from one source.
 */
export const eligibilityFunction = defineFunction('eligibility', {
  assess: {
    roles: ['applicant'],
    async handle({ roundId, profile }, { caller, store, now, writes }) {
      const doc = await store.get(collections.rounds.name, roundId);
      if (!doc) return err(appError('NOT_FOUND', ['没有找到这个评审批次，请返回首页重新选择']));
      const assessment = assess(profile, roundFromDoc(doc), now);

      const saved = { roundId, profile, savedAt: now.toISOString() } as unknown as JsonObject;
      const existing = await store.get(collections.profiles.name, caller._id);
      if (existing) writes.update(collections.profiles.name, caller._id, existing._rev, saved);
      else writes.insert(collections.profiles.name, { _id: caller._id, ...saved });
      return ok(assessment);
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
