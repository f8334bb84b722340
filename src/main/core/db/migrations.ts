/**
 * Numbered schema migrations of the station's one SQLite file. Each module of the core
 * (cache, print queue, settings) adds its own entries here, in order; a number is never
 * reused or edited once released — a change is a new migration.
 */
import { CACHE_MIGRATION } from '../cache/schema';
import { PRINT_MIGRATION } from '../printing/schema';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'settings',
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
  CACHE_MIGRATION,
  PRINT_MIGRATION,
];
