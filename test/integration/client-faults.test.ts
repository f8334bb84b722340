/**
 * Every fault switch of the sandbox against the client: timeouts, 5xx, the IIS error page,
 * dropped connections, malformed JSON, cancelling, and AddOrder's unknown outcome.
 */
import { createServer } from 'node:net';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { createMegaWmsClient, type ClientConfig } from '../../src/main/core/megawms/client';
import type { MegaWmsClient } from '../../src/main/core/megawms/api';
import { isOfflineError } from '../../src/main/core/megawms/errors';
import {
  DEMO_CREDENTIALS,
  startSandbox,
  type Sandbox,
  type SandboxSample,
} from '../../src/sandbox/server';
import { demoOrder, rejection } from './client-fixtures';
import { waitFor as pollUntil } from '../helpers/wait';

let sb: Sandbox;
let sample: SandboxSample;
let client: MegaWmsClient;

function clientWith(config: Partial<ClientConfig> = {}): MegaWmsClient {
  return createMegaWmsClient({
    credentials: DEMO_CREDENTIALS,
    baseUrl: sb.url,
    backoffMs: 1,
    ...config,
  });
}

beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
  sample = sb.sample();
  client = clientWith();
});

afterEach(() => sb.clearFaults());

afterAll(async () => {
  await sb.close();
});

async function waitFor(check: () => boolean, what: string): Promise<void> {
  await pollUntil(check, { what, timeoutMs: 5000, intervalMs: 5 });
}

/** A loopback port nothing listens on (bound, read, closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('latency and timeout', () => {
  it('gives up after the timeout with a message in seconds, without retrying', async () => {
    sb.setFaults({ latencyMs: 4000, endpoints: ['GetLabel'] });
    const before = sb.requestCount('GetLabel');
    const started = Date.now();
    const error = await rejection(
      clientWith({ timeoutMs: 500 }).fetchLabels([sample.trackingNumbers[0]!]),
    );
    expect(error).toMatchObject({ code: 'timeout', call: 'GetLabel' });
    expect(error.message).toMatch(/^MegaWMS did not answer within 0\.5 s\. /);
    expect(Date.now() - started).toBeLessThan(3500);
    await waitFor(() => sb.requestCount('GetLabel') > before, 'the request to arrive');
    expect(sb.requestCount('GetLabel') - before).toBe(1);
    expect(isOfflineError(error)).toBe(true);
  });

  it('a per-call timeout overrides the client one; slow but in time succeeds', async () => {
    sb.setFaults({ latencyMs: 300, endpoints: ['GetTrack'] });
    const slowClient = clientWith({ timeoutMs: 100 });
    const [result] = await slowClient.fetchTracking([sample.shippedTrackingNumber], {
      timeoutMs: 5000,
    });
    expect(result?.ok).toBe(true);
  });
});

describe('5xx', () => {
  it('a read is retried and then succeeds', async () => {
    sb.setFaults({ status5xx: 503, endpoints: ['GetLabel'], times: 2 });
    const before = sb.requestCount('GetLabel');
    const [result] = await client.fetchLabels([sample.trackingNumbers[1]!]);
    expect(result?.ok).toBe(true);
    expect(sb.requestCount('GetLabel') - before).toBe(3);
  });

  it('a read that keeps failing reports the status after its retries', async () => {
    sb.setFaults({ status5xx: 503, endpoints: ['GetOrderMsg'] });
    const before = sb.requestCount('GetOrderMsg');
    const error = await rejection(
      clientWith({ retries: 2 }).fetchOrders([{ orderNo: sample.orderNos[0] }]),
    );
    expect(error).toMatchObject({ code: 'http', status: 503 });
    expect(error.message).toBe(
      'MegaWMS answered HTTP 503. The server has a problem; try again in a few minutes.',
    );
    expect(error.detail).toContain('Service Unavailable');
    expect(sb.requestCount('GetOrderMsg') - before).toBe(3);
  });

  it('AddOrder is never retried: its outcome is settled by GetOrderMsg', async () => {
    sb.setFaults({ status5xx: 502, endpoints: ['AddOrder'] });
    const order = demoOrder();
    const before = sb.requestCount('AddOrder');
    const outcome = await client.createOrder(order);
    expect(outcome).toMatchObject({ kind: 'not-created', referenceNo: order.referenceNo });
    expect(outcome.kind === 'not-created' && outcome.reason).toContain('MegaWMS answered HTTP 502');
    expect(sb.requestCount('AddOrder') - before).toBe(1);
  });

  it('InvalidOrder is never retried either, and says the cancel may have happened', async () => {
    sb.setFaults({ status5xx: 503, endpoints: ['InvalidOrder'] });
    const before = sb.requestCount('InvalidOrder');
    const error = await rejection(client.cancelOrder(sample.cancellableTrackingNumber));
    expect(error.code).toBe('http');
    expect(error.message).toContain(
      'The order may have been cancelled; check its status before trying again.',
    );
    expect(sb.requestCount('InvalidOrder') - before).toBe(1);
  });
});

describe('the HTML error page', () => {
  it('is an HTTP 500 with the page start in detail, retried like any 5xx', async () => {
    sb.setFaults({ htmlErrorPage: true, endpoints: ['GetTrackingNo'] });
    const error = await rejection(
      clientWith({ retries: 1 }).fetchTrackingNumbers([sample.orderNos[0]!], 'orderNo'),
    );
    expect(error).toMatchObject({ code: 'http', status: 500 });
    expect(error.detail).toMatch(/^<!DOCTYPE html>/);
    expect(error.detail!.length).toBeLessThanOrEqual(200);

    sb.setFaults({ htmlErrorPage: true, endpoints: ['GetTrackingNo'], times: 1 });
    const [result] = await client.fetchTrackingNumbers([sample.orderNos[0]!], 'orderNo');
    expect(result?.ok).toBe(true);
  });
});

describe('dropped connections', () => {
  it('a read dropped once is retried and succeeds', async () => {
    for (const drop of ['before', 'after'] as const) {
      sb.setFaults({ drop, endpoints: ['GetTrack'], times: 1 });
      const before = sb.requestCount('GetTrack');
      const [result] = await client.fetchTracking([sample.shippedTrackingNumber]);
      expect(result?.ok).toBe(true);
      expect(sb.requestCount('GetTrack') - before).toBe(2);
    }
  });

  it('a read that keeps being dropped says the connection was lost, with the address', async () => {
    sb.setFaults({ drop: 'before', endpoints: ['GetLabel'] });
    const error = await rejection(
      clientWith({ retries: 1 }).fetchLabels([sample.trackingNumbers[0]!]),
    );
    expect(error.code).toBe('unreachable');
    expect(error.message).toBe(
      `The connection to MegaWMS at ${sb.url} was lost before it answered (connection closed). ` +
        'Check the network and try again.',
    );
    expect(isOfflineError(error)).toBe(true);
  });

  it('a refused connection says where and what to check', async () => {
    const port = await closedPort();
    const error = await rejection(
      clientWith({ baseUrl: `http://127.0.0.1:${port}`, retries: 1 }).fetchLabels(['X']),
    );
    expect(error).toMatchObject({ code: 'unreachable', call: 'GetLabel' });
    expect(error.message).toBe(
      `Cannot reach MegaWMS at http://127.0.0.1:${port} (connection refused). ` +
        'Check the network or the server address in Settings.',
    );
  });

  it('AddOrder to a refused connection throws unreachable: it was never sent', async () => {
    const port = await closedPort();
    const error = await rejection(
      clientWith({ baseUrl: `http://127.0.0.1:${port}` }).createOrder(demoOrder()),
    );
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain('(connection refused)');
  });
});

describe('malformed JSON', () => {
  it('a read reports not-json with the first 200 characters, and is not retried', async () => {
    sb.setFaults({ malformedJson: true, endpoints: ['Inventory'] });
    const before = sb.requestCount('Inventory');
    const error = await rejection(client.fetchInventory({ page: 1, pageSize: 50 }));
    expect(error).toMatchObject({ code: 'not-json', call: 'Inventory' });
    expect(error.message).toContain('MegaWMS sent an answer that is not JSON (Inventory).');
    expect(error.detail).toMatch(/^\uFEFF?\{"Message":"成功"/);
    expect(error.detail!.length).toBe(200);
    expect(sb.requestCount('Inventory') - before).toBe(1);
  });
});

describe('AddOrder with a lost answer', () => {
  function storedWith(referenceNo: string) {
    return sb.data.orders.filter((o) => o.referenceNo === referenceNo);
  }

  it('connection dropped after processing → created-unconfirmed, exactly one order', async () => {
    sb.setFaults({ drop: 'after', endpoints: ['AddOrder'] });
    const order = demoOrder();
    const outcome = await client.createOrder(order);
    expect(storedWith(order.referenceNo)).toHaveLength(1);
    expect(outcome).toMatchObject({
      kind: 'created-unconfirmed',
      order: {
        referenceNo: order.referenceNo,
        orderNo: storedWith(order.referenceNo)[0]!.orderNo,
        pieceCount: 2,
      },
    });
  });

  it('connection dropped before processing → not-created, no order', async () => {
    sb.setFaults({ drop: 'before', endpoints: ['AddOrder'] });
    const order = demoOrder();
    const outcome = await client.createOrder(order);
    expect(storedWith(order.referenceNo)).toHaveLength(0);
    expect(outcome.kind).toBe('not-created');
    expect(outcome.kind === 'not-created' && outcome.reason).toContain(
      `MegaWMS has no order with reference number ${order.referenceNo}, so it was not created.`,
    );
  });

  it('a timeout after processing → created-unconfirmed', async () => {
    sb.setFaults({ latencyMs: 1000, endpoints: ['AddOrder'] });
    const order = demoOrder();
    const outcome = await clientWith({ timeoutMs: 150 }).createOrder(order);
    expect(outcome.kind).toBe('created-unconfirmed');
    expect(storedWith(order.referenceNo)).toHaveLength(1);
  });

  it('an unreadable answer → created-unconfirmed', async () => {
    sb.setFaults({ malformedJson: true, endpoints: ['AddOrder'] });
    const order = demoOrder({ referenceNo: '' });
    const outcome = await client.createOrder(order);
    if (outcome.kind !== 'created-unconfirmed') throw new Error(`got ${outcome.kind}`);
    expect(outcome.order.referenceNo).toMatch(/^LS/);
    expect(storedWith(outcome.order.referenceNo)).toHaveLength(1);
  });

  it('the check is retried as a read: GetOrderMsg dropped once still settles it', async () => {
    sb.setFaults({ drop: 'after', endpoints: ['AddOrder', 'GetOrderMsg'], times: 2 });
    const order = demoOrder();
    const before = sb.requestCount('GetOrderMsg');
    const outcome = await client.createOrder(order);
    expect(outcome.kind).toBe('created-unconfirmed');
    expect(sb.requestCount('GetOrderMsg') - before).toBe(2);
    expect(storedWith(order.referenceNo)).toHaveLength(1);
  });

  it('when the check cannot be made either, it throws and names the reference to look up', async () => {
    sb.setFaults({ drop: 'before', endpoints: ['AddOrder', 'GetOrderMsg'] });
    const order = demoOrder();
    const error = await rejection(clientWith({ retries: 1 }).createOrder(order));
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain('could not check whether the order was created');
    expect(error.message).toContain(
      `Look up reference number ${order.referenceNo} in MegaWMS before creating it again.`,
    );
  });
});

describe('abort', () => {
  it('stops a batch in flight at once, and no later batch is sent', async () => {
    sb.setFaults({ latencyMs: 3000, endpoints: ['GetLabel'] });
    const controller = new AbortController();
    const before = sb.requestCount('GetLabel');
    const pending = clientWith({ concurrency: 1 }).fetchLabels(
      sample.trackingNumbers.slice(0, 250),
      {
        signal: controller.signal,
      },
    );
    await waitFor(() => sb.requestCount('GetLabel') > before, 'the first batch to arrive');
    const abortedAt = Date.now();
    controller.abort();
    const error = await rejection(pending);
    expect(error).toMatchObject({ code: 'aborted', message: 'Cancelled before MegaWMS answered.' });
    expect(Date.now() - abortedAt).toBeLessThan(1500);
    expect(sb.requestCount('GetLabel') - before).toBe(1);
    expect(isOfflineError(error)).toBe(false);
  });

  it('an already-cancelled call sends nothing', async () => {
    const before = sb.requestCount();
    const error = await rejection(
      client.fetchOrders([{ orderNo: 'X' }], { signal: AbortSignal.abort() }),
    );
    expect(error.code).toBe('aborted');
    expect(sb.requestCount()).toBe(before);
  });

  it('cancelling AddOrder warns that the order may exist', async () => {
    sb.setFaults({ latencyMs: 3000, endpoints: ['AddOrder'] });
    const controller = new AbortController();
    const order = demoOrder();
    const before = sb.requestCount('AddOrder');
    const pending = client.createOrder(order, { signal: controller.signal });
    await waitFor(() => sb.requestCount('AddOrder') > before, 'AddOrder to arrive');
    controller.abort();
    const error = await rejection(pending);
    expect(error.code).toBe('aborted');
    expect(error.message).toContain(`look up reference number ${order.referenceNo}`);
  });

  it('a cancel during the backoff wait ends it at once', async () => {
    sb.setFaults({ status5xx: 503, endpoints: ['GetTrack'] });
    const controller = new AbortController();
    const before = sb.requestCount('GetTrack');
    const pending = clientWith({ backoffMs: 20_000 }).fetchTracking(['X'], {
      signal: controller.signal,
    });
    await waitFor(() => sb.requestCount('GetTrack') > before, 'the first try');
    const started = Date.now();
    controller.abort();
    expect((await rejection(pending)).code).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
