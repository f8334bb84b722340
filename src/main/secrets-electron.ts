/**
 * The desktop app's secret store: the API key and tracking key encrypted with Electron's
 * `safeStorage` (the OS keychain, DPAPI, or libsecret/kwallet) and kept, encrypted, in
 * the settings table. Nothing here ever logs or returns a secret except to the core.
 */
import type { SafeStorage } from 'electron';
import { createLogger, registerSecret } from './core/log';
import type { SecretName, SecretStore, SettingsStore } from './core/settings';
import { StationError } from './core/station-errors';
import { z } from 'zod';

const log = createLogger('Secrets');

const Encrypted = z.object({ v: z.literal(1), data: z.string().min(1) });

/** The part of `safeStorage` this store uses (faked in tests at exactly this boundary). */
export type SafeStoragePort = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString'
> & { getSelectedStorageBackend?: SafeStorage['getSelectedStorageBackend'] };

const keyOf = (name: SecretName) => `secret.${name}`;

/**
 * A `SecretStore` over safeStorage and the settings table. Decrypted values are kept in
 * memory for the life of the process so the keychain is asked once.
 * Limitation: uses the synchronous encrypt/decrypt pair (deprecated in favour of the async
 * one) because `SecretStore` is synchronous; an async store would lift that.
 */
export function createSafeStorageSecretStore(
  safeStorage: SafeStoragePort,
  settings: SettingsStore,
): SecretStore {
  const cache = new Map<SecretName, string | null>();
  warnOnWeakBackend(safeStorage);

  const read = (name: SecretName): string | null => {
    const stored = settings.get(keyOf(name), Encrypted);
    if (!stored || !safeStorage.isEncryptionAvailable()) return null;
    try {
      const value = safeStorage.decryptString(Buffer.from(stored.data, 'base64'));
      registerSecret(value);
      return value;
    } catch {
      // Another user's or machine's keychain: the key must be entered again.
      log.warn('a stored secret could not be decrypted; it must be entered again', { name });
      return null;
    }
  };

  return {
    get(name) {
      if (!cache.has(name)) cache.set(name, read(name));
      return cache.get(name) ?? null;
    },
    set(name, value) {
      if (!value) {
        settings.delete(keyOf(name));
        cache.set(name, null);
        return;
      }
      registerSecret(value);
      if (!safeStorage.isEncryptionAvailable()) throw noSecureStorageError();
      const data = safeStorage.encryptString(value).toString('base64');
      settings.set(keyOf(name), { v: 1, data });
      cache.set(name, value);
    },
  };
}

function noSecureStorageError(): StationError {
  return new StationError(
    'secure-storage',
    'This computer offers no secure place to keep the API key, so it was not saved. ' +
      'Sign in to the desktop session (it unlocks the keychain) and try again.',
  );
}

function warnOnWeakBackend(safeStorage: SafeStoragePort): void {
  // On Linux without a keyring Chromium falls back to a fixed key: encrypted, not secret.
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
    log.warn('no desktop keyring found: secrets are stored with weak protection');
  }
}
