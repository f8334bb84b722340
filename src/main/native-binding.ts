/**
 * Where the app finds the better-sqlite3 build made for Electron's ABI. `npm start` puts
 * it in `.electron-native/`, apart from node_modules' build for Node that the tests and
 * the `station` command load, so neither world breaks the other.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The folder, at the project root, that holds native builds for Electron. */
export const ELECTRON_NATIVE_DIR = '.electron-native';

/** The file name of the better-sqlite3 build for one Node ABI (`process.versions.modules`). */
export function nativeBindingFileName(abi: string): string {
  return `better_sqlite3-abi${abi}.node`;
}

/**
 * The Electron build of better-sqlite3 for this process's ABI under `appRoot`, or
 * undefined when the process is plain Node (its own build in node_modules serves) or the
 * file is missing.
 */
export function findElectronNativeBinding(
  appRoot: string,
  versions: NodeJS.ProcessVersions = process.versions,
): string | undefined {
  if (!versions.electron) return undefined;
  const file = path.join(appRoot, ELECTRON_NATIVE_DIR, nativeBindingFileName(versions.modules));
  return fs.existsSync(file) ? file : undefined;
}

/** True when an error is Node refusing a native module built for another ABI. */
export function isAbiMismatch(error: unknown): boolean {
  return (
    error instanceof Error &&
    /NODE_MODULE_VERSION|was compiled against a different/.test(error.message)
  );
}
