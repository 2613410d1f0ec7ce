import path from 'node:path';
import { dirTemplates } from '../adapters/dir.templates';
import { cloudReader } from '../adapters/cloud/cloud.ocr';
import type { TextReader } from '../ports/ocr.port';
import { cloudFiles } from '../adapters/cloud/cloud.files';
import { cloudMessenger } from '../adapters/cloud/cloud.messenger';
import { cloudMiniCodes } from '../adapters/cloud/cloud.minicode';
import { subscriptionSettings } from '../subscriptions/settings';
import { cloudStore } from '../adapters/cloud/cloud.store';
import type { WxCloud } from '../adapters/cloud/wx.types';
import type { Reply } from '../../core/contracts/contract';
import { dispatch, runTimer } from '../dispatch';
import { TIMER_TRIGGER, type Deps, type FunctionDef, type Logger } from '../function';
import { systemClock, type Clock } from '../ports/clock.port';

export interface CloudMainOptions {
  /** Which version of the mini-program a subscription message opens. */
  readonly miniprogramState: 'formal' | 'trial' | 'developer';
  /** The server's clock; the cloud's own unless a test sets the moment. */
  readonly clock?: Clock;
  /** Where the Word templates are: beside the deployed function (`npm run build:cloud` copies them), unless a test says. */
  readonly templatesDir?: string;
  /** The text reader; WeChat's OCR unless a test says. */
  readonly ocr?: TextReader;
}

/** The mini-program version a code opens, named as getUnlimited names it. */
const ENV_VERSION = { formal: 'release', trial: 'trial', developer: 'develop' } as const;

const cloudLog: Logger = {
  // Cloud function logs are what the console shows; keep the cause for diagnosis.
  error: (message, cause) => console.error(message, cause),
  warn: (message, cause) => console.warn(message, cause),
};

/**
 * Builds a cloud function's `main`. Call it at module scope: `cloud.init` then runs once per
 * instance, not once per call. The caller is who `getWXContext()` says, never what the event says.
 */
export function cloudMain(fn: FunctionDef, cloud: WxCloud, options: CloudMainOptions): (event: unknown) => Promise<Reply<unknown>> {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  const deps: Deps = {
    store: cloudStore(cloud),
    files: cloudFiles(cloud),
    messenger: cloudMessenger(cloud, { miniprogramState: options.miniprogramState }),
    codes: cloudMiniCodes(cloud, { envVersion: ENV_VERSION[options.miniprogramState] }),
    // The developer build uses the development templates; trial and released builds the production ones.
    subscriptions: subscriptionSettings(options.miniprogramState === 'developer' ? 'development' : 'production'),
    templates: dirTemplates(options.templatesDir ?? path.join(__dirname, 'templates')),
    ocr: options.ocr ?? cloudReader(cloud),
    clock: options.clock ?? systemClock,
    log: cloudLog,
  };
  const registry = { [fn.name]: fn };
  return async (event) => {
    const { OPENID } = cloud.getWXContext();
    // A timer trigger (config.json `triggers`) calls with no user: it runs as the system. A call from
    // the mini-program always carries the caller's OPENID, so it can never pose as a timer.
    const trigger = timerTrigger(event);
    if (trigger && !OPENID) return trigger === TIMER_TRIGGER ? runAllTimers(fn, registry, deps) : (await runTimer(registry, fn.name, trigger, deps)).reply;
    const outcome = await dispatch(registry, fn.name, event, { openid: OPENID || null }, deps);
    return outcome.reply;
  };
}

/**
 * The function's one trigger: every timer in turn, each committing on its own, so one that fails
 * does not keep the others from their work. Answers how many things each changed, or the first failure.
 */
async function runAllTimers(fn: FunctionDef, registry: Readonly<Record<string, FunctionDef>>, deps: Deps): Promise<Reply<unknown>> {
  const changed: Record<string, unknown> = {};
  let failed: Reply<unknown> | null = null;
  for (const name of Object.keys(fn.timers)) {
    const { reply } = await runTimer(registry, fn.name, name, deps);
    if (reply.ok) changed[name] = (reply.data as { changed: number }).changed;
    else failed ??= reply;
  }
  return failed ?? { ok: true, data: { changed } };
}

/** The trigger name of a timer event (`{ Type: 'Timer', TriggerName, Time }`), or null. */
function timerTrigger(event: unknown): string | null {
  if (typeof event !== 'object' || event === null) return null;
  const { Type, TriggerName } = event as { Type?: unknown; TriggerName?: unknown };
  return Type === 'Timer' && typeof TriggerName === 'string' ? TriggerName : null;
}
