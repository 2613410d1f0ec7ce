import { PAST_FORMAL_REVIEW } from '../../core/review/table-reads';
import type { Person } from '../../core/people/person';
import { loadApplication, type Loaded } from '../applications/load';
import type { Store } from '../ports/store.port';

/** The rounds whose committee the secretary serves; another round is answered as missing. */
export function servesRound(caller: Person, roundId: string): boolean {
  return caller.rounds?.includes(roundId) ?? false;
}


/** An application of one of the secretary's rounds, past formal review; anything else is answered as missing. */
export const loadForCommittee = (store: Pick<Store, 'get'>, caller: Person, id: string): Promise<Loaded> =>
  loadApplication(store, id, (record) => servesRound(caller, record.roundId) && PAST_FORMAL_REVIEW.includes(record.status));
