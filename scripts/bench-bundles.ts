/**
 * Each built cloud function's size and start-up cost: its bundle's bytes, and its own load time
 * (requiring index.js once wx-server-sdk is loaded) in a fresh plain-Node process from a folder
 * holding only what its package.json installs, as a ratio to requiring wx-server-sdk alone in the
 * same process. The median of five fresh processes each.
 * Goals (issue 21): a function that neither exports documents nor processes images ≤ 250 KB and
 * own load ≤ 0.15 × the SDK's; the others ≤ 1 MB.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { functionFolders } from './build-cloud';
import { probeLoad, probeSdkInit } from './cloud/bundle-checks';
import { functionsRoot } from './cloud/stage';

type Print = (name: string, value: number, unit: string) => void;

const RUNS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export function benchBundles(print: Print): void {
  // Part of every function's own load is cloud.init at its module scope: the SDK's work, said apart.
  print('cloud_load_sdk_init', Math.round(median(Array.from({ length: RUNS }, () => probeSdkInit('account'))) * 10) / 10, 'ms (cloud.init alone, inside each own load below)');
  for (const name of functionFolders()) {
    const own: number[] = [];
    const sdk: number[] = [];
    const ratio: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const loaded = probeLoad(name);
      if (!loaded.ok) throw new Error(`cloud function ${name} does not load:\n${loaded.output}`);
      own.push(loaded.probe.ownMs);
      sdk.push(loaded.probe.sdkMs);
      ratio.push(loaded.probe.ownMs / loaded.probe.sdkMs);
    }
    print(`cloud_bundle_${name}`, statSync(path.join(functionsRoot, name, 'index.js')).size, 'bytes');
    print(`cloud_load_${name}_own`, Math.round(median(own) * 10) / 10, 'ms');
    print(`cloud_load_${name}_sdk`, Math.round(median(sdk) * 10) / 10, 'ms');
    print(`cloud_load_${name}_ratio`, Math.round(median(ratio) * 1000) / 1000, 'x the SDK');
  }
}
