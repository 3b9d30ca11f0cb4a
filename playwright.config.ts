import { defineConfig } from '@playwright/test';

/**
 * End-to-end journeys in Debian's Chromium (never `playwright install`). Run them with
 * `npm run test:e2e`, which builds the web app, starts a server on a fresh database and sets
 * E2E_BASE_URL / E2E_SETUP_URL.
 */
const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  },
};

export default defineConfig({
  testDir: 'tests/e2e',
  // Playwright empties this folder at start; E2E_OUTPUT_DIR keeps parallel local runs apart.
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results/artifacts',
  workers: 1,
  fullyParallel: false,
  // CI runs on a loaded 2-core machine: one retry, and a retried pass is reported as flaky.
  retries: process.env.CI ? 1 : 0,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  // `npm test` reads the JSON report (PLAYWRIGHT_JSON_OUTPUT_NAME) for its summary line.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000',
    screenshot: 'on',
    trace: 'retain-on-failure',
    acceptDownloads: true,
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  },
  projects: [
    { name: 'desktop', use: { ...chromium, viewport: { width: 1280, height: 800 } } },
    {
      name: 'phone',
      // Setup happens once per database: journeys do it when it is still needed and otherwise
      // sign in with the account an earlier run made, so the two projects run in any order.
      use: { ...chromium, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    },
  ],
});
