/**
 * The offline cache over the station's SQLite file: orders, pieces, label files, tracking
 * and inventory, each row owned by one account. Every batch is one transaction; every
 * statement is prepared once. Lookups by any number go through `cache_identifiers`.
 */
import { createHash } from 'node:crypto';
import type { CreatedOrder, Label, NewOrder, Order, Shipment } from '../../../shared/domain';
import type { Db } from '../db/database';
import { foldIdentifier } from './normalise';
import { pruneCache, readCacheStats } from './retention';
import { toCachedLabel, toCachedOrder, toInventoryRow, orderParams } from './rows';
import type { InventoryRowRow, LabelRow, OrderRow } from './rows';
import { IDENTIFIER_KIND } from './schema';
import { prepareStatements, type Statements } from './statements';
import type {
  CachedShipment,
  CacheMatch,
  CacheStats,
  InventorySnapshot,
  PruneResult,
} from './types';

/** Orders and labels to store together: all of it lands, or none of it. */
export interface CacheBatch {
  /** Full order details (GetOrderMsg). */
  orders?: readonly Order[];
  /** Labels as fetched (GetLabel, AddOrder); their orders are created when unknown. */
  labels?: readonly Label[];
  fetchedAt?: Date;
}

export interface CacheStore {
  readonly db: Db;
  /** Stores orders and labels in one transaction; re-indexes every number they carry. */
  storeBatch(accountKey: string, batch: CacheBatch): void;
  /** Stores what AddOrder returned, with the address from the request when given. */
  storeCreatedOrder(accountKey: string, created: CreatedOrder, request?: NewOrder): void;
  /** Remembers that MegaWMS resolved `number` to these orders though none carries it. */
  addAlias(accountKey: string, number: string, orderNos: readonly string[]): void;
  /** Every order (with its labels) that any of the case-folded keys names. */
  findMatch(accountKey: string, lookupKeys: readonly string[]): CacheMatch;
  storeShipments(accountKey: string, shipments: readonly Shipment[], fetchedAt?: Date): void;
  findShipment(accountKey: string, lookupKeys: readonly string[]): CachedShipment | null;
  /** Replaces the snapshot of one inventory query. */
  storeInventory(accountKey: string, queryKey: string, snapshot: InventorySnapshot): void;
  findInventory(accountKey: string, queryKey: string): InventorySnapshot | null;
  /** Removes orders, labels, tracking and inventory not refreshed for `olderThanDays`. */
  prune(opts?: { olderThanDays?: number; now?: Date }): PruneResult;
  stats(): CacheStats;
}

// The IN list of a lookup has a fixed width so one prepared statement serves every scan.
const LOOKUP_WIDTH = 3;

/** A store over an open database (see `openDatabase`); the caller closes the database. */
export function createCacheStore(db: Db): CacheStore {
  const s = prepareStatements(db);
  const accounts = new Map<string, number>();

  const accountId = (key: string, create: boolean): number | null => {
    const known = accounts.get(key);
    if (known !== undefined) return known;
    const row = s.accountSelect.get(key) as { id: number } | undefined;
    const id = row?.id ?? (create ? Number(s.accountInsert.run(key).lastInsertRowid) : null);
    if (id !== null) accounts.set(key, id);
    return id;
  };

  // Every write is one transaction of the account's rows: it lands whole or not at all.
  const write =
    <A extends unknown[]>(fn: (s: Statements, account: number, ...args: A) => void) =>
    (key: string, ...args: A) =>
      db.transaction(() => fn(s, accountId(key, true)!, ...args))();

  return {
    db,
    storeBatch: write(storeBatch),
    storeCreatedOrder: write(storeCreatedOrder),
    addAlias: write(addAlias),
    findMatch: (key, keys) => findMatch(s, accountId(key, false), keys),
    storeShipments: write((st, account, list: readonly Shipment[], at?: Date) => {
      for (const shipment of list)
        storeShipment(st, account, shipment, (at ?? new Date()).getTime());
    }),
    findShipment: (key, keys) => findShipment(s, accountId(key, false), keys),
    storeInventory: write(storeInventory),
    findInventory: (key, queryKey) => findInventory(s, accountId(key, false), queryKey),
    prune: (opts) => pruneCache(db, opts),
    stats: () => readCacheStats(db),
  };
}

function storeBatch(s: Statements, account: number, batch: CacheBatch): void {
  const at = (batch.fetchedAt ?? new Date()).getTime();
  const touched = new Set<number>();
  for (const order of batch.orders ?? []) touched.add(upsertOrderDetail(s, account, order, at));
  for (const orderId of storeLabels(s, account, batch.labels ?? [], at).values()) {
    touched.add(orderId);
  }
  for (const orderId of touched) indexOrder(s, account, orderId);
}

function storeCreatedOrder(s: Statements, account: number, created: CreatedOrder, req?: NewOrder) {
  const at = Date.now();
  const row = s.orderUpsertCreated.get(createdParams(account, created, req, at)) as IdRow;
  storeLabels(s, account, created.labels, at);
  indexOrder(s, account, row.id);
}

function addAlias(s: Statements, account: number, number: string, orderNos: readonly string[]) {
  for (const orderNo of orderNos) {
    const order = s.orderIdByNo.get(account, orderNo.trim()) as IdRow | undefined;
    if (!order) continue;
    s.identifierInsert.run(account, foldIdentifier(number), order.id, IDENTIFIER_KIND.alias, 0);
  }
}

interface IdRow {
  id: number;
}

function upsertOrderDetail(s: Statements, account: number, order: Order, at: number): number {
  const params = { ...orderParams(order), account_id: account, detail_fetched_at: at, at };
  const row = s.orderUpsertDetail.get(params) as IdRow;
  return row.id;
}

/** Upserts pieces and label files; returns the id of each label's order by order number. */
function storeLabels(s: Statements, account: number, labels: readonly Label[], at: number) {
  const orderIds = new Map<string, number>();
  for (const label of labels) {
    // Limitation: a label without an order number (never seen from MegaWMS) is keyed by its
    // master tracking number; a later GetOrderMsg cannot join it to its order.
    const orderNo = (
      label.orderNo.trim() ||
      label.masterTrackingNumber ||
      label.trackingNumber
    ).trim();
    if (!orderNo) continue;
    let orderId = orderIds.get(orderNo);
    if (orderId === undefined) {
      orderId = (
        s.orderUpsertFromLabel.get({
          account_id: account,
          order_no: orderNo,
          reference_no: label.referenceNo,
          tracking_number: label.masterTrackingNumber || label.trackingNumber,
          at,
        }) as IdRow
      ).id;
      orderIds.set(orderNo, orderId);
    }
    const piece = s.pieceUpsert.get({
      order_id: orderId,
      piece_index: label.pieceIndex,
      piece_count: label.pieceCount,
      piece_no: label.pieceNo,
      tracking_number: label.trackingNumber,
      master_tracking_number: label.masterTrackingNumber,
      html_url: label.htmlUrl,
    }) as IdRow;
    s.labelFileUpsert.run(labelFileParams(piece.id, label, at));
  }
  return orderIds;
}

function labelFileParams(pieceId: number, label: Label, at: number) {
  const file = label.file
    ? Buffer.from(label.file.buffer, label.file.byteOffset, label.file.byteLength)
    : null;
  return {
    piece_id: pieceId,
    fetched_at: at,
    size: file?.byteLength ?? 0,
    sha256: file ? createHash('sha256').update(file).digest('hex') : null,
    file_type: label.fileType,
    file,
  };
}

function createdParams(account: number, c: CreatedOrder, req: NewOrder | undefined, at: number) {
  const to = req?.consignee;
  return {
    account_id: account,
    order_no: c.orderNo.trim(),
    reference_no: c.referenceNo || req?.referenceNo || '',
    tracking_number: c.trackingNumber,
    consignee_name: to?.name ?? '',
    country: to?.country ?? '',
    state: to?.state ?? '',
    city: to?.city ?? '',
    address1: to?.address1 ?? '',
    address2: to?.address2 ?? '',
    zipcode: to?.zipcode ?? '',
    contact: to?.phone ?? '',
    warehouse_id: req?.warehouseId ?? '',
    company_name: to?.company ?? '',
    remark: req?.remark ?? '',
    recipient_email: to?.email ?? '',
    piece_count: req ? req.pieces.length : c.labels.length || null,
    megawms_order_id: c.orderId,
    print_url: c.printUrl,
    at,
  };
}

/** Rewrites the order's identifier rows from its own fields and pieces (aliases stay). */
function indexOrder(s: Statements, account: number, orderId: number): void {
  const order = s.orderById.get(orderId) as OrderRow;
  const pieces = s.piecesOfOrder.all(orderId) as LabelRow[];
  const add = (value: string, kind: number, pieceIndex: number) => {
    const folded = foldIdentifier(value);
    if (folded) s.identifierInsert.run(account, folded, orderId, kind, pieceIndex);
  };

  s.identifiersDeleteOwn.run(orderId, IDENTIFIER_KIND.alias);
  add(order.order_no, IDENTIFIER_KIND.orderNo, 0);
  add(order.reference_no, IDENTIFIER_KIND.referenceNo, 0);
  add(order.tracking_number, IDENTIFIER_KIND.masterTrackingNumber, 0);
  for (const p of pieces) {
    add(p.master_tracking_number, IDENTIFIER_KIND.masterTrackingNumber, 0);
    // The first piece often carries the master number, which already names the whole order.
    if (p.tracking_number !== p.master_tracking_number) {
      add(p.tracking_number, IDENTIFIER_KIND.pieceTrackingNumber, p.piece_index);
    }
    add(p.piece_no, IDENTIFIER_KIND.pieceNo, p.piece_index);
  }
}

function lookupParams(account: number, keys: readonly string[]): unknown[] {
  const folded = keys
    .map(foldIdentifier)
    .filter((k) => k !== '')
    .slice(0, LOOKUP_WIDTH);
  const padded = Array.from({ length: LOOKUP_WIDTH }, (_, i) => folded[i] ?? folded[0] ?? '');
  return [account, ...padded];
}

function findMatch(s: Statements, account: number | null, keys: readonly string[]): CacheMatch {
  const match: CacheMatch = { orders: [], labels: [], complete: false };
  if (account === null || keys.length === 0) return match;

  // Per order: null = the whole order was named, else the pieces that were.
  const wanted = new Map<number, Set<number> | null>();
  for (const hit of s.lookup.all(...lookupParams(account, keys)) as HitRow[]) {
    const pieces = wanted.get(hit.order_id);
    if (hit.piece_index === 0 || pieces === null) wanted.set(hit.order_id, null);
    else wanted.set(hit.order_id, (pieces ?? new Set()).add(hit.piece_index));
  }

  match.complete = wanted.size > 0;
  for (const [orderId, pieces] of wanted) {
    const order = s.orderById.get(orderId) as OrderRow;
    const rows = (s.labelsOfOrder.all(orderId) as LabelRow[]).filter(
      (r) => pieces === null || pieces.has(r.piece_index),
    );
    const expected = pieces === null ? Math.max(1, ...rows.map((r) => r.piece_count)) : pieces.size;
    if (rows.length < expected) match.complete = false;
    match.orders.push(toCachedOrder(order));
    match.labels.push(...rows.map((r) => toCachedLabel(order, r)));
  }
  return match;
}

interface HitRow {
  order_id: number;
  piece_index: number;
}

function storeShipment(s: Statements, account: number, shipment: Shipment, at: number): void {
  const row = s.shipmentUpsert.get({
    account_id: account,
    tracking_number: foldIdentifier(shipment.trackingNumber),
    // Folded like every identifier: the shipment is also found by its order number.
    order_no: foldIdentifier(shipment.orderNo),
    country: shipment.country,
    status: shipment.status,
    at,
  }) as IdRow;
  s.eventsDelete.run(row.id);
  shipment.events.forEach((e, seq) =>
    s.eventInsert.run(row.id, seq, e.time?.getTime() ?? null, e.descriptionEn, e.descriptionCn),
  );
}

interface ShipmentRow {
  id: number;
  tracking_number: string;
  order_no: string;
  country: string;
  status: string;
  fetched_at: number;
}

function findShipment(s: Statements, account: number | null, keys: readonly string[]) {
  if (account === null || keys.length === 0) return null;
  const params = lookupParams(account, keys);
  const row = (s.shipmentFind.get(...params) ?? s.shipmentFindByOrder.get(...params)) as
    ShipmentRow | undefined;
  if (!row) return null;
  const events = s.eventsOf.all(row.id) as EventRow[];
  return {
    shipment: {
      trackingNumber: row.tracking_number,
      orderNo: row.order_no,
      country: row.country,
      status: row.status,
      events: events.map((e) => ({
        time: e.time === null ? null : new Date(e.time),
        descriptionEn: e.description_en,
        descriptionCn: e.description_cn,
      })),
    },
    fetchedAt: new Date(row.fetched_at),
  };
}

interface EventRow {
  time: number | null;
  description_en: string;
  description_cn: string;
}

function storeInventory(
  s: Statements,
  account: number,
  queryKey: string,
  snap: InventorySnapshot,
): void {
  s.snapshotDelete.run(account, queryKey);
  const { lastInsertRowid } = s.snapshotInsert.run(
    account,
    queryKey,
    snap.totalRows,
    snap.takenAt.getTime(),
  );
  snap.rows.forEach((r, seq) =>
    s.inventoryRowInsert.run(
      lastInsertRowid,
      seq,
      r.sku,
      r.name,
      r.warehouseName,
      r.onHand,
      r.inbound,
      r.warningLevel,
      r.salesWarning,
      r.reserved,
      r.available,
      r.backordered,
    ),
  );
}

function findInventory(s: Statements, account: number | null, queryKey: string) {
  if (account === null) return null;
  const snap = s.snapshotFind.get(account, queryKey) as
    { id: number; total_rows: number; taken_at: number } | undefined;
  if (!snap) return null;
  const rows = s.inventoryRowsOf.all(snap.id) as InventoryRowRow[];
  return {
    rows: rows.map(toInventoryRow),
    totalRows: snap.total_rows,
    takenAt: new Date(snap.taken_at),
  };
}
