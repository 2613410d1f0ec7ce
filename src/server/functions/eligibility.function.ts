import { appError } from '../../core/errors';
import { err, ok } from '../../core/result';
import { eligibilityContract } from '../../core/contracts/functions/eligibility.contract';
import { loadAnswers, saveAnswers } from '../answers.repo';
import { defineFunction } from '../function';
import { loadRound } from '../rounds.repo';

/**
 * `eligibility`: keeps the self-check's answers (one record per person, the last round answered),
 * so the application can start from them on any phone.
 */
export const eligibilityFunction = defineFunction('eligibility', eligibilityContract, {
  saveAnswers: {
    roles: ['applicant'],
    async handle({ roundId, profile }, { caller, store, now, writes }) {
      if (!(await loadRound(store, roundId))) return err(appError('ROUND.NOT_FOUND'));
      await saveAnswers(store, writes, caller._id, { roundId, profile, savedAt: now.toISOString() });
      return ok({ roundId, savedAt: now.toISOString() });
    },
  },
  profile: {
    roles: ['applicant'],
    async handle(_payload, { caller, store }) {
      return ok(await loadAnswers(store, caller._id));
    },
  },
});
