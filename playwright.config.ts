/**
 * End-to-end tests: the built renderer (`electron-vite build` → out/renderer) in Debian's
 * Chromium, its `window.station` bound to the real handler table (see test/e2e/harness.ts).
 * One worker: every test owns a station, a sandbox and a CUPS printer, and Chromium on two
 * cores is the bottleneck anyway.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/e2e/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  // Not test-results itself: Playwright empties its output folder before a run.
  outputDir: 'test-results/e2e-output',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
});
