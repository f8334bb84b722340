/**
 * The client against the sandbox over real HTTP: every call's happy path, batch splitting
 * to the vendor's limits with results in the caller's order, and per-item failures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createMegaWmsClient } from '../../src/main/core/megawms/client';
import type { MegaWmsClient, OrderQuery } from '../../src/main/core/megawms/api';
import {
  DEMO_CREDENTIALS,
  startSandbox,
  type Sandbox,
  type SandboxSample,
} from '../../src/sandbox/server';
import { demoOrder } from './client-fixtures';

let sb: Sandbox;
let sample: SandboxSample;
let client: MegaWmsClient;

beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
  sample = sb.sample();
  client = createMegaWmsClient({ credentials: DEMO_CREDENTIALS, baseUrl: sb.url, backoffMs: 1 });
});

afterAll(async () => {
  await sb.close();
});

describe('AddOrder', () => {
  it('creates an order and returns its numbers and PNG labels, piece by piece', async () => {
    const order = demoOrder();
    const outcome = await client.createOrder(order);
    if (outcome.kind !== 'created') throw new Error(`expected created, got ${outcome.kind}`);

    const stored = sb.data.findOrder(order.referenceNo)!;
    expect(outcome.order).toMatchObject({
      orderNo: stored.orderNo,
      orderId: stored.orderId,
      referenceNo: order.referenceNo,
      trackingNumber: stored.trackingNumber,
    });
    // The sandbox pads OrderNo with a space, as MegaWMS does.
    expect(outcome.order.orderNo).not.toMatch(/^\s/);
    expect(
      outcome.order.labels.map((l) => [l.trackingNumber, l.pieceIndex, l.pieceCount, l.fileType]),
    ).toEqual(stored.pieces.map((p, i) => [p.trackingNumber, i + 1, 2, 'png']));
    expect(Buffer.from(outcome.order.labels[0]!.file!.subarray(0, 4)).toString('latin1')).toBe(
      '\x89PNG',
    );
    expect(stored.pieces.map((p) => p.weightKg)).toEqual(['1.2', '0.8']);
  });

  it('generates a reference number when the order has none, and MegaWMS keeps it', async () => {
    const outcome = await client.createOrder(demoOrder({ referenceNo: '  ' }));
    if (outcome.kind !== 'created') throw new Error(`expected created, got ${outcome.kind}`);
    expect(outcome.order.referenceNo).toMatch(/^LS\d{12}[0-9A-F]{6}$/);
    expect(sb.data.findOrder(outcome.order.referenceNo)?.orderNo).toBe(outcome.order.orderNo);
  });

  it('leaves a draft without labels', async () => {
    const outcome = await client.createOrder(demoOrder({ confirm: false }));
    if (outcome.kind !== 'created') throw new Error(`expected created, got ${outcome.kind}`);
    expect(outcome.order.labels.every((l) => l.file === null && l.fileType === null)).toBe(true);
    expect(sb.data.findOrder(outcome.order.orderNo)?.statusCode).toBe(1);
  });
});

describe('InvalidOrder', () => {
  it('cancels a pending order', async () => {
    // An order of its own, so the seeded numbers other tests use keep their labels.
    const created = await client.createOrder(demoOrder());
    if (created.kind !== 'created') throw new Error(`expected created, got ${created.kind}`);
    const result = await client.cancelOrder(created.order.trackingNumber);
    const stored = sb.data.findOrder(created.order.trackingNumber)!;
    expect(result).toMatchObject({
      cancelled: true,
      orderNo: stored.orderNo,
      referenceNo: stored.referenceNo,
      trackingNumber: created.order.trackingNumber,
    });
    expect(stored.statusCode).toBe(8);
  });
});

describe('GetTrackingNo', () => {
  it('finds tracking numbers by order number and by reference number in the order asked', async () => {
    const orders = sb.data.orders.filter((o) => o.trackingNumber && o.statusCode !== 8).slice(0, 5);
    const byOrder = await client.fetchTrackingNumbers(
      orders.map((o) => o.orderNo).reverse(),
      'orderNo',
    );
    expect(byOrder.map((r) => r.ok && r.value.trackingNumber)).toEqual(
      orders.map((o) => o.trackingNumber).reverse(),
    );

    const byRef = await client.fetchTrackingNumbers(
      orders.map((o) => o.referenceNo),
      'referenceNo',
    );
    expect(byRef.map((r) => r.ok && r.value.orderNo)).toEqual(orders.map((o) => o.orderNo));
  });

  it('reports a draft and an unknown order as failed items, the rest still succeeds', async () => {
    const known = sample.orderNos.find((n) => sb.data.findOrder(n)?.trackingNumber)!;
    const results = await client.fetchTrackingNumbers(
      [sample.draftOrderNo, 'R000000000000000', known],
      'orderNo',
    );
    expect(results[0]).toMatchObject({ ok: false, query: sample.draftOrderNo });
    expect(results[0]!.ok === false && results[0]!.message).toContain('draft');
    expect(results[1]).toMatchObject({
      ok: false,
      query: 'R000000000000000',
      message: '订单不存在 (no such order)',
    });
    expect(results[2]).toMatchObject({ ok: true, query: known });
  });

  it('splits 250 order numbers into three calls', async () => {
    const before = sb.requestCount('GetTrackingNo');
    const numbers = Array.from(
      { length: 250 },
      (_, i) => sample.orderNos[i % sample.orderNos.length]!,
    );
    const distinct = [...new Set(numbers)];
    const results = await client.fetchTrackingNumbers(numbers, 'orderNo');
    expect(results.map((r) => r.query)).toEqual(numbers);
    expect(results.map((r) => (r.ok ? r.value.orderNo : r.query))).toEqual(numbers);
    expect(results.filter((r) => r.ok).length).toBeGreaterThan(200);
    expect(distinct.length).toBeGreaterThan(200);
    expect(sb.requestCount('GetTrackingNo') - before).toBe(3);
  });
});

describe('GetLabel', () => {
  it('splits 250 numbers into 3 calls and returns the labels in the caller order', async () => {
    const numbers = sample.trackingNumbers.slice(0, 250).reverse();
    const before = sb.requestCount('GetLabel');
    const progress: Array<[number, number]> = [];
    const results = await client.fetchLabels(numbers, {
      onProgress: (d, t) => progress.push([d, t]),
    });

    expect(sb.requestCount('GetLabel') - before).toBe(3);
    expect(results.map((r) => r.query)).toEqual(numbers);
    for (const [i, result] of results.entries()) {
      if (!result.ok) throw new Error(`${numbers[i]}: ${result.message}`);
      expect(result.value.some((l) => l.trackingNumber === numbers[i])).toBe(true);
      expect(result.value.every((l) => l.fileType === 'pdf' && l.file !== null)).toBe(true);
    }
    expect(progress[0]).toEqual([0, 250]);
    expect(progress.at(-1)).toEqual([250, 250]);
    expect(progress.map(([d]) => d)).toEqual([...progress.map(([d]) => d)].sort((a, b) => a - b));
  });

  it('gives every piece of a multi-piece order asked by order number, and real PDFs', async () => {
    const order = sb.data.findOrder(sample.multiPieceOrderNo)!;
    const [result] = await client.fetchLabels([` ${order.orderNo.toLowerCase()} `]);
    if (!result?.ok) throw new Error('expected labels');
    expect(result.value.map((l) => [l.pieceNo, l.pieceIndex, l.pieceCount])).toEqual(
      order.pieces.map((p, i) => [p.pieceNo, i + 1, order.pieces.length]),
    );
    expect(result.value.every((l) => l.masterTrackingNumber === order.trackingNumber)).toBe(true);
    expect(new TextDecoder().decode(result.value[0]!.file!.subarray(0, 5))).toBe('%PDF-');
    expect(result.value[0]!.htmlUrl).toContain(`${sb.url}/Manage/PrintPage/`);
  });

  it('matches a label by reference number and by piece number', async () => {
    const order = sb.data.findOrder(sample.multiPieceOrderNo)!;
    const piece = order.pieces[1]!;
    const [byRef, byPiece] = await client.fetchLabels([order.referenceNo, piece.pieceNo]);
    expect(byRef?.ok && byRef.value).toHaveLength(order.pieces.length);
    expect(byPiece?.ok && byPiece.value.map((l) => l.trackingNumber)).toEqual([
      piece.trackingNumber,
    ]);
  });

  it('fails only the numbers without a label, and asks for a repeated number once', async () => {
    const [a, b] = sample.trackingNumbers;
    const before = sb.requestCount('GetLabel');
    const results = await client.fetchLabels([a!, 'NO-SUCH-NUMBER', b!, a!, '']);
    expect(results.map((r) => r.ok)).toEqual([true, false, true, true, false]);
    expect(results[1]).toMatchObject({
      query: 'NO-SUCH-NUMBER',
      message: 'MegaWMS has no label for NO-SUCH-NUMBER.',
    });
    expect(results[4]).toMatchObject({ query: '', message: 'An empty number was skipped.' });
    expect(sb.requestCount('GetLabel') - before).toBe(1);
  });
});

describe('GetTrack', () => {
  it('tracks by tracking and order number, events oldest first with unknown times last', async () => {
    const order = sb.data.findOrder(sample.shippedTrackingNumber)!;
    const results = await client.fetchTracking([
      order.orderNo,
      sample.shippedTrackingNumber,
      'NOPE123',
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    const shipment = results[1]!.ok ? results[1]!.value : undefined;
    expect(shipment).toMatchObject({
      trackingNumber: sample.shippedTrackingNumber,
      orderNo: order.orderNo,
    });
    expect(shipment!.events).toHaveLength(order.events.length);
    const known = shipment!.events.filter((e) => e.time);
    expect(known.map((e) => e.time!.getTime())).toEqual(
      known.map((e) => e.time!.getTime()).sort((x, y) => x - y),
    );
    expect(shipment!.events.slice(known.length).every((e) => e.time === null)).toBe(true);
  });
});

describe('Inventory', () => {
  it('fetches every page with all, in page order', async () => {
    const before = sb.requestCount('Inventory');
    const progress: number[] = [];
    const { rows, totalRows } = await client.fetchInventory(
      { all: true },
      { onProgress: (d) => progress.push(d) },
    );
    expect(totalRows).toBe(sb.data.inventory.length);
    expect(rows.map((r) => `${r.sku}@${r.warehouseName}`)).toEqual(
      sb.data.inventory.map((r) => `${r.sku}@${r.warehouseName}`),
    );
    expect(sb.requestCount('Inventory') - before).toBe(Math.ceil(totalRows / 1000));
    expect(progress.at(-1)).toBe(totalRows);
    expect(rows[0]).toMatchObject({
      onHand: sb.data.inventory[0]!.stockNum,
      available: sb.data.inventory[0]!.enableNum,
    });
  });

  it('fetches one page, and filters by SKU and warehouse', async () => {
    const page = await client.fetchInventory({ page: 2, pageSize: 100 });
    expect(page.rows.map((r) => r.sku)).toEqual(
      sb.data.inventory.slice(100, 200).map((r) => r.sku),
    );

    const row = sb.data.inventory[7]!;
    const filtered = await client.fetchInventory({ sku: row.sku, warehouseId: row.warehouseId });
    expect(filtered.rows.map((r) => r.warehouseName)).toEqual([row.warehouseName]);
  });
});

describe('GetOrderMsg', () => {
  it('splits 600 queries into 2 calls, results in the caller order', async () => {
    const orders = sb.data.orders;
    const queries: OrderQuery[] = Array.from({ length: 600 }, (_, i) => {
      const o = orders[(i * 7) % orders.length]!;
      if (i % 3 === 0) return { referenceNo: o.referenceNo };
      if (i % 3 === 1 && o.trackingNumber) return { trackingNumber: o.trackingNumber };
      return { orderNo: o.orderNo };
    });
    const before = sb.requestCount('GetOrderMsg');
    const results = await client.fetchOrders(queries);
    expect(sb.requestCount('GetOrderMsg') - before).toBe(2);
    expect(results.map((r) => (r.ok ? r.value[0]!.orderNo : r.message))).toEqual(
      queries.map((_, i) => orders[(i * 7) % orders.length]!.orderNo),
    );
  });

  it('reads every warehouse-id spelling and both time formats the sandbox sends', async () => {
    const warehouseOrders = sb.data.orders
      .filter((o) => o.warehouseId !== '0' && o.shippedAt)
      .slice(0, 8);
    const results = await client.fetchOrders(warehouseOrders.map((o) => ({ orderNo: o.orderNo })));
    for (const [i, result] of results.entries()) {
      const stored = warehouseOrders[i]!;
      if (!result.ok) throw new Error(result.message);
      expect(result.value[0]).toMatchObject({
        warehouseId: stored.warehouseId,
        pieceCount: stored.pieces.length,
      });
      expect(result.value[0]!.shippedAt).toBeInstanceOf(Date);
      expect(result.value[0]!.createdAt).toBeInstanceOf(Date);
    }
  });

  it('fails an unknown order and an empty query alone', async () => {
    const results = await client.fetchOrders([
      { referenceNo: 'NOT-A-REF' },
      {},
      { orderNo: sample.orderNos[0] },
    ]);
    expect(results[0]).toMatchObject({
      ok: false,
      message: 'MegaWMS has no order with reference number NOT-A-REF.',
    });
    expect(results[1]).toMatchObject({
      ok: false,
      message: 'Give a reference number, tracking number or order number.',
    });
    expect(results[2]).toMatchObject({ ok: true });
  });
});
