/**
 * The settings table (real SQLite in a temp folder): each station setting falls back to its
 * default on its own when a stored value is damaged, window bounds round-trip, and the CLI's
 * secrets come from the environment.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/main/core/db/database';
import {
  createEnvSecretStore,
  createSettingsStore,
  DEFAULT_STATION_SETTINGS,
  readStationSettings,
  readWindowBounds,
  writeStationSettings,
  writeWindowBounds,
} from '../../src/main/core/settings';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'station-settings-'));
  db = openDatabase(dir);
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('gives the defaults on a first run', () => {
  expect(readStationSettings(createSettingsStore(db))).toEqual(DEFAULT_STATION_SETTINGS);
});

it('keeps what was written and survives a reopen', () => {
  writeStationSettings(createSettingsStore(db), { customerCode: '80000', language: 'zh-CN' });
  db.close();
  db = openDatabase(dir);
  expect(readStationSettings(createSettingsStore(db))).toMatchObject({
    customerCode: '80000',
    language: 'zh-CN',
    sounds: true,
  });
});

it('falls back field by field when a stored value is damaged', () => {
  const settings = createSettingsStore(db);
  writeStationSettings(settings, { apiName: 'OOPSTON1' });
  db.prepare("UPDATE settings SET value = '{not json' WHERE key = 'station.apiName'").run();
  settings.set('station.retentionDays', -4);
  settings.set('station.language', 'fr');
  expect(readStationSettings(settings)).toMatchObject({
    apiName: '',
    retentionDays: DEFAULT_STATION_SETTINGS.retentionDays,
    language: 'en',
  });
});

it('refuses to write a value out of range', () => {
  expect(() => writeStationSettings(createSettingsStore(db), { retentionDays: 0 })).toThrow();
});

it('remembers the window bounds', () => {
  const settings = createSettingsStore(db);
  expect(readWindowBounds(settings)).toBeUndefined();
  const bounds = { x: 40, y: 30, width: 1400, height: 900, maximized: true };
  writeWindowBounds(settings, bounds);
  expect(readWindowBounds(settings)).toEqual(bounds);
});

it('reads the CLI secrets from the environment, trimmed, absent when empty', () => {
  const secrets = createEnvSecretStore({
    MEGAWMS_API_KEY: '  key-123456  ',
    MEGAWMS_TRACK_KEY: '',
  });
  expect(secrets.get('apiKey')).toBe('key-123456');
  expect(secrets.get('trackKey')).toBeNull();
});
