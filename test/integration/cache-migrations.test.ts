import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSchemaVersion, openDatabase, SchemaTooNewError } from '../../src/main/core/db/database';
import { MIGRATIONS } from '../../src/main/core/db/migrations';
import { createCacheStore } from '../../src/main/core/cache/cache-store';
import { CACHE_MIGRATION } from '../../src/main/core/cache/schema';

const LATEST = MIGRATIONS.at(-1)!.version;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'station-cache-migrate-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const tables = (db: Database.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((t) => t.name);

describe('cache schema migrations', () => {
  it('is numbered 2, right after the settings table', () => {
    expect(MIGRATIONS.map((m) => m.version).slice(0, 2)).toEqual([1, 2]);
    expect(MIGRATIONS[1]).toBe(CACHE_MIGRATION);
  });

  it('brings an empty file to the latest schema with every cache table', () => {
    const db = openDatabase(dir);
    try {
      expect(getSchemaVersion(db)).toBe(LATEST);
      expect(tables(db)).toEqual(
        expect.arrayContaining([
          'cache_accounts',
          'cache_orders',
          'cache_pieces',
          'cache_label_files',
          'cache_identifiers',
          'cache_shipments',
          'cache_track_events',
          'cache_inventory_snapshots',
          'cache_inventory_rows',
          'settings',
        ]),
      );
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it('migrates a file at the previous schema and keeps its data', () => {
    const old = openDatabase(dir, { upToVersion: 1 });
    expect(getSchemaVersion(old)).toBe(1);
    expect(tables(old)).not.toContain('cache_orders');
    old.prepare('INSERT INTO settings VALUES (?, ?, ?)').run('printer', '"Zebra"', 1);
    old.close();

    const db = openDatabase(dir);
    try {
      expect(getSchemaVersion(db)).toBe(LATEST);
      expect(db.prepare('SELECT value FROM settings WHERE key = ?').get('printer')).toEqual({
        value: '"Zebra"',
      });
      const applied = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
      expect(applied.slice(0, 2)).toEqual([{ version: 1 }, { version: 2 }]);
      const store = createCacheStore(db);
      expect(store.stats().counts.orders).toBe(0);
    } finally {
      db.close();
    }
  });

  it('refuses a file from a newer Label Station and leaves its bytes untouched', () => {
    const file = path.join(dir, 'station.db');
    const newer = new Database(file);
    newer.exec('CREATE TABLE future (x TEXT); INSERT INTO future VALUES (1)');
    newer.pragma(`user_version = ${LATEST + 7}`);
    newer.close();
    const before = fs.readFileSync(file);

    expect(() => openDatabase(dir)).toThrow(SchemaTooNewError);
    expect(() => openDatabase(dir)).toThrow(/newer Label Station/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['station.db']);
  });
});
