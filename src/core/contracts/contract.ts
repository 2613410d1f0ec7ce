import type { z } from 'zod';

/**
 * An action's contract: the zod schema its payload must satisfy and, as a phantom type, what it
 * answers. The app validates payloads with the same schema before sending; functions validate
 * them again on arrival.
 */
export interface ActionContract<P extends z.ZodType, R> {
  readonly payload: P;
  /** Phantom: never set at run time, carries the result type. */
  readonly result?: R;
}

export function action<R>() {
  return <P extends z.ZodType>(payload: P): ActionContract<P, R> => ({ payload });
}

/** The envelope every function receives: `{ action, payload }`. */
export interface Envelope {
  readonly action: string;
  readonly payload: unknown;
}

export type Reply<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly details?: readonly string[] };

/** The failure reply for an error, with its details only when there are some. */
export function failureReply(error: { code: string; message: string; details?: readonly string[] }): Reply<never> {
  return error.details
    ? { ok: false, code: error.code, message: error.message, details: error.details }
    : { ok: false, code: error.code, message: error.message };
}
