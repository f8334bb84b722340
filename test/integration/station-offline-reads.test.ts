/**
 * Once the station knows MegaWMS is out of reach, a scan of a number it never saved asks
 * once and says "offline, not saved" at once, instead of retrying every call; writes keep
 * their own policy. After the sandbox stops, its port answers every request with a 503, as
 * a proxy in front of a server that is down does, and counts them: one per try.
 */
import http from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestStation, type TestStation } from '../helpers/station';

const RETRIES = 3;
let t: TestStation;
let down: http.Server;
let requests = 0;
let unseen: string[] = [];

beforeAll(async () => {
  t = await openTestStation({ client: { timeoutMs: 3_000, retries: RETRIES, backoffMs: 5 } });
  const sandbox = t.station.sandbox!;
  unseen = sandbox.sample().trackingNumbers.slice(50, 53);
  const port = Number(new URL(sandbox.url).port);
  await sandbox.close();
  down = http.createServer((req, res) => {
    requests++;
    req.resume();
    res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>503 Service Unavailable</h1>');
  });
  await new Promise<void>((resolve) => down.listen(port, '127.0.0.1', resolve));
});

afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => down?.close(resolve));
});

/** Scans `number` and returns how many requests the scan made. */
async function requestsOfScan(number: string) {
  const before = requests;
  const outcome = await t.value('scan.submit', { number });
  return { outcome, made: requests - before };
}

it('retries while it still thinks MegaWMS is there, then asks once per call', async () => {
  const first = await requestsOfScan(unseen[0]!);
  expect(first.outcome.rows[0]).toMatchObject({
    ok: false,
    offline: true,
    failure: { code: 'offline-not-cached' },
  });
  // Every call of the first scan was tried 1 + RETRIES times.
  expect(first.made % (1 + RETRIES)).toBe(0);
  const calls = first.made / (1 + RETRIES);
  expect(calls).toBeGreaterThanOrEqual(1);

  for (const number of unseen.slice(1)) {
    const next = await requestsOfScan(number);
    expect(next.outcome.rows[0]).toMatchObject({
      ok: false,
      failure: { code: 'offline-not-cached' },
    });
    expect(next.made).toBe(calls);
  }
});

it('keeps a write to a single try whatever the network watch says', async () => {
  const before = requests;
  const result = await t.call('orders.cancel', { trackingNumber: unseen[0] });
  expect(result).toMatchObject({ ok: false });
  expect(requests - before).toBe(1);
});
