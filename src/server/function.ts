import type { z } from 'zod';
import type { ActionName, Api, FunctionName, PayloadOf, ResultOf } from '../core/contracts/api';
import type { AppError } from '../core/errors';
import type { Person, Role } from '../core/people/person';
import type { Result } from '../core/result';
import type { Clock } from './ports/clock.port';
import type { FileStore } from './ports/files.port';
import type { Messenger, SubscriptionMessage } from './ports/messenger.port';
import type { JsonObject, Store, Write } from './ports/store.port';

export interface Logger {
  error(message: string, cause?: unknown): void;
  warn(message: string, cause?: unknown): void;
}

/** The adapters a function runs on: local ones in the runtime, wx-server-sdk ones in the cloud. */
export interface Deps {
  readonly store: Store;
  readonly files: FileStore;
  readonly messenger: Messenger;
  readonly clock: Clock;
  readonly log: Logger;
}

/**
 * Writes a handler stages; the dispatcher commits them atomically only when the handler succeeds,
 * so a failure half-way leaves nothing behind.
 */
export interface StagedWrites {
  insert(collection: string, doc: JsonObject & { readonly _id: string }): void;
  update(collection: string, id: string, rev: number, set: JsonObject): void;
  remove(collection: string, id: string, rev: number): void;
}

export interface ActionContext {
  readonly caller: Person;
  /** Read access; writes go through `writes`. */
  readonly store: Pick<Store, 'get' | 'find' | 'count'>;
  readonly files: FileStore;
  readonly now: Date;
  readonly writes: StagedWrites;
  /** Messages sent after the writes are committed. */
  notify(message: SubscriptionMessage): void;
}

export interface ActionDef<F extends FunctionName, A extends ActionName<F>> {
  /** Who may call it; the caller's person record is looked up by the platform OPENID. */
  readonly roles: readonly Role[];
  readonly handle: (
    payload: Api[F][A] extends { payload: infer P extends z.ZodType } ? z.output<P> : never,
    ctx: ActionContext,
  ) => Promise<Result<ResultOf<F, A>, AppError>>;
}

export type ActionDefs<F extends FunctionName> = { readonly [A in ActionName<F>]: ActionDef<F, A> };

export interface FunctionDef<F extends FunctionName = FunctionName> {
  readonly name: F;
  readonly actions: ActionDefs<F>;
}

/** Declares a cloud function: its name and one definition per action of its contract. */
export function defineFunction<F extends FunctionName>(name: F, actions: ActionDefs<F>): FunctionDef<F> {
  return { name, actions };
}

export type { PayloadOf, Write };
