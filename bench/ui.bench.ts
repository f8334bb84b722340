/**
 * UI benchmark, with the e2e harness's parts (built renderer over http, Debian's Chromium,
 * `window.station` bound to the real handler table, demo sandbox, SQLite, CUPS):
 *
 *   npm run bench:ui          (builds the renderer first; UI_BENCH_SCANS / UI_BENCH_LAUNCHES)
 *
 * 1. Launch → interactive Scan screen: from `chromium.launch` until the Scan input has the
 *    focus, station start-up included. Baseline, same run: launch → a blank page.
 * 2. Scan → success shown, with a cached label: the number typed into the Scan input and
 *    Enter pressed inside the page, until the result card says success in a painted frame.
 *    Baseline, same run: the same use case called in Node (`station.scan`), no UI, no IPC.
 * The label printer is disabled during the scans (`cupsdisable`), so jobs are accepted and
 * held rather than rendered by cups-pdf while the clock runs; they are removed at the end.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  startStationApp,
  type StationApp,
} from '../test/e2e/fixtures';

const LAUNCHES = Number(process.env.UI_BENCH_LAUNCHES ?? 5);
const SCANS = Math.max(31, Number(process.env.UI_BENCH_SCANS ?? 41));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function stats(values: number[]): { median: number; p95: number } {
  return { median: percentile(values, 50), p95: percentile(values, 95) };
}

/** Peak RSS of this process and of all Chromium processes, sampled every 50 ms. */
function sampleMemory() {
  let node = 0;
  let browser = 0;
  const tick = () => {
    node = Math.max(node, process.memoryUsage().rss);
    try {
      const out = execFileSync('ps', ['-o', 'rss=', '-C', 'chromium'], { encoding: 'utf8' });
      browser = Math.max(
        browser,
        out.split('\n').reduce((sum, kb) => sum + (Number(kb) || 0), 0) * 1024,
      );
    } catch {
      // No Chromium running at this instant.
    }
  };
  const timer = setInterval(tick, 50);
  return { stop: () => (clearInterval(timer), tick(), { node, browser }) };
}

const launchBrowser = () => chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

async function waitForScanFocus(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const active = (
      globalThis as unknown as { document: { activeElement: { id?: string } | null } }
    ).document.activeElement;
    return active?.id === 'scan-input';
  });
}

async function timeLaunches(): Promise<{ app: number[]; blank: number[] }> {
  const app: number[] = [];
  const blank: number[] = [];
  for (let i = 0; i < LAUNCHES; i++) {
    let t0 = performance.now();
    let browser = await launchBrowser();
    const page = await browser.newPage();
    await page.goto('about:blank');
    blank.push(performance.now() - t0);
    await browser.close();

    t0 = performance.now();
    browser = await launchBrowser();
    const started = await startStationApp(browser);
    await started.page.getByRole('textbox', { name: 'Scan' }).waitFor();
    await waitForScanFocus(started.page);
    app.push(performance.now() - t0);
    await started.close();
    await browser.close();
  }
  return { app, blank };
}

/**
 * The page side of one scan, as plain JavaScript: tsx names inner functions with a helper
 * the page does not have, so a serialised TypeScript function cannot run there.
 */
const SCAN_IN_PAGE = `(n, previous) => {
  // The card names the order, not the number; the scan before this one moving to the
  // recent list is what tells this scan's card from the last one.
  const isThisScan = () => {
    const first = document.querySelector('.recent-item .recent-number');
    return previous === null ? first === null : first !== null && first.textContent === previous;
  };
  const input = document.getElementById('scan-input');
  const t0 = performance.now();
  input.value = n;
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  return new Promise((resolve, reject) => {
    const check = () => {
      const card = document.querySelector('.result-card');
      if (card && card.dataset.verdict === 'success' && isThisScan()) {
        resolve(performance.now() - t0);
      } else if (card && card.dataset.verdict === 'error') {
        reject(new Error('scan of ' + n + ' failed: ' + card.textContent));
      } else if (performance.now() - t0 > 10000) {
        reject(new Error('no success shown for ' + n));
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}`;

/** Types `number` + Enter in the page and resolves with ms until the card shows success. */
async function scanInPage(page: Page, number: string, previous: string | null): Promise<number> {
  const args = `${JSON.stringify(number)}, ${JSON.stringify(previous)}`;
  return (await page.evaluate(`(${SCAN_IN_PAGE})(${args})`)) as number;
}

async function prepareCachedNumbers(app: StationApp): Promise<string[]> {
  const numbers = app.sandbox.sample().trackingNumbers.slice(0, SCANS);
  await app.station.updateSettings({ duplicatePolicy: 'allow' });
  // Labels and order details both cached: the scans never need MegaWMS.
  await app.station.lookupLabels(numbers);
  await app.station.findOrderStatus(numbers);
  app.cups.disable('benchmark: jobs are held, not rendered');
  return numbers;
}

/** One bridge call from the page (app.info) and back: the floor under every UI action. */
const ROUND_TRIP_IN_PAGE = `(async () => {
  const t0 = performance.now();
  await window.station.app.info();
  return performance.now() - t0;
})()`;

async function timeScans(
  browser: Browser,
): Promise<{ ui: number[]; direct: number[]; roundTrip: number[] }> {
  const app = await startStationApp(browser);
  try {
    const numbers = await prepareCachedNumbers(app);
    await waitForScanFocus(app.page);
    const [warmUp, ...timed] = numbers;
    await scanInPage(app.page, warmUp!, null); // first paint of a result card
    const ui: number[] = [];
    let previous = warmUp!;
    for (const n of timed) {
      ui.push(await scanInPage(app.page, n, previous));
      previous = n;
    }

    const roundTrip: number[] = [];
    for (let i = 0; i < timed.length; i++) {
      roundTrip.push((await app.page.evaluate(ROUND_TRIP_IN_PAGE)) as number);
    }

    const direct: number[] = [];
    for (const n of numbers) {
      const t0 = performance.now();
      const outcome = await app.station.scan(n);
      if (outcome.jobIds.length === 0) throw new Error(`direct scan of ${n} queued nothing`);
      direct.push(performance.now() - t0);
    }
    await app.screenshot('bench-scan');
    return { ui, direct, roundTrip };
  } finally {
    await app.close();
  }
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const memory = sampleMemory();
  const launches = await timeLaunches();
  const browser = await launchBrowser();
  const scans = await timeScans(browser).finally(() => browser.close());
  const peak = memory.stop();

  const app = stats(launches.app);
  const blank = stats(launches.blank);
  const ui = stats(scans.ui);
  const direct = stats(scans.direct);
  console.log(`Label Station UI benchmark (${LAUNCHES} launches, ${scans.ui.length} scans)`);
  console.log(`launch → Scan input focused: median ${fmt(app.median)}, p95 ${fmt(app.p95)}`);
  console.log(`  baseline launch → blank page: median ${fmt(blank.median)}, p95 ${fmt(blank.p95)}`);
  console.log(`  ratio (median): ${(app.median / blank.median).toFixed(2)}`);
  console.log(`scan → success shown (cached label): median ${fmt(ui.median)}, p95 ${fmt(ui.p95)}`);
  console.log(
    `  baseline station.scan in Node: median ${fmt(direct.median)}, p95 ${fmt(direct.p95)}`,
  );
  console.log(`  ratio (median): ${(ui.median / direct.median).toFixed(2)}`);
  const trip = stats(scans.roundTrip);
  console.log(
    `  page → station → page round trip (app.info): median ${fmt(trip.median)}, p95 ${fmt(trip.p95)}`,
  );
  console.log(`peak RSS: node ${mb(peak.node)}, chromium processes ${mb(peak.browser)}`);
}

await main();
