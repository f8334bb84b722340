/**
 * Retention and size of the cache. Pruning goes by when data was last stored, so an order
 * fetched again yesterday stays however old it is in MegaWMS.
 */
import fs from 'node:fs';
import type { Db } from '../db/database';
import type { CacheStats, PruneResult } from './types';

/** Default retention: labels and orders not refreshed for 90 days are removed. */
export const DEFAULT_RETENTION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes old orders (their pieces, label files and numbers go with them), tracking, stock. */
export function pruneCache(db: Db, opts: { olderThanDays?: number; now?: Date } = {}): PruneResult {
  const days = opts.olderThanDays ?? DEFAULT_RETENTION_DAYS;
  if (!Number.isFinite(days) || days < 0) {
    throw new RangeError(`Retention must be a number of days, 0 or more (got ${days}).`);
  }
  const cutoff = (opts.now ?? new Date()).getTime() - days * DAY_MS;

  // Foreign keys cascade: pieces, label files, identifiers and events leave with their owner.
  const result = db.transaction(() => ({
    orders: db.prepare('DELETE FROM cache_orders WHERE seen_at < ?').run(cutoff).changes,
    shipments: db.prepare('DELETE FROM cache_shipments WHERE fetched_at < ?').run(cutoff).changes,
    inventorySnapshots: db
      .prepare('DELETE FROM cache_inventory_snapshots WHERE taken_at < ?')
      .run(cutoff).changes,
  }))();

  // Hand the freed pages back to the main file so the log does not keep growing.
  // Limitation: freed pages are reused but the file does not shrink; a VACUUM would shrink
  // it, at the cost of minutes and twice the disk space on a large cache.
  db.pragma('wal_checkpoint(TRUNCATE)');
  return result;
}

const COUNTED_TABLES = {
  accounts: 'cache_accounts',
  orders: 'cache_orders',
  pieces: 'cache_pieces',
  labelFiles: 'cache_label_files',
  identifiers: 'cache_identifiers',
  shipments: 'cache_shipments',
  trackEvents: 'cache_track_events',
  inventorySnapshots: 'cache_inventory_snapshots',
  inventoryRows: 'cache_inventory_rows',
} as const;

/** Row counts, bytes on disk and the age range of the orders. */
export function readCacheStats(db: Db): CacheStats {
  const count = (table: string) =>
    (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const counts = Object.fromEntries(
    Object.entries(COUNTED_TABLES).map(([name, table]) => [name, count(table)]),
  ) as CacheStats['counts'];
  const range = db
    .prepare('SELECT min(seen_at) AS oldest, max(seen_at) AS newest FROM cache_orders')
    .get() as { oldest: number | null; newest: number | null };

  const size = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);
  const dbBytes = size(db.name);
  const walBytes = size(`${db.name}-wal`);
  return {
    file: db.name,
    bytes: { db: dbBytes, wal: walBytes, total: dbBytes + walBytes },
    counts,
    oldest: range.oldest === null ? null : new Date(range.oldest),
    newest: range.newest === null ? null : new Date(range.newest),
  };
}
