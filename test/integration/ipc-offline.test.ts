/**
 * With MegaWMS gone (the demo sandbox stopped), a scan of a label the station has seen still
 * prints on the real CUPS printer, marked offline; an unseen number fails plainly and loses
 * nothing; `network.changed` tells the window once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestStation, eventually, type TestStation } from '../helpers/station';

let t: TestStation;
const network: boolean[] = [];
let cached = '';
let unseen = '';

beforeAll(async () => {
  t = await openTestStation({ printer: 'ipc-offline' });
  t.station.on('network.changed', ({ online }) => network.push(online));
  const sample = t.station.sandbox!.sample();
  cached = sample.trackingNumbers[2]!;
  unseen = sample.trackingNumbers[40]!;
  await t.value('labels.lookup', { numbers: [cached] });
  await t.station.sandbox!.close();
});

afterAll(async () => {
  await t?.close();
});

it('prints a cached label while MegaWMS cannot be reached', async () => {
  const outcome = await t.value('scan.submit', { number: cached });
  expect(outcome.rows[0]).toMatchObject({ ok: true, source: 'cache' });
  expect(outcome.jobIds).toHaveLength(1);

  const jobId = outcome.jobIds[0]!;
  const job = await eventually('the offline job to finish', async () => {
    const found = (await t.value('queue.list')).find((j) => j.id === jobId);
    return found?.state === 'done' ? found : null;
  });
  expect(await t.printer!.waitForOutput(job.spoolerId!)).toMatch(/\.pdf$/);
});

it('tells the window once that MegaWMS went offline', async () => {
  // The scan above asked for the order's details, which the cache lacked: that noticed.
  await t.value('scan.submit', { number: cached, confirmDuplicates: true });
  expect(network).toEqual([false]);
});

it('fails an unseen number as offline and not cached, in plain words', async () => {
  const outcome = await t.value('scan.submit', { number: unseen });
  expect(outcome.jobIds).toEqual([]);
  expect(outcome.rows[0]).toMatchObject({
    ok: false,
    offline: true,
    failure: { code: 'offline-not-cached' },
  });
  expect(outcome.rows[0]!.failure!.message).toContain(unseen);
});

it('refuses a call that must reach MegaWMS with an offline error', async () => {
  const result = await t.call('orders.cancel', { trackingNumber: cached });
  expect(result).toMatchObject({ ok: false, error: { code: 'offline' } });
  if (!result.ok) expect(result.error.message).toMatch(/MegaWMS/);
});
