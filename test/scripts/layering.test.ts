import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The layering is a check, not a habit: in a copy of the tree, one import against each rule of
 * .dependency-cruiser.cjs is planted, dependency-cruiser runs once, and every rule must catch its
 * plant, while nothing outside the plants is caught (the tree as it is obeys every rule). A rule
 * added without a plant here fails this test.
 */
const root = path.resolve(__dirname, '../..');
const rules = (createRequire(__filename)(path.join(root, '.dependency-cruiser.cjs')) as { forbidden: { name: string }[] }).forbidden.map((r) => r.name);

/** Each rule's plant: files (path → source) whose imports break that rule, and the file the break is reported from. */
const PLANTS: Readonly<Record<string, { files: Record<string, string>; from: string }>> = {
  'every-folder-has-a-layer': { files: { 'src/widgets/planted.ts': "export { once } from '../core/once';\n" }, from: 'src/widgets/planted.ts' },
  'core-imports-core-and-zod': { files: { 'src/core/planted-fs.ts': "export { readFileSync } from 'node:fs';\n" }, from: 'src/core/planted-fs.ts' },
  'config-json-through-core-loaders': { files: { 'src/server/planted-config.ts': "export { default } from '../../config/regions/xinjiang-counties.json';\n" }, from: 'src/server/planted-config.ts' },
  'services-import-core-services-and-packages': { files: { 'src/services/planted-ui.ts': "export { Fold } from '../components/fold';\n" }, from: 'src/services/planted-ui.ts' },
  'components-are-shared-parts': { files: { 'src/components/planted-feature.ts': "export { NextSteps } from '../features/application/next-steps';\n" }, from: 'src/components/planted-feature.ts' },
  'features-stay-in-their-folder': { files: { 'src/features/review/planted-other.ts': "export { SubmitPanel } from '../application/submit-panel';\n" }, from: 'src/features/review/planted-other.ts' },
  'main-package-pages': { files: { 'src/pages/planted-zod.ts': "export * as z from 'zod';\n" }, from: 'src/pages/planted-zod.ts' },
  'subpackage-pages': { files: { 'src/review/planted-apply.ts': "export { default } from '../apply/pages/mask/index';\n" }, from: 'src/review/planted-apply.ts' },
  'subpackages-imported-by-none': { files: { 'src/pages/planted-sub.ts': "export { default } from '../committee/pages/queue/index';\n" }, from: 'src/pages/planted-sub.ts' },
  'platform-only-in-services': { files: { 'src/features/application/planted-taro.ts': "export { default } from '@tarojs/taro';\n" }, from: 'src/features/application/planted-taro.ts' },
  'server-imports-core-and-server': { files: { 'src/server/planted-ui.ts': "export { Fold } from '../components/fold';\n" }, from: 'src/server/planted-ui.ts' },
  'app-does-not-import-server': { files: { 'src/services/planted-server.ts': "export { deliverOutbox } from '../server/outbox';\n" }, from: 'src/services/planted-server.ts' },
  'adapters-from-composition-roots': { files: { 'src/server/functions/planted-adapter.ts': "export { openSqliteStore } from '../adapters/local/sqlite.store';\n" }, from: 'src/server/functions/planted-adapter.ts' },
  // Two steps away: the cloud function imports a module that imports the local runtime.
  'cloud-never-reaches-local-runtime': {
    files: { 'cloudfunctions/planted/index.ts': "export { later } from '../../src/server/planted-indirect';\n", 'src/server/planted-indirect.ts': "export { startRuntime as later } from './runtime/runtime';\n" },
    from: 'cloudfunctions/planted/index.ts',
  },
  'local-runtime-never-loads-wx-server-sdk': { files: { 'src/server/runtime/planted-sdk.ts': "export * as cloud from 'wx-server-sdk';\n" }, from: 'src/server/runtime/planted-sdk.ts' },
  'no-circular': {
    files: { 'src/core/planted-a.ts': "import { b } from './planted-b';\nexport const a = () => b;\n", 'src/core/planted-b.ts': "import { a } from './planted-a';\nexport const b = () => a;\n" },
    from: 'src/core/planted-a.ts',
  },
};

type Violation = { from: string; to: string; rule: { name: string } };

describe('the layering rules', () => {
  let dir = '';
  let violations: Violation[] = [];

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'layering-'));
    for (const entry of ['src', 'cloudfunctions', 'config', 'types', 'tsconfig.json', '.dependency-cruiser.cjs', 'package.json']) {
      cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true, filter: (source) => !source.includes(`${path.sep}node_modules`) && !source.endsWith('.js') });
    }
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    for (const plant of Object.values(PLANTS)) {
      for (const [file, source] of Object.entries(plant.files)) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), source);
      }
    }
    const run = spawnSync(path.join(root, 'node_modules', '.bin', 'depcruise'), ['--config', '.dependency-cruiser.cjs', '--output-type', 'json', 'src', 'cloudfunctions'], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    violations = (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has a plant for every rule', () => {
    expect(Object.keys(PLANTS).sort()).toEqual([...rules].sort());
  });

  it.each(Object.keys(PLANTS))('%s catches its planted import', (rule) => {
    const caught = violations.filter((v) => v.rule.name === rule).map((v) => v.from);
    expect(caught).toContain(PLANTS[rule]!.from);
  });

  it('catches nothing but the plants: the tree itself obeys every rule', () => {
    const planted = new Set(Object.values(PLANTS).flatMap((p) => Object.keys(p.files)));
    expect(violations.filter((v) => !planted.has(v.from)).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });
});
