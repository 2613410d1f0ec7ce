/**
 * Bundles each cloud function from TypeScript: cloudfunctions/<name>/index.ts → index.js, with the
 * shared core and server code bundled in and what the function's own package.json installs
 * (wx-server-sdk, sharp) left out; config/templates/*.docx are copied beside each.
 */
import { build } from 'esbuild';
import { cpSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', 'cloudfunctions');
const templates = path.resolve(__dirname, '..', 'config', 'templates');

export function functionFolders(): string[] {
  return readdirSync(root)
    .filter((name) => statSync(path.join(root, name)).isDirectory())
    .filter((name) => existsSync(path.join(root, name, 'index.ts')))
    .sort();
}

async function main(): Promise<void> {
  const names = functionFolders();
  for (const name of names) {
    const dir = path.join(root, name);
    // What the function's own package.json installs in the cloud (wx-server-sdk; sharp, which is
    // native) stays out of the bundle.
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    const result = await build({
      entryPoints: [path.join(dir, 'index.ts')],
      outfile: path.join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      // WeChat cloud functions run Node 16 or later.
      target: 'node16',
      format: 'cjs',
      external: Object.keys(pkg.dependencies ?? {}),
      minify: true,
      sourcemap: false,
      legalComments: 'none',
      charset: 'utf8',
      metafile: true,
      logLevel: 'warning',
    });
    const inputs = Object.keys(result.metafile.inputs);
    // The local runtime's adapters must never reach a deployed function.
    const leaked = inputs.filter((input) => /better-sqlite3|adapters\/local|server\/runtime|@tarojs/.test(input));
    if (leaked.length > 0) throw new Error(`cloud function ${name} bundles local-only code: ${leaked.join(', ')}`);
    // The Word templates documents are filled from, beside the function (cloud.main reads them there).
    cpSync(templates, path.join(dir, 'templates'), { recursive: true, filter: (source) => statSync(source).isDirectory() || source.endsWith('.docx') });
    console.log(`built cloudfunctions/${name}/index.js (${inputs.length} modules)`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
