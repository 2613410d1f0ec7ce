import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests: the built H5 app on the local cloud runtime (`npm run serve` with a fresh data
 * folder), driven in Debian's headless Chromium at a phone viewport.
 */
const port = Number(process.env.E2E_PORT ?? 8790);
const dataDir = process.env.E2E_DATA_DIR ?? `.data/e2e-${Date.now()}`;

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.e2e.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    ...devices['iPhone 12'],
    // WeChat's in-app browser is Chromium-based; we run Debian's Chromium with a phone's viewport.
    browserName: 'chromium',
    defaultBrowserType: 'chromium',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'npx tsx scripts/serve.ts',
    url: `http://127.0.0.1:${port}/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: { RUNTIME_PORT: String(port), DATA_DIR: dataDir },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
