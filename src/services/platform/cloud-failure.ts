import type { ErrorCode } from '../../core/errors';

/**
 * A failed `callFunction` / `uploadFile`: the phone's network, or the cloud side (a function that
 * crashed or timed out, a storage fault). WeChat tells them apart only in `errMsg`.
 */
export function cloudFailureCode(caught: unknown): ErrorCode {
  const errMsg = String((caught as { errMsg?: unknown } | null)?.errMsg ?? (caught instanceof Error ? caught.message : caught));
  if (/timeout|timed out|超时/i.test(errMsg)) return 'NETWORK.TIMEOUT';
  if (/request:fail|network|网络/i.test(errMsg)) return 'NETWORK.UNREACHABLE';
  return 'INTERNAL.ERROR';
}
