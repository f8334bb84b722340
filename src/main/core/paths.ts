/**
 * Where the station keeps its data. The desktop app and the `station` command use the same
 * folder (Electron's userData for the product name), so both share one cache and queue.
 */
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Label Station';

/** The data folder: `STATION_DATA_DIR`, else the platform's per-user app folder. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.STATION_DATA_DIR) return path.resolve(env.STATION_DATA_DIR);
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
  }
}
