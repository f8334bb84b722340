/**
 * The looking-up and order use cases of a station: labels, order status, tracking and
 * stock through the lookup service (cache first, offline-aware), and creating or cancelling
 * an order straight through the MegaWMS client.
 */
import type {
  CancelView,
  CreateOrderView,
  InventoryView,
  LookupRow,
  NewOrderInput,
  ShipmentView,
} from '../../shared/contract';
import { KNOWN_WAREHOUSES, type InventoryQuery, type NewOrder } from '../../shared/domain';
import { inventoryQueryKey } from './cache/lookup-service';
import { normaliseScan } from './cache/normalise';
import { createLogger } from './log';
import type { MegaWmsClient } from './megawms/api';
import { isOfflineError } from './megawms/errors';
import { noteLookups, progressOf, type StationCore } from './station-core';
import { lookupError, StationError } from './station-errors';
import {
  failedRow,
  failedShipmentView,
  foundRow,
  toInventoryView,
  toPieceView,
  toShipmentView,
} from './station-views';

const log = createLogger('Station');
const neverPrinted = () => null;

/** The labels (and orders) of each number, without printing. */
export async function lookupLabels(
  core: StationCore,
  numbers: string[],
  refresh = false,
): Promise<LookupRow[]> {
  const lookups = await core.link().lookup.findLabels(numbers, {
    refresh,
    onProgress: progressOf(core, 'labels.lookup'),
  });
  noteLookups(core, lookups);
  const printed = printedAtOf(
    core,
    lookups.flatMap((l) => (l.ok ? l.labels : [])),
  );
  return lookups.map((l) => (l.ok ? foundRow(l, l.orders, l.labels, printed) : failedRow(l)));
}

function printedAtOf(core: StationCore, labels: Array<{ trackingNumber: string }>) {
  const numbers = labels.map((l) => l.trackingNumber).filter(Boolean);
  const seen = new Map<string, Date>();
  for (const p of core.queue.findPrintedPieces(numbers)) {
    if (!seen.has(p.trackingNumber)) seen.set(p.trackingNumber, p.printedAt);
  }
  return (trackingNumber: string) => seen.get(trackingNumber) ?? null;
}

/** Order details and status of each number, with their age, and the pieces the cache has. */
export async function findOrderStatus(
  core: StationCore,
  numbers: string[],
  refresh = false,
): Promise<LookupRow[]> {
  const link = core.link();
  const lookups = await link.lookup.findOrders(numbers, {
    refresh,
    onProgress: progressOf(core, 'orders.status'),
  });
  noteLookups(core, lookups);
  return lookups.map((l) => {
    if (!l.ok) return failedRow(l);
    const labels = core.store.findMatch(link.accountKey, normaliseScan(l.query).lookupKeys).labels;
    return foundRow(l, l.orders, labels, neverPrinted);
  });
}

/** Each shipment's events (oldest first, unknown times last). */
export async function fetchTracking(
  core: StationCore,
  numbers: string[],
  refresh = false,
): Promise<ShipmentView[]> {
  const lookups = await core.link().lookup.findTracking(numbers, {
    refresh,
    onProgress: progressOf(core, 'tracking.get'),
  });
  noteLookups(core, lookups);
  return lookups.map((l) =>
    l.ok ? toShipmentView(l.query, l.shipment, l) : failedShipmentView(l),
  );
}

/** Every page of stock for the filter, kept as its snapshot; offline → the last snapshot. */
export async function fetchInventory(
  core: StationCore,
  query: InventoryQuery,
): Promise<InventoryView> {
  const result = await core.link().lookup.fetchInventory(clean(query), {
    all: true,
    onProgress: progressOf(core, 'inventory.fetch'),
  });
  noteLookups(core, [result]);
  if (!result.ok) throw lookupError(result);
  return toInventoryView(result, result.offline);
}

function clean(query: InventoryQuery): InventoryQuery {
  const out: InventoryQuery = {};
  if (query.sku) out.sku = query.sku;
  if (query.warehouseId) out.warehouseId = query.warehouseId;
  if (query.barcode) out.barcode = query.barcode;
  return out;
}

/**
 * The vendor document's warehouses, then any other warehouse the last full stock snapshot
 * names. Limitation: Inventory gives warehouse names, not ids, so those extra entries carry
 * the name as their id; MegaWMS's warehouse list call (not in the document) would lift it.
 */
export function listWarehouses(core: StationCore): Array<{ id: string; name: string }> {
  const link = core.link();
  const snapshot = core.store.findInventory(link.accountKey, inventoryQueryKey({}, true));
  const known = new Set(KNOWN_WAREHOUSES.map((w) => w.name));
  const extra = [...new Set(snapshot?.rows.map((r) => r.warehouseName) ?? [])]
    .filter((name) => name && !known.has(name))
    .map((name) => ({ id: name, name }));
  return [...KNOWN_WAREHOUSES, ...extra];
}

function clientOf(core: StationCore): MegaWmsClient {
  const link = core.link();
  if (link.client) return link.client;
  throw new StationError(
    'config',
    `Label Station cannot reach MegaWMS yet: set ${link.missing ?? 'the account'} in Settings, or turn on demo mode.`,
  );
}

/** Runs a MegaWMS call and records whether MegaWMS answered. */
async function call<T>(core: StationCore, run: (client: MegaWmsClient) => Promise<T>): Promise<T> {
  try {
    const value = await run(clientOf(core));
    core.network.note(true);
    return value;
  } catch (error) {
    if (isOfflineError(error)) core.network.note(false);
    throw error;
  }
}

/** AddOrder; a lost answer is settled by the reference number, never by sending it twice. */
export async function createOrder(
  core: StationCore,
  input: NewOrderInput,
): Promise<CreateOrderView> {
  const order: NewOrder = input;
  const outcome = await call(core, (client) => client.createOrder(order));
  const link = core.link();
  if (outcome.kind === 'created') {
    link.lookup.storeCreatedOrder(outcome.order, order);
    const { orderNo, referenceNo, trackingNumber, message, labels } = outcome.order;
    const pieces = labels.map((label) => toPieceView(label, neverPrinted));
    return { outcome: 'created', orderNo, referenceNo, trackingNumber, message, pieces };
  }
  if (outcome.kind === 'created-unconfirmed') {
    core.store.storeBatch(link.accountKey, { orders: [outcome.order] });
    const { orderNo, referenceNo, trackingNumber } = outcome.order;
    const message =
      'MegaWMS did not answer in time, but the order exists under its reference number: ' +
      'it was created once. Look its labels up by the tracking number.';
    return {
      outcome: 'created-unconfirmed',
      orderNo,
      referenceNo,
      trackingNumber,
      message,
      pieces: [],
    };
  }
  return {
    outcome: 'not-created',
    orderNo: '',
    referenceNo: input.referenceNo,
    trackingNumber: '',
    message: outcome.reason,
    pieces: [],
  };
}

/** InvalidOrder; MegaWMS's message comes back word for word, refused or not. */
export async function cancelOrder(core: StationCore, trackingNumber: string): Promise<CancelView> {
  const result = await call(core, (client) => client.cancelOrder(trackingNumber));
  if (result.cancelled) {
    // The cached status must not keep saying "shipped"; a failure here changes nothing.
    core.track(
      core
        .link()
        .lookup.findOrders([trackingNumber], { refresh: true })
        .catch((error: unknown) => log.warn('status refresh after cancel failed', { error })),
    );
  }
  return { ...result };
}
