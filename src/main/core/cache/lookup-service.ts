/**
 * The station's one way to find labels, orders, tracking and stock: the cache first, then
 * MegaWMS for what is missing (one batched call per lookup), stored before it is returned.
 * When MegaWMS cannot be reached, cached data is served marked `offline`; a number the
 * cache lacks then fails with `offline-not-cached` and is simply asked again next time.
 * The print queue, the desktop app and the `station` command all go through this.
 */
import type { BatchOptions, MegaWmsClient, OrderQuery } from '../megawms/api';
import { isOfflineError, MegaWmsError } from '../megawms/errors';
import type {
  CreatedOrder,
  InventoryQuery,
  ItemResult,
  Label,
  NewOrder,
  Order,
  Shipment,
} from '../../../shared/domain';
import type { CacheStore } from './cache-store';
import {
  callFailure,
  lookupFailure,
  notCached,
  oldest,
  type InventoryLookup,
  type LabelLookup,
  type LookupFailure,
  type LookupOrigin,
  type OrderLookup,
  type TrackingLookup,
} from './lookup-results';
import { normaliseScan, type NormalisedScan } from './normalise';
import type { CacheMatch } from './types';

export type * from './lookup-results';

/** How one lookup may use the network. */
export interface LookupOptions {
  /** Never ask MegaWMS: answer from the cache alone. */
  offline?: boolean;
  /** Ask MegaWMS even for what the cache has (labels are otherwise never fetched twice). */
  refresh?: boolean;
  /** (done, total) over the numbers asked, cache hits included. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface LookupServiceDeps {
  store: CacheStore;
  /** Absent when the station has no account set up yet: every lookup is then offline. */
  client?: MegaWmsClient;
  /** The account's cache key (`accountKeyOf`); rows of other accounts are never seen. */
  account: string;
}

export interface LookupService {
  /** The labels of each number (order, reference, tracking or piece number), in order. */
  findLabels(numbers: readonly string[], opts?: LookupOptions): Promise<LabelLookup[]>;
  /** Order details and status, with their age; fetched when missing or when `refresh`. */
  findOrders(numbers: readonly string[], opts?: LookupOptions): Promise<OrderLookup[]>;
  /** Tracking events per number, with their age; fetched when missing or when `refresh`. */
  findTracking(numbers: readonly string[], opts?: LookupOptions): Promise<TrackingLookup[]>;
  /** Stock from MegaWMS, kept as the query's latest snapshot; offline → that snapshot. */
  fetchInventory(
    query: InventoryQuery,
    opts?: { all?: boolean; offline?: boolean; onProgress?: LookupOptions['onProgress'] },
  ): Promise<InventoryLookup>;
  /** Keeps an order (and its labels) that AddOrder just returned. */
  storeCreatedOrder(created: CreatedOrder, request?: NewOrder): void;
}

/** One number on its way through a lookup: what the cache said and what to ask MegaWMS. */
interface Plan<A, Q> {
  query: string;
  scan: NormalisedScan;
  /** A cache answer good enough to return without asking. */
  hit: A | null;
  /** What to serve if MegaWMS cannot be reached (partial or stale data included). */
  fallback: A | null;
  ask: Q;
}

/** Reads the cache for one number and decides what to ask MegaWMS if that is not enough. */
type Planner<A, Q> = (
  store: CacheStore,
  account: string,
  query: string,
  opts: LookupOptions,
) => Plan<A, Q>;

/** How one kind of lookup asks MegaWMS and reads its answer back from the cache. */
interface Fetcher<A, Q, V> {
  fetch(client: MegaWmsClient, asks: Q[], opts: BatchOptions): Promise<ItemResult<V>[]>;
  /** Stores every successful item in one transaction. */
  store(values: V[], fetchedAt: Date): void;
  settle(plan: Plan<A, Q>, value: V, fetchedAt: Date): A | LookupFailure;
}

/** Builds the lookup service of one account. */
export function createLookupService({ store, client, account }: LookupServiceDeps): LookupService {
  const labelsFetcher: Fetcher<LabelAnswer, string, Label[]> = {
    fetch: (c, asks, o) => c.fetchLabels(asks, o),
    store: (values, fetchedAt) => store.storeBatch(account, { labels: values.flat(), fetchedAt }),
    settle: (plan, labels) =>
      labelAnswer(plan.query, matchReturned(store, account, plan.scan, labels), 'network', false),
  };
  const ordersFetcher: Fetcher<OrderAnswer, OrderQuery, Order[]> = {
    fetch: (c, asks, o) => c.fetchOrders(asks, o),
    store: (values, fetchedAt) => store.storeBatch(account, { orders: values.flat(), fetchedAt }),
    settle: (plan, orders) =>
      orders.length === 0
        ? lookupFailure(plan.query, 'not-found', `MegaWMS has no order for ${plan.query}.`)
        : orderAnswer(
            plan.query,
            matchReturned(store, account, plan.scan, orders),
            'network',
            false,
          ),
  };
  const trackingFetcher: Fetcher<TrackingAnswer, string, Shipment> = {
    fetch: (c, asks, o) => c.fetchTracking(asks, o),
    store: (values, fetchedAt) => store.storeShipments(account, values, fetchedAt),
    settle: (plan, shipment, fetchedAt) => ({
      ...origin(plan.query, 'network', false, fetchedAt),
      shipment: store.findShipment(account, [shipment.trackingNumber])?.shipment ?? shipment,
    }),
  };

  const lookup =
    <A extends LookupOrigin, Q, V>(plan: Planner<A, Q>, fetcher: Fetcher<A, Q, V>) =>
    (numbers: readonly string[], opts: LookupOptions = {}) =>
      resolvePlans(
        numbers.map((n) => plan(store, account, n, opts)),
        fetcher,
        opts,
        client,
      );

  return {
    findLabels: lookup(planLabels, labelsFetcher),
    findOrders: lookup(planOrders, ordersFetcher),
    findTracking: lookup(planTracking, trackingFetcher),
    fetchInventory: (query, opts = {}) => fetchInventory(store, account, client, query, opts),
    storeCreatedOrder: (created, request) => store.storeCreatedOrder(account, created, request),
  };
}

type LabelAnswer = Extract<LabelLookup, { ok: true }>;
type OrderAnswer = Extract<OrderLookup, { ok: true }>;
type TrackingAnswer = Extract<TrackingLookup, { ok: true }>;

function origin(query: string, source: 'cache' | 'network', offline: boolean, fetchedAt: Date) {
  return { query, ok: true as const, source, offline, fetchedAt };
}

function labelAnswer(q: string, m: CacheMatch, source: 'cache' | 'network', offline: boolean) {
  const fetchedAt = oldest(
    m.labels.map((l) => l.fetchedAt),
    new Date(),
  );
  return { ...origin(q, source, offline, fetchedAt), labels: m.labels, orders: m.orders };
}

function orderAnswer(q: string, m: CacheMatch, source: 'cache' | 'network', offline: boolean) {
  const fetchedAt = oldest(
    m.orders.map((o) => o.detailFetchedAt ?? o.seenAt),
    new Date(),
  );
  return { ...origin(q, source, offline, fetchedAt), orders: m.orders };
}

/** The number to send MegaWMS: a piece number is asked as its order, then filtered here. */
function askFor(scan: NormalisedScan): string {
  return scan.kind === 'piece-no' ? scan.value.replace(/_\d{3}x\d{3}$/, '') : scan.value;
}

function planLabels(store: CacheStore, account: string, query: string, opts: LookupOptions) {
  const scan = normaliseScan(query);
  const match = store.findMatch(account, scan.lookupKeys);
  const usable = match.labels.length > 0 && match.complete;
  const hit = usable ? labelAnswer(query, match, 'cache', Boolean(opts.offline)) : null;
  return { query, scan, hit, fallback: hit, ask: askFor(scan) };
}

function planOrders(store: CacheStore, account: string, query: string, opts: LookupOptions) {
  const scan = normaliseScan(query);
  const match = store.findMatch(account, scan.lookupKeys);
  const known = match.orders.length > 0;
  const detailed = known && match.orders.every((o) => o.detailFetchedAt !== null);
  const cached = known ? orderAnswer(query, match, 'cache', Boolean(opts.offline)) : null;
  // A number the cache already tied to one order is asked by that order's number: exact.
  const only = match.orders.length === 1 ? match.orders[0]!.order.orderNo : null;
  // Limitation: GetOrderMsg matches master tracking numbers only, so a piece's tracking
  // number the cache has never seen is not found; asking GetLabel first would lift it.
  const n = askFor(scan);
  const ask: OrderQuery = only
    ? { orderNo: only }
    : { referenceNo: n, trackingNumber: n, orderNo: n };
  return { query, scan, hit: detailed ? cached : null, fallback: cached, ask };
}

function planTracking(store: CacheStore, account: string, query: string, opts: LookupOptions) {
  const scan = normaliseScan(query);
  let cached = store.findShipment(account, scan.lookupKeys);
  const orders = cached ? [] : store.findMatch(account, scan.lookupKeys).orders;
  const numbers = [...new Set(orders.map((o) => o.order.trackingNumber).filter(Boolean))];
  if (!cached && numbers.length > 0) cached = store.findShipment(account, numbers);

  const hit = cached && {
    ...origin(query, 'cache', Boolean(opts.offline), cached.fetchedAt),
    shipment: cached.shipment,
  };
  const ask =
    cached?.shipment.trackingNumber ?? (numbers.length === 1 ? numbers[0]! : askFor(scan));
  return { query, scan, hit, fallback: hit, ask };
}

/**
 * Finds what MegaWMS just returned by the number asked; when none of the returned orders
 * carries that number (MegaWMS matched it some other way), it is kept as an alias.
 */
function matchReturned(
  store: CacheStore,
  account: string,
  scan: NormalisedScan,
  returned: ReadonlyArray<{ orderNo: string }>,
): CacheMatch {
  const match = store.findMatch(account, scan.lookupKeys);
  const found = new Set(match.orders.map((o) => o.order.orderNo));
  const missing = [...new Set(returned.map((r) => r.orderNo.trim()))].filter((n) => !found.has(n));
  if (missing.length === 0) return match;
  store.addAlias(account, scan.lookupKeys[0]!, missing);
  return store.findMatch(account, scan.lookupKeys);
}

/** Answers hits from the cache, asks MegaWMS once for the rest, falls back when offline. */
async function resolvePlans<A extends LookupOrigin, Q, V>(
  plans: Plan<A, Q>[],
  fetcher: Fetcher<A, Q, V>,
  opts: LookupOptions,
  client: MegaWmsClient | undefined,
): Promise<Array<A | LookupFailure>> {
  const results = plans.map((p): A | LookupFailure | null => {
    if (p.scan.value === '') return lookupFailure(p.query, 'invalid', 'The scan held no number.');
    return opts.refresh ? null : p.hit;
  });
  const misses = plans.filter((_, i) => results[i] === null);
  const hits = plans.length - misses.length;
  opts.onProgress?.(hits, plans.length);
  if (misses.length === 0) return results as Array<A | LookupFailure>;

  const { answers, unreachable } = await askMegaWms(
    misses,
    fetcher,
    opts,
    client,
    hits,
    plans.length,
  );
  let next = 0;
  // Hits of a call that found MegaWMS out of reach are offline too: the worker must know.
  return results.map((r) => {
    if (r === null) return answers[next++]!;
    return unreachable && r.ok ? { ...r, offline: true } : r;
  });
}

async function askMegaWms<A extends LookupOrigin, Q, V>(
  misses: Plan<A, Q>[],
  fetcher: Fetcher<A, Q, V>,
  opts: LookupOptions,
  client: MegaWmsClient | undefined,
  hits: number,
  total: number,
): Promise<{ answers: Array<A | LookupFailure>; unreachable: boolean }> {
  const offline = (p: Plan<A, Q>, why: MegaWmsError | 'offline-mode') =>
    p.fallback ? { ...p.fallback, offline: true } : notCached(p.query, why);
  if (!client || opts.offline) {
    return { answers: misses.map((p) => offline(p, 'offline-mode')), unreachable: false };
  }

  // One question per distinct number: two pieces of one order are one GetLabel entry.
  const asks = new Map<string, Q>();
  for (const p of misses) asks.set(JSON.stringify(p.ask), p.ask);
  const keys = [...asks.keys()];
  const progress = (done: number, of: number) =>
    opts.onProgress?.(hits + Math.round((done / Math.max(of, 1)) * misses.length), total);

  let items: ItemResult<V>[];
  try {
    items = await fetcher.fetch(client, [...asks.values()], {
      onProgress: progress,
      signal: opts.signal,
    });
  } catch (error) {
    if (!(error instanceof MegaWmsError)) throw error;
    if (isOfflineError(error))
      return { answers: misses.map((p) => offline(p, error)), unreachable: true };
    return { answers: misses.map((p) => callFailure(p.query, error)), unreachable: false };
  }

  const fetchedAt = new Date();
  fetcher.store(
    items.flatMap((item) => (item.ok ? [item.value] : [])),
    fetchedAt,
  );
  const answers = misses.map((p) => {
    const item = items[keys.indexOf(JSON.stringify(p.ask))];
    if (!item) return lookupFailure(p.query, 'error', `MegaWMS gave no answer for ${p.query}.`);
    return item.ok
      ? fetcher.settle(p, item.value, fetchedAt)
      : lookupFailure(p.query, 'not-found', item.message);
  });
  return { answers, unreachable: false };
}

/** The key of an inventory query: the same filters give the same snapshot. */
export function inventoryQueryKey(query: InventoryQuery, all: boolean): string {
  const part = (v: string | undefined) => (v ?? '').trim();
  const filters = [`sku=${part(query.sku)}`, `warehouse=${part(query.warehouseId)}`];
  return [...filters, `barcode=${part(query.barcode)}`, `all=${all}`].join(';');
}

/** An inventory query in a worker's words: `the stock list of warehouse 302 (every page)`. */
function describeInventoryQuery(query: InventoryQuery, all = false): string {
  const filters = [
    query.sku?.trim() && `SKU ${query.sku.trim()}`,
    query.warehouseId?.trim() && `warehouse ${query.warehouseId.trim()}`,
    query.barcode?.trim() && `barcode ${query.barcode.trim()}`,
  ].filter(Boolean);
  const of = filters.length > 0 ? `of ${filters.join(', ')}` : 'of every SKU';
  return `the stock list ${of} (${all ? 'every page' : 'first page'})`;
}

async function fetchInventory(
  store: CacheStore,
  account: string,
  client: MegaWmsClient | undefined,
  query: InventoryQuery,
  opts: { all?: boolean; offline?: boolean; onProgress?: LookupOptions['onProgress'] },
): Promise<InventoryLookup> {
  const key = inventoryQueryKey(query, Boolean(opts.all));
  let unreachable: MegaWmsError | 'offline-mode' = 'offline-mode';
  if (client && !opts.offline) {
    try {
      const { rows, totalRows } = await client.fetchInventory(
        { ...query, all: Boolean(opts.all) },
        { onProgress: opts.onProgress },
      );
      const takenAt = new Date();
      store.storeInventory(account, key, { rows, totalRows, takenAt });
      return { ...origin(key, 'network', false, takenAt), rows, totalRows, takenAt };
    } catch (error) {
      if (!(error instanceof MegaWmsError)) throw error;
      if (!isOfflineError(error)) return callFailure(key, error);
      unreachable = error;
    }
  }
  const snapshot = store.findInventory(account, key);
  // The failure names the list in words; its `query` stays the key, as every answer's does.
  if (!snapshot) {
    const failure = notCached(describeInventoryQuery(query, opts.all), unreachable);
    return { ...failure, query: key };
  }
  return { ...origin(key, 'cache', true, snapshot.takenAt), ...snapshot };
}
