import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/main/core/db/database';
import { createCacheStore, type CacheStore } from '../../src/main/core/cache/cache-store';
import { accountKeyOf } from '../../src/main/core/cache/account-key';
import { normaliseScan } from '../../src/main/core/cache/normalise';
import type { Label, Order } from '../../src/shared/domain';

const ACCOUNT = accountKeyOf({ customerCode: '80000', apiName: 'OOPSTON1' }, 'http://127.0.0.1:1');
const OTHER = accountKeyOf({ customerCode: '80001', apiName: 'OOPSTON1' }, 'http://127.0.0.1:1');

function label(orderNo: string, piece: number, count: number, extra: Partial<Label> = {}): Label {
  return {
    orderNo,
    referenceNo: `REF-${orderNo}`,
    masterTrackingNumber: `1Z${orderNo}M`,
    trackingNumber: `1Z${orderNo}P${piece}`,
    pieceNo: `${orderNo}_${String(piece).padStart(3, '0')}x${String(count).padStart(3, '0')}`,
    pieceIndex: piece,
    pieceCount: count,
    fileType: 'pdf',
    file: new TextEncoder().encode(`%PDF-1.4 label ${orderNo} ${piece}/${count}`),
    htmlUrl: `http://127.0.0.1:1/label/${orderNo}/${piece}`,
    ...extra,
  };
}

function order(orderNo: string, extra: Partial<Order> = {}): Order {
  return {
    orderNo,
    referenceNo: `REF-${orderNo}`,
    trackingNumber: `1Z${orderNo}M`,
    statusCode: 6,
    statusText: '已发货',
    consigneeName: 'Dana Whitfield',
    country: 'US',
    channel: 'UPS-Ground',
    state: 'NJ',
    city: 'Newark',
    address1: '12 Ferry St',
    address2: '',
    zipcode: '07105',
    contact: '+1 973 555 0100',
    warehouseId: '302',
    companyName: '',
    remark: '',
    recipientEmail: '',
    pieceCount: 2,
    createdAt: new Date('2025-03-01T10:00:00Z'),
    shippedAt: null,
    ...extra,
  };
}

const find = (store: CacheStore, raw: string, account = ACCOUNT) =>
  store.findMatch(account, normaliseScan(raw).lookupKeys);

let dir: string;
let db: Db;
let store: CacheStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'station-cache-store-'));
  db = openDatabase(dir);
  store = createCacheStore(db);
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('lookup by any identifier', () => {
  beforeEach(() => {
    store.storeBatch(ACCOUNT, {
      labels: [label('R1', 1, 2), label('R1', 2, 2), label('R2', 1, 1)],
    });
  });

  it.each([
    ['order number', 'R1'],
    ['reference number', 'REF-R1'],
    ['master tracking number', '1ZR1M'],
  ])('finds every piece of the order by its %s', (_kind, number) => {
    const match = find(store, number);
    expect(match.orders.map((o) => o.order.orderNo)).toEqual(['R1']);
    expect(match.labels.map((l) => l.pieceIndex)).toEqual([1, 2]);
    expect(match.complete).toBe(true);
  });

  it.each([
    ['piece tracking number', '1ZR1P2'],
    ['piece number', 'R1_002x002'],
  ])('finds only that piece by its %s', (_kind, number) => {
    const match = find(store, number);
    expect(match.labels.map((l) => l.trackingNumber)).toEqual(['1ZR1P2']);
    expect(match.complete).toBe(true);
  });

  it('ignores case and scanner noise', () => {
    expect(find(store, ']C0ref-r1\r\n').orders).toHaveLength(1);
    expect(find(store, 'r1_001X002').labels.map((l) => l.pieceIndex)).toEqual([1]);
  });

  it('returns every order a number matches, never one of them', () => {
    store.storeBatch(ACCOUNT, { labels: [label('R3', 1, 1, { referenceNo: 'REF-R1' })] });
    expect(find(store, 'REF-R1').orders.map((o) => o.order.orderNo)).toEqual(['R1', 'R3']);
  });

  it('finds labels by the carrier barcode scanned from them', () => {
    store.storeBatch(ACCOUNT, {
      labels: [
        label('F1', 1, 1, { masterTrackingNumber: '794808390594', trackingNumber: '794808390594' }),
        label('U1', 1, 1, {
          masterTrackingNumber: '9400111201080805483016',
          trackingNumber: '9400111201080805483016',
        }),
      ],
    });
    expect(find(store, '9632001560123456789900794808390594').orders[0]!.order.orderNo).toBe('F1');
    expect(find(store, ']C142022153\x1d9400111201080805483016').orders[0]!.order.orderNo).toBe(
      'U1',
    );
  });

  it('finds nothing for an unknown number', () => {
    expect(find(store, 'NOPE')).toEqual({ orders: [], labels: [], complete: false });
  });

  it('reports an order as incomplete while only some of its pieces are stored', () => {
    store.storeBatch(ACCOUNT, { labels: [label('R4', 1, 3)] });
    expect(find(store, 'R4')).toMatchObject({ complete: false, labels: [{ pieceIndex: 1 }] });
    expect(find(store, 'R4_001x003').complete).toBe(true);
  });
});

describe('what is kept', () => {
  it('keeps label bytes exactly as fetched, with size and checksum', () => {
    const file = Uint8Array.from({ length: 5000 }, (_, i) => (i * 31) % 256);
    store.storeBatch(ACCOUNT, { labels: [label('R1', 1, 1, { file })] });
    const [cached] = find(store, 'R1').labels;
    expect(Buffer.from(cached!.file!).equals(Buffer.from(file))).toBe(true);
    expect(cached!.size).toBe(5000);
    expect(cached!.sha256).toBe(createHash('sha256').update(file).digest('hex'));
  });

  it('keeps a label without a file (HTML-only account) with its print page', () => {
    store.storeBatch(ACCOUNT, { labels: [label('R1', 1, 1, { file: null, fileType: null })] });
    expect(find(store, 'R1').labels[0]).toMatchObject({ file: null, size: 0, sha256: null });
  });

  it('keeps every order field from GetOrderMsg next to labels stored before', () => {
    store.storeBatch(ACCOUNT, { labels: [label('R1', 1, 2)], fetchedAt: new Date(1000) });
    expect(find(store, 'R1').orders[0]!.detailFetchedAt).toBeNull();

    const detail = order('R1');
    store.storeBatch(ACCOUNT, { orders: [detail], fetchedAt: new Date(2000) });
    const [cached] = find(store, 'R1').orders;
    expect(cached!.order).toEqual(detail);
    expect(cached!.detailFetchedAt).toEqual(new Date(2000));
    expect(find(store, '1ZR1P1').labels).toHaveLength(1);
  });

  it('does not forget a tracking number when a later answer leaves it empty', () => {
    store.storeBatch(ACCOUNT, { orders: [order('R1')] });
    store.storeBatch(ACCOUNT, { orders: [order('R1', { trackingNumber: '', statusCode: 8 })] });
    expect(find(store, '1ZR1M').orders[0]!.order).toMatchObject({
      statusCode: 8,
      trackingNumber: '1ZR1M',
    });
  });

  it('stores what AddOrder returned, findable by reference number with the address asked for', () => {
    store.storeCreatedOrder(ACCOUNT, {
      orderNo: ' R9',
      orderId: '4711',
      referenceNo: 'MY-REF-9',
      trackingNumber: '1ZR9M',
      message: '提交成功',
      printUrl: 'http://127.0.0.1:1/print/R9',
      labels: [label(' R9', 1, 1, { fileType: 'png', referenceNo: '' })],
    });
    const match = find(store, 'my-ref-9');
    expect(match.orders[0]).toMatchObject({ megawmsOrderId: '4711', order: { orderNo: 'R9' } });
    expect(match.labels[0]).toMatchObject({ fileType: 'png', referenceNo: 'MY-REF-9' });
  });

  it('remembers a number MegaWMS resolved to an order as an alias of it', () => {
    store.storeBatch(ACCOUNT, { labels: [label('R1', 1, 1)] });
    store.addAlias(ACCOUNT, 'SCANNED-ELSEWHERE', ['R1']);
    expect(find(store, 'scanned-elsewhere').orders).toHaveLength(1);
    store.storeBatch(ACCOUNT, { orders: [order('R1')] });
    expect(find(store, 'scanned-elsewhere').orders).toHaveLength(1);
  });

  it('keeps tracking events in MegaWMS order, unknown times as null', () => {
    store.storeShipments(
      ACCOUNT,
      [
        {
          trackingNumber: '1ZR1M',
          orderNo: 'R1',
          country: 'US',
          status: 'DELIVERED',
          events: [
            {
              time: new Date('2025-03-02T08:00:00Z'),
              descriptionEn: 'Picked up',
              descriptionCn: '已揽收',
            },
            { time: null, descriptionEn: 'Delivered', descriptionCn: '已签收' },
          ],
        },
      ],
      new Date(5000),
    );
    const cached = store.findShipment(ACCOUNT, ['1zr1m']);
    expect(cached?.fetchedAt).toEqual(new Date(5000));
    expect(cached?.shipment.events.map((e) => [e.time, e.descriptionEn])).toEqual([
      [new Date('2025-03-02T08:00:00Z'), 'Picked up'],
      [null, 'Delivered'],
    ]);
  });

  it('replaces the inventory snapshot of a query and keeps other queries', () => {
    const row = {
      sku: 'SKU-1',
      name: '杯子',
      warehouseName: 'JFK',
      onHand: 5,
      inbound: 0,
      warningLevel: 10,
      salesWarning: 0,
      reserved: 1,
      available: 4,
      backordered: 0,
    };
    store.storeInventory(ACCOUNT, 'all', { rows: [row, row], totalRows: 2, takenAt: new Date(1) });
    store.storeInventory(ACCOUNT, 'sku=SKU-1', { rows: [row], totalRows: 1, takenAt: new Date(2) });
    store.storeInventory(ACCOUNT, 'all', {
      rows: [{ ...row, onHand: 3 }],
      totalRows: 1,
      takenAt: new Date(3),
    });
    expect(store.findInventory(ACCOUNT, 'all')).toEqual({
      rows: [{ ...row, onHand: 3 }],
      totalRows: 1,
      takenAt: new Date(3),
    });
    expect(store.findInventory(ACCOUNT, 'sku=SKU-1')?.takenAt).toEqual(new Date(2));
    expect(store.stats().counts.inventoryRows).toBe(2);
  });
});

describe('accounts', () => {
  it('keeps two accounts apart even for the same order number', () => {
    store.storeBatch(ACCOUNT, { labels: [label('R1', 1, 1)] });
    store.storeBatch(OTHER, { labels: [label('R1', 1, 1, { file: new Uint8Array([9]) })] });
    expect(find(store, 'R1', ACCOUNT).labels[0]!.size).toBeGreaterThan(1);
    expect(find(store, 'R1', OTHER).labels[0]!.size).toBe(1);
    expect(
      find(store, 'REF-R1', accountKeyOf({ customerCode: '1', apiName: 'X' }, 'x')).orders,
    ).toEqual([]);
  });

  it('gives the same key to the same account whatever the URL spelling', () => {
    const a = accountKeyOf(
      { customerCode: ' 80000', apiName: 'OOPSTON1' },
      'HTTP://My.MegaWMS.com/',
    );
    expect(a).toBe('80000/OOPSTON1@my.megawms.com');
    expect(a).not.toBe(
      accountKeyOf({ customerCode: '80000', apiName: 'OOPSTON1' }, 'http://b.test'),
    );
  });
});

describe('batches', () => {
  it('stores nothing of a batch when one row of it cannot be stored', () => {
    const broken = label('R3', Number.NaN, 1);
    expect(() =>
      store.storeBatch(ACCOUNT, {
        orders: [order('R0')],
        labels: [label('R1', 1, 1), label('R2', 1, 1), broken],
      }),
    ).toThrow();
    expect(store.stats().counts).toMatchObject({
      orders: 0,
      pieces: 0,
      labelFiles: 0,
      identifiers: 0,
    });
  });
});

describe('retention', () => {
  it('prunes orders older than the retention with their pieces, labels and numbers', () => {
    const day = 24 * 60 * 60 * 1000;
    const now = new Date('2025-06-01T00:00:00Z');
    store.storeBatch(ACCOUNT, {
      labels: [label('OLD', 1, 2), label('OLD', 2, 2)],
      fetchedAt: new Date(now.getTime() - 91 * day),
    });
    store.storeBatch(ACCOUNT, {
      labels: [label('NEW', 1, 1)],
      fetchedAt: new Date(now.getTime() - 89 * day),
    });
    store.storeShipments(
      ACCOUNT,
      [
        {
          trackingNumber: 'T',
          orderNo: 'OLD',
          country: 'US',
          status: 'X',
          events: [{ time: null, descriptionEn: 'a', descriptionCn: 'b' }],
        },
      ],
      new Date(now.getTime() - 100 * day),
    );

    expect(store.prune({ now })).toEqual({ orders: 1, shipments: 1, inventorySnapshots: 0 });
    expect(find(store, 'OLD').orders).toEqual([]);
    expect(find(store, 'NEW').labels).toHaveLength(1);
    expect(store.stats().counts).toMatchObject({
      orders: 1,
      pieces: 1,
      labelFiles: 1,
      identifiers: 5,
      trackEvents: 0,
    });
  });

  it('prunes by a configurable age', () => {
    store.storeBatch(ACCOUNT, {
      labels: [label('R1', 1, 1)],
      fetchedAt: new Date(Date.now() - 3 * 86_400_000),
    });
    expect(store.prune({ olderThanDays: 5 }).orders).toBe(0);
    expect(store.prune({ olderThanDays: 2 }).orders).toBe(1);
    expect(() => store.prune({ olderThanDays: -1 })).toThrow(/0 or more/);
  });

  it('reports counts, bytes on disk and the age range', () => {
    store.storeBatch(ACCOUNT, { labels: [label('R1', 1, 1)], fetchedAt: new Date(1000) });
    store.storeBatch(ACCOUNT, { labels: [label('R2', 1, 1)], fetchedAt: new Date(9000) });
    const stats = store.stats();
    expect(stats.file).toBe(path.join(dir, 'station.db'));
    expect(stats.bytes.db).toBeGreaterThan(0);
    expect(stats.bytes.total).toBe(stats.bytes.db + stats.bytes.wal);
    expect(stats.counts).toMatchObject({ accounts: 1, orders: 2, labelFiles: 2 });
    expect([stats.oldest, stats.newest]).toEqual([new Date(1000), new Date(9000)]);
  });
});
