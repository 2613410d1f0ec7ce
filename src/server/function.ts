import type { z } from 'zod';
import type { Random } from './ports/random.port';
import type { ActionName, Api, FunctionName, PayloadOf, ResultOf } from '../core/contracts/api';
import type { AppError } from '../core/errors';
import type { Person, Role } from '../core/people/person';
import type { Result } from '../core/result';
import type { Clock } from './ports/clock.port';
import type { DocumentTemplates } from './ports/templates.port';
import type { TextReader } from './ports/ocr.port';
import type { FileStore } from './ports/files.port';
import type { MadeFiles } from './made-files';
import type { Messenger } from './ports/messenger.port';
import type { MiniCodes } from './ports/minicode.port';
import type { SubscriptionSettings } from './subscriptions/settings';
import type { OutboxDraft } from './outbox';
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
  readonly codes: MiniCodes;
  readonly subscriptions: SubscriptionSettings;
  /** The Word templates documents are filled from. */
  readonly templates: DocumentTemplates;
  /** Reads a photo's text for the masking suggestions and checks (the text is never kept). */
  readonly ocr: TextReader;
  readonly clock: Clock;
  /** Chance (a draw's seed, new ids, invite codes); the system's cryptographic source when absent. */
  readonly random?: Random;
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

/** What a handler works with, a person's action or a timer alike. */
export interface WorkContext {
  /** Read access; writes go through `writes`. */
  readonly store: Pick<Store, 'get' | 'find' | 'count'>;
  /** Read access to stored files; a file the handler makes goes through `made`. */
  readonly files: Pick<FileStore, 'get' | 'url' | 'refOf'>;
  /** Files the handler makes, staged like its writes (see `MadeFiles`). */
  readonly made: MadeFiles;
  /** Mini-program codes (a unit's invite code to scan). */
  readonly codes: MiniCodes;
  readonly subscriptions: SubscriptionSettings;
  readonly templates: DocumentTemplates;
  readonly ocr: TextReader;
  /** For a fault the handler works around and answers anyway (an OCR service down). */
  readonly log: Logger;
  readonly now: Date;
  /** Chance, through the port (see `Random`): handlers never call node:crypto's random themselves. */
  readonly random: Random;
  readonly writes: StagedWrites;
  /**
   * A message to a person: written to the outbox in the same atomic commit as the writes (its
   * dedupe key is its id, so it exists once), delivered after the commit and again by the outbox
   * timer until it ends as sent, failed or skipped.
   */
  notify(message: OutboxDraft): void;
  /**
   * A file to remove once the writes have committed (an upload whose content was stored cleaned
   * elsewhere); nothing is removed when the commit fails. A removal that fails then is logged and
   * left to the uploads' cleanup timer.
   */
  discardAfterCommit(ref: string): void;
}

export interface ActionContext extends WorkContext {
  readonly caller: Person;
  /**
   * Commits writes at once, on their own, whatever the action answers after: only for what must
   * stand when the action is refused (a failed try counted against a limit). Everything else goes
   * through `writes`. A conflict with a concurrent change is `STORE.CONFLICT`.
   */
  commitNow(writes: readonly Write[]): Promise<{ readonly ok: true } | { readonly ok: false; readonly error: AppError }>;
  /**
   * One step of a batch, committed on its own: `work` stages writes and messages in the context it
   * is given, and they commit (then deliver) as soon as it answers, apart from the action's own and
   * from every other step's, run again on what is there now after a concurrent change. A batch of a
   * hundred applications is a hundred small commits, not one transaction holding them all. What it
   * answers is the work's, or the commit's failure.
   */
  step<T>(work: (ctx: ActionContext) => Promise<T>): Promise<Result<T, AppError>>;
}

export interface ActionDef<F extends FunctionName, A extends ActionName<F>> {
  /** Who may call it; the caller's person record is looked up by the platform OPENID. */
  readonly roles: readonly Role[];
  /** Also callable by an OPENID with no person yet (registering): `caller._id` is '' then. */
  readonly newcomers?: boolean;
  readonly handle: (
    payload: Api[F][A] extends { payload: infer P extends z.ZodType } ? z.output<P> : never,
    ctx: ActionContext,
  ) => Promise<Result<ResultOf<F, A>, AppError>>;
}

export type ActionDefs<F extends FunctionName> = { readonly [A in ActionName<F>]: ActionDef<F, A> };

/**
 * A timer's work: run by the system (no person, no OPENID), from a trigger in the function's
 * `config.json` in the cloud and on the same schedule by the local runtime. It must be idempotent:
 * two runs do what one does. Answers how many things it changed.
 */
export interface TimerDef {
  /** How often it runs, as the cloud's cron with seconds first (every 5 minutes: 0, then a star-slash-5, then five stars). */
  readonly cron: string;
  /** The same, in milliseconds, for the local runtime. */
  readonly everyMs: number;
  /** `deps` for work that commits on its own (the outbox delivers entry by entry). */
  readonly run: (ctx: WorkContext, deps: Deps) => Promise<number>;
}

export interface FunctionDef<F extends FunctionName = FunctionName> {
  readonly name: F;
  /** Its actions' payload schemas: its own only, so a deployed function builds no other's. */
  readonly contract: Api[F];
  readonly actions: ActionDefs<F>;
  readonly timers: Readonly<Record<string, TimerDef>>;
}

/**
 * The name of a function's one timer trigger in the cloud: WeChat takes one trigger a function
 * (`config.json` `triggers` holds at most one), so every timer of the function runs on it.
 */
export const TIMER_TRIGGER = 'timers';

export interface TriggerConfig {
  readonly name: string;
  readonly type: 'timer';
  readonly config: string;
}

/**
 * The trigger `config.json` declares for a function: at its most frequent timer's schedule, running
 * all its timers (each idempotent, so one that runs more often than its own schedule does no harm);
 * null for a function without timers.
 */
export function triggerOf(fn: FunctionDef): TriggerConfig | null {
  const timers = Object.values(fn.timers);
  if (timers.length === 0) return null;
  const mostFrequent = timers.reduce((a, b) => (b.everyMs < a.everyMs ? b : a));
  return { name: TIMER_TRIGGER, type: 'timer', config: mostFrequent.cron };
}

/** Declares a cloud function: its name, one definition per action of its contract, and its timers. */
export function defineFunction<F extends FunctionName>(name: F, contract: Api[F], actions: ActionDefs<F>, timers: Readonly<Record<string, TimerDef>> = {}): FunctionDef<F> {
  return { name, contract, actions, timers };
}

export type { PayloadOf, Write };
