/**
 * `station print` and `station reprint`: labels through the cache to the station's print
 * queue (the same SQLite file and queue as the desktop app), waiting until the spooler has
 * each job. Jobs left unfinished by an earlier run are resumed first.
 */
import { openDatabase } from '../../main/core/db/database';
import { createPrinterPort } from '../../main/core/printing/create-printer-port';
import { LabelSizeError } from '../../main/core/printing/label-size';
import {
  createPrintQueue,
  isFinished,
  type PrintJob,
  type PrintQueue,
} from '../../main/core/printing/print-queue';
import { createPrintService, type PrintResult } from '../../main/core/printing/print-service';
import { PrintSettingsError } from '../../main/core/printing/print-settings';
import type { PrinterPort } from '../../main/core/printing/printer-port';
import type { Db } from '../../main/core/db/database';
import type { Command } from '../command';
import { printJson, reportFailures } from '../command';
import { requireNumbers } from '../input';
import { UsageError, type CliContext } from '../context';
import { openLookupService } from './cache';

/** The station's queue for one command; stopped (and the file closed) when it ends. */
export interface CliPrinting {
  db: Db;
  port: PrinterPort;
  queue: PrintQueue;
}

/** Opens the queue of the data folder; `start` also resumes what earlier runs left. */
export function openPrinting(ctx: CliContext, opts: { start: boolean }): CliPrinting {
  const db = openDatabase(ctx.dataDir);
  ctx.onClose(() => void db.close());
  const port = createPrinterPort();
  const queue = createPrintQueue({ db, port });
  ctx.onClose(() => queue.stop());
  if (opts.start) {
    const { unfinished } = queue.start();
    if (unfinished.length > 0) {
      ctx.io.err(
        `Resuming ${unfinished.length} unfinished print job(s): ` +
          unfinished.map((j) => j.id).join(', '),
      );
    }
  }
  return { db, port, queue };
}

export const printCommand: Command = {
  name: 'print',
  usage:
    'print <number...> [--file F] [--printer P] [--copies N] ' +
    '[--media 4x6in|100x150mm|100x100mm|WxHmm|WxHin] [--separate] [--yes] [--wait] [--offline]',
  summary: 'Print labels: cache first, MegaWMS on a miss; a batch is one job unless --separate.',
  options: {
    file: { type: 'string' },
    printer: { type: 'string' },
    copies: { type: 'string' },
    media: { type: 'string' },
    separate: { type: 'boolean' },
    yes: { type: 'boolean' },
    wait: { type: 'boolean' },
    offline: { type: 'boolean' },
  },
  async run(ctx, positionals, values) {
    const numbers = requireNumbers(positionals, values.file as string | undefined);
    const copies = values.copies === undefined ? undefined : parseCopies(values.copies as string);

    const offline = Boolean(values.offline);
    const lookup = await openLookupService(ctx, { offline });
    const printing = openPrinting(ctx, { start: true });
    const service = createPrintService({
      ...printing,
      labelSource: (asked) =>
        lookup.findLabels(asked, {
          offline,
          onProgress: (d, t) => ctx.io.progress('labels', d, t),
        }),
    });
    const result = await service
      .printNumbers(numbers, {
        printer: values.printer as string | undefined,
        copies,
        media: values.media as string | undefined,
        separate: Boolean(values.separate),
        confirmDuplicates: Boolean(values.yes),
      })
      .catch(usageOnBadSize);

    const jobs = await waitForJobs(printing.queue, result.jobIds, Boolean(values.wait));
    if (ctx.options.json) printJson(ctx, { ...result, jobs });
    else describeResult(ctx, result, jobs);
    const failedJobs = jobs.some((j) => j.state === 'failed' || j.state === 'cancelled');
    return Math.max(
      reportFailures(ctx, result.numbers),
      result.status === 'queued' && !failedJobs ? 0 : 1,
    );
  },
};

export const reprintCommand: Command = {
  name: 'reprint',
  usage: 'reprint <job> [--printer P] [--wait]',
  summary: 'Print a past print job again: same labels, same options, one call.',
  options: { printer: { type: 'string' }, wait: { type: 'boolean' } },
  async run(ctx, positionals, values) {
    const id = Number(positionals[0]);
    if (positionals.length !== 1 || !Number.isInteger(id) || id < 1) {
      throw new UsageError('Give the number of one print job (see `station jobs`).');
    }
    const { queue } = openPrinting(ctx, { start: true });
    const job = queue.reprint(id, { printer: values.printer as string | undefined });
    const [settled] = await waitForJobs(queue, [job.id], Boolean(values.wait));
    if (ctx.options.json) printJson(ctx, settled);
    else ctx.io.out(describeJob(settled!));
    return settled!.state === 'failed' || settled!.state === 'cancelled' ? 1 : 0;
  },
};

/** Waits until the spooler has each job (or, with `finished`, until each is done). */
async function waitForJobs(
  queue: PrintQueue,
  ids: number[],
  finished: boolean,
): Promise<PrintJob[]> {
  const reached = (j: PrintJob) => isFinished(j.state) || (!finished && j.state === 'sent');
  // Limitation: `station print` ends once CUPS has the jobs; their end (done, failed) is
  // recorded by the next station process that runs the queue (`station jobs`, the app).
  return Promise.all(ids.map((id) => queue.waitFor(id, reached, finished ? 10 * 60_000 : 120_000)));
}

/** One line a worker reads: job, pages, where it went and what it waits for. */
export function describeJob(job: PrintJob): string {
  const spooler = job.spoolerId ? ` (${job.spoolerId})` : '';
  const reason = job.reason ? ` — ${job.reason}` : '';
  const labels = `${plural(job.pieces.length, 'label')}, ${plural(job.pageCount, 'page')}`;
  return `job ${job.id}: ${labels} → ${job.printer}${spooler}: ${job.state}${reason}`;
}

function describeResult(ctx: CliContext, result: PrintResult, jobs: PrintJob[]): void {
  if (result.status === 'needs-confirmation') {
    ctx.io.err('Printed before — nothing was printed. Add --yes to print these again:');
    for (const d of result.duplicates) {
      const where = d.jobId
        ? `on ${d.printer}, job ${d.jobId}, ${minute(d.printedAt)}`
        : 'asked twice in this list';
      ctx.io.err(`  ${d.trackingNumber || d.pieceKey} (${d.query}): ${where}`);
    }
    return;
  }
  for (const d of result.duplicates)
    ctx.io.err(
      `Printing again: ${d.trackingNumber || d.pieceKey} (printed before, job ${d.jobId})`,
    );
  for (const job of jobs) ctx.io.out(describeJob(job));
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function minute(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

function parseCopies(text: string): number {
  const copies = Number(text);
  if (!Number.isInteger(copies) || copies < 1 || copies > 20) {
    throw new UsageError(`--copies must be a whole number from 1 to 20, not "${text}".`);
  }
  return copies;
}

function usageOnBadSize(error: unknown): never {
  if (error instanceof LabelSizeError || error instanceof PrintSettingsError) {
    throw new UsageError(error.message);
  }
  throw error;
}
