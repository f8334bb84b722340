import { describe, expect, it } from 'vitest';
import { mainWindowOptions, visibleBounds } from '../../../../src/main/window';
import { buildMenuTemplate, SCREEN_SHORTCUTS } from '../../../../src/main/menu';
import {
  findElectronNativeBinding,
  isAbiMismatch,
  nativeBindingFileName,
} from '../../../../src/main/native-binding';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describe('the app window', () => {
  it('turns on isolation and the sandbox and turns off node in every frame', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.cjs', undefined).webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  const screen = { x: 0, y: 0, width: 1920, height: 1040 };

  it('reopens where it was when that place is still on screen', () => {
    const saved = { x: 100, y: 80, width: 1300, height: 820, maximized: false };
    expect(visibleBounds(saved, screen)).toEqual({ x: 100, y: 80, width: 1300, height: 820 });
  });

  it('comes back to the middle of the screen when its screen was unplugged', () => {
    const saved = { x: 2500, y: 100, width: 1280, height: 800, maximized: false };
    expect(visibleBounds(saved, screen)).toEqual({ x: 320, y: 120, width: 1280, height: 800 });
  });

  it('shrinks to a smaller screen than the one it was saved on', () => {
    const saved = { x: 0, y: 0, width: 2560, height: 1400, maximized: false };
    expect(visibleBounds(saved, { x: 0, y: 0, width: 1366, height: 728 })).toEqual({
      x: 0,
      y: 0,
      width: 1366,
      height: 728,
    });
  });

  it('uses the default size on a first run', () => {
    expect(visibleBounds(undefined, screen)).toBeUndefined();
    expect(mainWindowOptions('/p', undefined)).toMatchObject({ width: 1280, height: 800 });
  });
});

describe('the app menu', () => {
  it('lists every screen with its shortcut and presses that key when clicked', () => {
    const pressed: string[] = [];
    const template = buildMenuTemplate({
      pressKey: (key) => pressed.push(key),
      openDataFolder: () => undefined,
      isMac: false,
      appName: 'Label Station',
    });
    const go = template.find((item) => item.label === 'Go');
    const items = go!.submenu as Array<{ label: string; accelerator: string; click: () => void }>;
    expect(items.map((i) => [i.label, i.accelerator])).toEqual(
      SCREEN_SHORTCUTS.map((s) => [s.label, s.key]),
    );
    items[5]!.click();
    expect(pressed).toEqual([SCREEN_SHORTCUTS[5].key]);
  });

  it('adds the application menu on macOS only', () => {
    const base = { pressKey: () => undefined, openDataFolder: () => undefined, appName: 'LS' };
    expect(buildMenuTemplate({ ...base, isMac: true })[0]).toMatchObject({ role: 'appMenu' });
    expect(buildMenuTemplate({ ...base, isMac: false })[0]).toMatchObject({ label: 'File' });
  });
});

describe('the Electron build of better-sqlite3', () => {
  it('is found under .electron-native for the running ABI, only inside Electron', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'station-native-'));
    try {
      const versions = { ...process.versions, electron: '45.6.0', modules: '150' };
      expect(findElectronNativeBinding(root, versions)).toBeUndefined();
      fs.mkdirSync(path.join(root, '.electron-native'));
      const file = path.join(root, '.electron-native', nativeBindingFileName('150'));
      fs.writeFileSync(file, '');
      expect(findElectronNativeBinding(root, versions)).toBe(file);
      expect(findElectronNativeBinding(root, { ...versions, modules: '151' })).toBeUndefined();
      expect(findElectronNativeBinding(root, process.versions)).toBeUndefined();
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('recognises Node refusing a module built for another ABI', () => {
    const refusal = new Error(
      'The module was compiled against a different Node.js version using NODE_MODULE_VERSION 115.',
    );
    expect(isAbiMismatch(refusal)).toBe(true);
    expect(isAbiMismatch(new Error('SQLITE_BUSY'))).toBe(false);
  });
});
