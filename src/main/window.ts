/**
 * The one app window: locked-down webPreferences, the size and place it had last time
 * (moved back onto a screen if that screen is gone), and a save of its bounds whenever
 * they settle.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle, Screen } from 'electron';
import type { WindowBounds } from './core/settings';

const DEFAULT_SIZE = { width: 1280, height: 800 };
const MIN_SIZE = { width: 960, height: 640 };
const SAVE_DELAY_MS = 500;

/** The constructor options of the app window; every security switch is explicit. */
export function mainWindowOptions(
  preloadPath: string,
  bounds: Rectangle | undefined,
): BrowserWindowConstructorOptions {
  return {
    ...(bounds ?? DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Label Station',
    show: false,
    backgroundColor: '#f4f5f7',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // The Scan screen must keep reacting while the window is behind the packing list.
      backgroundThrottling: false,
      // Chromium's built-in PDF viewer shows the label preview (a blob: URL of the label's
      // bytes); Electron only enables it with plugins on. No other plugin exists in Electron.
      plugins: true,
    },
  };
}

/**
 * Where to put a remembered window: its bounds when they still overlap the work area of
 * the display they match, else the default size centred on that display.
 */
export function visibleBounds(
  saved: WindowBounds | undefined,
  workArea: Rectangle,
): Rectangle | undefined {
  if (!saved) return undefined;
  const width = Math.min(saved.width, workArea.width);
  const height = Math.min(saved.height, workArea.height);
  const overlapX =
    Math.min(saved.x + width, workArea.x + workArea.width) - Math.max(saved.x, workArea.x);
  const overlapY =
    Math.min(saved.y + height, workArea.y + workArea.height) - Math.max(saved.y, workArea.y);
  // Enough of the title bar must be on screen for the worker to grab it.
  if (overlapX >= 100 && overlapY >= 50) return { x: saved.x, y: saved.y, width, height };
  return {
    x: workArea.x + Math.round((workArea.width - width) / 2),
    y: workArea.y + Math.round((workArea.height - height) / 2),
    width,
    height,
  };
}

export interface MainWindowDeps {
  BrowserWindow: typeof BrowserWindow;
  screen: Pick<Screen, 'getDisplayMatching' | 'getPrimaryDisplay'>;
  preloadPath: string;
  appUrl: string;
  saved: WindowBounds | undefined;
  onBoundsChanged: (bounds: WindowBounds) => void;
}

/** Creates the window, loads the app page and remembers its bounds as they change. */
export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const display = deps.saved
    ? deps.screen.getDisplayMatching(deps.saved)
    : deps.screen.getPrimaryDisplay();
  const bounds = visibleBounds(deps.saved, display.workArea);
  const win = new deps.BrowserWindow(mainWindowOptions(deps.preloadPath, bounds));
  if (deps.saved?.maximized) win.maximize();

  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (win.isDestroyed() || win.isMinimized()) return;
    const normal = win.getNormalBounds();
    deps.onBoundsChanged({ ...roundRect(normal), maximized: win.isMaximized() });
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) {
    win.on(event as 'resize', saveSoon);
  }
  win.on('close', () => {
    clearTimeout(timer);
    save();
  });

  win.once('ready-to-show', () => win.show());
  void win.loadURL(deps.appUrl);
  return win;
}

function roundRect(rect: Rectangle): Rectangle {
  return {
    x: Math.round(rect.x),
    y: Math.round(rect.y),
    width: Math.round(rect.width),
    height: Math.round(rect.height),
  };
}

/** Brings the window to the front (a second launch of the app lands here). */
export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
