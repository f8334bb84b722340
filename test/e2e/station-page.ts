/**
 * What the screen specs do again and again, in the worker's terms: open a screen by its
 * function key, scan a number the way a keyboard-wedge scanner types it, read which tone
 * played, wait for a print job to finish.
 */
import { expect, type Page } from '@playwright/test';
import type { JobView } from '../../src/shared/contract';
import type { StationApp } from './harness';

/** The function key of each screen, as the navigation shows it. */
export const SCREEN_KEYS = {
  scan: 'F1',
  batch: 'F2',
  orders: 'F3',
  tracking: 'F4',
  inventory: 'F5',
  queue: 'F6',
  settings: 'F7',
} as const;

/**
 * Opens a screen with its function key, pressing again until the navigation shows it open:
 * right after the page loads, React may not have attached the key handler yet.
 */
export async function openScreen(page: Page, screen: keyof typeof SCREEN_KEYS): Promise<void> {
  const key = SCREEN_KEYS[screen];
  const item = page.getByRole('navigation').getByRole('button', { name: new RegExp(` ${key}$`) });
  await expect(async () => {
    await page.keyboard.press(key);
    await expect(item).toHaveAttribute('aria-current', 'page', { timeout: 500 });
  }).toPass({ timeout: 10_000 });
}

/** The Scan screen's input, in either language. */
export function scanInput(page: Page) {
  return page.getByRole('textbox', { name: /^(Scan|扫描)$/ });
}

/**
 * Types `number` the way a keyboard-wedge scanner does — keystrokes into whatever has
 * focus, then its suffix key — once the Scan input has focus (as it keeps it).
 */
export async function scan(
  page: Page,
  number: string,
  suffix: 'Enter' | 'Tab' = 'Enter',
): Promise<void> {
  await expect(scanInput(page)).toBeFocused();
  await page.keyboard.type(number, { delay: 5 });
  await page.keyboard.press(suffix);
}

/** The tones played so far: the last one and how many. */
export async function sounds(page: Page): Promise<{ last: string | null; count: number }> {
  const body = page.locator('body');
  const last = await body.getAttribute('data-last-sound');
  const count = Number((await body.getAttribute('data-sound-count')) ?? '0');
  return { last, count };
}

/** The Scan screen's result card. */
export function resultCard(page: Page) {
  return page.locator('.result-card');
}

/** Jobs of the station created after `afterId`, oldest first. */
export async function jobsAfter(app: StationApp, afterId: number): Promise<JobView[]> {
  const jobs = await app.station.listJobs({ limit: 500 });
  return jobs.filter((job) => job.id > afterId).sort((a, b) => a.id - b.id);
}

/** The highest job id so far (0 when none). */
export async function lastJobId(app: StationApp): Promise<number> {
  const jobs = await app.station.listJobs({ limit: 500 });
  return jobs.reduce((max, job) => Math.max(max, job.id), 0);
}

/** Waits until the job is done in the station's queue (CUPS took it and finished it). */
export async function waitForJobDone(
  app: StationApp,
  jobId: number,
  timeoutMs = 60_000,
): Promise<JobView> {
  let latest: JobView | undefined;
  await app.waitFor(
    `print job ${jobId} to be done`,
    async () => {
      latest = (await app.station.listJobs({ limit: 500 })).find((job) => job.id === jobId);
      if (latest?.state === 'failed')
        throw new Error(`print job ${jobId} failed: ${latest.reason}`);
      return latest?.state === 'done';
    },
    timeoutMs,
  );
  return latest as JobView;
}
