/**
 * Schema of the offline cache (migration 2). Every row belongs to one account through
 * `cache_accounts`, so two MegaWMS accounts on one station never see each other's data.
 * Times are milliseconds since the epoch; identifier values are stored case-folded.
 */
import type { Migration } from '../db/migrations';

/** Kinds of identifier a worker may scan; stored as small integers to keep the index lean. */
export const IDENTIFIER_KIND = {
  orderNo: 1,
  referenceNo: 2,
  masterTrackingNumber: 3,
  pieceTrackingNumber: 4,
  pieceNo: 5,
  /** A number MegaWMS resolved to this order that none of the order's own fields carry. */
  alias: 6,
} as const;

export type IdentifierKind = keyof typeof IDENTIFIER_KIND;

const SQL = `
  CREATE TABLE cache_accounts (
    id INTEGER PRIMARY KEY,
    account_key TEXT NOT NULL UNIQUE
  ) STRICT;

  CREATE TABLE cache_orders (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES cache_accounts(id),
    order_no TEXT NOT NULL,
    reference_no TEXT NOT NULL DEFAULT '',
    tracking_number TEXT NOT NULL DEFAULT '',
    status_code INTEGER,
    status_text TEXT NOT NULL DEFAULT '',
    consignee_name TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    channel TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    address1 TEXT NOT NULL DEFAULT '',
    address2 TEXT NOT NULL DEFAULT '',
    zipcode TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    warehouse_id TEXT NOT NULL DEFAULT '',
    company_name TEXT NOT NULL DEFAULT '',
    remark TEXT NOT NULL DEFAULT '',
    recipient_email TEXT NOT NULL DEFAULT '',
    piece_count INTEGER,
    created_at INTEGER,
    shipped_at INTEGER,
    -- What AddOrder alone returns: MegaWMS's internal id and the HTML print page.
    megawms_order_id TEXT NOT NULL DEFAULT '',
    print_url TEXT NOT NULL DEFAULT '',
    -- When GetOrderMsg or AddOrder last described the order in full; NULL while the order
    -- is known only from its labels.
    detail_fetched_at INTEGER,
    -- Last write from any source; retention prunes on it.
    seen_at INTEGER NOT NULL,
    UNIQUE (account_id, order_no)
  ) STRICT;
  CREATE INDEX cache_orders_seen ON cache_orders (seen_at);

  CREATE TABLE cache_pieces (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES cache_orders(id) ON DELETE CASCADE,
    piece_index INTEGER NOT NULL,
    piece_count INTEGER NOT NULL,
    piece_no TEXT NOT NULL,
    tracking_number TEXT NOT NULL,
    master_tracking_number TEXT NOT NULL,
    html_url TEXT NOT NULL,
    UNIQUE (order_id, piece_index)
  ) STRICT;

  -- The file comes last so scans of the other columns never walk its overflow pages.
  CREATE TABLE cache_label_files (
    piece_id INTEGER PRIMARY KEY REFERENCES cache_pieces(id) ON DELETE CASCADE,
    fetched_at INTEGER NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT,
    file_type TEXT,
    file BLOB
  ) STRICT;

  -- One row per (number, order): a lookup is one range scan of the primary key.
  -- piece_index 0 means the whole order, n > 0 one piece of it.
  CREATE TABLE cache_identifiers (
    account_id INTEGER NOT NULL,
    value TEXT NOT NULL,
    order_id INTEGER NOT NULL REFERENCES cache_orders(id) ON DELETE CASCADE,
    kind INTEGER NOT NULL,
    piece_index INTEGER NOT NULL,
    PRIMARY KEY (account_id, value, order_id, kind, piece_index)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX cache_identifiers_order ON cache_identifiers (order_id);

  CREATE TABLE cache_shipments (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES cache_accounts(id),
    tracking_number TEXT NOT NULL,
    order_no TEXT NOT NULL,
    country TEXT NOT NULL,
    status TEXT NOT NULL,
    fetched_at INTEGER NOT NULL,
    UNIQUE (account_id, tracking_number)
  ) STRICT;
  CREATE INDEX cache_shipments_order ON cache_shipments (account_id, order_no);
  CREATE INDEX cache_shipments_fetched ON cache_shipments (fetched_at);

  CREATE TABLE cache_track_events (
    shipment_id INTEGER NOT NULL REFERENCES cache_shipments(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    time INTEGER,
    description_en TEXT NOT NULL,
    description_cn TEXT NOT NULL,
    PRIMARY KEY (shipment_id, seq)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE cache_inventory_snapshots (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES cache_accounts(id),
    query_key TEXT NOT NULL,
    total_rows INTEGER NOT NULL,
    taken_at INTEGER NOT NULL,
    UNIQUE (account_id, query_key)
  ) STRICT;

  CREATE TABLE cache_inventory_rows (
    snapshot_id INTEGER NOT NULL REFERENCES cache_inventory_snapshots(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    sku TEXT NOT NULL,
    name TEXT NOT NULL,
    warehouse_name TEXT NOT NULL,
    on_hand REAL NOT NULL,
    inbound REAL NOT NULL,
    warning_level REAL NOT NULL,
    sales_warning REAL NOT NULL,
    reserved REAL NOT NULL,
    available REAL NOT NULL,
    backordered REAL NOT NULL,
    PRIMARY KEY (snapshot_id, seq)
  ) STRICT, WITHOUT ROWID;
`;

/** Migration 2: the offline cache of orders, pieces, labels, tracking and inventory. */
export const CACHE_MIGRATION: Migration = { version: 2, name: 'offline cache', sql: SQL };
