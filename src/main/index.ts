/**
 * The Electron entry: one instance, one locked-down window, the station core behind the
 * IPC handler table, and the station's events pushed to the window. Everything that is
 * not Electron lives in ./core and is the same in the CLI and the tests.
 */
import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  ipcMain,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createLogger, setLogFile } from './core/log';
import { defaultDataDir, PRODUCT_NAME } from './core/paths';
import { readWindowBounds, writeWindowBounds } from './core/settings';
import { createStation, type Station } from './core/station';
import { createHtmlLabelRenderer } from './html-label';
import { createIpcDispatcher } from './ipc/dispatch';
import { createHandlerTable } from './ipc/handlers';
import { forwardStationEvents, registerIpcHandlers } from './ipc/register';
import { buildMenuTemplate } from './menu';
import { findElectronNativeBinding, isAbiMismatch } from './native-binding';
import { createSafeStorageSecretStore } from './secrets-electron';
import { applyAppPolicy, applySessionPolicy, isAppUrl } from './security';
import { createMainWindow, focusWindow } from './window';

const log = createLogger('App');
const here = path.dirname(fileURLToPath(import.meta.url));
const PRELOAD = path.join(here, '..', 'preload', 'index.cjs');
// electron-vite's dev server sets ELECTRON_RENDERER_URL; a built app loads its own file.
const APP_URL =
  !app.isPackaged && process.env.ELECTRON_RENDERER_URL
    ? process.env.ELECTRON_RENDERER_URL
    : pathToFileURL(path.join(here, '..', 'renderer', 'index.html')).href;

let mainWindow: BrowserWindow | null = null;

app.setName(PRODUCT_NAME);
app.enableSandbox();
if (app.requestSingleInstanceLock()) {
  app.on('second-instance', () => focusWindow(mainWindow));
  void app.whenReady().then(start).catch(failStart);
} else {
  // Another Label Station already runs: it has been brought to the front instead.
  app.quit();
}

async function start(): Promise<void> {
  const dataDir = defaultDataDir();
  app.setPath('userData', dataDir);
  setLogFile(dataDir, 'info');
  applySessionPolicy(session.defaultSession);
  applyAppPolicy(app, shell, APP_URL);

  const station = await createStation({
    dataDir,
    secrets: (settings) => createSafeStorageSecretStore(safeStorage, settings),
    nativeBinding: findElectronNativeBinding(app.getAppPath()),
    htmlLabels: createHtmlLabelRenderer({ createWindow: (options) => new BrowserWindow(options) }),
    version: app.getVersion(),
  });
  const dispatcher = createIpcDispatcher({
    handlers: createHandlerTable(station),
    isTrustedSender: (url) => isAppUrl(url, APP_URL),
  });
  registerIpcHandlers(ipcMain, dispatcher);
  mainWindow = openWindow(station);
  installMenu(station);
  quitWith(station);
}

function openWindow(station: Station): BrowserWindow {
  const settings = station.settings;
  const win = createMainWindow({
    BrowserWindow,
    screen,
    preloadPath: PRELOAD,
    appUrl: APP_URL,
    saved: readWindowBounds(settings),
    onBoundsChanged: (bounds) => writeWindowBounds(settings, bounds),
  });
  const stopForwarding = forwardStationEvents(station, (channel, payload) => {
    if (!win.isDestroyed()) win.webContents.send(channel, payload);
  });
  win.on('closed', () => {
    stopForwarding();
    mainWindow = null;
  });
  return win;
}

function installMenu(station: Station): void {
  const template = buildMenuTemplate({
    isMac: process.platform === 'darwin',
    appName: PRODUCT_NAME,
    openDataFolder: () => void shell.openPath(station.dataDir),
    pressKey: (keyCode) => {
      const contents = mainWindow?.webContents;
      if (!contents) return;
      contents.sendInputEvent({ type: 'keyDown', keyCode });
      contents.sendInputEvent({ type: 'keyUp', keyCode });
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function quitWith(station: Station): void {
  app.on('window-all-closed', () => app.quit());
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    // The queue must record where each print job stands before the process ends.
    event.preventDefault();
    closed = true;
    void station.close().finally(() => app.quit());
  });
}

function failStart(error: unknown): void {
  log.error('Label Station could not start', { error });
  const message = isAbiMismatch(error)
    ? 'The database module was built for another program version. Run `npm start` on a ' +
      'computer with network access once, so it can fetch the build for this app.'
    : error instanceof Error
      ? error.message
      : String(error);
  dialog.showErrorBox('Label Station could not start', message);
  app.exit(1);
}
