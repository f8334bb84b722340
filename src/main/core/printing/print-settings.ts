/**
 * The station's printer settings, kept in the `settings` table under one key as JSON.
 * Reading never fails: a value that is missing or not understood falls back to its
 * default, field by field. Writing checks every field and names the one that is wrong.
 */
import { z } from 'zod';
import type { Db } from '../db/database';
import { DEFAULT_LABEL_SIZE, parseLabelSize, type LabelSize } from './label-size';
import { PrinterError, type PrinterPort } from './printer-port';

/** The settings key the printer settings live under. */
export const PRINT_SETTINGS_KEY = 'printing';

const MediaId = z.string().refine((v) => isLabelSize(v), {
  message: 'expected a label size such as 4x6in, 100x150mm or 100x100mm',
});
const Copies = z.number().int().min(1).max(20);

const fields = {
  /** The printer that takes labels; null until chosen (the system default is used). */
  labelPrinter: z.string().min(1).nullable(),
  /** The printer that takes documents (A4/Letter paperwork). */
  documentPrinter: z.string().min(1).nullable(),
  media: MediaId,
  orientation: z.enum(['portrait', 'landscape']),
  copies: Copies,
  scale: z.enum(['none', 'shrink', 'fit']),
  /** What printing a piece again does: ask first, print and warn, or just print. */
  duplicatePolicy: z.enum(['ask', 'warn', 'allow']),
  /** A batch goes out as one merged PDF job (true) or one job per label. */
  mergeBatches: z.boolean(),
  /** The Windows driver's own name for the label form, when the derived one is wrong. */
  paperName: z.string().min(1).max(100).nullable(),
};

/** Every printer setting, each with its default. */
export const DEFAULT_PRINT_SETTINGS = {
  labelPrinter: null,
  documentPrinter: null,
  media: DEFAULT_LABEL_SIZE,
  orientation: 'portrait',
  copies: 1,
  scale: 'none',
  duplicatePolicy: 'ask',
  mergeBatches: true,
  paperName: null,
} as const satisfies { [K in keyof typeof fields]: z.infer<(typeof fields)[K]> };

/** The stored settings, read leniently: each unreadable field becomes its default. */
export const PrintSettings = z.object({
  labelPrinter: fields.labelPrinter.catch(DEFAULT_PRINT_SETTINGS.labelPrinter),
  documentPrinter: fields.documentPrinter.catch(DEFAULT_PRINT_SETTINGS.documentPrinter),
  media: fields.media.catch(DEFAULT_PRINT_SETTINGS.media),
  orientation: fields.orientation.catch(DEFAULT_PRINT_SETTINGS.orientation),
  copies: fields.copies.catch(DEFAULT_PRINT_SETTINGS.copies),
  scale: fields.scale.catch(DEFAULT_PRINT_SETTINGS.scale),
  duplicatePolicy: fields.duplicatePolicy.catch(DEFAULT_PRINT_SETTINGS.duplicatePolicy),
  mergeBatches: fields.mergeBatches.catch(DEFAULT_PRINT_SETTINGS.mergeBatches),
  paperName: fields.paperName.catch(DEFAULT_PRINT_SETTINGS.paperName),
});
export type PrintSettings = z.infer<typeof PrintSettings>;

/** A change to the settings, checked strictly. */
export const PrintSettingsPatch = z.object(fields).partial().strict();
export type PrintSettingsPatch = z.infer<typeof PrintSettingsPatch>;

/** A setting was given a value it cannot take; the message names the field. */
export class PrintSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrintSettingsError';
  }
}

/** The station's printer settings (defaults where nothing is stored). */
export function getPrintSettings(db: Db): PrintSettings {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(PRINT_SETTINGS_KEY) as
    { value: string } | undefined;
  let stored: unknown = {};
  try {
    stored = row ? JSON.parse(row.value) : {};
  } catch {
    // A damaged value is replaced by the defaults; the next save writes a good one.
  }
  return PrintSettings.parse(stored && typeof stored === 'object' ? stored : {});
}

/** Checks and stores a change; returns the settings as they now are. */
export function savePrintSettings(db: Db, patch: unknown): PrintSettings {
  const parsed = PrintSettingsPatch.safeParse(patch);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || 'settings';
    throw new PrintSettingsError(`Print setting ${field}: ${issue.message}`);
  }
  const next = { ...getPrintSettings(db), ...parsed.data };
  if (parsed.data.media) next.media = parseLabelSize(parsed.data.media).id;
  db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(PRINT_SETTINGS_KEY, JSON.stringify(next), Date.now());
  return next;
}

/** Chooses the label or document printer from the printers the spooler has. */
export async function choosePrinter(
  db: Db,
  port: PrinterPort,
  role: 'label' | 'document',
  name: string,
): Promise<PrintSettings> {
  const printers = await port.listPrinters();
  if (!printers.some((p) => p.name === name)) {
    const known = printers.map((p) => p.name).join(', ') || 'none';
    throw new PrinterError(
      'no-such-printer',
      `There is no printer "${name}" on this computer (printers: ${known}).`,
    );
  }
  return savePrintSettings(
    db,
    role === 'label' ? { labelPrinter: name } : { documentPrinter: name },
  );
}

/** The label size the settings name. */
export function labelSizeOf(settings: PrintSettings): LabelSize {
  return parseLabelSize(settings.media);
}

function isLabelSize(value: string): boolean {
  try {
    parseLabelSize(value);
    return true;
  } catch {
    return false;
  }
}
