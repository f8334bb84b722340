/**
 * Print benchmark, against the real cupsd (run `bash scripts/setup-cups.sh` first):
 *
 *   npm run bench:print
 *
 * 1. Scan to spooler: a scanned number whose label is in the cache → the job accepted by
 *    CUPS (`lp` returned its id and the queue wrote it down): median, p95, p99 over SCANS
 *    scans, through the real path (cache lookup in SQLite, label check, queue, `lp`).
 * 2. A batch of 500 labels merged into one PDF and submitted as one job, against the same
 *    500 sent as 500 separate `lp` jobs: time until CUPS has all of it, peak memory of each
 *    (RSS sampled every 5 ms), and the ratio.
 *
 * The labels are the sandbox's 4×6 PDFs (text and vector Code 128). The cups-pdf printer
 * is disabled (`cupsdisable`) throughout, so the jobs queue without Ghostscript rendering
 * them: what is timed is Label Station and the spooler accepting the job, not cups-pdf's
 * rendering on the same two cores. Every job is cancelled and the printer deleted at the
 * end.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCacheStore } from '../src/main/core/cache/cache-store';
import { createLookupService } from '../src/main/core/cache/lookup-service';
import { openDatabase } from '../src/main/core/db/database';
import { createCupsPort } from '../src/main/core/printing/cups-port';
import { createPrintQueue, type PrintQueue } from '../src/main/core/printing/print-queue';
import { createPrintService, type PrintService } from '../src/main/core/printing/print-service';
import { savePrintSettings } from '../src/main/core/printing/print-settings';
import { renderLabelPdf } from '../src/sandbox/label-pdf';
import type { Label } from '../src/shared/domain';

const SCANS = Number(process.env.PRINT_BENCH_SCANS ?? 60);
const BATCH = Number(process.env.PRINT_BENCH_BATCH ?? 500);
const ACCOUNT = '80000|OOPSTON1|bench';
const CUPS_ENV = { ...process.env, LANG: 'C', LC_ALL: 'C' };

const cups = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { env: CUPS_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

async function makeLabels(count: number, prefix: string): Promise<Label[]> {
  const labels: Label[] = [];
  for (let i = 0; i < count; i++) {
    const trackingNumber = `1ZBENCH${prefix}${String(i).padStart(7, '0')}`;
    const orderNo = `R8000${prefix}${String(i).padStart(8, '0')}`;
    const file = await renderLabelPdf({
      sender: {
        name: 'Packing Station 3',
        company: 'Label Station',
        address: '1 Dock Rd',
        phone: '555-0100',
      },
      consignee: {
        name: 'Ada Lovelace',
        company: '',
        address1: `${i} Analytical Engine St`,
        address2: '',
        city: 'Los Angeles',
        state: 'CA',
        zipcode: '90045',
        country: 'US',
        phone: '555-0199',
      },
      channel: 'UPS-Ground',
      carrier: 'UPS',
      trackingNumber,
      pieceIndex: 1,
      pieceCount: 1,
      orderNo,
      referenceNo: `REF-${orderNo}`,
      pieceNo: '',
      weightKg: '1.2',
      date: '2026-12-03',
    });
    labels.push({
      orderNo,
      referenceNo: `REF-${orderNo}`,
      masterTrackingNumber: trackingNumber,
      trackingNumber,
      pieceNo: '',
      pieceIndex: 1,
      pieceCount: 1,
      fileType: 'pdf',
      file,
      htmlUrl: '',
    });
  }
  return labels;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function describeBatch(b: {
  value: { ms: number; jobs: number };
  peakMb: number;
  startMb: number;
}) {
  const jobs = `${b.value.jobs} job${b.value.jobs === 1 ? '' : 's'}`;
  const rss = `peak RSS ${b.peakMb.toFixed(0)} MB (${b.startMb.toFixed(0)} MB before)`;
  return `${b.value.ms.toFixed(0)} ms, ${jobs}, ${rss}`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Peak RSS while `fn` runs, sampled every 5 ms, in MB. */
async function withPeakRss<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; peakMb: number; startMb: number }> {
  const startMb = process.memoryUsage().rss / 1024 / 1024;
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakMb: peak / 1024 / 1024, startMb };
  } finally {
    clearInterval(timer);
  }
}

function untilSent(queue: PrintQueue, ids: number[]): Promise<unknown> {
  return Promise.all(
    ids.map((id) =>
      queue.waitFor(id, (j) => j.state !== 'queued' && j.state !== 'submitting', 300_000),
    ),
  );
}

async function scanToSpooler(
  service: PrintService,
  queue: PrintQueue,
  numbers: string[],
): Promise<number[]> {
  const times: number[] = [];
  for (const number of numbers) {
    const start = performance.now();
    const result = await service.printNumbers([number]);
    if (result.status !== 'queued')
      throw new Error(`scan ${number}: ${result.numbers[0]?.message}`);
    const job = await queue.waitFor(
      result.jobIds[0]!,
      (j) => j.state !== 'queued' && j.state !== 'submitting',
    );
    if (job.state !== 'sent')
      throw new Error(`scan ${number}: job ${job.id} is ${job.state}: ${job.reason}`);
    times.push(performance.now() - start);
  }
  return times;
}

async function batch(
  service: PrintService,
  queue: PrintQueue,
  numbers: string[],
  separate: boolean,
) {
  global.gc?.();
  return withPeakRss(async () => {
    const start = performance.now();
    const result = await service.printNumbers(numbers, { separate, confirmDuplicates: true });
    await untilSent(queue, result.jobIds);
    return { ms: performance.now() - start, jobs: result.jobIds.length };
  });
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ls-print-bench-'));
  const printer = `ls-bench-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  const db = openDatabase(dir);
  cups('lpadmin', [
    '-p',
    printer,
    '-E',
    '-v',
    'cups-pdf:/',
    '-m',
    'lsb/usr/cups-pdf/CUPS-PDF_opt.ppd',
  ]);
  cups('cupsdisable', ['-r', 'Label Station print benchmark', printer]);
  const port = createCupsPort();
  const queue = createPrintQueue({ db, port, pollMs: 1_000 });
  try {
    const load = os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
    console.log(`${os.cpus().length} cores, load average ${load} (other work skews the figures)`);
    console.log(`Rendering ${SCANS} + ${BATCH} sandbox labels…`);
    const store = createCacheStore(db);
    const scanLabels = await makeLabels(SCANS + 5, 'S');
    const batchLabels = await makeLabels(BATCH, 'B');
    store.storeBatch(ACCOUNT, { labels: [...scanLabels, ...batchLabels] });
    const lookup = createLookupService({ store, account: ACCOUNT });
    savePrintSettings(db, { labelPrinter: printer, duplicatePolicy: 'allow' });
    queue.start();
    const service = createPrintService({
      db,
      port,
      queue,
      labelSource: (n) => lookup.findLabels(n, { offline: true }),
    });

    // Warm-up: first lookups, first lp, module loading.
    await scanToSpooler(
      service,
      queue,
      scanLabels.slice(SCANS).map((l) => l.trackingNumber),
    );
    const scans = (
      await scanToSpooler(
        service,
        queue,
        scanLabels.slice(0, SCANS).map((l) => l.trackingNumber),
      )
    ).sort((a, b) => a - b);
    const p95 = percentile(scans, 95);
    console.log(`\nScan → job accepted by CUPS (${SCANS} scans, cached labels)`);
    console.log(
      `  median ${ms(percentile(scans, 50))}   p95 ${ms(p95)}   ` +
        `p99 ${ms(percentile(scans, 99))}   max ${ms(scans.at(-1)!)}`,
    );
    console.log(`  target p95 < 100 ms: ${p95 < 100 ? 'met' : 'NOT met'}`);
    cups('cancel', ['-a', printer]);

    const numbers = batchLabels.map((l) => l.trackingNumber);
    const merged = await batch(service, queue, numbers, false);
    cups('cancel', ['-a', printer]);
    const separate = await batch(service, queue, numbers, true);
    cups('cancel', ['-a', printer]);

    console.log(`\n${BATCH} labels to CUPS (lookup, check, PDF, queue, lp accepted)`);
    console.log(`  merged into one job:   ${describeBatch(merged)}`);
    console.log(`  as separate lp jobs:   ${describeBatch(separate)}`);
    console.log(
      `  ratio separate / merged: ${(separate.value.ms / merged.value.ms).toFixed(1)}× the time`,
    );
    console.log(
      `  process maxRSS over the whole run: ${mb(process.resourceUsage().maxRSS * 1024)}`,
    );
  } finally {
    await queue.stop();
    try {
      cups('cancel', ['-a', printer]);
    } catch {
      // Nothing left to cancel.
    }
    cups('lpadmin', ['-x', printer]);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
