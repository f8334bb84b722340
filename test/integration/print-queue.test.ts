// The print service and the durable queue against a real cupsd, reading back what
// cups-pdf printed: page count, page order (each page's text) and page size.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/main/core/db/database';
import { createCupsPort } from '../../src/main/core/printing/cups-port';
import {
  createPrintQueue,
  type PrintJob,
  type PrintQueue,
} from '../../src/main/core/printing/print-queue';
import {
  createPrintService,
  type LabelSource,
  type PrintService,
} from '../../src/main/core/printing/print-service';
import { savePrintSettings } from '../../src/main/core/printing/print-settings';
import type { Label } from '../../src/shared/domain';
import {
  createVirtualPrinter,
  makeLabel,
  makeLabelJpeg,
  makeLabelPdf,
  makeLabelPng,
  readPdf,
  type VirtualPrinter,
} from '../helpers/cups';

let dir: string;
let db: Db;
let printer: VirtualPrinter;
let queue: PrintQueue;
let service: PrintService;
const labels = new Map<string, Label[]>();
const port = createCupsPort();

const source: LabelSource = async (numbers) =>
  numbers.map((query) => {
    const found = labels.get(query);
    return found
      ? { query, ok: true, labels: found }
      : { query, ok: false, message: 'Not in the cache.' };
  });

async function addPdfLabel(number: string, size?: [number, number]): Promise<void> {
  labels.set(number, [makeLabel(number, await makeLabelPdf(`LABEL ${number}`, size))]);
}

function done(id: number, timeoutMs = 60_000): Promise<PrintJob> {
  return queue.waitFor(id, (j) => j.state === 'done', timeoutMs);
}

async function printed(job: PrintJob) {
  return readPdf(await printer.waitForOutput(job.spoolerId!));
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ls-print-queue-'));
  db = openDatabase(dir);
  printer = createVirtualPrinter('queue');
  savePrintSettings(db, { labelPrinter: printer.name });
  queue = createPrintQueue({ db, port, pollMs: 100, retryMs: 200 });
  queue.start();
  service = createPrintService({ db, port, queue, labelSource: source });
});

afterAll(async () => {
  await queue?.stop();
  db?.close();
  printer?.remove();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('printing through CUPS', () => {
  it('prints one cached label as one 4x6 page of 288x432 points', async () => {
    await addPdfLabel('ONE0001');
    const result = await service.printNumbers(['ONE0001']);
    expect(result.status).toBe('queued');
    expect(result.numbers[0]).toMatchObject({ ok: true, jobIds: result.jobIds });

    const job = await done(result.jobIds[0]!);
    expect(job).toMatchObject({ pageCount: 1, attempts: 1, reason: '' });
    const pdf = await printed(job);
    expect(pdf.pages).toBe(1);
    expect(pdf.sizes).toEqual(['288x432']);
    expect(pdf.pageTexts[0]).toContain('LABEL ONE0001');
  });

  it('prints a batch of 200 as one merged job, pages in the exact order asked', async () => {
    const numbers = Array.from(
      { length: 200 },
      (_, i) => `B${String((i * 37) % 200).padStart(4, '0')}`,
    );
    for (const n of numbers) await addPdfLabel(n);
    const before = printer.cupsJobs().length;

    const result = await service.printNumbers(numbers);
    expect(result.jobIds).toHaveLength(1);
    const job = await done(result.jobIds[0]!, 120_000);
    expect(printer.cupsJobs().length).toBe(before + 1);
    expect(job.pieces.map((p) => p.query)).toEqual(numbers);

    const pdf = await printed(job);
    expect(pdf.pages).toBe(200);
    expect(new Set(pdf.sizes)).toEqual(new Set(['288x432']));
    expect(pdf.pageTexts.map((t) => /LABEL (\S+)/.exec(t)?.[1])).toEqual(numbers);
  });

  it('prints one job per label, in order, when the batch is to go separately', async () => {
    const numbers = ['SEP003', 'SEP001', 'SEP002'];
    for (const n of numbers) await addPdfLabel(n);
    const result = await service.printNumbers(numbers, { separate: true });
    expect(result.jobIds).toHaveLength(3);

    const jobs = await Promise.all(result.jobIds.map((id) => done(id)));
    const cupsNumbers = jobs.map((j) => Number(j.spoolerId!.split('-').pop()));
    expect([...cupsNumbers].sort((a, b) => a - b)).toEqual(cupsNumbers);
    for (const [i, job] of jobs.entries()) {
      const pdf = await printed(job);
      expect(pdf.pages).toBe(1);
      expect(pdf.pageTexts[0]).toContain(`LABEL ${numbers[i]}`);
    }
  });

  it('prints PNG labels at the label size, landscape ones turned to fit', async () => {
    labels.set('PNG001', [makeLabel('PNG001', makeLabelPng(800, 1200), 'png')]);
    labels.set('PNG002', [makeLabel('PNG002', makeLabelPng(1200, 800), 'png')]);
    const result = await service.printNumbers(['PNG001', 'PNG002']);
    expect(result.numbers.every((n) => n.ok)).toBe(true);
    const pdf = await printed(await done(result.jobIds[0]!));
    expect(pdf.pages).toBe(2);
    expect(pdf.sizes).toEqual(['288x432', '288x432']);
  });

  it('prints a JPEG label at the label size, whatever type MegaWMS declared', async () => {
    labels.set('JPG001', [makeLabel('JPG001', makeLabelJpeg(812, 1218), 'png')]);
    const result = await service.printNumbers(['JPG001']);
    expect(result.numbers[0]!.pieces[0]!.notes).toEqual(['image fitted to the label']);
    const pdf = await printed(await done(result.jobIds[0]!));
    expect(pdf).toMatchObject({ pages: 1, sizes: ['288x432'] });
  });

  it('prints on 100x150 mm stock when that media is asked for', async () => {
    await addPdfLabel('MM0001', [283.46, 425.2]);
    const result = await service.printNumbers(['MM0001'], { media: '100x150mm' });
    const pdf = await printed(await done(result.jobIds[0]!));
    expect(pdf.sizes).toEqual(['283x425']);
  });

  it('refuses a file that is neither PDF nor image; nothing reaches the printer', async () => {
    const html = new TextEncoder().encode('<!DOCTYPE html><html><body>No permission</body></html>');
    labels.set('HTML01', [makeLabel('HTML01', html, 'pdf')]);
    const before = printer.cupsJobs().length;

    const result = await service.printNumbers(['HTML01']);
    expect(result.status).toBe('nothing-printed');
    expect(result.numbers[0]).toMatchObject({ ok: false, failure: 'invalid-label' });
    expect(result.numbers[0]!.message).toContain('web page (HTML)');
    expect(queue.listJobs({ unfinishedOnly: true })).toEqual([]);
    expect(printer.cupsJobs().length).toBe(before);
  });

  it('asks before printing a piece again, and prints it once confirmed', async () => {
    await addPdfLabel('DUP001');
    const first = await service.printNumbers(['DUP001']);
    await done(first.jobIds[0]!);

    const again = await service.printNumbers(['DUP001']);
    expect(again.status).toBe('needs-confirmation');
    expect(again.jobIds).toEqual([]);
    expect(again.duplicates).toMatchObject([
      { pieceKey: 'DUP001', jobId: first.jobIds[0], printer: printer.name },
    ]);

    const confirmed = await service.printNumbers(['DUP001'], { confirmDuplicates: true });
    expect(confirmed.status).toBe('queued');
    await done(confirmed.jobIds[0]!);
  });

  it('prints a piece again with a warning under the warn policy', async () => {
    savePrintSettings(db, { duplicatePolicy: 'warn' });
    try {
      const result = await service.printNumbers(['DUP001']);
      expect(result.status).toBe('queued');
      expect(result.numbers[0]!.duplicates).toHaveLength(1);
      await done(result.jobIds[0]!);
    } finally {
      savePrintSettings(db, { duplicatePolicy: 'ask' });
    }
  });

  it('reprints a past job in one call, the same pages to the same printer', async () => {
    const original = queue.listJobs({ limit: 1000 }).find((j) => j.pieces[0]?.query === 'SEP001')!;
    const copy = service.reprint(original.id);
    expect(copy).toMatchObject({ reprintOf: original.id, printer: printer.name, state: 'queued' });
    const pdf = await printed(await done(copy.id));
    expect(pdf.pageTexts[0]).toContain('LABEL SEP001');
  });

  it('keeps jobs of a disabled printer waiting with its reason until it is enabled', async () => {
    await addPdfLabel('WAIT01');
    printer.disable('Out of labels');
    try {
      const result = await service.printNumbers(['WAIT01']);
      const id = result.jobIds[0]!;
      const waiting = await queue.waitFor(id, (j) => j.state === 'sent' && j.reason !== '');
      expect(waiting.reason).toContain('paused');
      expect(waiting.reason).toContain('Out of labels');

      const listed = (await service.listPrinters()).find((p) => p.name === printer.name);
      expect(listed?.state).toBe('stopped');
      expect(listed?.reasons.map((r) => r.words)).toContain('paused');

      printer.enable();
      const finished = await done(id);
      expect(finished.reason).toBe('');
      expect((await printed(finished)).pages).toBe(1);
    } finally {
      printer.enable();
    }
  });

  it('fails a job for a printer that does not exist with a plain reason', async () => {
    await addPdfLabel('GONE01');
    const result = await service.printNumbers(['GONE01'], { printer: 'ls-test-not-here' });
    const job = await queue.waitFor(result.jobIds[0]!, (j) => j.state === 'failed');
    expect(job.reason).toContain('does not exist on this computer');
  });
});
