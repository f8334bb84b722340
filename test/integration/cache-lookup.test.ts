import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, startSandbox, type Sandbox } from '../../src/sandbox/server';
import { createMegaWmsClient } from '../../src/main/core/megawms/client';
import type { MegaWmsClient } from '../../src/main/core/megawms/api';
import { openDatabase, type Db } from '../../src/main/core/db/database';
import { createCacheStore, type CacheStore } from '../../src/main/core/cache/cache-store';
import {
  createLookupService,
  type LabelLookup,
  type LookupService,
} from '../../src/main/core/cache/lookup-service';
import type { SandboxOrder } from '../../src/sandbox/model';

const ACCOUNT = 'demo-lookup-test';

let sandbox: Sandbox;
let client: MegaWmsClient;
let dir: string;
let db: Db;
let store: CacheStore;
let service: LookupService;

const sha = (bytes: Uint8Array | null) =>
  createHash('sha256')
    .update(bytes ?? new Uint8Array())
    .digest('hex');
const newClient = (url: string) =>
  // No retries: a stopped server must fail fast. A long timeout: a busy test machine is slow.
  createMegaWmsClient({
    credentials: DEMO_CREDENTIALS,
    baseUrl: url,
    retries: 0,
    timeoutMs: 30_000,
  });

function ok(result: LabelLookup | undefined) {
  if (!result?.ok) throw new Error(`expected a label lookup to succeed: ${JSON.stringify(result)}`);
  return result;
}

function multiPieceOrder(): Readonly<SandboxOrder> {
  return sandbox.data.findOrder(sandbox.sample().multiPieceOrderNo)!;
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  client = newClient(sandbox.url);
});
afterAll(() => sandbox.close());

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'station-cache-lookup-'));
  db = openDatabase(dir);
  store = createCacheStore(db);
  service = createLookupService({ store, client, account: ACCOUNT });
  sandbox.clearFaults();
});
afterEach(() => {
  sandbox.clearFaults();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('labels: cache first, MegaWMS on a miss', () => {
  it('fetches misses in one GetLabel call and serves them from the cache afterwards', async () => {
    const numbers = sandbox.sample().trackingNumbers.slice(0, 12);
    const before = sandbox.requestCount('GetLabel');

    const first = await service.findLabels(numbers);
    expect(sandbox.requestCount('GetLabel')).toBe(before + 1);
    expect(first.map((r) => [r.query, r.ok && r.source])).toEqual(
      numbers.map((n) => [n, 'network']),
    );

    const again = await service.findLabels(numbers);
    expect(sandbox.requestCount('GetLabel')).toBe(before + 1);
    expect(again.map((r) => r.ok && r.source)).toEqual(numbers.map(() => 'cache'));
    for (const [i, result] of again.entries()) {
      const fresh = ok(first[i]).labels.map((l) => sha(l.file));
      expect(ok(result).labels.map((l) => l.sha256)).toEqual(fresh);
      expect(ok(result).offline).toBe(false);
    }
  });

  it('finds a fetched order again by each of its numbers without asking MegaWMS', async () => {
    const order = multiPieceOrder();
    ok((await service.findLabels([order.orderNo]))[0]);
    const before = sandbox.requestCount();
    const second = order.pieces[1]!;

    const results = await service.findLabels([
      order.referenceNo,
      order.trackingNumber,
      second.trackingNumber,
      second.pieceNo,
      order.orderNo.toLowerCase(),
    ]);

    expect(sandbox.requestCount()).toBe(before);
    const pieces = results.map((r) => ok(r).labels.map((l) => l.pieceIndex));
    const all = order.pieces.map((_, i) => i + 1);
    expect(pieces).toEqual([all, all, [2], [2], all]);
  });

  it('asks for a piece number by its order and returns only that piece', async () => {
    const order = multiPieceOrder();
    const third = order.pieces[2]!;
    const [result] = await service.findLabels([third.pieceNo]);
    expect(ok(result).source).toBe('network');
    expect(ok(result).labels.map((l) => l.trackingNumber)).toEqual([third.trackingNumber]);
  });

  it('reports a number MegaWMS does not know and still returns the others', async () => {
    const good = sandbox.sample().trackingNumbers[0]!;
    const results = await service.findLabels(['NOSUCH-4711', good, '  \r\n']);
    expect(results[0]).toMatchObject({ ok: false, code: 'not-found', query: 'NOSUCH-4711' });
    expect(ok(results[1]).labels.length).toBeGreaterThan(0);
    expect(results[2]).toMatchObject({ ok: false, code: 'invalid' });
    expect(store.findMatch(ACCOUNT, ['NOSUCH-4711']).orders).toEqual([]);
  });

  it('refetches labels only when asked to refresh', async () => {
    const number = sandbox.sample().trackingNumbers[1]!;
    await service.findLabels([number]);
    const before = sandbox.requestCount('GetLabel');
    const [refreshed] = await service.findLabels([number], { refresh: true });
    expect(sandbox.requestCount('GetLabel')).toBe(before + 1);
    expect(ok(refreshed).source).toBe('network');
  });

  it('never touches the network in offline mode', async () => {
    const [cachedNumber, missNumber] = sandbox.sample().trackingNumbers.slice(2, 4) as [
      string,
      string,
    ];
    await service.findLabels([cachedNumber]);
    const before = sandbox.requestCount();
    const [hit, miss] = await service.findLabels([cachedNumber, missNumber], { offline: true });
    expect(sandbox.requestCount()).toBe(before);
    expect(ok(hit)).toMatchObject({ source: 'cache', offline: true });
    expect(miss).toMatchObject({ ok: false, code: 'offline-not-cached' });
    expect(!miss!.ok && miss!.message).toMatch(/offline mode does not ask MegaWMS/);
  });

  it('reports progress over every number, cache hits included', async () => {
    const numbers = sandbox.sample().trackingNumbers.slice(4, 8);
    await service.findLabels(numbers.slice(0, 2));
    const seen: Array<[number, number]> = [];
    await service.findLabels(numbers, { onProgress: (d, t) => seen.push([d, t]) });
    expect(seen[0]).toEqual([2, 4]);
    expect(seen.at(-1)).toEqual([4, 4]);
  });

  it('keeps the labels AddOrder returned, found offline by the reference number', async () => {
    const outcome = await client.createOrder({
      style: 'transfer',
      sender: { name: 'Label Station', address: '1 Dock Rd', phone: '1', email: '', company: '' },
      consignee: {
        name: 'Ruth Okafor',
        company: '',
        address1: '77 Pine Ave',
        address2: '',
        city: 'Newark',
        state: 'NJ',
        zipcode: '07105',
        country: 'US',
        phone: '9735550100',
        email: '',
      },
      channelId: sandbox.data.channels[0]!.id,
      referenceNo: `CACHE-${Date.now()}`,
      confirm: true,
      warehouseId: '0',
      remark: '',
      pieces: [{ weightKg: 1, lengthCm: 10, widthCm: 10, heightCm: 10 }],
      products: [
        {
          sku: '',
          nameEn: 'Mug',
          nameCn: '杯子',
          quantity: 1,
          unitWeightKg: 1,
          unitPriceUsd: 5,
          hsCode: '',
          origin: 'CN',
        },
      ],
    });
    if (outcome.kind !== 'created')
      throw new Error(`order not created: ${JSON.stringify(outcome)}`);
    service.storeCreatedOrder(outcome.order);

    const [found] = await service.findLabels([outcome.order.referenceNo], { offline: true });
    expect(ok(found).labels.map((l) => l.sha256)).toEqual(
      outcome.order.labels.map((l) => sha(l.file)),
    );
    expect(ok(found).orders[0]!.order.orderNo).toBe(outcome.order.orderNo.trim());
  });
});

describe('labels when MegaWMS cannot be reached', () => {
  it('serves cached labels marked offline, fails a miss clearly, and succeeds once back', async () => {
    const own = await startSandbox({ port: 0 });
    const port = own.port;
    const offlineService = createLookupService({
      store,
      client: newClient(own.url),
      account: 'stopped-sandbox',
    });
    const [cachedNumber, missNumber] = own.sample().trackingNumbers.slice(0, 2) as [string, string];
    const [first] = await offlineService.findLabels([cachedNumber]);
    await own.close();

    const [hit, miss] = await offlineService.findLabels([cachedNumber, missNumber]);
    expect(ok(hit)).toMatchObject({ source: 'cache', offline: true });
    expect(ok(hit).labels.map((l) => l.sha256)).toEqual(ok(first).labels.map((l) => l.sha256));
    expect(miss).toMatchObject({ ok: false, code: 'offline-not-cached' });
    expect(!miss!.ok && miss!.message).toMatch(/^Offline, not in cache: .*cannot be reached/);

    const back = await startSandbox({ port });
    try {
      const [retried] = await offlineService.findLabels([missNumber]);
      expect(ok(retried)).toMatchObject({ source: 'network', offline: false });
    } finally {
      await back.close();
    }
  });

  it('treats a 5xx answer as offline and serves the cache', async () => {
    const number = sandbox.sample().trackingNumbers[9]!;
    await service.findLabels([number]);
    sandbox.setFaults({ status5xx: 503, endpoints: ['GetLabel'] });
    const [result] = await service.findLabels([number], { refresh: true });
    expect(ok(result)).toMatchObject({ source: 'cache', offline: true });
  });
});

describe('orders, tracking and inventory', () => {
  it('fetches order details for an order known only from its labels, then keeps them', async () => {
    const order = multiPieceOrder();
    await service.findLabels([order.trackingNumber]);
    const before = sandbox.requestCount('GetOrderMsg');

    const [first] = await service.findOrders([order.pieces[1]!.trackingNumber]);
    expect(sandbox.requestCount('GetOrderMsg')).toBe(before + 1);
    expect(first).toMatchObject({ ok: true, source: 'network' });
    const [cached] = await service.findOrders([order.referenceNo]);
    expect(sandbox.requestCount('GetOrderMsg')).toBe(before + 1);
    if (!cached?.ok) throw new Error('expected cached order');
    expect(cached.source).toBe('cache');
    expect(cached.orders[0]!.order).toMatchObject({
      orderNo: order.orderNo,
      consigneeName: order.consignee.name,
    });
    expect(cached.fetchedAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('shows a new status only when asked to refresh', async () => {
    const orderNo = sandbox.sample().orderNos[5]!;
    await service.findOrders([orderNo]);
    sandbox.data.setOrderStatus(orderNo, 8);
    const [stale] = await service.findOrders([orderNo]);
    const [fresh] = await service.findOrders([orderNo], { refresh: true });
    expect(stale!.ok && stale!.orders[0]!.order.statusCode).not.toBe(8);
    expect(fresh!.ok && fresh!.orders[0]!.order.statusCode).toBe(8);
  });

  it('keeps tracking events and finds them by the order number when offline', async () => {
    const shipped = sandbox.data.findOrder(sandbox.sample().shippedTrackingNumber)!;
    const [first] = await service.findTracking([shipped.trackingNumber]);
    expect(first).toMatchObject({ ok: true, source: 'network' });
    const [byOrder] = await service.findTracking([shipped.orderNo], { offline: true });
    if (!byOrder?.ok) throw new Error('expected cached tracking');
    expect(byOrder).toMatchObject({ source: 'cache', offline: true });
    expect(byOrder.shipment.events.length).toBe(shipped.events.length);
  });

  it('keeps the inventory snapshot and serves it, marked offline, when MegaWMS is down', async () => {
    const fresh = await service.fetchInventory({ warehouseId: '302' }, { all: true });
    if (!fresh.ok) throw new Error(fresh.message);
    expect(fresh.rows.length).toBe(fresh.totalRows);
    sandbox.setFaults({ status5xx: 502, endpoints: ['Inventory'] });
    const offline = await service.fetchInventory({ warehouseId: '302' }, { all: true });
    expect(offline).toMatchObject({
      ok: true,
      source: 'cache',
      offline: true,
      takenAt: fresh.takenAt,
    });
    const other = await service.fetchInventory({ warehouseId: '381' }, { all: true });
    expect(other).toMatchObject({ ok: false, code: 'offline-not-cached' });
  });
});

describe('accounts', () => {
  it('never shows one account the labels another fetched', async () => {
    const number = sandbox.sample().trackingNumbers[10]!;
    await service.findLabels([number]);
    const other = createLookupService({ store, client, account: 'another-account' });
    const [result] = await other.findLabels([number], { offline: true });
    expect(result).toMatchObject({ ok: false, code: 'offline-not-cached' });
  });
});
