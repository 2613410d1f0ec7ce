import { appError } from '../../core/errors';
import { Role } from '../../core/people/person';
import { err, ok } from '../../core/result';
import { summarizeRound } from '../../core/round/round.summary';
import { findRounds, loadNotice, loadRound } from '../rounds.repo';
import { roundsContract } from '../../core/contracts/functions/rounds.contract';
import { defineFunction } from '../function';
import { roundNoticeTimer } from '../workshop/round-notices';
import { workshopActions } from '../workshop/workshop.actions';

/** `rounds`: the evaluation rounds, read from the store where they were seeded from config/rounds or published from the workshop. */
export const roundsFunction = defineFunction('rounds', roundsContract, {
  list: {
    roles: Role.options,
    async handle(payload, { store }) {
      const rounds = await findRounds(store, {
        where: payload.year ? [{ field: 'year', op: 'eq', value: payload.year }] : [],
        orderBy: [
          { field: 'year', direction: 'desc' },
          { field: '_id', direction: 'asc' },
        ],
      });
      return ok(rounds.map(summarizeRound));
    },
  },
  get: {
    roles: Role.options,
    async handle(payload, { store }) {
      const round = await loadRound(store, payload.roundId);
      return round ? ok(round) : err(appError('ROUND.NOT_FOUND'));
    },
  },
  notice: {
    roles: Role.options,
    async handle(payload, { store }) {
      const notice = await loadNotice(store, payload.roundId);
      return notice ? ok(notice) : err(appError('ROUND.NOT_FOUND'));
    },
  },
  ...workshopActions,
}, { tellRoundChanges: roundNoticeTimer });

