import type { z } from 'zod';
import type { FunctionName } from '../../core/contracts/api';
import { accountContract } from '../../core/contracts/functions/account.contract';
import { applicationsContract } from '../../core/contracts/functions/applications.contract';
import { eligibilityContract } from '../../core/contracts/functions/eligibility.contract';
import { roundsReadContract } from '../../core/contracts/functions/rounds.read.contract';
import { subscriptionsContract } from '../../core/contracts/functions/subscriptions.contract';
import { unitsContract } from '../../core/contracts/functions/units.contract';

type Contract = Readonly<Record<string, { readonly payload: z.ZodType }>>;

/**
 * The payload schemas the client checks a call against before it leaves the phone. The functions
 * an applicant meets ship in the main package; the staff's (committee, defense, review, documents)
 * are registered by the subpackage pages that call them (`staff-contracts.ts`), so a phone that
 * only applies never downloads them (the main package stays within its 512 KB).
 */
const known: { [F in FunctionName]?: Contract } = {
  account: accountContract,
  rounds: roundsReadContract,
  eligibility: eligibilityContract,
  applications: applicationsContract,
  subscriptions: subscriptionsContract,
  units: unitsContract,
};

/** One action's contract, or undefined when the function is not known here (not registered) or has no such action. */
export function contractOf(functionName: FunctionName, action: string): { readonly payload: z.ZodType } | undefined {
  return known[functionName]?.[action];
}

/** Adds functions' contracts (a subpackage's, when its page loads). */
export function registerContracts(contracts: { [F in FunctionName]?: Contract }): void {
  Object.assign(known, contracts);
}
