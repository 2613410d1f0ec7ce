/** Unit and contract tests (test/**\/*.test.ts); e2e tests run under Playwright instead. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } }, module: { type: 'commonjs' } }],
  },
  // The built mini-program is run as built, never transformed (test/weapp/render).
  transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
  // Taro's timers in a rendered page outlive a test; jest's global cleanup would warn about each.
  testEnvironmentOptions: { globalsCleanup: 'off' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
