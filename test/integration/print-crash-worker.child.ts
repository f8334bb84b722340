/**
 * Child process of print-crash.test.ts: runs the print queue of a station database against
 * the real CUPS port, and dies by SIGKILL right after the spooler took the Nth job — before
 * the queue can write the job id down. With N = 0 it runs until the parent kills it.
 * It reports each change of a job on stdout as `<id> <state>`.
 */
import { openDatabase } from '../../src/main/core/db/database';
import { createCupsPort } from '../../src/main/core/printing/cups-port';
import { createPrintQueue } from '../../src/main/core/printing/print-queue';
import type { PrinterPort } from '../../src/main/core/printing/printer-port';

const [dir, crashAfter] = process.argv.slice(2) as [string, string];
const killAt = Number(crashAfter);

const cups = createCupsPort();
let submitted = 0;
const port: PrinterPort = {
  ...cups,
  submit: async (document, options) => {
    const result = await cups.submit(document, options);
    submitted++;
    if (submitted === killAt) process.kill(process.pid, 'SIGKILL');
    return result;
  },
};

const queue = createPrintQueue({ db: openDatabase(dir), port, pollMs: 100, retryMs: 200 });
queue.onJobChange((job) => process.stdout.write(`${job.id} ${job.state}\n`));
queue.start();
