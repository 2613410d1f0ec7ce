import type { FunctionDef } from '../function';
import { accountFunction } from './account.function';
import { applicationsFunction } from './applications.function';
import { committeeFunction } from './committee.function';
import { defenseFunction } from './defense.function';
import { documentsFunction } from './documents.function';
import { eligibilityFunction } from './eligibility.function';
import { reviewFunction } from './review.function';
import { roundsFunction } from './rounds.function';
import { subscriptionsFunction } from './subscriptions.function';
import { unitsFunction } from './units.function';

/** Every cloud function by name; the local runtime hosts all of them, the cloud deploys each alone. */
export const functions = {
  account: accountFunction,
  rounds: roundsFunction,
  eligibility: eligibilityFunction,
  applications: applicationsFunction,
  review: reviewFunction,
  units: unitsFunction,
  subscriptions: subscriptionsFunction,
  committee: committeeFunction,
  defense: defenseFunction,
  documents: documentsFunction,
} as const satisfies Record<string, FunctionDef>;

export type DeployedFunctionName = keyof typeof functions;
