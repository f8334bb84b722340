// The queue and print service driving the Windows port: the settings of the station become
// the exact options handed to pdf-to-printer (a recording stand-in: no Windows spooler here).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/main/core/db/database';
import { createPrintQueue, type PrintQueue } from '../../src/main/core/printing/print-queue';
import { createPrintService, type LabelSource } from '../../src/main/core/printing/print-service';
import { savePrintSettings } from '../../src/main/core/printing/print-settings';
import { createWindowsPort, type PdfToPrinter } from '../../src/main/core/printing/windows-port';
import { makeLabel, makeLabelPdf } from '../helpers/cups';

let dir: string;
let db: Db;
let queue: PrintQueue | null;
let prints: Array<{ options: unknown; pages: number }>;

const lib: PdfToPrinter = {
  print: async (pdf, options) => {
    const doc = await PDFDocument.load(fs.readFileSync(pdf));
    prints.push({ options, pages: doc.getPageCount() });
  },
  getPrinters: async () => [{ deviceId: 'Z', name: 'Zebra ZD420', paperSizes: ['4x6'] }],
  getDefaultPrinter: async () => ({ deviceId: 'Z', name: 'Zebra ZD420', paperSizes: ['4x6'] }),
};
const port = createWindowsPort({ loadModule: async () => lib });
const source: LabelSource = async (numbers) =>
  Promise.all(
    numbers.map(async (query) => ({
      query,
      ok: true as const,
      labels: [makeLabel(query, await makeLabelPdf(query))],
    })),
  );

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ls-print-windows-'));
  db = openDatabase(dir);
  prints = [];
  queue = null;
});
afterEach(async () => {
  await queue?.stop();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function start() {
  queue = createPrintQueue({ db, port, pollMs: 50, retryMs: 50 });
  queue.start();
  return createPrintService({ db, port, queue, labelSource: source });
}

it('hands pdf-to-printer the printer, paper, copies and orientation of the settings', async () => {
  savePrintSettings(db, { media: '100x150mm', copies: 2, orientation: 'landscape' });
  const service = start();
  const result = await service.printNumbers(['W1', 'W2']);
  const job = await queue!.waitFor(result.jobIds[0]!, (j) => j.state === 'done');

  expect(prints).toEqual([
    {
      options: {
        printer: 'Zebra ZD420',
        silent: true,
        paperSize: '100x150mm',
        scale: 'noscale',
        copies: 2,
        orientation: 'landscape',
      },
      pages: 2,
    },
  ]);
  expect(job.spoolerId).toBeNull();
  expect(job.reason).toContain('gives no job id');
});

it('fails, rather than resends, a job caught mid-hand-over by a crash', async () => {
  const idle = createPrintQueue({ db, port });
  const { jobIds } = await createPrintService({
    db,
    port,
    queue: idle,
    labelSource: source,
  }).printNumbers(['W3']);
  // What a crash during SumatraPDF's run leaves behind.
  db.prepare(
    "UPDATE print_jobs SET state = 'submitting', attempts = 1, worker_pid = NULL WHERE id = ?",
  ).run(jobIds[0]);

  start();
  const job = await queue!.waitFor(jobIds[0]!, (j) => j.state === 'failed');
  expect(job.reason).toContain('cannot tell whether it printed');
  expect(prints).toEqual([]);
});
