// Printer settings in the station's SQLite file, and choosing a printer CUPS really has.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/main/core/db/database';
import { createCupsPort } from '../../src/main/core/printing/cups-port';
import {
  choosePrinter,
  DEFAULT_PRINT_SETTINGS,
  getPrintSettings,
  PRINT_SETTINGS_KEY,
  PrintSettingsError,
  savePrintSettings,
} from '../../src/main/core/printing/print-settings';
import { PrinterError } from '../../src/main/core/printing/printer-port';
import { createVirtualPrinter, type VirtualPrinter } from '../helpers/cups';

let dir: string;
let db: Db;
let printer: VirtualPrinter;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ls-print-settings-'));
  db = openDatabase(dir);
  printer = createVirtualPrinter('settings');
});
afterAll(() => {
  db?.close();
  printer?.remove();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('print settings', () => {
  it('start with no scaling, 4x6 labels, merged batches and asking before duplicates', () => {
    expect(getPrintSettings(db)).toEqual(DEFAULT_PRINT_SETTINGS);
    expect(DEFAULT_PRINT_SETTINGS).toMatchObject({
      scale: 'none',
      media: '4x6in',
      mergeBatches: true,
      duplicatePolicy: 'ask',
    });
  });

  it('keep a change across reopening the file', () => {
    savePrintSettings(db, { media: '100X150MM', copies: 2, orientation: 'landscape' });
    db.close();
    db = openDatabase(dir);
    expect(getPrintSettings(db)).toMatchObject({
      media: '100x150mm',
      copies: 2,
      orientation: 'landscape',
    });
  });

  it('refuse a wrong value naming the field, and change nothing', () => {
    const before = getPrintSettings(db);
    for (const [patch, field] of [
      [{ copies: 0 }, 'copies'],
      [{ media: 'A4' }, 'media'],
      [{ duplicatePolicy: 'never' }, 'duplicatePolicy'],
      [{ scale: 'stretch' }, 'scale'],
      [{ colour: 'red' }, 'settings'],
    ] as const) {
      expect(() => savePrintSettings(db, patch)).toThrow(PrintSettingsError);
      expect(() => savePrintSettings(db, patch)).toThrow(`Print setting ${field}`);
    }
    expect(getPrintSettings(db)).toEqual(before);
  });

  it('fall back field by field when the stored value is damaged', () => {
    db.prepare('UPDATE settings SET value = ? WHERE key = ?').run(
      JSON.stringify({ copies: 'many', media: '4x6in', mergeBatches: false }),
      PRINT_SETTINGS_KEY,
    );
    expect(getPrintSettings(db)).toMatchObject({ copies: 1, media: '4x6in', mergeBatches: false });
    db.prepare('UPDATE settings SET value = ? WHERE key = ?').run('{not json', PRINT_SETTINGS_KEY);
    expect(getPrintSettings(db)).toEqual(DEFAULT_PRINT_SETTINGS);
  });

  it('choose the label printer only from the printers CUPS has', async () => {
    const port = createCupsPort();
    expect((await choosePrinter(db, port, 'label', printer.name)).labelPrinter).toBe(printer.name);
    await expect(choosePrinter(db, port, 'document', 'ls-test-nowhere')).rejects.toBeInstanceOf(
      PrinterError,
    );
    expect(getPrintSettings(db)).toMatchObject({
      labelPrinter: printer.name,
      documentPrinter: null,
    });
  });
});
