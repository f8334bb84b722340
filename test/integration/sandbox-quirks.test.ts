/** The vendor's quirks, on by default and off with `quirks: false`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, startSandbox, type Sandbox } from '../../src/sandbox/server';
import { ACCOUNT, addOrderBody, post } from './sandbox-http';

let quirky: Sandbox;
let plain: Sandbox;

beforeAll(async () => {
  [quirky, plain] = await Promise.all([
    startSandbox({ port: 0, orderCount: 150, inventoryRows: 100 }),
    startSandbox({ port: 0, orderCount: 150, inventoryRows: 100, quirks: false }),
  ]);
});
afterAll(async () => {
  await Promise.all([quirky.close(), plain.close()]);
});

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const orderMsg = (s: Sandbox, orderNos: string[]) =>
  post(s, '/PubApi/GetOrderMsg.aspx', {
    ...ACCOUNT,
    Orders: orderNos.map((OrderNo) => ({ OrderNo })),
  });
const track = (s: Sandbox) =>
  post(s, '/PubApi/GetTrack.aspx', {
    key: DEMO_CREDENTIALS.trackKey,
    Trackingnos: [{ Trackingno: s.sample().shippedTrackingNumber }],
  });
const inventory = (s: Sandbox) =>
  post(s, '/wsapi/Inventory.aspx', {
    ...ACCOUNT,
    Query: { SKU: '', StortelID: '', GoodsCode: '', PageSizes: '5', PageNow: '1' },
  });
const label = (s: Sandbox) =>
  post(s, '/PubApi/GetLabel.aspx', {
    ...ACCOUNT,
    LabelType: '0',
    TrackNumbers: [{ TrackNumber: s.sample().trackingNumbers[0]! }],
  });

describe('with quirks (the default)', () => {
  it('serves JSON as text/html, with a BOM on GetOrderMsg, GetTrack and Inventory', async () => {
    const answers = [
      await orderMsg(quirky, quirky.sample().orderNos.slice(0, 1)),
      await track(quirky),
      await inventory(quirky),
    ];
    for (const res of answers) {
      expect(res.contentType).toBe('text/html; charset=utf-8');
      expect(res.bytes.subarray(0, 3).equals(BOM)).toBe(true);
      expect(res.json).toBeDefined();
    }
    const labels = await label(quirky);
    expect(labels.contentType).toBe('text/html; charset=utf-8');
    expect(labels.bytes[0]).toBe('{'.charCodeAt(0));
  });

  it('pads the AddOrder order number with a leading space', async () => {
    const { json } = await post(quirky, '/PubApi/AddOrder.aspx', addOrderBody());
    expect(json.OrderNo).toMatch(/^ R80000\d{10}$/);
  });

  it('spells the warehouse id three ways and DeliverTime as yyyy/M/d H:mm:ss', async () => {
    const shipped = quirky.data.orders.filter((o) => o.statusCode === 6).map((o) => o.orderNo);
    const { json } = await orderMsg(quirky, shipped);
    const keys = new Set(
      json.OrderList.flatMap((r: object) => Object.keys(r).filter((k) => k.startsWith('Stor'))),
    );

    expect([...keys].sort()).toEqual(['StortelD', 'StortelID', 'StorteID'].sort());
    for (const row of json.OrderList) {
      expect(row.DeliverTime).toMatch(/^\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}:\d{2}$/);
      expect(row.CreateTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    }
  });

  it('answers GetTrackingNo and GetOrderMsg in MegaWMS id order, not as asked', async () => {
    const asked = quirky.sample().orderNos.slice(0, 6).reverse();
    const nos = await post(quirky, '/PubApi/GetTrackingNo.aspx', {
      ...ACCOUNT,
      Nos: asked.map((OrderNo) => ({ OrderNo, NoType: 0 })),
    });
    const msg = await orderMsg(quirky, asked);

    const ids = (list: Array<{ OrderNo: string }>) =>
      list.map((r) => Number(quirky.data.findOrder(r.OrderNo)!.orderId));
    expect(ids(nos.json.OrderList)).toEqual([...ids(nos.json.OrderList)].sort((x, y) => x - y));
    expect(nos.json.OrderList.map((r: { OrderNo: string }) => r.OrderNo)).toEqual(
      [...asked].reverse(),
    );
    expect(msg.json.OrderList.map((r: { OrderNo: string }) => r.OrderNo)).toEqual(
      [...asked].reverse(),
    );
  });
});

describe('without quirks', () => {
  it('serves application/json with no byte-order mark', async () => {
    for (const res of [
      await orderMsg(plain, plain.sample().orderNos.slice(0, 1)),
      await track(plain),
      await inventory(plain),
    ]) {
      expect(res.contentType).toBe('application/json; charset=utf-8');
      expect(res.bytes[0]).toBe('{'.charCodeAt(0));
    }
  });

  it('sends plain order numbers, one spelling, dash times, rows as asked', async () => {
    const created = await post(plain, '/PubApi/AddOrder.aspx', addOrderBody());
    expect(created.json.OrderNo).toMatch(/^R80000\d{10}$/);

    const shipped = plain.data.orders
      .filter((o) => o.statusCode === 6)
      .map((o) => o.orderNo)
      .reverse();
    const { json } = await orderMsg(plain, shipped);
    expect(json.OrderList.map((r: { OrderNo: string }) => r.OrderNo)).toEqual(shipped);
    for (const row of json.OrderList) {
      expect(Object.keys(row).filter((k) => k.startsWith('Stor'))).toEqual(['StortelID']);
      expect(row.DeliverTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    }
  });
});
