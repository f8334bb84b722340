/**
 * HTML-only labels: the hidden BrowserWindow is the one fake, and behind it stands a real
 * Chromium page (Playwright) that loads the sandbox's HTML label page over HTTP and prints
 * it to PDF at the label size. The PDF then goes through the real queue to a real CUPS
 * printer, like any other label.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Label } from '../../src/shared/domain';
import { createCacheStore } from '../../src/main/core/cache/cache-store';
import { openDatabase } from '../../src/main/core/db/database';
import { createMegaWmsClient } from '../../src/main/core/megawms/client';
import { DEMO_ACCOUNT_KEY } from '../../src/main/core/station-account';
import { StationError } from '../../src/main/core/station-errors';
import {
  createHtmlLabelRenderer,
  LABEL_WINDOW_OPTIONS,
  type LabelWindow,
} from '../../src/main/html-label';
import { DEMO_CREDENTIALS } from '../../src/sandbox/server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/fixtures';
import { readPdf } from '../helpers/cups';
import { eventually, openTestStation, type TestStation } from '../helpers/station';

let browser: Browser;
const windows: Array<{
  options: BrowserWindowConstructorOptions;
  urls: string[];
  destroyed: boolean;
}> = [];

/** A BrowserWindow at its boundary: loadURL and printToPDF run in a real Chromium page. */
function chromiumWindow(options: BrowserWindowConstructorOptions): LabelWindow {
  const record = { options, urls: [] as string[], destroyed: false };
  windows.push(record);
  let page: Promise<Page> | null = null;
  const open = () =>
    (page ??= browser.newPage({ javaScriptEnabled: options.webPreferences?.javascript !== false }));
  return {
    loadURL: async (url: string) => {
      record.urls.push(url);
      const response = await (await open()).goto(url);
      if (!response?.ok()) throw new Error(`HTTP ${response?.status()}`);
    },
    webContents: {
      printToPDF: async (opts: { pageSize?: unknown; printBackground?: boolean }) => {
        const size = opts.pageSize as { width: number; height: number };
        const pdf = await (
          await open()
        ).pdf({
          width: `${size.width}in`,
          height: `${size.height}in`,
          printBackground: opts.printBackground,
          margin: { top: 0, bottom: 0, left: 0, right: 0 },
        });
        return Buffer.from(pdf);
      },
      setWindowOpenHandler: () => undefined,
      on: () => undefined,
      session: { setPermissionRequestHandler: () => undefined },
    } as unknown as LabelWindow['webContents'],
    isDestroyed: () => record.destroyed,
    destroy: () => {
      record.destroyed = true;
      void page?.then((p) => p.close());
    },
  } as LabelWindow;
}

let t: TestStation;
let htmlUrl = '';
let sourcePieces = 0;
const HTML_ONLY = 'HTMLONLY000000001';

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  t = await openTestStation({
    printer: 'ipc-html',
    htmlLabels: createHtmlLabelRenderer({ createWindow: chromiumWindow }),
  });
  const sandbox = t.station.sandbox!;
  const client = createMegaWmsClient({ credentials: DEMO_CREDENTIALS, baseUrl: sandbox.url });
  const [item] = await client.fetchLabels([sandbox.sample().trackingNumbers[3]!]);
  if (!item?.ok) throw new Error('the sandbox gave no label');
  const source = item.value[0]!;
  htmlUrl = source.htmlUrl;
  sourcePieces = source.pieceCount;

  // An account without label-file permission: MegaWMS gives the HTML page and no file.
  const htmlOnly: Label = {
    ...source,
    trackingNumber: HTML_ONLY,
    masterTrackingNumber: HTML_ONLY,
    orderNo: 'HTMLONLY-ORDER',
    referenceNo: 'HTMLONLY-REF',
    pieceNo: '',
    pieceIndex: 1,
    pieceCount: 1,
    file: null,
    fileType: null,
  };
  const db = openDatabase(t.dataDir);
  try {
    createCacheStore(db).storeBatch(DEMO_ACCOUNT_KEY, { labels: [htmlOnly] });
  } finally {
    db.close();
  }
});

afterAll(async () => {
  await t?.close();
  await browser?.close();
});

describe('HTML-only labels', () => {
  it('renders the label page to a 4x6 in PDF and prints it through the queue', async () => {
    const outcome = await t.value('scan.submit', { number: HTML_ONLY });
    expect(outcome.rows[0]).toMatchObject({ ok: true });
    expect(outcome.rows[0]!.pieces[0]).toMatchObject({ trackingNumber: HTML_ONLY, hasFile: true });
    expect(outcome.jobIds).toHaveLength(1);

    const jobId = outcome.jobIds[0]!;
    const job = await eventually('the HTML label job to finish', async () => {
      const found = (await t.value('queue.list')).find((j) => j.id === jobId);
      return found?.state === 'done' ? found : null;
    });
    const pdf = readPdf(await t.printer!.waitForOutput(job.spoolerId!));
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    expect(pdf.sizes.every((s) => s === '288x432')).toBe(true);
    // The sandbox's page has one 4x6 sheet per piece of the order it names.
    expect(pdf.pages).toBe(sourcePieces);

    const window = windows.at(-1)!;
    expect(window.urls).toEqual([htmlUrl]);
    expect(window.destroyed).toBe(true);
  });

  it('opens the page with no preload, no script and the sandbox on', () => {
    expect(windows.at(-1)!.options).toEqual(LABEL_WINDOW_OPTIONS);
    expect(LABEL_WINDOW_OPTIONS.show).toBe(false);
    expect(LABEL_WINDOW_OPTIONS.webPreferences).toMatchObject({
      sandbox: true,
      javascript: false,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(LABEL_WINDOW_OPTIONS.webPreferences?.preload).toBeUndefined();
  });

  it('gives the preview the rendered PDF too', async () => {
    const file = await t.value('labels.file', { trackingNumber: HTML_ONLY });
    expect(Buffer.from(file.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('the HTML label renderer', () => {
  it('refuses an address that is not a web page and opens no window', async () => {
    const before = windows.length;
    const render = createHtmlLabelRenderer({ createWindow: chromiumWindow });
    await expect(render('file:///etc/passwd', '4x6in')).rejects.toBeInstanceOf(StationError);
    expect(windows.length).toBe(before);
  });

  it('closes the window and says so plainly when the page cannot be loaded', async () => {
    const render = createHtmlLabelRenderer({ createWindow: chromiumWindow });
    const missing = `${t.station.sandbox!.url}/Manage/NoSuchPage.aspx`;
    await expect(render(missing, '4x6in')).rejects.toThrow(/could not be turned into a label/);
    expect(windows.at(-1)!.destroyed).toBe(true);
  });
});
