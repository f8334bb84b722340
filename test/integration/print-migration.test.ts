// Migration 3 (the print queue) on a file written before it existed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { getSchemaVersion, openDatabase } from '../../src/main/core/db/database';
import { MIGRATIONS } from '../../src/main/core/db/migrations';
import { PRINT_MIGRATION } from '../../src/main/core/printing/schema';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ls-print-migration-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it('is migration 3, right after the cache', () => {
  expect(MIGRATIONS.map((m) => m.version)).toEqual([1, 2, 3]);
  expect(MIGRATIONS[2]).toBe(PRINT_MIGRATION);
});

it('adds the queue to a version-2 file and keeps what the file held', () => {
  const old = openDatabase(dir, { upToVersion: 2 });
  old.prepare("INSERT INTO settings VALUES ('language', '\"en\"', 1)").run();
  expect(
    old.prepare("SELECT name FROM sqlite_master WHERE name = 'print_jobs'").get(),
  ).toBeUndefined();
  old.close();

  const db = openDatabase(dir);
  try {
    expect(getSchemaVersion(db)).toBe(3);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'language'").get()).toEqual({
      value: '"en"',
    });
    const columns = (
      db.prepare('PRAGMA table_info(print_jobs)').all() as Array<{ name: string }>
    ).map((c) => c.name);
    expect(columns).toEqual(
      expect.arrayContaining([
        'title',
        'state',
        'spooler_id',
        'attempts',
        'options',
        'document',
        'created_at',
      ]),
    );
    expect(() =>
      db
        .prepare(
          `INSERT INTO print_jobs
             (title, printer, options, state, page_count, created_at, updated_at)
           VALUES ('t', 'p', '{}', 'printing', 1, 0, 0)`,
        )
        .run(),
    ).toThrow(/CHECK constraint/);
  } finally {
    db.close();
  }
});
