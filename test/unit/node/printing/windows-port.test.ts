// The Windows port at its boundary: what it hands pdf-to-printer. The Windows spooler
// cannot exist here, so a recording stand-in takes pdf-to-printer's place.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPrinterPort } from '../../../../src/main/core/printing/create-printer-port';
import { parseLabelSize } from '../../../../src/main/core/printing/label-size';
import { PrinterError, type SubmitOptions } from '../../../../src/main/core/printing/printer-port';
import {
  createWindowsPort,
  type PdfToPrinter,
} from '../../../../src/main/core/printing/windows-port';

interface PrintCall {
  pdf: string;
  options: unknown;
  bytes: Uint8Array | null;
}

function recordingPdfToPrinter(fail?: unknown) {
  const prints: PrintCall[] = [];
  let loads = 0;
  const printers = [
    { deviceId: 'ZD420', name: 'Zebra ZD420 (203 dpi)', paperSizes: ['4x6', 'Letter'] },
    { deviceId: 'HP', name: 'Office HP', paperSizes: ['A4', 'Letter'] },
  ];
  const lib: PdfToPrinter = {
    print: async (pdf, options) => {
      prints.push({
        pdf,
        options,
        bytes: fs.existsSync(pdf) ? new Uint8Array(fs.readFileSync(pdf)) : null,
      });
      if (fail !== undefined) throw fail;
    },
    getPrinters: async () => printers,
    getDefaultPrinter: async () => printers[1]!,
  };
  const port = createWindowsPort({
    loadModule: async () => {
      loads++;
      // As an ESM import of the CommonJS bundle delivers it.
      return { default: lib };
    },
  });
  return { port, prints, loads: () => loads };
}

const LABEL = new TextEncoder().encode('%PDF-1.7 label bytes');

function options(extra: Partial<SubmitOptions> = {}): SubmitOptions {
  return {
    printer: 'Zebra ZD420 (203 dpi)',
    copies: 1,
    media: parseLabelSize('4x6in'),
    orientation: 'portrait',
    scale: 'none',
    title: 'ls-ab12cd34-7',
    ...extra,
  };
}

describe('Windows printer port (pdf-to-printer)', () => {
  it('prints silently to the named printer at 4x6 with no scaling by default', async () => {
    const { port, prints } = recordingPdfToPrinter();
    await port.submit('C:\\labels\\one.pdf', options());
    expect(prints).toEqual([
      {
        pdf: 'C:\\labels\\one.pdf',
        options: {
          printer: 'Zebra ZD420 (203 dpi)',
          silent: true,
          paperSize: '4x6',
          scale: 'noscale',
          copies: 1,
          orientation: 'portrait',
        },
        bytes: null,
      },
    ]);
  });

  it('passes each setting through: media, copies, orientation, shrink and fit', async () => {
    const { port, prints } = recordingPdfToPrinter();
    const media = parseLabelSize('100x150mm');
    await port.submit(
      'a.pdf',
      options({ media, copies: 3, orientation: 'landscape', scale: 'shrink' }),
    );
    await port.submit('b.pdf', options({ media: parseLabelSize('100x100mm'), scale: 'fit' }));
    await port.submit('c.pdf', options({ paperName: 'User defined 4.00x6.00' }));
    expect(prints.map((p) => p.options)).toEqual([
      expect.objectContaining({
        paperSize: '100x150mm',
        copies: 3,
        orientation: 'landscape',
        scale: 'shrink',
      }),
      expect.objectContaining({
        paperSize: '100x100mm',
        copies: 1,
        orientation: 'portrait',
        scale: 'fit',
      }),
      expect.objectContaining({ paperSize: 'User defined 4.00x6.00', scale: 'noscale' }),
    ]);
  });

  it('writes bytes to a temporary PDF for SumatraPDF and removes it afterwards', async () => {
    const { port, prints } = recordingPdfToPrinter();
    await port.submit(LABEL, options());
    expect(prints[0]!.bytes).toEqual(LABEL);
    expect(prints[0]!.pdf).toMatch(/ls-ab12cd34-7\.pdf$/);
    expect(fs.existsSync(prints[0]!.pdf)).toBe(false);
  });

  it('says plainly that a job cannot be followed: done when SumatraPDF returns', async () => {
    const { port } = recordingPdfToPrinter();
    const result = await port.submit(LABEL, options({ hold: true }));
    expect(result).toMatchObject({ spoolerId: null, held: false, finished: true });
    expect(result.note).toContain('gives no job id');
    expect((await port.getJob('anything')).state).toBe('unknown');
    expect((await port.findUnfinishedJobsByTitle('Office HP', ['ls-ab12cd34-7'])).size).toBe(0);
    expect(await port.cancel('anything')).toBe(false);
  });

  it('lists the printers with the default marked, their state unknown', async () => {
    const { port, loads } = recordingPdfToPrinter();
    const printers = await port.listPrinters();
    expect(printers.map((p) => [p.name, p.isDefault, p.state])).toEqual([
      ['Zebra ZD420 (203 dpi)', false, 'unknown'],
      ['Office HP', true, 'unknown'],
    ]);
    expect(await port.getDefaultPrinter()).toBe('Office HP');
    expect((await port.getMediaSizes('Zebra ZD420 (203 dpi)')).sizes.map((s) => s.name)).toEqual([
      '4x6',
      'Letter',
    ]);
    await expect(port.getMediaSizes('Nope')).rejects.toMatchObject({ code: 'no-such-printer' });
    expect(loads()).toBe(1);
  });

  it('turns a refusal, even a bare string, into a PrinterError and cleans up', async () => {
    const { port, prints } = recordingPdfToPrinter('Operating System not supported');
    const error = await port.submit(LABEL, options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrinterError);
    expect((error as PrinterError).message).toBe(
      'Windows printing failed: Operating System not supported',
    );
    expect(fs.existsSync(prints[0]!.pdf)).toBe(false);
  });

  it('refuses printer names with control characters before calling pdf-to-printer', async () => {
    const { port, prints } = recordingPdfToPrinter();
    await expect(port.submit('a.pdf', options({ printer: 'Zebra\n-exit' }))).rejects.toMatchObject({
      code: 'invalid-printer-name',
    });
    expect(prints).toEqual([]);
  });

  it('is the port createPrinterPort picks on Windows, with the real module behind it', async () => {
    expect(createPrinterPort('linux').kind).toBe('cups');
    expect(createPrinterPort('darwin').kind).toBe('cups');
    const windows = createPrinterPort('win32');
    expect(windows.kind).toBe('windows');
    // On this Linux machine the real pdf-to-printer rejects every call with a bare string.
    await expect(windows.listPrinters()).rejects.toThrow('Operating System not supported');
  });
});
