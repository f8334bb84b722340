// The CUPS printer port against a real cupsd and a cups-pdf printer of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCupsPort } from '../../src/main/core/printing/cups-port';
import { parseLabelSize } from '../../src/main/core/printing/label-size';
import { PrinterError, type SubmitOptions } from '../../src/main/core/printing/printer-port';
import {
  createVirtualPrinter,
  makeLabelPdf,
  readPdf,
  waitFor,
  type VirtualPrinter,
} from '../helpers/cups';

let printer: VirtualPrinter;
const port = createCupsPort();

beforeAll(() => {
  printer = createVirtualPrinter('port');
});

afterAll(() => {
  printer?.remove();
});

function options(title: string, extra: Partial<SubmitOptions> = {}): SubmitOptions {
  return {
    printer: printer.name,
    copies: 1,
    media: parseLabelSize('4x6in'),
    orientation: 'portrait',
    scale: 'none',
    title,
    ...extra,
  };
}

async function settled(spoolerId: string) {
  return waitFor(
    async () => {
      const job = await port.getJob(spoolerId);
      return ['done', 'failed', 'cancelled'].includes(job.state) ? job : null;
    },
    { what: `${spoolerId} to finish` },
  );
}

describe('CUPS printer port', () => {
  it('lists the printer as idle and accepting, with no reasons', async () => {
    const found = (await port.listPrinters()).find((p) => p.name === printer.name);
    expect(found).toMatchObject({ state: 'idle', accepting: true, reasons: [] });
  });

  it('reports a disabled printer as stopped and paused, with its message', async () => {
    printer.disable('Out of labels at the packing table');
    try {
      const found = (await port.listPrinters()).find((p) => p.name === printer.name);
      expect(found?.state).toBe('stopped');
      expect(found?.reasons.map((r) => r.words)).toContain('paused');
      expect(found?.message).toBe('Out of labels at the packing table');
    } finally {
      printer.enable();
    }
  });

  it('reads the sizes the driver offers, custom sizes included', async () => {
    const media = await port.getMediaSizes(printer.name);
    expect(media.supportsCustom).toBe(true);
    expect(media.sizes.find((s) => s.isDefault)?.name).toBe('A4');
  });

  it('prints a 4x6 label at 288x432 pt, held until released, and follows it to done', async () => {
    const title = `ls-porttest-${Date.now()}`;
    const result = await port.submit(
      await makeLabelPdf('PORT-ONE'),
      options(title, { hold: true }),
    );
    expect(result.spoolerId).toMatch(new RegExp(`^${printer.name}-\\d+$`));
    expect((await port.getJob(result.spoolerId!)).state).toBe('held');

    const found = await port.findUnfinishedJobsByTitle(printer.name, [title, 'ls-nothing-1']);
    expect([...found]).toEqual([[title, result.spoolerId]]);

    await port.release(result.spoolerId!);
    expect((await settled(result.spoolerId!)).state).toBe('done');
    const pdf = readPdf(await printer.waitForOutput(result.spoolerId!));
    expect(pdf).toMatchObject({ pages: 1, sizes: ['288x432'] });
    expect(pdf.pageTexts[0]).toContain('PORT-ONE');
  });

  it('tells a cancelled job from a done one', async () => {
    const held = await port.submit(
      await makeLabelPdf('PORT-CANCEL'),
      options(`ls-c-${Date.now()}`, { hold: true }),
    );
    expect(await port.cancel(held.spoolerId!)).toBe(true);
    expect((await settled(held.spoolerId!)).state).toBe('cancelled');
    // Cancelling it again is refused by CUPS: the job had already finished.
    expect(await port.cancel(held.spoolerId!)).toBe(false);
  });

  it('keeps a printer’s jobs queued with its reason while it is disabled', async () => {
    printer.disable('Cover open');
    try {
      const r = await port.submit(await makeLabelPdf('PORT-WAIT'), options(`ls-w-${Date.now()}`));
      const job = await port.getJob(r.spoolerId!);
      expect(job.state).toBe('queued');
      expect(job.reason).toContain('paused');
      expect(job.reason).toContain('Cover open');
      printer.enable();
      expect((await settled(r.spoolerId!)).state).toBe('done');
    } finally {
      printer.enable();
    }
  });

  it('refuses with not-accepting when the printer rejects jobs', async () => {
    printer.reject('Maintenance');
    try {
      const before = printer.cupsJobs().length;
      const error = await port.submit(await makeLabelPdf('X'), options('ls-r-1')).catch((e) => e);
      expect(error).toBeInstanceOf(PrinterError);
      expect((error as PrinterError).code).toBe('not-accepting');
      expect(printer.cupsJobs().length).toBe(before);
    } finally {
      printer.accept();
    }
  });

  it('refuses unknown printers and names that are not CUPS names, before any lp runs', async () => {
    const pdf = await makeLabelPdf('X');
    const unknown = await port
      .submit(pdf, options('t', { printer: 'ls-test-no-such-printer' }))
      .catch((e) => e);
    expect((unknown as PrinterError).code).toBe('no-such-printer');
    // No shell ever sees the name: a ";" is only an unknown printer to CUPS.
    const odd = await port.submit(pdf, options('t', { printer: 'x;touch' })).catch((e) => e);
    expect((odd as PrinterError).code).toBe('no-such-printer');
    for (const name of ['-d', 'two words', 'a/b', 'tab\there', '']) {
      const bad = await port.submit(pdf, options('t', { printer: name })).catch((e) => e);
      expect((bad as PrinterError).code, name).toBe('invalid-printer-name');
    }
  });
});
