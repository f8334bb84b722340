/**
 * Opens the station's SQLite file: WAL, foreign keys on, migrations applied in one
 * transaction each. A file written by a newer Label Station is refused untouched.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

/** The file is from a newer Label Station than this one; nothing was changed. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly knownVersion: number,
    readonly file: string,
  ) {
    super(
      `The cache file ${file} was written by a newer Label Station (schema ${fileVersion}, ` +
        `this version knows ${knownVersion}). Update Label Station or choose another data folder.`,
    );
    this.name = 'SchemaTooNewError';
  }
}

export interface OpenDatabaseOptions {
  /** Apply only migrations up to this version (tests of upgrades from an older schema). */
  upToVersion?: number;
  migrations?: readonly Migration[];
  readonly?: boolean;
  /** Path of a better-sqlite3 build for another ABI (the desktop app's Electron build). */
  nativeBinding?: string;
}

/** The file name of the cache inside a data folder. */
export const DATABASE_FILE = 'station.db';

/** Opens (creating when needed) `dir/station.db`, or a full `.db` path, and migrates it. */
export function openDatabase(fileOrDir: string, opts: OpenDatabaseOptions = {}): Db {
  const file = fileOrDir.endsWith('.db') ? fileOrDir : path.join(fileOrDir, DATABASE_FILE);
  fs.mkdirSync(path.dirname(file), { recursive: true });

  const migrations = opts.migrations ?? MIGRATIONS;
  const target = opts.upToVersion ?? migrations.at(-1)?.version ?? 0;
  const db = new Database(file, {
    readonly: opts.readonly ?? false,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  try {
    const current = db.pragma('user_version', { simple: true }) as number;
    const known = migrations.at(-1)?.version ?? 0;
    if (current > known) throw new SchemaTooNewError(current, known, file);
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!opts.readonly) migrate(db, migrations, current, target);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Db, migrations: readonly Migration[], from: number, to: number): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`);
  const record = db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)');
  for (const m of migrations) {
    if (m.version <= from || m.version > to) continue;
    // One transaction per step: a crash mid-upgrade leaves the file at the last whole step.
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, Date.now());
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/** The schema version recorded in an open file. */
export function getSchemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
