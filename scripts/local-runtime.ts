/**
 * Starts the local cloud runtime in dev mode from the environment: RUNTIME_PORT (default 8787),
 * DATA_DIR (default .data/local) and DEV_NOW (where the runtime's clock starts, an ISO instant;
 * default: inside the seeded rounds' apply windows). The only place the local setup reads the
 * environment.
 */
import path from 'node:path';
import demo from '../config/seed/demo.json';
import { allRounds } from '../config/rounds';
import type { Round } from '../src/core/round/round.schema';
import { busiestApplyMoment } from '../src/server/runtime/dev-clock';
import { startRuntime, type Runtime } from '../src/server/runtime/runtime';
import { noticeSeeds } from '../src/server/runtime/notice-seeds';
import { roundSeeds } from '../src/server/runtime/round-seeds';

export const projectRoot = path.resolve(__dirname, '..');

export function runtimePort(): number {
  const port = Number(process.env.RUNTIME_PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`RUNTIME_PORT is not a port: ${process.env.RUNTIME_PORT}`);
  return port;
}

export function dataDir(): string {
  return path.resolve(projectRoot, process.env.DATA_DIR ?? '.data/local');
}

/** Where the demo's clock starts: DEV_NOW, else the moment the most seeded apply windows are open. */
export function devStartAt(rounds: readonly Round[]): Date | null {
  const given = process.env.DEV_NOW;
  if (given) {
    const at = new Date(given);
    if (Number.isNaN(at.getTime())) throw new Error(`DEV_NOW is not an instant: ${given}`);
    return at;
  }
  return busiestApplyMoment(rounds);
}

/** `appUrl`: where the H5 app is served, when not by the runtime itself (the dev server's port). */
export async function startLocalRuntime(options: { staticDir?: string; appUrl?: string } = {}): Promise<Runtime> {
  const rounds = roundSeeds(allRounds);
  return startRuntime({
    port: runtimePort(),
    dataDir: dataDir(),
    staticDir: options.staticDir,
    appUrl: options.appUrl,
    seed: { demo, rounds, notices: noticeSeeds(rounds, path.resolve(__dirname, '../config/notices')) },
    devMode: true,
    startAt: devStartAt(rounds as unknown as Round[]) ?? undefined,
  });
}

/** Stops cleanly on Ctrl-C and when a test runner ends the process. */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void stop().finally(() => process.exit(0));
    });
  }
}
