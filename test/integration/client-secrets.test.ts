/**
 * The API key and the tracking key never appear in an error, its detail, its cause, or a
 * log line, even when a server echoes the request back in every way it can.
 */
import { createServer } from 'node:net';
import { inspect } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createMegaWmsClient } from '../../src/main/core/megawms/client';
import type { MegaWmsClient } from '../../src/main/core/megawms/api';
import { setLogLevel } from '../../src/main/core/log';
import type { Credentials } from '../../src/shared/domain';
import { demoOrder } from './client-fixtures';
import { startTestServer, type Answer, type TestServer } from './client-test-server';

const API_KEY = 'ls-secret-api-7f3a9c21-d4e8';
const TRACK_KEY = 'ls-secret-track-0b6e55aa-91';
const CREDS: Credentials = {
  customerCode: '80000',
  apiName: 'OOPSTON1',
  apiKey: API_KEY,
  trackKey: TRACK_KEY,
};

/** Everything an error holds, own properties and causes included, as text. */
function serialise(value: unknown): string {
  const seen = new Set<unknown>();
  const plain = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return v;
    seen.add(v);
    const out: Record<string, unknown> = {};
    for (const key of Object.getOwnPropertyNames(v))
      out[key] = plain((v as Record<string, unknown>)[key]);
    return out;
  };
  return JSON.stringify(plain(value)) + inspect(value, { depth: 10, showHidden: true });
}

/** Each way a server can put the request into its answer. */
const ECHOES: Record<string, (body: string) => Answer> = {
  'an HTML page echoing the request': (body) => ({ body: `<html><pre>${body}</pre></html>` }),
  'a 500 page echoing the request': (body) => ({ status: 500, body: `${body} failed` }),
  'a refusal quoting the keys': () => ({
    body: JSON.stringify({
      Success: 'false',
      success: 'false',
      Message: `ApiKey ${API_KEY} wrong`,
      error: `key ${TRACK_KEY} wrong`,
    }),
  }),
  'a bad answer': (body) => ({
    body: JSON.stringify({
      Success: 'true',
      Labels: [{ Tracknumber: { echo: body } }],
      OrderList: 7,
    }),
  }),
};

let servers: TestServer[] = [];
let logged = '';
const originalWrite = process.stderr.write.bind(process.stderr);

beforeAll(async () => {
  servers = await Promise.all(
    Object.values(ECHOES).map((echo) => startTestServer((req) => echo(req.body))),
  );
  setLogLevel('debug');
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    logged += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return (originalWrite as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
});

afterAll(async () => {
  process.stderr.write = originalWrite;
  setLogLevel('warn');
  await Promise.all(servers.map((s) => s.close()));
});

/** Every call of the client, each one's error (or result) collected. */
async function runEveryCall(client: MegaWmsClient): Promise<unknown[]> {
  const calls: Array<() => Promise<unknown>> = [
    () => client.createOrder(demoOrder()),
    () => client.cancelOrder('1Z0000000000000000'),
    () => client.fetchTrackingNumbers(['R1'], 'orderNo'),
    () => client.fetchLabels(['1Z']),
    () => client.fetchTracking(['1Z']),
    () => client.fetchInventory({ all: true }),
    () => client.fetchOrders([{ referenceNo: 'REF' }]),
  ];
  return Promise.all(calls.map((call) => call().catch((error: unknown) => error)));
}

describe('secrets', () => {
  it.each(Object.keys(ECHOES).map((name, i) => [name, i] as const))(
    '%s leaks no key',
    async (_name, i) => {
      const client = createMegaWmsClient({
        credentials: CREDS,
        baseUrl: servers[i]!.url,
        retries: 1,
        backoffMs: 1,
      });
      const outcomes = await runEveryCall(client);
      const text = serialise(outcomes);
      expect(outcomes.some((o) => o instanceof Error)).toBe(true);
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain(TRACK_KEY);
      // The server did receive them: the test would catch a leak.
      expect(servers[i]!.requests.some((r) => r.body.includes(API_KEY))).toBe(true);
      expect(servers[i]!.requests.some((r) => r.body.includes(TRACK_KEY))).toBe(true);
    },
  );

  it('the echoed page still shows its start, with the keys masked', async () => {
    const client = createMegaWmsClient({ credentials: CREDS, baseUrl: servers[0]!.url });
    const error = (await client.fetchLabels(['1Z']).catch((e: unknown) => e)) as {
      code: string;
      detail: string;
    };
    expect(error.code).toBe('not-json');
    expect(error.detail).toContain('"ApiKey":"***"');
  });

  it('network failures and timeouts leak no key through their cause', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as { port: number };
    await new Promise((r) => closed.close(r));
    const silent = await startTestServer(() => new Promise<never>(() => {}));
    try {
      const unreachable = createMegaWmsClient({
        credentials: CREDS,
        baseUrl: `http://127.0.0.1:${port}`,
        retries: 1,
        backoffMs: 1,
      });
      const slow = createMegaWmsClient({ credentials: CREDS, baseUrl: silent.url, timeoutMs: 50 });
      const outcomes = [...(await runEveryCall(unreachable)), ...(await runEveryCall(slow))];
      expect(outcomes.map((o) => (o as { code?: string }).code)).toEqual([
        ...Array(7).fill('unreachable'),
        ...Array(7).fill('timeout'),
      ]);
      const text = serialise(outcomes);
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain(TRACK_KEY);
    } finally {
      await silent.close();
    }
  });

  it('no log line written during these tests holds a key', () => {
    expect(logged).toContain('[MegaWMS]');
    expect(logged).not.toContain(API_KEY);
    expect(logged).not.toContain(TRACK_KEY);
  });
});
