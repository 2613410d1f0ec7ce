/**
 * `npm run bench`: prints one figure a line as `name: value unit`.
 * - the weapp main package size (WeChat's limit: 2 MB) and each cloud function bundle's size and
 *   own load time against wx-server-sdk's (bench-bundles.ts), from fresh builds;
 * - the local runtime's p50 / p95 round trip of a read action over 1,000 calls;
 * - a certificate photo's compression on the phone (in headless Chromium) and the server's burn-in
 *   of masks into its blind copy;
 * - a unit admin's queue over 10,000 applications and the outbox's delivery of 500 defense messages
 *   through a slow messenger that is busy 5 % of the time;
 * - scheduling 2,000 defense applicants over 10 panels;
 * - a decompression bomb refused, and the largest photo allowed attached, read and masked, with the
 *   runtime's peak memory above idle; 保存遮挡 on a 12-MP photo; the reviewer's application page
 *   opened in Chromium (bench-images.ts, bench-review-page.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import demo from '../config/seed/demo.json';
import { allRounds } from '../config/rounds';
import { startRuntime } from '../src/server/runtime/runtime';
import { roundSeeds } from '../src/server/runtime/round-seeds';
import { benchBundles } from './bench-bundles';
import { benchAssess } from './bench-assess';
import { benchDefense } from './bench-defense';
import { benchPhotos } from './bench-photos';
import { benchMasking } from './bench-masking';
import { benchImages } from './bench-images';
import { benchReview } from './bench-review';
import { benchWorkshop } from './bench-workshop';

const root = path.resolve(__dirname, '..');
const quietLog = { error: () => undefined, warn: () => undefined };

const printed: string[] = [];
function print(name: string, value: number, unit: string): void {
  printed.push(name);
  console.log(`${name}: ${Number.isInteger(value) ? value : value.toFixed(3)} ${unit}`);
}

/** The last figure of the run: a bench that ends before it has dropped figures. */
const LAST_FIGURE = 'runtime_rounds_list_p95';
let finished = false;
process.on('exit', () => {
  if (finished) return;
  // The event loop ran dry (or something exited) before every figure was measured: that is a
  // failure, whatever status the process was about to end with.
  console.error(`bench: ended before printing every figure (last printed: ${printed.at(-1) ?? 'none'}; the last should be ${LAST_FIGURE})`);
  process.exitCode = 1;
});

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  // Builds speak only when they fail, so stdout stays one figure a line.
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    process.stderr.write(result.stdout);
    process.stderr.write(result.stderr);
    throw new Error(`${command} ${args.join(' ')} failed`);
  }
}

function sizeOf(target: string, skip: (rel: string) => boolean = () => false, base = target): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return skip(path.relative(base, target)) ? 0 : stat.size;
  return readdirSync(target).reduce((sum, name) => sum + sizeOf(path.join(target, name), skip, base), 0);
}

/** The main package is everything in dist/weapp outside the subpackage roots app.json names. */
export function weappMainPackageBytes(distDir: string): number {
  const appJson = JSON.parse(readFileSync(path.join(distDir, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  const roots = [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])].map((s) => s.root.replace(/\/?$/, '/'));
  return sizeOf(distDir, (rel) => rel.endsWith('.map') || roots.some((r) => rel.startsWith(r)));
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? NaN;
}

async function runtimeRoundTrips(calls: number): Promise<{ p50: number; p95: number }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-runtime-'));
  const runtime = await startRuntime({ port: 0, dataDir, seed: { demo, rounds: roundSeeds(allRounds) }, log: quietLog, devMode: true });
  try {
    const login = await fetch(`${runtime.url}/dev/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ personId: 'person-applicant' }),
    });
    const { data } = (await login.json()) as { data: { token: string } };
    const call = async () => {
      const response = await fetch(`${runtime.url}/api/rounds`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${data.token}` },
        body: JSON.stringify({ action: 'list', payload: {} }),
      });
      const reply = (await response.json()) as { ok: boolean };
      if (!reply.ok) throw new Error('rounds.list failed during the benchmark');
    };
    for (let i = 0; i < 50; i += 1) await call(); // warm-up
    const times: number[] = [];
    for (let i = 0; i < calls; i += 1) {
      const start = performance.now();
      await call();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p95: percentile(times, 95) };
  } finally {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const weappDir = path.join(root, 'dist', 'weapp');
  // The self-check's share: the main package with it, less the main package built without it.
  run('npx', ['taro', 'build', '--type', 'weapp'], { BENCH_WITHOUT_SELF_CHECK: '1' });
  const withoutSelfCheck = weappMainPackageBytes(weappDir);
  run('npx', ['taro', 'build', '--type', 'weapp']);
  run('npx', ['tsx', 'scripts/build-cloud.ts']);
  // The H5 app the reviewer's page is opened in (bench-review-page.ts).
  run('npx', ['taro', 'build', '--type', 'h5']);
  const mainPackage = weappMainPackageBytes(weappDir);
  print('weapp_main_package', mainPackage, 'bytes');
  print('weapp_self_check_share', Math.round(((mainPackage - withoutSelfCheck) / 1024) * 10) / 10, 'KB');
  print('weapp_review_subpackage', sizeOf(path.join(weappDir, 'review'), (rel) => rel.endsWith('.map')), 'bytes');
  print('weapp_committee_subpackage', sizeOf(path.join(weappDir, 'committee'), (rel) => rel.endsWith('.map')), 'bytes');
  print('weapp_workshop_subpackage', sizeOf(path.join(weappDir, 'workshop'), (rel) => rel.endsWith('.map')), 'bytes');
  print('weapp_apply_subpackage', sizeOf(path.join(weappDir, 'apply'), (rel) => rel.endsWith('.map')), 'bytes');
  benchBundles(print);
  await benchAssess(print, weappDir);
  await benchPhotos(print);
  await benchReview(print);
  await benchWorkshop(print);
  benchDefense(print);
  await benchMasking(print);
  await benchImages(print);
  const { p50, p95 } = await runtimeRoundTrips(1000);
  print('runtime_rounds_list_p50', p50, 'ms');
  print(LAST_FIGURE, p95, 'ms');
  finished = true;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
