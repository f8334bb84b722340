/** The sandbox's fault switches: latency, 5xx, HTML error page, dropped connection, bad JSON. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/server';
import { ACCOUNT, addOrderBody, post, waitFor } from './sandbox-http';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, orderCount: 60, inventoryRows: 200 });
});
afterEach(() => sandbox.clearFaults());
afterAll(() => sandbox.close());

const orderMsg = (orderNo = sandbox.sample().orderNos[0]!) =>
  post(sandbox, '/PubApi/GetOrderMsg.aspx', { ...ACCOUNT, Orders: [{ OrderNo: orderNo }] });

/** The error a raw fetch rejects with when the connection is cut. */
async function networkError(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e as Error & { cause?: { code?: string } },
  );
  expect(error).toBeInstanceOf(TypeError);
  return String(error?.cause?.code ?? error?.message);
}

describe('latency', () => {
  it('delays every answer by latencyMs', async () => {
    sandbox.setFaults({ latencyMs: 400 });
    const started = performance.now();
    const res = await orderMsg();

    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    expect(res.json.Success).toBe('true');
  });

  it('lets a client give up while the order is still created (outcome unknown)', async () => {
    sandbox.setFaults({ latencyMs: 2000, endpoints: ['AddOrder'] });
    const body = addOrderBody();
    const aborted = fetch(`${sandbox.url}/PubApi/AddOrder.aspx`, {
      method: 'POST',
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(200),
    });

    await expect(aborted).rejects.toThrow();
    const order = await waitFor(() => sandbox.data.findOrder(String(body.CsRefNo)));
    expect(order.statusCode).toBe(3);
  });
});

describe('server errors', () => {
  it('answers status5xx with a small body and does not process the call', async () => {
    sandbox.setFaults({ status5xx: 503 });
    const body = addOrderBody();
    const res = await post(sandbox, '/PubApi/AddOrder.aspx', body);

    expect(res.status).toBe(503);
    expect(res.bytes.length).toBeLessThan(200);
    expect(res.json).toBeUndefined();
    expect(sandbox.data.findOrder(String(body.CsRefNo))).toBeUndefined();
  });

  it('answers htmlErrorPage with an ASP.NET 500 page in text/html', async () => {
    sandbox.setFaults({ htmlErrorPage: true });
    const res = await orderMsg();

    expect(res.status).toBe(500);
    expect(res.contentType).toBe('text/html; charset=utf-8');
    expect(res.text).toContain("Server Error in '/' Application.");
    expect(res.json).toBeUndefined();
  });

  it('refuses a status outside 500-599 when the fault is set', () => {
    expect(() => sandbox.setFaults({ status5xx: 404 })).toThrow(RangeError);
  });
});

describe('dropped connections', () => {
  it("drop 'before' cuts the connection without creating the order", async () => {
    sandbox.setFaults({ drop: 'before' });
    const body = addOrderBody();

    await networkError(post(sandbox, '/PubApi/AddOrder.aspx', body));
    expect(sandbox.data.findOrder(String(body.CsRefNo))).toBeUndefined();
  });

  it("drop 'after' creates the order, then cuts the connection", async () => {
    sandbox.setFaults({ drop: 'after', endpoints: ['AddOrder'] });
    const body = addOrderBody();

    await networkError(post(sandbox, '/PubApi/AddOrder.aspx', body));
    const order = sandbox.data.findOrder(String(body.CsRefNo));
    expect(order?.statusCode).toBe(3);

    const lookup = await post(sandbox, '/PubApi/GetOrderMsg.aspx', {
      ...ACCOUNT,
      Orders: [{ CsRefNo: body.CsRefNo, Tracknumber: '', OrderNo: '' }],
    });
    expect(lookup.json.OrderList.map((r: { OrderNo: string }) => r.OrderNo)).toEqual([
      order!.orderNo,
    ]);
  });
});

describe('malformed JSON', () => {
  it('answers 200 with the JSON cut short, after processing the call', async () => {
    sandbox.setFaults({ malformedJson: true });
    const body = addOrderBody();
    const res = await post(sandbox, '/PubApi/AddOrder.aspx', body);

    expect(res.status).toBe(200);
    expect(res.text.startsWith('{"CusApiName"')).toBe(true);
    expect(() => JSON.parse(res.text)).toThrow(SyntaxError);
    expect(sandbox.data.findOrder(String(body.CsRefNo))).toBeDefined();
  });
});

describe('scope of a fault', () => {
  it('applies only to the listed endpoints', async () => {
    sandbox.setFaults({ status5xx: 502, endpoints: ['GetLabel'] });
    const label = await post(sandbox, '/PubApi/GetLabel.aspx', {
      ...ACCOUNT,
      LabelType: '0',
      TrackNumbers: [{ TrackNumber: sandbox.sample().trackingNumbers[0]! }],
    });
    const order = await orderMsg();

    expect(label.status).toBe(502);
    expect(order.status).toBe(200);
    expect(order.json.Success).toBe('true');
  });

  it('applies to the next `times` matching calls only', async () => {
    sandbox.setFaults({ status5xx: 500, endpoints: ['GetOrderMsg'], times: 2 });
    await post(sandbox, '/wsapi/Inventory.aspx', {
      ...ACCOUNT,
      Query: { SKU: '', StortelID: '', GoodsCode: '', PageSizes: '1', PageNow: '1' },
    });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await orderMsg()).status);

    expect(statuses).toEqual([500, 500, 200, 200]);
  });

  it('lasts until cleared when no `times` is given', async () => {
    sandbox.setFaults({ status5xx: 500 });
    const before = [
      (await orderMsg()).status,
      (await orderMsg()).status,
      (await orderMsg()).status,
    ];
    sandbox.clearFaults();

    expect(before).toEqual([500, 500, 500]);
    expect((await orderMsg()).status).toBe(200);
  });

  it('counts every call, faulted ones included, per endpoint and in total', async () => {
    const total = sandbox.requestCount();
    const orders = sandbox.requestCount('GetOrderMsg');
    sandbox.setFaults({ drop: 'before', times: 1 });
    await networkError(orderMsg());
    await orderMsg();

    expect(sandbox.requestCount('GetOrderMsg')).toBe(orders + 2);
    expect(sandbox.requestCount()).toBe(total + 2);
    expect(sandbox.requestCount('GetTrack')).toBe(0);
  });
});
