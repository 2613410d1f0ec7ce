/**
 * Every function's contract, for the app's client. A cloud function imports only its own
 * (`functions/<name>.contract.ts`), so it starts without building the others' schemas.
 */
import type * as z from 'zod';
import { accountContract } from './functions/account.contract';
import { roundsContract } from './functions/rounds.contract';
import { eligibilityContract } from './functions/eligibility.contract';
import { committeeContract } from './functions/committee.contract';
import { defenseContract } from './functions/defense.contract';
import { subscriptionsContract } from './functions/subscriptions.contract';
import { applicationsContract } from './functions/applications.contract';
import { unitsContract } from './functions/units.contract';
import { reviewContract } from './functions/review.contract';
import { documentsContract } from './functions/documents.contract';

export type * from './views';

/** Every function, every action, its payload schema and its result type. */
export const api = {
  account: accountContract,
  rounds: roundsContract,
  eligibility: eligibilityContract,
  committee: committeeContract,
  defense: defenseContract,
  subscriptions: subscriptionsContract,
  applications: applicationsContract,
  units: unitsContract,
  review: reviewContract,
  documents: documentsContract,
} as const;

export type Api = typeof api;
export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
type ContractOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A];
export type PayloadOf<F extends FunctionName, A extends ActionName<F>> =
  ContractOf<F, A> extends { payload: infer P extends z.ZodType } ? z.input<P> : never;
export type ResultOf<F extends FunctionName, A extends ActionName<F>> =
  ContractOf<F, A> extends { result?: infer R } ? R : never;
