/** The seeded demo data: the same on every start with one seed, and rich enough to feel real. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/server';
import { isValidTrackingNumber } from '../../src/sandbox/tracking-numbers';
import { ACCOUNT, post } from './sandbox-http';

let a: Sandbox;
let b: Sandbox;

beforeAll(async () => {
  [a, b] = await Promise.all([
    startSandbox({ port: 0, seed: 7 }),
    startSandbox({ port: 0, seed: 7 }),
  ]);
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
});

describe('determinism', () => {
  it('gives two sandboxes with the same seed the same orders, inventory and sample', () => {
    expect(a.port).not.toBe(b.port);
    expect(JSON.stringify(a.data.orders)).toBe(JSON.stringify(b.data.orders));
    expect(a.data.inventory).toEqual(b.data.inventory);
    expect(a.sample()).toEqual(b.sample());
  });

  it('answers the same bytes from both (order status and label files)', async () => {
    const orders = a
      .sample()
      .orderNos.slice(0, 50)
      .map((OrderNo) => ({ OrderNo }));
    const ask = (s: Sandbox) => post(s, '/PubApi/GetOrderMsg.aspx', { ...ACCOUNT, Orders: orders });
    const label = (s: Sandbox) =>
      post(s, '/PubApi/GetLabel.aspx', {
        ...ACCOUNT,
        LabelType: '1',
        TrackNumbers: [{ TrackNumber: a.sample().multiPieceOrderNo }],
      });

    expect((await ask(a)).bytes.equals((await ask(b)).bytes)).toBe(true);
    const [la, lb] = [(await label(a)).json, (await label(b)).json];
    expect(la.Labels.map((l: { LabelBase64: string }) => l.LabelBase64)).toEqual(
      lb.Labels.map((l: { LabelBase64: string }) => l.LabelBase64),
    );
  });

  it('gives another seed other data', async () => {
    const other = await startSandbox({ port: 0, seed: 8, orderCount: 50, inventoryRows: 50 });
    try {
      expect(other.data.orders[0]!.orderNo).not.toBe(a.data.orders[0]!.orderNo);
      expect(other.data.orders).toHaveLength(50);
      expect(other.data.inventory).toHaveLength(50);
    } finally {
      await other.close();
    }
  });
});

describe('demo orders', () => {
  it('holds about 300 orders in every status code', () => {
    const statuses = new Set(a.data.orders.map((o) => o.statusCode));

    expect(a.data.orders).toHaveLength(300);
    expect([...statuses].sort((x, y) => x - y)).toEqual([1, 3, 4, 6, 8, 11, 12]);
  });

  it('has single- and multi-piece shipments of up to five pieces, numbered per piece', () => {
    const counts = new Set(a.data.orders.map((o) => o.pieces.length));
    expect([...counts].sort()).toEqual([1, 2, 3, 4, 5]);

    for (const order of a.data.orders) {
      const n = String(order.pieces.length).padStart(3, '0');
      expect(order.pieces.map((p) => p.pieceNo)).toEqual(
        order.pieces.map((_, i) => `${order.orderNo}_${String(i + 1).padStart(3, '0')}x${n}`),
      );
    }
  });

  it('gives every confirmed piece a unique tracking number with a valid check digit', () => {
    const confirmed = a.data.orders.filter((o) => o.statusCode !== 1);
    const numbers = confirmed.flatMap((o) => o.pieces.map((p) => p.trackingNumber));

    expect(new Set(numbers).size).toBe(numbers.length);
    for (const order of confirmed) {
      expect(order.trackingNumber).toBe(order.pieces[0]!.trackingNumber);
      for (const piece of order.pieces) {
        expect(isValidTrackingNumber(order.channel.carrier, piece.trackingNumber)).toBe(true);
      }
    }
    const carriers = new Set(confirmed.map((o) => o.channel.carrier));
    expect([...carriers].sort()).toEqual(['FedEx', 'UPS', 'USPS']);
    expect(a.data.orders.filter((o) => o.statusCode === 1).every((o) => !o.trackingNumber)).toBe(
      true,
    );
  });

  it('uses both order number styles and several reference styles', () => {
    const orderNos = a.data.orders.map((o) => o.orderNo);
    expect(orderNos.some((n) => /^R80000\d{10}$/.test(n))).toBe(true);
    expect(orderNos.some((n) => /^HTFLY\d{10}YQ$/.test(n))).toBe(true);
    expect(a.data.orders.some((o) => /^RLV\d{9}$/.test(o.referenceNo))).toBe(true);
    expect(new Set(a.data.orders.map((o) => o.referenceNo)).size).toBe(300);
  });

  it('has US addresses and the document channels', () => {
    const channels = new Set(a.data.orders.map((o) => o.channel.name));
    expect(channels).toContain('FedEx-Ground');
    expect(channels).toContain('UPS-Ground');
    expect(channels).toContain('USPS-Priority');
    for (const { consignee } of a.data.orders) {
      expect(consignee.country).toBe('US');
      expect(consignee.zipcode).toMatch(/^\d{5}(-\d{4})?$/);
      expect(consignee.state).toMatch(/^[A-Z]{2}$/);
    }
  });

  it('has tracking events with unknown times, both time formats and slips in their order', () => {
    const events = a.data.orders.flatMap((o) => o.events);
    const times = events.map((e) => e.occurTime);

    expect(times).toContain('1900-01-01 00:00:00');
    expect(
      times.some((t) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(t) && !t.startsWith('1900')),
    ).toBe(true);
    expect(times.some((t) => /^\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}:\d{2}$/.test(t))).toBe(true);
    const outOfOrder = a.data.orders.some((o) => {
      const known = o.events.map((e) => e.occurTime).filter((t) => !t.startsWith('1900'));
      return known.some(
        (t, i) =>
          i > 0 &&
          Date.parse(t.replace(/\//g, '-')) > Date.parse(known[i - 1]!.replace(/\//g, '-')),
      );
    });
    expect(outOfOrder).toBe(true);
    const delivered = a.data.orders.find((o) => o.trackStatus === 'DELIVERED')!;
    expect(delivered.statusCode).toBe(6);
  });
});

describe('demo inventory', () => {
  it('spreads about 3000 rows over the document warehouses, some below their warning level', () => {
    const rows = a.data.inventory;
    const warehouses = new Set(rows.map((r) => r.warehouseName));

    expect(rows).toHaveLength(3000);
    expect([...warehouses].sort()).toEqual(
      [
        '美国 JFK 机场仓库',
        'California LAX - 加州机场仓库',
        'ShenZheng - 深圳机场仓库',
        'California - 加州码头仓库',
        'flychen',
        'Delaware - 美国东岸仓库',
      ].sort(),
    );
    expect(rows.filter((r) => r.stockNum < r.expectNum).length).toBeGreaterThan(100);
    expect(rows.every((r) => r.enableNum === r.stockNum - r.holdNum && r.enableNum >= 0)).toBe(
      true,
    );
    expect(rows.some((r) => r.oosNum > 0)).toBe(true);
  });
});
