/**
 * The parts of the e2e harness, usable from Playwright specs and from bench/ui.bench.ts:
 * the built renderer served over http with the app's CSP, Debian's Chromium, and a page
 * whose `window.station` runs the very handler table Electron registers. Only the Electron
 * boundary (ipcRenderer/contextBridge) is replaced — by `exposeBinding` and an init script.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { events, type EventName, type EventPayload } from '../../src/shared/contract';
import { CHANNEL_NAMES, ipcChannel, ipcEvent } from '../../src/shared/station-api';
import { createMemorySecretStore } from '../../src/main/core/settings';
import { createStation, type Station } from '../../src/main/core/station';
import { createPrinterPort } from '../../src/main/core/printing/create-printer-port';
import { createIpcDispatcher, type IpcDispatcher } from '../../src/main/ipc/dispatch';
import { createHandlerTable } from '../../src/main/ipc/handlers';
import { forwardStationEvents } from '../../src/main/ipc/register';
import { CONTENT_SECURITY_POLICY, isAppUrl } from '../../src/main/security';
import { createVirtualPrinter, type VirtualPrinter } from '../helpers/cups';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { waitFor as pollUntil } from '../helpers/wait';

export { CHROMIUM_ARGS, CHROMIUM_PATH };

/** The built renderer; `electron-vite build` makes it. */
export const RENDERER_DIR = path.resolve('out/renderer');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export interface RendererServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1 (port 0) with the CSP header the app's session adds. */
export async function startRendererServer(root = RENDERER_DIR): Promise<RendererServer> {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: run \`npx electron-vite build\` first.`);
  }
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(root, pathname === '/' ? 'index.html' : pathname);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The page side of the fake bridge, as plain JavaScript: `window.station` with one named
 * function per channel (each bound to its own wire channel, as the preload does) and
 * `on(event, fn)`. `__stationPush` is how the harness delivers pushed events.
 */
function stationInitScript(): string {
  const calls = CHANNEL_NAMES.map((name) => [name, ipcChannel(name)]);
  const names = Object.fromEntries(
    (Object.keys(events) as EventName[]).map((name) => [name, ipcEvent(name)]),
  );
  return `(() => {
  const calls = ${JSON.stringify(calls)};
  const eventWire = ${JSON.stringify(names)};
  const listeners = new Map();
  const invoke = window.__stationInvoke;
  const api = {};
  for (const [name, wire] of calls) {
    const [domain, action] = name.split('.');
    (api[domain] ??= {})[action] = (input) => invoke(wire, input);
  }
  api.on = (event, listener) => {
    const wire = eventWire[event];
    if (!wire) throw new Error('Label Station has no event called "' + event + '".');
    if (!listeners.has(wire)) listeners.set(wire, new Set());
    const forward = (payload) => listener(payload);
    listeners.get(wire).add(forward);
    return () => listeners.get(wire).delete(forward);
  };
  Object.defineProperty(window, '__stationPush', {
    value: (wire, payload) => { for (const fn of listeners.get(wire) ?? []) fn(payload); },
  });
  Object.defineProperty(window, 'station', { value: Object.freeze(api), enumerable: true });
})();`;
}

/**
 * Gives every page of `context` a `window.station` whose calls run `dispatcher.invoke` in
 * this process — with the calling frame's real URL, so the sender check is the app's own.
 */
export async function bindStation(
  context: BrowserContext,
  dispatcher: IpcDispatcher,
): Promise<void> {
  const byWire = new Map(CHANNEL_NAMES.map((name) => [ipcChannel(name), name]));
  await context.exposeBinding('__stationInvoke', (source, wire: string, input: unknown) =>
    dispatcher.invoke(byWire.get(wire) ?? wire, input, { url: source.frame.url() }),
  );
  await context.addInitScript({ content: stationInitScript() });
}

/** Pushes station events into `page` the way `webContents.send` does in the app. */
export function pushEventsTo(page: Page, station: Station): () => void {
  return forwardStationEvents(station, (wire, payload) => {
    if (page.isClosed()) return;
    page
      .evaluate(([w, p]) => (globalThis as unknown as PushWindow).__stationPush(w, p), [
        wire,
        payload,
      ] as const)
      .catch(() => undefined); // the page navigated or closed; the next event finds it again
  });
}

interface PushWindow {
  __stationPush(wire: string, payload: unknown): void;
}

/** Everything one e2e test gets: the page, the station behind it and its parts. */
export interface StationApp {
  page: Page;
  context: BrowserContext;
  station: Station;
  /** The app's own address (the renderer server). */
  url: string;
  /** The name of the CUPS printer the station prints labels on. */
  printer: string;
  /** That printer (cups-pdf): its jobs, their output files, disable/enable. */
  cups: VirtualPrinter;
  dataDir: string;
  /** The in-process MegaWMS sandbox of demo mode. */
  sandbox: NonNullable<Station['sandbox']>;
  /** Stops the sandbox: MegaWMS becomes unreachable, the cache keeps serving. */
  goOffline(): Promise<void>;
  /** Saves a screenshot of the page to test-results/screens/<name>.png. */
  screenshot(name: string): Promise<string>;
  /** Waits until `check` is true, polling; fails with `what` after `timeoutMs`. */
  waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs?: number): Promise<void>;
  /** Waits until every call the page has made is answered and the answers are drawn. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export interface StationAppOptions {
  /** Load the page (default true); a spec may want to set things up first. */
  open?: boolean;
  viewport?: { width: number; height: number };
}

export const SCREENS_DIR = path.resolve('test-results/screens');

/**
 * A station in demo mode (in-process sandbox over real HTTP, a real SQLite file in a temp
 * folder, a real CUPS printer) behind a fresh browser context of `browser`.
 */
export async function startStationApp(
  browser: Browser,
  opts: StationAppOptions = {},
): Promise<StationApp> {
  const closers: Array<() => Promise<unknown> | unknown> = [];
  const close = async () => {
    for (const fn of closers.reverse())
      await Promise.resolve()
        .then(fn)
        .catch(() => undefined);
  };
  try {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'station-e2e-'));
    closers.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const printer = createVirtualPrinter('e2e');
    closers.push(() => printer.remove());
    const server = await startRendererServer();
    closers.push(() => server.close());

    const station = await createStation({
      dataDir,
      secrets: createMemorySecretStore(),
      demo: true,
      printerPort: createPrinterPort(),
    });
    closers.push(() => station.close());
    await station.updateSettings({ labelPrinter: printer.name, documentPrinter: printer.name });

    const dispatcher = createIpcDispatcher({
      handlers: createHandlerTable(station),
      isTrustedSender: (url) => isAppUrl(url, server.url),
      checkOutput: true,
    });
    // Calls the page has made and not yet had answered: `settled` waits for none.
    let pending = 0;
    const counted: IpcDispatcher = {
      invoke: async (...call) => {
        pending++;
        try {
          return await dispatcher.invoke(...call);
        } finally {
          pending--;
        }
      },
    };
    const context = await browser.newContext({
      viewport: opts.viewport ?? { width: 1280, height: 800 },
    });
    closers.push(() => context.close());
    await bindStation(context, counted);
    const page = await context.newPage();
    closers.push(pushEventsTo(page, station));
    if (opts.open !== false) await page.goto(server.url);

    const sandbox = station.sandbox;
    if (!sandbox) throw new Error('the station did not start its demo sandbox');
    return {
      page,
      context,
      station,
      url: server.url,
      printer: printer.name,
      cups: printer,
      dataDir,
      sandbox,
      goOffline: () => sandbox.close(),
      screenshot: async (name) => {
        fs.mkdirSync(SCREENS_DIR, { recursive: true });
        const file = path.join(SCREENS_DIR, `${name}.png`);
        await page.screenshot({ path: file, fullPage: false });
        return file;
      },
      waitFor,
      settled: async () => {
        // A frame first, so effects of the last render have made their calls.
        await nextFrame(page);
        await waitFor('the page’s calls to be answered', () => pending === 0);
        await nextFrame(page);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Resolves after the page has drawn its next frame. */
function nextFrame(page: Page): Promise<unknown> {
  return page.evaluate('new Promise((resolve) => requestAnimationFrame(resolve))');
}

/** Polls `check` until it is true (every 50 ms), or fails after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 15_000,
): Promise<void> {
  await pollUntil(check, { what, timeoutMs });
}

export type { EventPayload };
