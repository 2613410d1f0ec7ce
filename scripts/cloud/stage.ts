/**
 * A built cloud function as WeChat deploys it: its folder (index.js, package.json, config.json,
 * templates) copied to a fresh directory outside the repository, with `node_modules` holding only
 * what its own package.json lists. A package the bundle needs but does not list cannot be found
 * there, as it would not be in the cloud.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const functionsRoot = path.join(repoRoot, 'cloudfunctions');

export interface FunctionPackage {
  readonly dependencies?: Record<string, string>;
}

export function packageOf(name: string): FunctionPackage {
  return JSON.parse(readFileSync(path.join(functionsRoot, name, 'package.json'), 'utf8')) as FunctionPackage;
}

export interface Staged {
  readonly dir: string;
  readonly indexFile: string;
  remove(): void;
}

/**
 * Stages `cloudfunctions/<name>` in a temporary folder. Each dependency of its package.json links to
 * the repository's installed copy, except `wx-server-sdk` when `sdk` is `'fake'`: then it is a module
 * answering `globalThis.__wxServerSdk`, which the driver sets to the in-repo fake before requiring.
 */
export function stageFunction(name: string, sdk: 'real' | 'fake'): Staged {
  const source = path.join(functionsRoot, name);
  const indexFile = path.join(source, 'index.js');
  if (!existsSync(indexFile)) throw new Error(`cloudfunctions/${name}/index.js is missing: run \`npm run build:cloud\` first`);
  const dir = mkdtempSync(path.join(os.tmpdir(), `cloudfn-${name}-`));
  cpSync(source, dir, { recursive: true, filter: (from) => !from.includes(`${path.sep}node_modules`) && !from.endsWith('.ts') });
  for (const dependency of Object.keys(packageOf(name).dependencies ?? {})) {
    const target = path.join(dir, 'node_modules', dependency);
    mkdirSync(path.dirname(target), { recursive: true });
    if (dependency === 'wx-server-sdk' && sdk === 'fake') {
      mkdirSync(target, { recursive: true });
      writeFileSync(path.join(target, 'package.json'), JSON.stringify({ name: 'wx-server-sdk', version: '0.0.0-fake', main: 'index.js' }));
      writeFileSync(path.join(target, 'index.js'), "if (!globalThis.__wxServerSdk) throw new Error('the driver sets globalThis.__wxServerSdk first');\nmodule.exports = globalThis.__wxServerSdk;\n");
      continue;
    }
    const installed = path.join(repoRoot, 'node_modules', dependency);
    if (!existsSync(installed)) throw new Error(`cloudfunctions/${name}/package.json lists ${dependency}, which is not installed here: add it to the root package.json`);
    symlinkSync(installed, target, 'dir');
  }
  return { dir, indexFile: path.join(dir, 'index.js'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
