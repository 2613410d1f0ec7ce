/**
 * Starts the local cloud runtime from the environment: RUNTIME_PORT (default 8787) and DATA_DIR
 * (default .data/local). The only place the local setup reads the environment.
 */
import path from 'node:path';
import demo from '../config/seed/demo.json';
import { allRounds } from '../config/rounds';
import { startRuntime, type Runtime } from '../src/server/runtime/runtime';
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

export async function startLocalRuntime(options: { staticDir?: string } = {}): Promise<Runtime> {
  return startRuntime({
    port: runtimePort(),
    dataDir: dataDir(),
    staticDir: options.staticDir,
    seed: { demo, rounds: roundSeeds(allRounds) },
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
