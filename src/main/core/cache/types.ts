/**
 * What the cache hands back: the domain's own types plus when each piece was fetched, so
 * every screen and command can show the age of what it shows.
 */
import type { InventoryRow, Label, Order, Shipment } from '../../../shared/domain';

/** An order as last seen; `detailFetchedAt` is null while only its labels are known. */
export interface CachedOrder {
  order: Order;
  /** When GetOrderMsg last described it in full (status, address…). */
  detailFetchedAt: Date | null;
  /** Last time anything about this order was stored. */
  seenAt: Date;
  /** AddOrder's `OrderID` and `PrintUrl`; empty for orders the station did not create. */
  megawmsOrderId: string;
  printUrl: string;
}

/** A label as fetched, never altered: `sha256` and `size` are of `file`. */
export interface CachedLabel extends Label {
  size: number;
  /** Hex SHA-256 of the file; null when MegaWMS gave no file (HTML-only accounts). */
  sha256: string | null;
  fetchedAt: Date;
}

/** Every order (and its labels) that a number matched in the cache. */
export interface CacheMatch {
  orders: CachedOrder[];
  /** The matched labels, order by order, pieces in order; one piece for a piece's number. */
  labels: CachedLabel[];
  /** False when some matched piece has never been fetched (e.g. 1 of 2 stored). */
  complete: boolean;
}

export interface CachedShipment {
  shipment: Shipment;
  fetchedAt: Date;
}

/** The rows of one inventory query as MegaWMS gave them at `takenAt`. */
export interface InventorySnapshot {
  rows: InventoryRow[];
  totalRows: number;
  takenAt: Date;
}

/** What `prune` removed. */
export interface PruneResult {
  orders: number;
  shipments: number;
  inventorySnapshots: number;
}

/** Size and content of the cache, for `station cache stats` and the settings screen. */
export interface CacheStats {
  file: string;
  /** Bytes on disk: the database file, its write-ahead log, and both together. */
  bytes: { db: number; wal: number; total: number };
  counts: {
    accounts: number;
    orders: number;
    pieces: number;
    labelFiles: number;
    identifiers: number;
    shipments: number;
    trackEvents: number;
    inventorySnapshots: number;
    inventoryRows: number;
  };
  /** Oldest and newest order seen (null when empty). */
  oldest: Date | null;
  newest: Date | null;
}
