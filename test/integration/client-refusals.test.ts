/**
 * Every refusal of the sandbox as the client reports it: MegaWMS's own Message verbatim,
 * a thrown `refused` for a call, a result for a cancel. Over-limit batches are sent raw:
 * the client never sends one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createMegaWmsClient } from '../../src/main/core/megawms/client';
import type { MegaWmsClient } from '../../src/main/core/megawms/api';
import { endpointPath, type EndpointName } from '../../src/main/core/megawms/endpoints';
import {
  DEMO_CREDENTIALS,
  startSandbox,
  type Sandbox,
  type SandboxSample,
} from '../../src/sandbox/server';
import { demoOrder, rejection } from './client-fixtures';

let sb: Sandbox;
let sample: SandboxSample;
let client: MegaWmsClient;
let wrongKey: MegaWmsClient;

beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
  sample = sb.sample();
  client = createMegaWmsClient({ credentials: DEMO_CREDENTIALS, baseUrl: sb.url, backoffMs: 1 });
  wrongKey = createMegaWmsClient({
    credentials: {
      ...DEMO_CREDENTIALS,
      apiKey: 'wrong-api-key-0000',
      trackKey: 'wrong-track-key-0000',
    },
    baseUrl: sb.url,
    backoffMs: 1,
  });
});

afterAll(async () => {
  await sb.close();
});

describe('a wrong key', () => {
  it.each([
    ['GetLabel', () => wrongKey.fetchLabels([sample.trackingNumbers[0]!])],
    ['GetTrackingNo', () => wrongKey.fetchTrackingNumbers([sample.orderNos[0]!], 'orderNo')],
    ['GetOrderMsg', () => wrongKey.fetchOrders([{ orderNo: sample.orderNos[0]! }])],
    ['Inventory', () => wrongKey.fetchInventory({ all: true })],
    ['AddOrder', () => wrongKey.createOrder(demoOrder())],
  ])('%s is refused with MegaWMS message, and not retried', async (call, run) => {
    const before = sb.requestCount(call as EndpointName);
    const error = await rejection(run());
    expect(error).toMatchObject({
      code: 'refused',
      call,
      message: '客户编码或 ApiKey 错误 (wrong CusCode or ApiKey)',
    });
    expect(sb.requestCount(call as EndpointName) - before).toBe(1);
  });

  it('GetTrack is refused for a wrong tracking key, read from its lower-case error field', async () => {
    const error = await rejection(wrongKey.fetchTracking([sample.shippedTrackingNumber]));
    expect(error).toMatchObject({
      code: 'refused',
      call: 'GetTrack',
      message: 'key 错误 (wrong tracking key)',
    });
  });

  it('InvalidOrder answers a refusal as a result, MegaWMS message verbatim', async () => {
    const result = await wrongKey.cancelOrder(sample.cancellableTrackingNumber);
    expect(result).toMatchObject({
      cancelled: false,
      message: '客户编码或 ApiKey 错误 (wrong CusCode or ApiKey)',
    });
    expect(sb.data.findOrder(sample.cancellableTrackingNumber)?.statusCode).not.toBe(8);
  });
});

describe('AddOrder refusals', () => {
  it('a missing required field', async () => {
    const order = demoOrder();
    const error = await rejection(
      client.createOrder({ ...order, consignee: { ...order.consignee, name: '' } }),
    );
    expect(error).toMatchObject({
      code: 'refused',
      call: 'AddOrder',
      message: 'ConsigneeName 不能为空 (ConsigneeName is required)',
    });
    expect(sb.data.findOrder(order.referenceNo)).toBeUndefined();
  });

  it('a reference number used twice: the second order is refused, one order exists', async () => {
    const order = demoOrder();
    const first = await client.createOrder(order);
    expect(first.kind).toBe('created');
    const error = await rejection(client.createOrder(order));
    expect(error.code).toBe('refused');
    expect(error.message).toContain(`the reference number ${order.referenceNo} was already used`);
    expect(sb.data.orders.filter((o) => o.referenceNo === order.referenceNo)).toHaveLength(1);
  });

  it('a warehouse order without a warehouse of the account', async () => {
    const error = await rejection(
      client.createOrder(demoOrder({ style: 'warehouse', warehouseId: '999' })),
    );
    expect(error.code).toBe('refused');
    expect(error.message).toContain('no warehouse 999');
  });
});

describe('InvalidOrder refusals', () => {
  it('cancelling a shipped order shows the carrier refusal word for word', async () => {
    const result = await client.cancelOrder(sample.shippedTrackingNumber);
    const stored = sb.data.findOrder(sample.shippedTrackingNumber)!;
    expect(stored.channel.carrier).toBe('UPS');
    expect(result).toEqual({
      cancelled: false,
      orderNo: stored.orderNo,
      referenceNo: stored.referenceNo,
      trackingNumber: sample.shippedTrackingNumber,
      message:
        '取消 UPS 订单失败;错误编码:190102;错误描述:No shipment found within the allowed void period',
    });
    expect(stored.statusCode).toBe(6);
  });

  it('cancelling twice: the second is refused as already cancelled', async () => {
    const created = await client.createOrder(demoOrder());
    if (created.kind !== 'created') throw new Error('expected created');
    expect((await client.cancelOrder(created.order.trackingNumber)).cancelled).toBe(true);
    const again = await client.cancelOrder(created.order.trackingNumber);
    expect(again).toMatchObject({ cancelled: false, orderNo: created.order.orderNo });
    expect(again.message).toContain('already cancelled');
  });

  it('an unknown tracking number', async () => {
    const result = await client.cancelOrder('1Z0000000000000000');
    expect(result).toMatchObject({ cancelled: false, trackingNumber: '1Z0000000000000000' });
    expect(result.message).toContain('no order has the tracking number 1Z0000000000000000');
  });
});

describe('batches over the limit', () => {
  /** A request the client would never send, posted as is. */
  async function raw(call: EndpointName, body: object): Promise<Record<string, unknown>> {
    const res = await fetch(sb.url + endpointPath(call), {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
    });
    return JSON.parse((await res.text()).replace(/^\uFEFF/, '')) as Record<string, unknown>;
  }
  const account = { CusCode: DEMO_CREDENTIALS.customerCode, ApiKey: DEMO_CREDENTIALS.apiKey };
  const numbers = (n: number) =>
    Array.from({ length: n }, (_, i) => sample.trackingNumbers[i % 100]!);

  it('are refused by the sandbox when sent raw', async () => {
    const label = await raw('GetLabel', {
      ...account,
      CusApiName: DEMO_CREDENTIALS.apiName,
      LabelType: '1',
      TrackNumbers: numbers(101).map((TrackNumber) => ({ TrackNumber })),
    });
    expect(label).toMatchObject({ Success: 'false' });
    expect(label.Message).toContain('at most 100 per call, got 101');

    const tracking = await raw('GetTrackingNo', {
      ...account,
      Nos: numbers(101).map((OrderNo) => ({ OrderNo, NoType: 0 })),
    });
    expect(tracking.Message).toContain('at most 100 per call, got 101');

    const orders = await raw('GetOrderMsg', {
      ...account,
      Orders: numbers(501).map((Tracknumber) => ({ OrderNo: '', Tracknumber, CsRefNo: '' })),
    });
    expect(orders.Message).toContain('at most 500 per call, got 501');

    const track = await raw('GetTrack', {
      key: DEMO_CREDENTIALS.trackKey,
      Trackingnos: numbers(101).map((Trackingno) => ({ Trackingno })),
    });
    expect(track).toMatchObject({ success: 'false' });

    const inventory = await raw('Inventory', {
      ...account,
      Query: { SKU: '', StortelID: '', GoodsCode: '', PageSizes: '1001', PageNow: '1' },
    });
    expect(inventory.Message).toContain('at most 1000 rows a page');
  });

  it('are split by the client: 101 numbers and 501 orders succeed', async () => {
    const labels = await client.fetchLabels(
      numbers(101).map((n, i) => (i === 100 ? sample.trackingNumbers[100]! : n)),
    );
    expect(labels.every((r) => r.ok)).toBe(true);
    const orders = await client.fetchOrders(
      numbers(501).map((trackingNumber) => ({ trackingNumber })),
    );
    expect(orders).toHaveLength(501);
  });

  it('an inventory page over 1000 rows is refused by the client before sending', async () => {
    const before = sb.requestCount('Inventory');
    const error = await rejection(client.fetchInventory({ pageSize: 1001 }));
    expect(error).toMatchObject({
      code: 'config',
      message: 'An inventory page holds 1 to 1000 rows.',
    });
    expect(sb.requestCount('Inventory')).toBe(before);
  });
});

describe('an account that is not set up', () => {
  it('fails before sending, naming what is missing without showing any key', async () => {
    const empty = createMegaWmsClient({
      credentials: { ...DEMO_CREDENTIALS, apiKey: '', trackKey: ' ' },
      baseUrl: sb.url,
    });
    const before = sb.requestCount();
    const error = await rejection(empty.fetchLabels(['X']));
    expect(error).toMatchObject({
      code: 'config',
      message: 'The MegaWMS account is not set up: the API key is missing. Enter it in Settings.',
    });
    const track = await rejection(empty.fetchTracking(['X']));
    expect(track.message).toContain('the tracking key is missing');
    expect(sb.requestCount()).toBe(before);
  });

  it('refuses an address that is not a web address', () => {
    expect(() =>
      createMegaWmsClient({ credentials: DEMO_CREDENTIALS, baseUrl: 'my.megawms.com' }),
    ).toThrow(
      '"my.megawms.com" is not a web address. Enter the MegaWMS server address in Settings',
    );
  });
});
