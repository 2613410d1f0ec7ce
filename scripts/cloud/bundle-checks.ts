/**
 * What `npm run build:cloud` refuses in a bundle before anything is deployed: a package with native
 * code (it must be listed in the function's package.json, so the cloud installs it for its own
 * platform), `import.meta` (empty in the CommonJS a cloud function runs: sharp's ESM build dies at
 * load on it), and a bundle that does not load in plain Node. Each refusal names the import chain
 * from the function's entry to the culprit.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Metafile } from 'esbuild';
import { repoRoot, stageFunction } from './stage';

/** The package a bundled input belongs to (`node_modules/@img/colour/index.js` → `@img/colour`), or null for our own code. */
export function packageNameOf(input: string): string | null {
  const last = input.lastIndexOf('node_modules/');
  if (last < 0) return null;
  const rest = input.slice(last + 'node_modules/'.length).split('/');
  return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
}

function packageDirOf(input: string): string {
  const last = input.lastIndexOf('node_modules/');
  const name = packageNameOf(input)!;
  return path.join(repoRoot, input.slice(0, last), 'node_modules', name);
}

function hasAddonFile(dir: string, depth: number): boolean {
  if (depth < 0 || !existsSync(dir)) return false;
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules') continue;
    const full = path.join(dir, entry);
    if (entry.endsWith('.node') || entry === 'binding.gyp') return true;
    if (statSync(full).isDirectory() && hasAddonFile(full, depth - 1)) return true;
  }
  return false;
}

const ADDON_LOADERS = ['node-gyp-build', 'bindings', 'prebuild-install', '@mapbox/node-pre-gyp', 'node-addon-api', 'nan'];

/** A package that runs native code: an addon of its own, an addon loader, or per-platform binaries. */
export function isNativePackage(dir: string): boolean {
  const pkgFile = path.join(dir, 'package.json');
  if (!existsSync(pkgFile)) return false;
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { gypfile?: boolean; binary?: unknown; scripts?: Record<string, string>; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
  if (pkg.gypfile || pkg.binary) return true;
  if (/node-gyp|prebuild|node-pre-gyp/.test(pkg.scripts?.install ?? '')) return true;
  if (Object.keys(pkg.dependencies ?? {}).some((d) => ADDON_LOADERS.includes(d))) return true;
  if (Object.keys(pkg.optionalDependencies ?? {}).some((d) => /(linux|darwin|win32)-(x64|arm64|ia32)/.test(d))) return true;
  return hasAddonFile(dir, 2);
}

/** The chain of imports from the entry to `target`, shortest first found. */
export function importChain(metafile: Metafile, entry: string, target: string): string[] {
  const previous = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (file === target) break;
    for (const next of metafile.inputs[file]?.imports ?? []) {
      if (!previous.has(next.path) && metafile.inputs[next.path]) {
        previous.set(next.path, file);
        queue.push(next.path);
      }
    }
  }
  const chain: string[] = [];
  for (let at: string | null | undefined = target; at; at = previous.get(at)) chain.unshift(at);
  return chain;
}

/** Everything wrong with a bundle's inputs, one line each with its import chain; empty when none. */
export function bundleProblems(name: string, metafile: Metafile): string[] {
  const entry = Object.keys(metafile.inputs).find((input) => input.endsWith(`cloudfunctions/${name}/index.ts`));
  if (!entry) return [`cloud function ${name}: its entry is not among the bundle's inputs`];
  const problems: string[] = [];
  const seenPackages = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const pkg = packageNameOf(input);
    if (pkg && !seenPackages.has(pkg)) {
      seenPackages.add(pkg);
      if (isNativePackage(packageDirOf(input))) {
        problems.push(`cloud function ${name} bundles ${pkg}, which has native code: list it in cloudfunctions/${name}/package.json (the cloud installs it for its platform) or keep it out of the function. Import chain: ${importChain(metafile, entry, input).join(' → ')}`);
      }
    }
    const file = path.join(repoRoot, input);
    if (existsSync(file) && /\bimport\.meta\b/.test(readFileSync(file, 'utf8'))) {
      problems.push(`cloud function ${name} bundles ${input}, which uses import.meta (empty in the CommonJS a cloud function runs). Import chain: ${importChain(metafile, entry, input).join(' → ')}`);
    }
  }
  return problems;
}

export interface LoadProbe {
  readonly sdkMs: number;
  readonly ownMs: number;
  readonly main: string;
}

/** Runs load-probe.js in a fresh plain-Node process on the staged function: its exit, its last line, and all it said. */
function runProbe(name: string, ...args: string[]): { status: number | null; line: string; output: string } {
  const staged = stageFunction(name, 'real');
  try {
    const result = spawnSync(process.execPath, [path.join(__dirname, 'load-probe.js'), staged.dir, ...args], { cwd: staged.dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 60_000 });
    return { status: result.status, line: result.stdout.trim().split('\n').pop() ?? '', output: `${result.stderr}${result.stdout}`.trim() };
  } finally {
    staged.remove();
  }
}

/**
 * Loads the built function in a fresh plain-Node process, from a folder with only what its
 * package.json installs and the real wx-server-sdk: what it costs, or why it does not load.
 */
export function probeLoad(name: string): { ok: true; probe: LoadProbe } | { ok: false; output: string } {
  const { status, line, output } = runProbe(name);
  if (status !== 0 || !line.startsWith('{')) return { ok: false, output: output || `exit status ${String(status)}` };
  const probe = JSON.parse(line) as LoadProbe;
  if (probe.main !== 'function') return { ok: false, output: `index.js exports main as ${probe.main}, not a function` };
  return { ok: true, probe };
}

/** What `cloud.init` alone costs after wx-server-sdk is loaded, in a fresh process (ms). */
export function probeSdkInit(name: string): number {
  const { line, output } = runProbe(name, 'init-only');
  if (!line.startsWith('{')) throw new Error(`the init probe of ${name} failed:\n${output}`);
  return (JSON.parse(line) as { initMs: number }).initMs;
}
