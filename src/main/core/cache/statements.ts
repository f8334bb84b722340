/**
 * Every statement of the cache store, prepared once per database: preparing costs more
 * than running one of these indexed statements.
 */
import type Database from 'better-sqlite3';
import type { Db } from '../db/database';

/** What both GetOrderMsg and an AddOrder request say of an order: its numbers and address. */
const ORDER_COLUMNS = [
  'reference_no',
  'tracking_number',
  'consignee_name',
  'country',
  'state',
  'city',
  'address1',
  'address2',
  'zipcode',
  'contact',
  'warehouse_id',
  'company_name',
  'remark',
  'recipient_email',
  'piece_count',
];

const ORDER_DETAIL_COLUMNS = [
  ...ORDER_COLUMNS,
  'status_code',
  'status_text',
  'channel',
  'created_at',
  'shipped_at',
  'detail_fetched_at',
];

const CREATED_COLUMNS = [...ORDER_COLUMNS, 'megawms_order_id', 'print_url'];

/**
 * An upsert of one order by (account, order number). Columns in `keepKnown` keep their old
 * value when the new one is empty: a number MegaWMS once gave is not lost because a later
 * answer left it out.
 */
function upsertOrder(columns: readonly string[], keepKnown: readonly string[]): string {
  const set = columns.map((c) =>
    keepKnown.includes(c)
      ? `${c} = coalesce(nullif(excluded.${c}, ''), ${c})`
      : `${c} = excluded.${c}`,
  );
  return `INSERT INTO cache_orders (account_id, order_no, ${columns.join(', ')}, seen_at)
    VALUES (@account_id, @order_no, ${columns.map((c) => '@' + c).join(', ')}, @at)
    ON CONFLICT (account_id, order_no) DO UPDATE SET ${set.join(', ')},
      seen_at = max(seen_at, excluded.seen_at)
    RETURNING id`;
}

/** Prepares every statement the store runs. */
export function prepareStatements(db: Db) {
  const p = (sql: string): Database.Statement => db.prepare(sql);
  return {
    accountSelect: p('SELECT id FROM cache_accounts WHERE account_key = ?'),
    accountInsert: p('INSERT INTO cache_accounts (account_key) VALUES (?)'),
    orderUpsertDetail: p(upsertOrder(ORDER_DETAIL_COLUMNS, ['tracking_number'])),
    orderUpsertCreated: p(upsertOrder(CREATED_COLUMNS, ['tracking_number', 'reference_no'])),
    orderUpsertFromLabel: p(
      upsertOrder(['reference_no', 'tracking_number'], ['reference_no', 'tracking_number']),
    ),
    orderById: p('SELECT * FROM cache_orders WHERE id = ?'),
    orderIdByNo: p('SELECT id FROM cache_orders WHERE account_id = ? AND order_no = ?'),
    pieceUpsert: p(`INSERT INTO cache_pieces (order_id, piece_index, piece_count, piece_no,
        tracking_number, master_tracking_number, html_url)
      VALUES (@order_id, @piece_index, @piece_count, @piece_no, @tracking_number,
        @master_tracking_number, @html_url)
      ON CONFLICT (order_id, piece_index) DO UPDATE SET piece_count = excluded.piece_count,
        piece_no = excluded.piece_no, tracking_number = excluded.tracking_number,
        master_tracking_number = excluded.master_tracking_number, html_url = excluded.html_url
      RETURNING id`),
    piecesOfOrder: p(`SELECT piece_index, piece_no, tracking_number, master_tracking_number
      FROM cache_pieces WHERE order_id = ?`),
    labelFileUpsert: p(`INSERT OR REPLACE INTO cache_label_files
      (piece_id, fetched_at, size, sha256, file_type, file)
      VALUES (@piece_id, @fetched_at, @size, @sha256, @file_type, @file)`),
    labelsOfOrder: p(`SELECT p.piece_index, p.piece_count, p.piece_no, p.tracking_number,
        p.master_tracking_number, p.html_url, f.fetched_at, f.size, f.sha256, f.file_type, f.file
      FROM cache_pieces p LEFT JOIN cache_label_files f ON f.piece_id = p.id
      WHERE p.order_id = ? ORDER BY p.piece_index`),
    identifiersDeleteOwn: p('DELETE FROM cache_identifiers WHERE order_id = ? AND kind <> ?'),
    identifierInsert: p('INSERT OR IGNORE INTO cache_identifiers VALUES (?, ?, ?, ?, ?)'),
    lookup: p(`SELECT order_id, piece_index FROM cache_identifiers
      WHERE account_id = ? AND value IN (?, ?, ?) ORDER BY order_id`),
    shipmentUpsert: p(`INSERT INTO cache_shipments (account_id, tracking_number, order_no,
        country, status, fetched_at)
      VALUES (@account_id, @tracking_number, @order_no, @country, @status, @at)
      ON CONFLICT (account_id, tracking_number) DO UPDATE SET order_no = excluded.order_no,
        country = excluded.country, status = excluded.status, fetched_at = excluded.fetched_at
      RETURNING id`),
    shipmentFind: p(`SELECT * FROM cache_shipments
      WHERE account_id = ? AND tracking_number IN (?, ?, ?) ORDER BY fetched_at DESC LIMIT 1`),
    shipmentFindByOrder: p(`SELECT * FROM cache_shipments
      WHERE account_id = ? AND order_no IN (?, ?, ?) ORDER BY fetched_at DESC LIMIT 1`),
    eventsDelete: p('DELETE FROM cache_track_events WHERE shipment_id = ?'),
    eventInsert: p('INSERT INTO cache_track_events VALUES (?, ?, ?, ?, ?)'),
    eventsOf: p('SELECT * FROM cache_track_events WHERE shipment_id = ? ORDER BY seq'),
    snapshotDelete: p(
      'DELETE FROM cache_inventory_snapshots WHERE account_id = ? AND query_key = ?',
    ),
    snapshotInsert: p(`INSERT INTO cache_inventory_snapshots (account_id, query_key, total_rows,
      taken_at) VALUES (?, ?, ?, ?)`),
    snapshotFind: p(
      'SELECT * FROM cache_inventory_snapshots WHERE account_id = ? AND query_key = ?',
    ),
    inventoryRowInsert: p(
      'INSERT INTO cache_inventory_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    inventoryRowsOf: p('SELECT * FROM cache_inventory_rows WHERE snapshot_id = ? ORDER BY seq'),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
