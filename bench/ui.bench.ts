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
 * 3. The Batch table with 10,000 rows (UI_BENCH_BATCH_ROWS): the time from "Look up all" to
 *    the summary, then the frame intervals while the table scrolls 400 px (10 rows) and
 *    2,000 px (50 rows: every drawn row replaced) each frame, against the same page's idle
 *    frames in the same run.
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
import { openScreen } from '../test/e2e/station-page';

const LAUNCHES = Number(process.env.UI_BENCH_LAUNCHES ?? 5);
const BATCH_ROWS = Math.max(1000, Number(process.env.UI_BENCH_BATCH_ROWS ?? 10_000));
/** Pixels a frame: a fast wheel (10 rows) and a flick that replaces every drawn row (50). */
const SCROLL_SPEEDS = [400, 2000];
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

/**
 * In the page: frame intervals (requestAnimationFrame) while idle, then while the table's
 * scroll box moves FLICK_PX each frame, wrapping at the end; the long tasks (> 50 ms) seen
 * meanwhile; and how many rows are in the DOM at the end.
 */
const SCROLL_IN_PAGE = `(async (flick) => {
  const box = document.querySelector('.vtable');
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const intervals = async (count, step) => {
    const out = [];
    let last = await frame();
    for (let i = 0; i < count; i++) {
      if (step) step(i);
      const now = await frame();
      out.push(now - last);
      last = now;
    }
    return out;
  };
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => (longTasks += list.getEntries().length));
  observer.observe({ type: 'longtask' });
  const idle = await intervals(120, null);
  const range = box.scrollHeight - box.clientHeight;
  if (range <= 0) throw new Error('the table does not scroll inside its own box');
  const speeds = [];
  for (const px of flick) {
    const before = longTasks;
    const frames = await intervals(300, (i) => (box.scrollTop = ((i + 1) * px) % range));
    speeds.push({ px, frames, longTasks: longTasks - before });
  }
  observer.disconnect();
  return {
    idle,
    speeds,
    drawn: box.querySelectorAll('.vtable-body [role=row]').length,
    total: Number(box.getAttribute('aria-rowcount')) - 1,
  };
})`;

interface BatchTableRun {
  lookupMs: number;
  idle: number[];
  speeds: Array<{ px: number; frames: number[]; longTasks: number }>;
  drawn: number;
  total: number;
}

/** 10,000 numbers (the sandbox's own first, then unknown ones) into the Batch screen. */
async function timeBatchTable(browser: Browser): Promise<BatchTableRun> {
  const app = await startStationApp(browser);
  try {
    const page = app.page;
    await waitForScanFocus(page);
    await openScreen(page, 'batch');
    const known = app.sandbox.sample().trackingNumbers;
    const numbers = Array.from(
      { length: BATCH_ROWS },
      (_, i) => known[i] ?? `LSBENCH${String(i).padStart(7, '0')}`,
    );
    // As a supervisor brings 10,000 numbers: a CSV through "Import CSV…". (Playwright's
    // fill() would type them through Chromium's editing commands, which slow down with the
    // square of the text's lines: 26 s for 3,000.)
    await page.locator('input[type=file]').setInputFiles({
      name: 'numbers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['number', ...numbers].join('\n')),
    });
    await page.getByText(`${BATCH_ROWS} numbers`).waitFor();
    const t0 = performance.now();
    await page.getByRole('button', { name: 'Look up all' }).click({ noWaitAfter: true });
    await page
      .getByRole('status')
      .filter({ hasText: ` of ${BATCH_ROWS} found` })
      .waitFor({ timeout: 600_000 });
    const lookupMs = performance.now() - t0;
    const frames = (await page.evaluate(
      `(${SCROLL_IN_PAGE})(${JSON.stringify(SCROLL_SPEEDS)})`,
    )) as Omit<BatchTableRun, 'lookupMs'>;
    await app.screenshot('bench-batch');
    return { lookupMs, ...frames };
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
  const scans = await timeScans(browser);
  const table = await timeBatchTable(browser).finally(() => browser.close());
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
  const idle = stats(table.idle);
  console.log(
    `batch table, ${table.total} rows: Look up all → summary shown ${(table.lookupMs / 1000).toFixed(1)} s; ` +
      `${table.drawn} rows in the DOM`,
  );
  for (const speed of table.speeds) {
    const frames = stats(speed.frames);
    console.log(
      `  scrolled ${speed.px} px a frame: frame interval median ${fmt(frames.median)}, ` +
        `p95 ${fmt(frames.p95)}, ${speed.longTasks} long tasks; ratio to idle (median) ` +
        `${(frames.median / idle.median).toFixed(2)}`,
    );
  }
  console.log(`  baseline, the same page idle: median ${fmt(idle.median)}, p95 ${fmt(idle.p95)}`);
  console.log(`peak RSS: node ${mb(peak.node)}, chromium processes ${mb(peak.browser)}`);
}

await main();
