/**
 * The app menu. The screens' shortcuts belong to the renderer (they work the same in the
 * e2e harness, which has no menu); the menu shows them, and a click on a screen item
 * presses that same key in the window, so there is one way to switch screens.
 */
import type { MenuItemConstructorOptions } from 'electron';

/** The screens in menu order, with the key the renderer switches to each on. */
export const SCREEN_SHORTCUTS = [
  { screen: 'scan', label: 'Scan', key: 'F1' },
  { screen: 'batch', label: 'Batch', key: 'F2' },
  { screen: 'orders', label: 'Orders', key: 'F3' },
  { screen: 'tracking', label: 'Tracking', key: 'F4' },
  { screen: 'inventory', label: 'Inventory', key: 'F5' },
  { screen: 'queue', label: 'Print queue', key: 'F6' },
  { screen: 'settings', label: 'Settings', key: 'F7' },
] as const;

export interface MenuActions {
  /** Presses `key` in the app window (keyDown + keyUp). */
  pressKey: (key: string) => void;
  /** Opens the data folder (log file, database) in the file manager. */
  openDataFolder: () => void;
  isMac: boolean;
  appName: string;
}

/** The menu template; Electron's `Menu.buildFromTemplate` turns it into the menu. */
export function buildMenuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const go: MenuItemConstructorOptions = {
    label: 'Go',
    submenu: SCREEN_SHORTCUTS.map(({ label, key }) => ({
      label,
      accelerator: key,
      // Shown, not grabbed: the key reaches the page, whose shortcut handler switches.
      registerAccelerator: false,
      click: () => actions.pressKey(key),
    })),
  };
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Open Data Folder', click: actions.openDataFolder },
      { type: 'separator' },
      actions.isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const template: MenuItemConstructorOptions[] = [file, { role: 'editMenu' }, view, go];
  if (actions.isMac) template.unshift({ label: actions.appName, role: 'appMenu' });
  template.push({ role: 'windowMenu' });
  return template;
}
