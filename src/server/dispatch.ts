import { err, ok } from '../core/result';
import * as z from 'zod';
import { systemRandom } from './ports/random.port';
import type { FunctionName } from '../core/contracts/api';
import { failureReply, type Reply } from '../core/contracts/contract';
import { describeIssues } from '../core/contracts/zod-locale';
import { appError, type AppError, type ErrorCode } from '../core/errors';
import type { Person } from '../core/people/person';
import type { ActionContext, ActionDef, Deps, FunctionDef, WorkContext } from './function';
import { fileStaging, type FileStaging } from './made-files';
import { AFTER_COMMIT_DELIVERY_BUDGET, deliverOutbox, outboxInsert } from './outbox';
import { people } from './people.repo';
import { StoreBusy, type Write } from './ports/store.port';
import { checkRequestId, requestIdOf } from './request-ids';

/** The answer to one call: the reply body and, for HTTP, its status. */
export interface Outcome {
  readonly status: number;
  readonly reply: Reply<unknown>;
}

/** The caller as the platform identifies it: the OPENID, or null when nobody is signed in. */
export interface Caller {
  readonly openid: string | null;
}

// Extra keys are stripped, never trusted: the platform adds `userInfo` to every event.
const Envelope = z.object({
  action: z.string().min(1).max(64),
  payload: z.unknown().optional(),
});

const statusOf: Partial<Record<ErrorCode, number>> = {
  'AUTH.NOT_SIGNED_IN': 401,
  'AUTH.UNKNOWN_PERSON': 403,
  'AUTH.FORBIDDEN': 403,
  NOT_FOUND: 404,
  'STORE.NOT_FOUND': 404,
  'ROUND.NOT_FOUND': 404,
  'APPLICATION.NOT_FOUND': 404,
  'APPLICATION.FILE_NOT_YOURS': 403,
  'APPLICATION.OTHER_CHANNEL': 409,
  'REVIEW.WRONG_STATUS': 409,
  'REVIEW.OUT_OF_SCOPE': 403,
  'STORE.CONFLICT': 409,
  'STORE.DUPLICATE_ID': 409,
  'REQUEST.BAD_HOST': 403,
  'REQUEST.ID_REUSED': 409,
  'REQUEST.METHOD_NOT_ALLOWED': 405,
  'REQUEST.TOO_LARGE': 413,
  'FILE.TOO_LARGE': 413,
  'FILE.TOO_MANY_PIXELS': 413,
  'FILE.QUOTA_PENDING': 429,
  'FILE.QUOTA_FULL': 413,
  'FILE.BAD_TYPE': 415,
  'FILE.CONTENT_MISMATCH': 415,
  'FILE.URL_EXPIRED': 403,
  'FILE.NOT_FOUND': 404,
  'SYSTEM.BUSY': 503,
  'UNIT.CODE_IMAGE_FAILED': 502,
  'UNIT.TOO_MANY_TRIES': 429,
  'INTERNAL.ERROR': 500,
};

/** The HTTP status the local runtime answers a failure with; refusals of bad input are 400. */
export function httpStatusOf(code: ErrorCode): number {
  return statusOf[code] ?? 400;
}

/** How often a handler runs when its commit keeps meeting concurrent changes. */
const CONFLICT_ATTEMPTS = 3;

function failure(error: AppError): Outcome {
  return { status: httpStatusOf(error.code), reply: failureReply(error) };
}

/**
 * Runs one call of a function: validates the envelope and payload, identifies the caller by the
 * platform OPENID, checks the role, runs the handler, then commits its staged writes atomically and
 * sends its messages. Bad input and refusals change nothing; a crash answers 500 and changes nothing.
 */
export async function dispatch(
  functions: Readonly<Partial<Record<string, FunctionDef>>>,
  functionName: string,
  rawEnvelope: unknown,
  caller: Caller,
  deps: Deps,
): Promise<Outcome> {
  const fn = Object.prototype.hasOwnProperty.call(functions, functionName) ? functions[functionName] : undefined;
  if (!fn) {
    return failure(appError('REQUEST.UNKNOWN_FUNCTION'));
  }
  const envelope = Envelope.safeParse(rawEnvelope);
  if (!envelope.success) {
    return failure(appError('REQUEST.MALFORMED', describeIssues(envelope.error)));
  }
  const actionName = envelope.data.action;
  const actions = fn.actions as Readonly<Record<string, ActionDef<FunctionName, never>>>;
  const contracts = fn.contract as Readonly<Record<string, { payload: z.ZodType }>>;
  const def = Object.prototype.hasOwnProperty.call(actions, actionName) ? actions[actionName] : undefined;
  const contract = Object.prototype.hasOwnProperty.call(contracts, actionName) ? contracts[actionName] : undefined;
  if (!def || !contract) {
    return failure(appError('REQUEST.UNKNOWN_ACTION'));
  }
  const payload = contract.payload.safeParse(envelope.data.payload ?? {});
  if (!payload.success) {
    return failure(appError('REQUEST.INVALID_PAYLOAD', describeIssues(payload.error)));
  }

  try {
    let person = await identify(caller, deps);
    // Someone WeChat identifies but who is not registered yet may only register (their OPENID is
    // still the platform's; the handler sees an unsaved person with no id).
    if (!person.ok && person.error.code === 'AUTH.UNKNOWN_PERSON' && def.newcomers === true && caller.openid) {
      person = { ok: true, value: { _id: '', openid: caller.openid, name: '新用户', role: 'applicant', unitId: null, prefecture: '', county: null } };
    }
    if (!person.ok) return failure(person.error);
    if (!def.roles.includes(person.value.role)) return failure(appError('AUTH.FORBIDDEN'));

    // Optimistic concurrency: a commit that finds a document changed since it was read runs the
    // handler again on what is there now. The same request then finds itself done (a double tap is
    // one act, never "changed by someone else"); another person's act is judged on the new state.
    const requestId = requestIdOf(payload.data);
    // Files the handler makes are staged across its attempts: kept only with a commit.
    const staging = fileStaging(deps.files, deps.random ?? systemRandom, deps.log);
    let committed = false;
    try {
      for (let attempt = 1; ; attempt += 1) {
        const work = workContext(deps, staging);
        // A request id names one act: the same id for another act is refused before anything runs.
        const request = requestId ? await checkRequestId(deps.store, person.value._id, `${functionName}.${actionName}`, payload.data, requestId, work.ctx.now) : null;
        if (request?.kind === 'reused') return failure(appError('REQUEST.ID_REUSED'));
        const commitNow: ActionContext['commitNow'] = async (now) => {
          const committed = await deps.store.commit(now);
          return committed.ok ? { ok: true } : { ok: false, error: appError(committed.error.code) };
        };
        // A batch's step: its own context, committed as soon as it answers (see ActionContext.step).
        const step: ActionContext['step'] = async (stepWork) => {
          for (let stepAttempt = 1; ; stepAttempt += 1) {
            const own = workContext(deps, staging);
            const answer = await stepWork({ ...own.ctx, caller: person.value, commitNow, step });
            const stepCommit = await own.commit();
            if (stepCommit.ok) return ok(answer);
            if (stepCommit.error.code !== 'STORE.CONFLICT' || stepAttempt >= CONFLICT_ATTEMPTS) return err(stepCommit.error);
          }
        };
        const ctx: ActionContext = { ...work.ctx, caller: person.value, commitNow, step };
        const result = await def.handle(payload.data as never, ctx);
        if (!result.ok) return failure(result.error);
        if (request?.kind === 'new') work.stage(request.record);
        const commit = await work.commit();
        if (commit.ok) {
          committed = true;
          return { status: 200, reply: { ok: true, data: result.value } };
        }
        // A concurrent change, or the same new request committed by a concurrent copy of it: run again on what is there now.
        const again = commit.error.code === 'STORE.CONFLICT' || (commit.error.code === 'STORE.DUPLICATE_ID' && request?.kind === 'new');
        if (!again || attempt >= CONFLICT_ATTEMPTS) return failure(commit.error);
      }
    } finally {
      await staging.settle(committed);
    }
  } catch (cause) {
    // Nothing was committed either way; a busy store is worth retrying, a crash is a bug.
    if (cause instanceof StoreBusy) return failure(appError('SYSTEM.BUSY'));
    deps.log.error(`${functionName}.${actionName} crashed`, cause);
    return failure(appError('INTERNAL.ERROR'));
  }
}

type Identified = { ok: true; value: Person } | { ok: false; error: AppError };

async function identify(caller: Caller, deps: Deps): Promise<Identified> {
  if (!caller.openid) return { ok: false, error: appError('AUTH.NOT_SIGNED_IN') };
  const person = await people.byOpenid(deps.store, caller.openid);
  return person ? { ok: true, value: person } : { ok: false, error: appError('AUTH.UNKNOWN_PERSON') };
}

/**
 * A handler's context with its staged writes and messages, and the commit that writes both in one
 * atomic step and then delivers the messages (a delivery that fails now is retried by the outbox
 * timer: the state change and its messages are already safe).
 */
function workContext(deps: Deps, staging: FileStaging): { ctx: WorkContext; stage: (write: Write) => void; commit: () => Promise<{ ok: true } | { ok: false; error: AppError }> } {
  const now = deps.clock.now();
  const writes: Write[] = [];
  const outbox: string[] = [];
  const discarded: string[] = [];
  const ctx: WorkContext = {
    store: deps.store,
    files: deps.files,
    made: staging.attempt(),
    codes: deps.codes,
    subscriptions: deps.subscriptions,
    templates: deps.templates,
    ocr: deps.ocr,
    log: deps.log,
    now,
    random: deps.random ?? systemRandom,
    writes: {
      insert: (collection, doc) => writes.push({ kind: 'insert', collection, doc }),
      update: (collection, id, rev, set) => writes.push({ kind: 'update', collection, id, rev, set }),
      remove: (collection, id, rev) => writes.push({ kind: 'delete', collection, id, rev }),
    },
    notify: (draft) => {
      writes.push(outboxInsert(draft, now));
      outbox.push(draft.dedupeKey);
    },
    discardAfterCommit: (ref) => discarded.push(ref),
  };
  return {
    ctx,
    stage: (write) => writes.push(write),
    async commit() {
      if (writes.length > 0) {
        const committed = await deps.store.commit(writes);
        if (!committed.ok) return { ok: false, error: appError(committed.error.code) };
      }
      if (outbox.length > 0) {
        try {
          await deliverOutbox(deps, outbox, AFTER_COMMIT_DELIVERY_BUDGET);
        } catch (cause) {
          deps.log.warn(`outbox delivery after commit failed; the timer retries`, cause);
        }
      }
      for (const ref of discarded) {
        try {
          await deps.files.delete(ref);
        } catch (cause) {
          deps.log.warn(`a file to discard after the commit was not removed; the uploads' cleanup timer removes it`, cause);
        }
      }
      return { ok: true };
    },
  };
}

/**
 * Runs one timer of a function as the system: no person, no OPENID (the cloud's timer trigger, or
 * the local runtime's schedule). Its writes and messages commit atomically like an action's.
 * Answers how many things it changed, or the failure.
 */
export async function runTimer(functions: Readonly<Partial<Record<string, FunctionDef>>>, functionName: string, timerName: string, deps: Deps): Promise<Outcome> {
  const fn = Object.prototype.hasOwnProperty.call(functions, functionName) ? functions[functionName] : undefined;
  const timer = fn && Object.prototype.hasOwnProperty.call(fn.timers, timerName) ? fn.timers[timerName] : undefined;
  if (!timer) return failure(appError('REQUEST.UNKNOWN_ACTION'));
  const staging = fileStaging(deps.files, deps.random ?? systemRandom, deps.log);
  let committed = false;
  try {
    const work = workContext(deps, staging);
    const changed = await timer.run(work.ctx, deps);
    const commit = await work.commit();
    if (!commit.ok) return failure(commit.error);
    committed = true;
    return { status: 200, reply: { ok: true, data: { changed } } };
  } catch (cause) {
    if (cause instanceof StoreBusy) return failure(appError('SYSTEM.BUSY'));
    deps.log.error(`${functionName} timer ${timerName} crashed`, cause);
    return failure(appError('INTERNAL.ERROR'));
  } finally {
    await staging.settle(committed);
  }
}
