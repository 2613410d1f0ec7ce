import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { dirTemplates } from '../adapters/dir.templates';
import { paddleReader } from '../adapters/local/paddle.ocr';
import { allCollections } from '../collections';
import { databaseIndexes } from '../database.indexes';
import type { Deps, FunctionDef, Logger } from '../function';
import { functions as allFunctions } from '../functions';
import { runTimer } from '../dispatch';
import { diskFiles } from '../adapters/local/disk.files';
import { recordingMessenger } from '../adapters/local/recording.messenger';
import { qrMiniCodes } from '../adapters/local/qr.minicode';
import { subscriptionSettings } from '../subscriptions/settings';
import { openSqliteStore } from '../adapters/local/sqlite.store';
import { systemClock, type Clock } from '../ports/clock.port';
import { devClock, type DevClock } from './dev-clock';
import { createRouter, loopbackHosts } from './router';
import type { RuntimeContext } from './runtime.context';
import { loadSecret } from './secret';
import { seed, type SeedInput } from './seed';

export interface RuntimeOptions {
  readonly port: number;
  readonly dataDir: string;
  /** The built H5 app to serve on the same origin (`npm run serve`); the dev server proxies instead. */
  readonly staticDir?: string;
  readonly seed: SeedInput;
  /** The Word templates (config/templates unless a test says). */
  readonly templatesDir?: string;
  /**
   * Dev login, the dev console and a settable clock. Off unless asked for: `npm run dev` and
   * `npm run serve` switch it on; without it nobody can sign in.
   */
  readonly devMode?: boolean;
  /** Real time (session expiry); the business clock starts from it. */
  readonly clock?: Clock;
  /** Where the business clock stands at start (dev mode), e.g. inside the seeded rounds' apply windows. */
  readonly startAt?: Date;
  readonly log?: Logger;
  /** The H5 app's address, for the local stand-in of mini-program codes (default: the runtime's own, as `serve` has it). */
  readonly appUrl?: string;
  readonly functions?: Readonly<Record<string, FunctionDef>>;
}

export interface Runtime {
  readonly url: string;
  readonly server: Server;
  readonly deps: Deps;
  /** The runtime's business clock (settable from the dev console in dev mode). */
  readonly clock: DevClock;
  close(): Promise<void>;
}

const consoleLog: Logger = {
  error: (message, cause) => console.error(`[runtime] ${message}`, cause ?? ''),
  warn: (message, cause) => console.warn(`[runtime] ${message}`, cause ?? ''),
};

/**
 * The local cloud runtime: the very same function handlers as in the cloud, on local adapters
 * (SQLite, files on disk, a record of sent messages), behind `POST /api/<function>`. Binds
 * 127.0.0.1 only and answers only requests addressed to it. This is the composition root; each
 * route family is a module of its own (api, upload, files, dev).
 */
/** The repository's Word templates, edited in Word by the offices that use them. */
const TEMPLATES_DIR = path.resolve(__dirname, '../../../config/templates');

export async function startRuntime(options: RuntimeOptions): Promise<Runtime> {
  mkdirSync(options.dataDir, { recursive: true });
  const devMode = options.devMode ?? false;
  const wallClock = options.clock ?? systemClock;
  const clock = devClock(wallClock, devMode ? (options.startAt ?? null) : null);
  const log = options.log ?? consoleLog;
  const secret = loadSecret(options.dataDir);
  const store = openSqliteStore({ file: path.join(options.dataDir, 'store.sqlite'), collections: allCollections, compositeIndexes: databaseIndexes });
  await seed(store, options.seed);

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  const files = diskFiles({ root: path.join(options.dataDir, 'files'), baseUrl: url, secret, clock });
  const messenger = recordingMessenger(store, clock);
  const codes = qrMiniCodes({ appUrl: options.appUrl ?? url });
  // PaddleOCR in a worker thread, its model loading while the runtime starts serving.
  const ocr = paddleReader();
  ocr.warm();
  const ctx: RuntimeContext = {
    deps: { store, files, messenger, codes, subscriptions: subscriptionSettings('development'), templates: dirTemplates(options.templatesDir ?? TEMPLATES_DIR), ocr, clock, log },
    functions: options.functions ?? allFunctions,
    secret,
    wallClock,
    devClock: clock,
    devMode,
    staticDir: options.staticDir,
  };
  server.on('request', createRouter(ctx, loopbackHosts(port), log));
  const timers = startTimers(ctx);

  return {
    url,
    server,
    deps: ctx.deps,
    clock,
    close: async () => {
      timers.forEach(clearInterval);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ocr.close();
      store.close();
    },
  };
}

/**
 * The functions' timers on the schedule the cloud's triggers give them, run as the system (no
 * person): the same code the cloud runs. They are idempotent, so an overlap does no harm.
 */
function startTimers(ctx: RuntimeContext): NodeJS.Timeout[] {
  const handles: NodeJS.Timeout[] = [];
  for (const fn of Object.values(ctx.functions)) {
    for (const [name, timer] of Object.entries(fn.timers)) {
      const handle = setInterval(() => {
        void runTimer(ctx.functions, fn.name, name, ctx.deps).then((outcome) => {
          if (!outcome.reply.ok) ctx.deps.log.warn(`timer ${fn.name}.${name} failed: ${outcome.reply.code}`);
        });
      }, timer.everyMs);
      handle.unref();
      handles.push(handle);
    }
  }
  return handles;
}
