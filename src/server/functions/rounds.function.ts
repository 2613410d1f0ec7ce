import { appError } from '../../core/errors';
import { err, ok } from '../../core/result';
import { collections } from '../collections';
import { defineFunction } from '../function';

const everyone = ['applicant', 'unit_admin', 'county_hr', 'prefecture_hr', 'committee_secretary', 'expert'] as const;

// PROVISIONAL until the round schema lands.
export const roundsFunction = defineFunction('rounds', {
  list: {
    roles: everyone,
    async handle(payload, { store }) {
      const docs = await store.find(collections.rounds.name, {
        where: payload.year ? [{ field: 'year', op: 'eq', value: payload.year }] : [],
        orderBy: [{ field: 'year', direction: 'desc' }],
      });
      return ok(
        docs.map((d) => ({
          id: String(d._id),
          title: String(d['title'] ?? ''),
          issuer: String(d['issuer'] ?? ''),
          year: Number(d['year'] ?? 0),
          region: '',
          applyFrom: null,
          applyUntil: null,
        })),
      );
    },
  },
  get: {
    roles: everyone,
    async handle(payload, { store }) {
      const doc = await store.get(collections.rounds.name, payload.roundId);
      return doc ? ok(doc) : err(appError('NOT_FOUND'));
    },
  },
});
