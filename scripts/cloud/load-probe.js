/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, run by plain Node as WeChat runs a cloud function */
// Run by plain Node in a staged function's folder (no TypeScript, no jest): requires wx-server-sdk
// alone, then the bundle, and prints what each took and what the bundle exports, as one JSON line
// (with `init-only`: what cloud.init alone takes after the SDK is loaded).
const { performance } = require('node:perf_hooks');
const path = require('node:path');
const dir = process.argv[2];
const t0 = performance.now();
const sdk = require(require.resolve('wx-server-sdk', { paths: [dir] }));
const t1 = performance.now();
if (process.argv[3] === 'init-only') {
  // What cloud.init alone costs, which every function's module scope pays (the SDK's own work).
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  process.stdout.write(JSON.stringify({ sdkMs: t1 - t0, initMs: performance.now() - t1 }) + '\n');
  process.exit(0);
}
const bundle = require(path.join(dir, 'index.js'));
const t2 = performance.now();
process.stdout.write(JSON.stringify({ sdkMs: t1 - t0, ownMs: t2 - t1, main: typeof bundle.main }) + '\n');
process.exit(0);
