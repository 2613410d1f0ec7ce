import * as z from 'zod';
import { action } from '../contract';
import { RoundId } from '../fields';
import type { RoundSummary, NoticeText } from '../views';
import type { Round } from '../../round/round.schema';

/**
 * The `rounds` function's actions everyone reads: the app's main package checks these. The round
 * workshop's actions (`rounds.contract.ts`) ship only in the workshop subpackage.
 */
export const roundsReadContract = {
  list: action<readonly RoundSummary[]>()(
    z.strictObject({ year: z.number().int().min(2000, '年份不正确').max(2100, '年份不正确').optional() }),
  ),
  get: action<Round>()(z.strictObject({ roundId: RoundId })),
  /** The official notice a round was made from, as its text: the authority its clauses cite. */
  notice: action<NoticeText>()(z.strictObject({ roundId: RoundId })),
} as const;
