import type { ActionName, FunctionName, PayloadOf, ResultOf } from '../../core/contracts/api';
import { contractOf } from './contracts';
import { describeIssues } from '../../core/contracts/zod-locale';
import { appError, errorMessages, isErrorCode, type AppError } from '../../core/errors';
import { err, ok, type Result } from '../../core/result';
import { platform } from '../platform/platform';

const BUSY_RETRY_DELAYS_MS = [300, 1000];

/**
 * Calls one action of one cloud function. The payload is checked against the shared contract
 * before it leaves the phone; every failure comes back as an `AppError` with a Chinese message.
 */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  functionName: F,
  action: A,
  payload: PayloadOf<F, A>,
): Promise<Result<ResultOf<F, A>, AppError>> {
  const contract = contractOf(functionName, action);
  if (!contract) return err(appError('REQUEST.UNKNOWN_ACTION'));
  const checked = contract.payload.safeParse(payload);
  if (!checked.success) return err(appError('REQUEST.INVALID_PAYLOAD', describeIssues(checked.error)));

  let reply = await platform.transport.call(functionName, { action, payload: checked.data });
  // A busy server did nothing, so asking again is safe; a moment later it usually succeeds.
  for (const delay of BUSY_RETRY_DELAYS_MS) {
    if (reply.ok || reply.code !== 'SYSTEM.BUSY') break;
    await new Promise((resolve) => setTimeout(resolve, delay));
    reply = await platform.transport.call(functionName, { action, payload: checked.data });
  }
  if (reply.ok) return ok(reply.data as ResultOf<F, A>);
  return err(toAppError(reply.code, reply.message, reply.details));
}

/** A server code the app does not know still gets a readable message. */
export function toAppError(code: string, message: string, details?: readonly string[]): AppError {
  if (!isErrorCode(code)) return appError('INTERNAL.ERROR', details, message || errorMessages['INTERNAL.ERROR']);
  return appError(code, details, message || errorMessages[code]);
}
