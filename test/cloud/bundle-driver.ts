/**
 * Drives built cloud functions as WeChat runs them: bundled by esbuild into plain JavaScript and run
 * by plain Node (no jest, no TypeScript loader), it seeds the in-repo wx-server-sdk fake with the
 * demo data, makes it the `wx-server-sdk` each staged function's folder resolves, requires each
 * function's `index.js` and calls its exported `main` with the steps it reads from a JSON file.
 * It prints one JSON line: the replies in order, the fake's query shapes, and anything that went
 * wrong outside a reply (an unhandled rejection, an uncaught error).
 *
 * argv: <steps.json> <repo root> <name>=<staged dir> …
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import demo from '../../config/seed/demo.json';
import { allRounds } from '../../config/rounds';
import { cloudStore } from '../../src/server/adapters/cloud/cloud.store';
import { allCollections } from '../../src/server/collections';
import { noticeSeeds } from '../../src/server/runtime/notice-seeds';
import { roundSeeds } from '../../src/server/runtime/round-seeds';
import { seed } from '../../src/server/runtime/seed';
import { createFakeWxCloud, type FakeWxCloud } from '../fakes/wx-server-sdk.fake';

export type BundleStep =
  /** `{{lastUpload}}` anywhere in `event` is replaced by the last upload's fileID. */
  | { readonly kind: 'call'; readonly fn: string; readonly openid: string | null; readonly event: unknown }
  | { readonly kind: 'upload'; readonly cloudPath: string; readonly base64: string };

export interface DriverReport {
  readonly replies: readonly unknown[];
  readonly faults: readonly string[];
  readonly queries: FakeWxCloud['queryShapes'];
  readonly sentMessages: number;
}

/**
 * The module object wx-server-sdk is: its API as own properties (esbuild's CommonJS interop copies
 * own properties only, so a class instance's prototype methods would be lost, as they would be with
 * the real SDK if it were shaped that way).
 */
function asSdkModule(fake: FakeWxCloud): Record<string | symbol, unknown> {
  const module: Record<string | symbol, unknown> = {};
  for (let proto: object | null = fake; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (key === 'constructor' || key in module) continue;
      const value = (fake as unknown as Record<string, unknown>)[key];
      module[key] = typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(fake) : value;
    }
  }
  return module;
}

async function main(): Promise<void> {
  const [stepsFile, repoRoot, ...staged] = process.argv.slice(2);
  const faults: string[] = [];
  process.on('unhandledRejection', (reason) => faults.push(`unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`));
  process.on('uncaughtException', (error) => faults.push(`uncaught: ${error.stack ?? String(error)}`));

  const fake = createFakeWxCloud();
  for (const spec of allCollections) fake.createCollection(spec.name);
  const seeds = roundSeeds(allRounds);
  await seed(cloudStore(fake), { demo, rounds: seeds, notices: noticeSeeds(seeds, path.join(repoRoot!, 'config', 'notices')) });
  fake.queryShapes.length = 0;
  (globalThis as { __wxServerSdk?: unknown }).__wxServerSdk = asSdkModule(fake);

  const mains = new Map<string, (event: unknown, context?: unknown) => Promise<unknown>>();
  for (const pair of staged) {
    const [name, dir] = pair.split('=') as [string, string];
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is loaded as WeChat's runtime loads it
    const loaded = require(path.join(dir, 'index.js')) as { main?: unknown };
    if (typeof loaded.main !== 'function') throw new Error(`${name}/index.js exports no main function`);
    mains.set(name, loaded.main as (event: unknown) => Promise<unknown>);
  }

  const steps = JSON.parse(readFileSync(stepsFile!, 'utf8')) as BundleStep[];
  const replies: unknown[] = [];
  let lastUpload = '';
  for (const step of steps) {
    if (step.kind === 'upload') {
      const uploaded = await fake.uploadFile({ cloudPath: step.cloudPath, fileContent: Buffer.from(step.base64, 'base64') });
      lastUpload = uploaded.fileID;
      replies.push(uploaded);
      continue;
    }
    const run = mains.get(step.fn);
    if (!run) throw new Error(`no staged function ${step.fn}`);
    fake.setContext(step.openid ? { OPENID: step.openid, APPID: 'wx-bundle-test' } : {});
    // The event crosses the network as JSON, as the mini-program's call and a timer's do.
    // `{{lastUpload}}` in an event stands for the fileID the last upload got, as the phone would pass it on.
    const event = JSON.parse(JSON.stringify(step.event).split('{{lastUpload}}').join(lastUpload)) as unknown;
    replies.push(JSON.parse(JSON.stringify(await run(event, {}))));
  }
  // Let what the replies left running (deliveries after commit) settle before reporting.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const report: DriverReport = { replies, faults, queries: fake.queryShapes, sentMessages: fake.sentMessages.length };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
