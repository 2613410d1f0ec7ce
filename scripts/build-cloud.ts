/**
 * Bundles each cloud function from TypeScript: cloudfunctions/<name>/index.ts → index.js, with the
 * shared core and server code bundled in and what the function's own package.json installs
 * (wx-server-sdk, sharp) left out; config/templates/*.docx are copied beside the functions that fill
 * them; cloudfunctions/database.json says which collections, rules and indexes the database needs. A bundle is refused, naming the import chain, when it carries native code or `import.meta`,
 * or when it does not load in plain Node from a folder holding only what its package.json installs.
 */
import { build } from 'esbuild';
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleProblems, probeLoad } from './cloud/bundle-checks';
import { declaredDatabase, FUNCTIONS_WITH_TEMPLATES } from './cloud/deploy-check';
import { functionsRoot, packageOf, repoRoot } from './cloud/stage';

const templates = path.join(repoRoot, 'config', 'templates');


export function functionFolders(): string[] {
  return readdirSync(functionsRoot)
    .filter((name) => statSync(path.join(functionsRoot, name)).isDirectory())
    .filter((name) => existsSync(path.join(functionsRoot, name, 'index.ts')))
    .sort();
}

async function main(): Promise<void> {
  const problems: string[] = [];
  for (const name of functionFolders()) {
    const dir = path.join(functionsRoot, name);
    const result = await build({
      entryPoints: [path.join(dir, 'index.ts')],
      outfile: path.join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      // WeChat cloud functions run Node 16 or later.
      target: 'node16',
      format: 'cjs',
      // What the function's own package.json installs in the cloud stays out of the bundle.
      external: Object.keys(packageOf(name).dependencies ?? {}),
      minify: true,
      sourcemap: false,
      legalComments: 'none',
      // Chinese text as UTF-8, not \u escapes: a third of the bytes.
      charset: 'utf8',
      metafile: true,
      logLevel: 'error',
      absWorkingDir: repoRoot,
    });
    const inputs = Object.keys(result.metafile.inputs);
    // The local runtime's adapters must never reach a deployed function.
    const leaked = inputs.filter((input) => /better-sqlite3|adapters\/local|server\/runtime|@tarojs/.test(input));
    if (leaked.length > 0) problems.push(`cloud function ${name} bundles local-only code: ${leaked.join(', ')}`);
    problems.push(...bundleProblems(name, result.metafile));
    rmSync(path.join(dir, 'templates'), { recursive: true, force: true });
    if (FUNCTIONS_WITH_TEMPLATES.includes(name)) {
      // The Word templates documents are filled from, beside the function (cloud.main reads them there).
      cpSync(templates, path.join(dir, 'templates'), { recursive: true, filter: (source) => statSync(source).isDirectory() || source.endsWith('.docx') });
    }
    const loaded = probeLoad(name);
    if (!loaded.ok) problems.push(`cloud function ${name} does not load in plain Node (with only what its package.json installs):\n${loaded.output}`);
    console.log(`built cloudfunctions/${name}/index.js (${inputs.length} modules)`);
  }
  // What the operator creates in the cloud database (README, "deploying"): collections, rules, indexes.
  writeFileSync(path.join(functionsRoot, 'database.json'), `${JSON.stringify(declaredDatabase(), null, 2)}\n`);
  if (problems.length > 0) throw new Error(`npm run build:cloud refused the bundles:\n- ${problems.join('\n- ')}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
