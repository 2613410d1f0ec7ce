import * as z from 'zod';
import { appError } from '../../core/errors';
import { Role } from '../../core/people/person';
import { err, ok } from '../../core/result';
import { summarizeRound } from '../../core/round/round.summary';
import { collections } from '../collections';
import { roundFromDoc } from '../round.docs';
import { parseFields } from '../docs';
import { roundsContract } from '../../core/contracts/functions/rounds.contract';
import { defineFunction } from '../function';

/** `rounds`: the evaluation rounds, read from the store where they were seeded from config/rounds. */
export const roundsFunction = defineFunction('rounds', roundsContract, {
  list: {
    roles: Role.options,
    async handle(payload, { store }) {
      const docs = await store.find(collections.rounds.name, {
        where: payload.year ? [{ field: 'year', op: 'eq', value: payload.year }] : [],
        orderBy: [
          { field: 'year', direction: 'desc' },
          { field: '_id', direction: 'asc' },
        ],
      });
      return ok(docs.map((doc) => summarizeRound(roundFromDoc(doc))));
    },
  },
  get: {
    roles: Role.options,
    async handle(payload, { store }) {
      const doc = await store.get(collections.rounds.name, payload.roundId);
      if (!doc) return err(appError('ROUND.NOT_FOUND'));
      return ok(roundFromDoc(doc));
    },
  },
  notice: {
    roles: Role.options,
    async handle(payload, { store }) {
      const doc = await store.get(collections.notices.name, payload.roundId);
      if (!doc) return err(appError('ROUND.NOT_FOUND'));
      return ok(parseFields(NoticeDoc, doc));
    },
  },
});

const NoticeDoc = z.strictObject({ roundId: z.string().min(1), file: z.string().min(1), text: z.string().min(1) });
