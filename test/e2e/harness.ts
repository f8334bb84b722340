/**
 * The Playwright fixture of the e2e tests: `app` is a running station (demo sandbox over
 * real HTTP, real SQLite, real CUPS printer) behind the built renderer in Chromium, whose
 * `window.station` runs the same handler table Electron registers. `page` is that app's
 * page. See fixtures.ts for the parts.
 */
import { test as base, expect } from '@playwright/test';
import { startStationApp, type StationApp } from './fixtures';

export const test = base.extend<{ app: StationApp }>({
  app: async ({ browser }, use) => {
    const app = await startStationApp(browser);
    try {
      await use(app);
    } finally {
      await app.close();
    }
  },
  // The app's own page: its window.station is bound before any script runs.
  page: async ({ app }, use) => {
    await use(app.page);
  },
});

export { expect };
export type { StationApp } from './fixtures';
