/**
 * HTML-only labels (an account without label-file permission, or AddOrder's `PrintUrl`):
 * the page is loaded in a hidden, sandboxed window with no preload and JavaScript off,
 * printed to a PDF of the label size, and handed back so it goes through the same print
 * queue as every other label.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { createLogger } from './core/log';
import { parseLabelSize } from './core/printing/label-size';
import { StationError } from './core/station-errors';
import { isSafeExternalUrl } from './security';

const log = createLogger('HtmlLabel');

/** Renders the label page at `url` to PDF bytes of `media` (e.g. `4x6in`, `100x150mm`). */
export type HtmlLabelRenderer = (url: string, media: string) => Promise<Uint8Array>;

/** The part of a BrowserWindow used here (faked in tests at exactly this boundary). */
export type LabelWindow = Pick<BrowserWindow, 'loadURL' | 'destroy' | 'isDestroyed'> & {
  webContents: Pick<BrowserWindow['webContents'], 'printToPDF' | 'setWindowOpenHandler' | 'on'> & {
    session: Pick<BrowserWindow['webContents']['session'], 'setPermissionRequestHandler'>;
  };
};

export interface HtmlLabelDeps {
  createWindow: (options: BrowserWindowConstructorOptions) => LabelWindow;
  timeoutMs?: number;
}

/** The hidden window's options: nothing of the app's privileges, no script, no storage. */
export const LABEL_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  show: false,
  width: 800,
  height: 1200,
  webPreferences: {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    javascript: false,
    webSecurity: true,
    webviewTag: false,
    spellcheck: false,
    // An in-memory session: a label page leaves no cookies or cache behind.
    partition: 'label-render',
  },
};

/** A renderer that opens one hidden window per label and always closes it. */
export function createHtmlLabelRenderer(deps: HtmlLabelDeps): HtmlLabelRenderer {
  const timeoutMs = deps.timeoutMs ?? 20_000;
  return async (url, media) => {
    if (!isSafeExternalUrl(url)) {
      throw new StationError(
        'invalid-label',
        'The label page address is not a web address, so it was not opened.',
      );
    }
    const size = parseLabelSize(media);
    const win = deps.createWindow(LABEL_WINDOW_OPTIONS);
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    win.webContents.session.setPermissionRequestHandler((_c, _p, callback) => callback(false));
    try {
      await withTimeout(win.loadURL(url), timeoutMs);
      const pdf = await withTimeout(
        win.webContents.printToPDF({
          // printToPDF takes inches; the label size is kept in points.
          pageSize: { width: size.widthPt / 72, height: size.heightPt / 72 },
          margins: { top: 0, bottom: 0, left: 0, right: 0 },
          printBackground: true,
          preferCSSPageSize: false,
        }),
        timeoutMs,
      );
      return new Uint8Array(pdf);
    } catch (error) {
      if (error instanceof StationError) throw error;
      log.warn('label page could not be rendered', { error });
      throw new StationError(
        'invalid-label',
        'The label page from MegaWMS could not be turned into a label. Check the network and scan again.',
      );
    } finally {
      if (!win.isDestroyed()) win.destroy();
    }
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
