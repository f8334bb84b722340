/**
 * `scan.submit` and `labels.print` through the handler table over the demo sandbox (real
 * HTTP), the SQLite cache and a real CUPS printer (cups-pdf): the job id comes back, the
 * job's progress is pushed as `job.changed`, and the label comes out at 4×6 in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobView } from '../../src/shared/contract';
import { readPdf } from '../helpers/cups';
import { eventually, openTestStation, type TestStation } from '../helpers/station';

let t: TestStation;
const jobEvents: JobView[] = [];

beforeAll(async () => {
  t = await openTestStation({ printer: 'ipc-scan' });
  t.station.on('job.changed', (job) => jobEvents.push(job));
});

afterAll(async () => {
  await t?.close();
});

const sample = () => t.station.sandbox!.sample();

async function finishedJob(id: number): Promise<JobView> {
  return eventually(`print job ${id} to finish`, async () => {
    const jobs = await t.value('queue.list', { limit: 50 });
    const job = jobs.find((j) => j.id === id);
    return job && ['done', 'failed', 'cancelled'].includes(job.state) ? job : null;
  });
}

describe('scan.submit', () => {
  it('returns a job id and the label comes out of the printer at 4x6 in', async () => {
    const number = sample().trackingNumbers[0]!;
    const outcome = await t.value('scan.submit', { number });

    expect(outcome.needsConfirmation).toBe(false);
    expect(outcome.jobIds).toHaveLength(1);
    expect(outcome.rows[0]).toMatchObject({
      query: number,
      ok: true,
      source: 'network',
      offline: false,
    });
    expect(outcome.rows[0]!.pieces.map((p) => p.trackingNumber)).toContain(number);
    expect(outcome.rows[0]!.orders[0]!.consigneeName).not.toBe('');

    const job = await finishedJob(outcome.jobIds[0]!);
    expect(job).toMatchObject({ state: 'done', printer: t.printer!.name });
    const pdf = readPdf(await t.printer!.waitForOutput(job.spoolerId!));
    expect(pdf.sizes).toEqual(Array(pdf.pages).fill('288x432'));
    expect(jobEvents.filter((e) => e.id === job.id).map((e) => e.state)).toContain('done');
  });

  it('asks before printing a piece again, and prints it once confirmed', async () => {
    const number = sample().trackingNumbers[1]!;
    const first = await t.value('scan.submit', { number });
    await finishedJob(first.jobIds[0]!);

    const again = await t.value('scan.submit', { number });
    expect(again).toMatchObject({ needsConfirmation: true, jobIds: [] });
    expect(again.duplicates.map((d) => d.trackingNumber)).toContain(number);
    expect(
      again.rows[0]!.pieces.find((p) => p.trackingNumber === number)!.printedAt,
    ).not.toBeNull();

    const confirmed = await t.value('scan.submit', { number, confirmDuplicates: true });
    expect(confirmed.jobIds).toHaveLength(1);
    expect(confirmed.jobIds[0]).not.toBe(first.jobIds[0]);
    expect((await finishedJob(confirmed.jobIds[0]!)).state).toBe('done');
  });

  it('prints every piece of a multi-piece order, in piece order, as one job', async () => {
    const orderNo = sample().multiPieceOrderNo;
    const outcome = await t.value('scan.submit', { number: orderNo });
    const pieces = outcome.rows[0]!.pieces;
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    expect(pieces.map((p) => p.pieceIndex)).toEqual(pieces.map((_, i) => i + 1));
    expect(outcome.jobIds).toHaveLength(1);

    const job = await finishedJob(outcome.jobIds[0]!);
    expect(job.pieces).toEqual(pieces.map((p) => p.trackingNumber));
    expect(readPdf(await t.printer!.waitForOutput(job.spoolerId!)).pages).toBe(pieces.length);
  });

  it('reports an unknown number as not found and queues nothing', async () => {
    const jobsBefore = (await t.value('queue.list')).length;
    const outcome = await t.value('scan.submit', { number: '1Z000NOTAREALNUMBER' });
    expect(outcome.jobIds).toEqual([]);
    expect(outcome.rows[0]).toMatchObject({ ok: false, failure: { code: 'not-found' } });
    expect(outcome.rows[0]!.failure!.message).not.toBe('');
    expect((await t.value('queue.list')).length).toBe(jobsBefore);
  });
});

describe('labels.print', () => {
  it('prints a batch as one merged job in the order asked', async () => {
    const numbers = sample().trackingNumbers.slice(5, 17).reverse();
    const outcome = await t.value('labels.print', {
      numbers,
      merge: true,
      confirmDuplicates: true,
    });
    expect(outcome.rows.map((r) => r.query)).toEqual(numbers);
    expect(outcome.jobIds).toHaveLength(1);

    // A master tracking number brings all of its order's pieces, right where it was asked.
    const job = await finishedJob(outcome.jobIds[0]!);
    const asked = outcome.rows.flatMap((r) => r.pieces.map((p) => p.trackingNumber));
    expect(job.pieces).toEqual(asked);
    expect(readPdf(await t.printer!.waitForOutput(job.spoolerId!)).pages).toBe(job.pageCount);
  });

  it('prints one job per label when asked, and names each row its own jobs', async () => {
    const numbers = sample().trackingNumbers.slice(20, 24);
    const outcome = await t.value('labels.print', {
      numbers,
      merge: false,
      confirmDuplicates: true,
    });
    // A row has a job for each of its labels, and no job belongs to two rows.
    const pieces = outcome.rows.map((row) => row.pieces.map((p) => p.trackingNumber));
    expect(outcome.rowJobIds.map((ids) => ids.length)).toEqual(pieces.map((p) => p.length));
    expect(outcome.jobIds).toEqual(outcome.rowJobIds.flat());
    expect(new Set(outcome.jobIds).size).toBe(outcome.jobIds.length);
    for (const [i, ids] of outcome.rowJobIds.entries()) {
      const jobs = await Promise.all(ids.map((id) => finishedJob(id)));
      expect(jobs.flatMap((job) => job.pieces)).toEqual(pieces[i]);
    }
  });

  it('reprints a finished job as a new job in one call', async () => {
    const [last] = await t.value('queue.list', { limit: 1 });
    const reprint = await t.value('queue.reprint', { jobId: last!.id });
    expect(reprint).toMatchObject({ reprintOf: last!.id, pieces: last!.pieces });
    expect((await finishedJob(reprint.id)).state).toBe('done');
  });
});

describe('labels.file', () => {
  it('gives a cached label as PDF bytes for the preview', async () => {
    const number = sample().trackingNumbers[0]!;
    const file = await t.value('labels.file', { trackingNumber: number });
    expect(file.trackingNumber).toBe(number);
    expect(Buffer.from(file.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});
