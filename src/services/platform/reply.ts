import type { Reply } from '../../core/contracts/contract';
import { errorMessages, type ErrorCode } from '../../core/errors';

/** A failure reply made on the phone, with the shared message for its code. */
export function failure(code: ErrorCode): Reply<never> {
  return { ok: false, code, message: errorMessages[code] };
}

/**
 * What a function answered, checked: a body that is not a `Reply` is a server fault, never
 * something to read fields from.
 */
export function asReply<T>(body: unknown): Reply<T> {
  if (typeof body !== 'object' || body === null) return failure('INTERNAL.ERROR');
  const reply = body as Record<string, unknown>;
  if (reply.ok === true && 'data' in reply) return body as Reply<T>;
  if (reply.ok === false && typeof reply.code === 'string') {
    return {
      ok: false,
      code: reply.code,
      message: typeof reply.message === 'string' ? reply.message : '',
      ...(Array.isArray(reply.details) ? { details: reply.details.filter((d): d is string => typeof d === 'string') } : {}),
    };
  }
  return failure('INTERNAL.ERROR');
}
