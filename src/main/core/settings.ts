/**
 * Settings of one station, kept in the `settings` table (key → JSON) of its SQLite file,
 * and the `SecretStore` the API key and tracking key live in. Every stored value is parsed
 * on the way out: a damaged or older value falls back to its default instead of breaking
 * the app. Printer settings are the printing module's; this file owns the rest.
 */
import { z } from 'zod';
import { Language } from '../../shared/contract';
import type { Db } from './db/database';
import { createLogger, registerSecret } from './log';

const log = createLogger('Settings');

/** A key → JSON value store over the settings table. */
export interface SettingsStore {
  /** The parsed value, or undefined when absent or not matching `schema`. */
  get<T>(key: string, schema: z.ZodType<T>): T | undefined;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

/** The settings store of an open station database. */
export function createSettingsStore(db: Db): SettingsStore {
  const select = db.prepare<[string], { value: string }>(
    'SELECT value FROM settings WHERE key = ?',
  );
  const upsert = db.prepare<[string, string, number]>(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[string]>('DELETE FROM settings WHERE key = ?');

  return {
    get<T>(key: string, schema: z.ZodType<T>): T | undefined {
      const row = select.get(key);
      if (!row) return undefined;
      const parsed = schema.safeParse(parseJson(row.value));
      if (parsed.success) return parsed.data;
      log.warn('stored setting ignored: not a valid value', { key });
      return undefined;
    },
    set(key, value) {
      upsert.run(key, JSON.stringify(value), Date.now());
    },
    delete(key) {
      remove.run(key);
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The two secrets of an account. */
export type SecretName = 'apiKey' | 'trackKey';

/** Where the API key and tracking key are kept; `null` means not set. */
export interface SecretStore {
  get(name: SecretName): string | null;
  set(name: SecretName, value: string | null): void;
}

/** Builds a secret store once the settings store exists (the app's safeStorage store). */
export type SecretStoreFactory = (settings: SettingsStore) => SecretStore;

/** Secrets held in memory only, for tests and one-off runs. */
export function createMemorySecretStore(
  initial: Partial<Record<SecretName, string>> = {},
): SecretStore {
  const values = new Map<SecretName, string>();
  for (const [name, value] of Object.entries(initial) as [SecretName, string][]) {
    registerSecret(value);
    values.set(name, value);
  }
  return {
    get: (name) => values.get(name) ?? null,
    set(name, value) {
      registerSecret(value ?? undefined);
      if (value) values.set(name, value);
      else values.delete(name);
    },
  };
}

/** The environment variables the CLI reads its secrets from. */
export const SECRET_ENV = { apiKey: 'MEGAWMS_API_KEY', trackKey: 'MEGAWMS_TRACK_KEY' } as const;

/**
 * Secrets from `MEGAWMS_API_KEY` / `MEGAWMS_TRACK_KEY`, the variables the `station` command reads.
 * Limitation: `set` changes them for this process only; a terminal has no safe place to
 * keep them — the desktop app's safeStorage does.
 */
export function createEnvSecretStore(env: NodeJS.ProcessEnv = process.env): SecretStore {
  const initial: Partial<Record<SecretName, string>> = {};
  for (const name of Object.keys(SECRET_ENV) as SecretName[]) {
    const value = env[SECRET_ENV[name]]?.trim();
    if (value) initial[name] = value;
  }
  return createMemorySecretStore(initial);
}

/** The station-level settings this module owns (printing keeps its own). */
export const StationSettings = z.object({
  customerCode: z.string(),
  apiName: z.string(),
  baseUrl: z.string(),
  /** Null: decide by whether an account is set (no account → demo). */
  demo: z.boolean().nullable(),
  sounds: z.boolean(),
  retentionDays: z.number().int().min(1).max(3650),
  language: Language,
});
export type StationSettings = z.infer<typeof StationSettings>;

/** MegaWMS's public address, used until the station is given another. */
export const DEFAULT_BASE_URL = 'http://my.megawms.com';

export const DEFAULT_STATION_SETTINGS: StationSettings = {
  customerCode: '',
  apiName: '',
  baseUrl: DEFAULT_BASE_URL,
  demo: null,
  sounds: true,
  retentionDays: 90,
  language: 'en',
};

type Field = keyof StationSettings;
const FIELDS = Object.keys(StationSettings.shape) as Field[];
const keyOf = (field: Field) => `station.${field}`;

/** Reads every station-level setting, each falling back to its default on its own. */
export function readStationSettings(store: SettingsStore): StationSettings {
  const out: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const schema: z.ZodType<unknown> = StationSettings.shape[field];
    out[field] = store.get(keyOf(field), schema) ?? DEFAULT_STATION_SETTINGS[field];
  }
  return out as StationSettings;
}

/** Writes the fields present in `patch`; the whole patch is checked first. */
export function writeStationSettings(store: SettingsStore, patch: Partial<StationSettings>): void {
  const checked = StationSettings.partial().parse(patch);
  for (const field of FIELDS) {
    if (field in checked) store.set(keyOf(field), checked[field]);
  }
}

/** A window's size and place on screen, remembered between runs. */
export const WindowBounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
  maximized: z.boolean(),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

const WINDOW_KEY = 'window.bounds';

/** The remembered window bounds, or undefined on a first run. */
export function readWindowBounds(store: SettingsStore): WindowBounds | undefined {
  return store.get(WINDOW_KEY, WindowBounds);
}

export function writeWindowBounds(store: SettingsStore, bounds: WindowBounds): void {
  store.set(WINDOW_KEY, WindowBounds.parse(bounds));
}
