/**
 * The architecture, checked on every `npm test`: the shared core is pure; the app and the
 * functions meet only in the core; deployed functions never carry the local runtime. Inside the
 * app: pages use features, components, services and core; features use components, services and
 * core; components use services and core; services use core only.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core is shared by the app and the functions: no platform, no Node built-ins, no app or server code.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: {
        path: '^(src/(server|pages|review|features|services|components|app)|node_modules/(@tarojs|wx-server-sdk|better-sqlite3|react|react-dom)/)',
      },
    },
    {
      name: 'core-uses-no-node-builtins',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'app-does-not-import-server',
      comment: 'Pages, features, components and services reach functions through the client, never by importing server code.',
      severity: 'error',
      from: { path: '^src/(pages|apply|review|committee|features|services|components|app)' },
      to: { path: '^(src/server/|node_modules/(wx-server-sdk|better-sqlite3)/)' },
    },
    {
      name: 'server-does-not-import-app',
      severity: 'error',
      from: { path: '^(src/server/|cloudfunctions/)' },
      to: { path: '^(src/(pages|apply|review|committee|features|services|components)/|node_modules/@tarojs/)' },
    },
    {
      name: 'features-do-not-import-pages',
      comment: 'A feature is a part pages are built from: it knows no page.',
      severity: 'error',
      from: { path: '^src/features/' },
      to: { path: '^src/(pages|apply|review|committee)/' },
    },
    {
      name: 'components-are-shared-parts',
      comment: 'Components are shared by features and pages, so they depend on neither.',
      severity: 'error',
      from: { path: '^src/components/' },
      to: { path: '^src/(pages|apply|review|committee|features)/' },
    },
    {
      name: 'services-use-core-only',
      comment: 'Services (the client, the platform, the phone storage) are below every screen part.',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { path: '^src/(pages|apply|review|committee|features|components)/' },
    },
    {
      name: 'cloud-does-not-load-local-runtime',
      comment: 'A deployed function bundles the cloud adapters only.',
      severity: 'error',
      from: { path: '^(cloudfunctions/|src/server/(cloud|adapters/cloud)/)' },
      to: { path: '^(src/server/(runtime|adapters/local)/|node_modules/better-sqlite3/)' },
    },
    {
      name: 'local-runtime-never-loads-wx-server-sdk',
      severity: 'error',
      from: { path: '^(src/server/(runtime|adapters/local)/|scripts/)' },
      to: { path: '^(node_modules/wx-server-sdk/|src/server/(cloud|adapters/cloud)/)' },
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
