import type { ApplicationRecord } from '../application/application.schema';
import { can, type MoveFacts } from './decide';
import { TRANSITIONS, type ReviewCommand, type ReviewStatus } from './review.machine';

/**
 * Deadlines are delayed transitions of the review table: the rows the system takes (逾期未重新提交
 * → abandoned, 未缴纳评审费 → not_evaluated) fall due when their guard holds on the clock. A timer
 * only ticks: it reads the applications in these statuses and moves those `dueCommand` names.
 */
export const DELAYED: readonly ReviewCommand[] = [...new Set(TRANSITIONS.filter((r) => r.actors.includes('system')).map((r) => r.command))];

/** The statuses a delayed transition leaves from: where a tick looks. */
export const WAITING_ON_A_DEADLINE: readonly ReviewStatus[] = [...new Set(TRANSITIONS.filter((r) => r.actors.includes('system')).flatMap((r) => r.from))];

/** The delayed transition due for this application now, or null: the table's system row whose guard holds. */
export function dueCommand(record: ApplicationRecord, facts: MoveFacts): ReviewCommand | null {
  return can(record, 'system', facts).find((c) => DELAYED.includes(c)) ?? null;
}
