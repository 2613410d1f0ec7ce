/**
 * The architecture, checked on every `npm run lint` (the one source of these rules; ESLint keeps
 * only what an import graph cannot see: the core reads no clock and no environment).
 *
 * Every folder under src/ is in one layer, and each layer says what it may import (an allowlist):
 *   core        src/core and zod; config JSON only in src/core/config (the loaders)
 *   services    core, services, npm packages (the platform: only here)
 *   components  core, services, components, the UI kit (@tarojs/components, react)
 *   features    core, services, components, its own feature, the UI kit
 *   pages       core, services, components, features, pages, the UI kit (the main package)
 *   apply, review, committee: as pages, and their own subpackage; no one else imports them
 *   server      core and server (never the app); adapters only from the composition roots
 *               (src/server/cloud, src/server/runtime) and the cloud functions' entries
 *   app         src/app.ts, src/app.config.ts: the app's root
 * A deployed function never reaches the local runtime, by any path; the local runtime never loads
 * wx-server-sdk. test/scripts/layering.test.ts plants one import against each rule and sees it fail.
 */
// Packages are matched wherever node_modules is (a git worktree may link it from elsewhere).
const UI_KIT = '(^|/)node_modules/(@tarojs/components|react)/';
const SERVER_ONLY = '(^|/)node_modules/(wx-server-sdk|better-sqlite3)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'every-folder-has-a-layer',
      comment: 'A folder under src/ that no rule below covers: give it a layer (and its rule) first.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(core|services|components|features|pages|apply|review|committee|workshop|server|styles)/|^src/app(\\.config)?\\.ts$' },
      to: {},
    },
    {
      name: 'core-imports-core-and-zod',
      comment: 'src/core is shared by the app and the functions: pure TypeScript, no platform, no Node built-ins.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { pathNot: '^(src/core/|config/.+\\.json$)|(^|/)node_modules/zod/' },
    },
    {
      name: 'config-json-through-core-loaders',
      comment: 'Configuration files are read, and validated, by src/core/config only.',
      severity: 'error',
      from: { path: '^(src|cloudfunctions)/', pathNot: '^src/core/config/' },
      to: { path: '^config/.+\\.json$' },
    },
    {
      name: 'services-import-core-services-and-packages',
      comment: 'Services (the client, the platform, the phone storage) are below every screen part.',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { pathNot: '^src/(core|services)/|(^|/)node_modules/' },
    },
    {
      name: 'components-are-shared-parts',
      comment: 'Components are shared by features and pages: they use core and services, the UI kit, and each other.',
      severity: 'error',
      from: { path: '^src/components/' },
      to: { pathNot: `^src/(core|services|components|styles)/|${UI_KIT}` },
    },
    {
      name: 'features-stay-in-their-folder',
      comment: 'A feature uses core, services, components and itself; pages compose features, features never each other.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { pathNot: `^src/(core|services|components|styles)/|^src/features/$1/|${UI_KIT}` },
    },
    {
      name: 'main-package-pages',
      comment: 'The main package (src/pages) never reaches into a subpackage, the server or the platform itself.',
      severity: 'error',
      from: { path: '^src/pages/' },
      to: { pathNot: `^src/(core|services|components|features|pages|styles)/|${UI_KIT}` },
    },
    {
      name: 'subpackage-pages',
      comment: 'A subpackage (apply, review, committee) uses what pages use and its own folder.',
      severity: 'error',
      from: { path: '^src/(apply|review|committee|workshop)/' },
      to: { pathNot: `^src/(core|services|components|features|styles)/|^src/$1/|${UI_KIT}` },
    },
    {
      name: 'subpackages-imported-by-none',
      comment: 'WeChat loads a subpackage on its own: nothing outside it may import it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(apply|review|committee|workshop)/' },
      to: { path: '^src/(apply|review|committee|workshop)/' },
    },
    {
      name: 'platform-only-in-services',
      comment: 'Platform APIs (Taro, wx) are called from src/services; screens use the UI kit and services.',
      severity: 'error',
      from: { path: '^src/(components|features|pages|apply|review|committee|workshop)/' },
      to: { path: '(^|/)node_modules/@tarojs/(taro|api|taro-h5|plugin-)' },
    },
    {
      name: 'server-imports-core-and-server',
      comment: 'The functions meet the app only in the core; they never import app code or the UI.',
      severity: 'error',
      from: { path: '^(src/server/|cloudfunctions/)' },
      to: { path: '^src/(pages|apply|review|committee|workshop|features|services|components|styles)/|(^|/)node_modules/(@tarojs|react|react-dom)/' },
    },
    {
      name: 'app-does-not-import-server',
      comment: 'Pages, features, components and services reach functions through the client, never by importing server code.',
      severity: 'error',
      from: { path: '^src/(?!server/)' },
      to: { path: `^src/server/|${SERVER_ONLY}` },
    },
    {
      name: 'adapters-from-composition-roots',
      comment: 'Handlers and services see ports; only the composition roots choose the adapters behind them.',
      severity: 'error',
      from: { path: '^src/server/', pathNot: '^src/server/(cloud|runtime|adapters)/' },
      to: { path: '^src/server/adapters/' },
    },
    {
      name: 'cloud-never-reaches-local-runtime',
      comment: 'A deployed function bundles the cloud adapters only: nothing it reaches, by any path, loads the local runtime.',
      severity: 'error',
      from: { path: '^cloudfunctions/' },
      to: { path: '^src/server/(runtime|adapters/local)/|(^|/)node_modules/better-sqlite3/', reachable: true },
    },
    {
      name: 'local-runtime-never-loads-wx-server-sdk',
      severity: 'error',
      from: { path: '^(src/server/(runtime|adapters/local)/|scripts/)' },
      to: { path: '^src/server/(cloud|adapters/cloud)/|(^|/)node_modules/wx-server-sdk/' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle through type-only imports is erased at compile time and is allowed.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|cloudfunctions/[^/]+/index\\.js$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
