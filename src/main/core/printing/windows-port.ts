/**
 * The printer port for Windows, through pdf-to-printer (which drives SumatraPDF). The
 * module is injected so the tests can hand in a recording stand-in: the Windows spooler
 * does not exist where the tests run.
 *
 * Limitation: pdf-to-printer gives no spooler job id and no printer state, so a job counts
 * as done when SumatraPDF returns (Windows has the job), and printers show state 'unknown'.
 * Reading the Windows spooler (Get-PrintJob through PowerShell, or a native module) would
 * lift this.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { windowsPaperName } from './label-size';
import {
  PrinterError,
  type MediaSizes,
  type PrinterInfo,
  type PrinterPort,
  type SpoolerJob,
  type SubmitOptions,
  type SubmitResult,
} from './printer-port';

/** The part of pdf-to-printer Label Station uses (its own types, restated). */
export interface PdfToPrinter {
  print(pdf: string, options?: PdfToPrinterOptions): Promise<void>;
  getPrinters(): Promise<Array<{ deviceId: string; name: string; paperSizes: string[] }>>;
  getDefaultPrinter(): Promise<{ deviceId: string; name: string; paperSizes: string[] } | null>;
}

/** The options of pdf-to-printer's `print` that Label Station sets. */
export interface PdfToPrinterOptions {
  printer?: string;
  silent?: boolean;
  paperSize?: string;
  scale?: 'noscale' | 'shrink' | 'fit';
  copies?: number;
  orientation?: 'portrait' | 'landscape';
}

export interface WindowsPortOptions {
  /** Returns pdf-to-printer (or a stand-in); called once, on first use. */
  loadModule: () => Promise<unknown>;
}

const NO_JOB_ID =
  'Windows has the job. pdf-to-printer gives no job id, so Label Station cannot follow it ' +
  'in the Windows print queue: check the printer if the label does not come out.';

const SCALE = { none: 'noscale', shrink: 'shrink', fit: 'fit' } as const;

/** The Windows printer port over an injected pdf-to-printer. */
export function createWindowsPort(options: WindowsPortOptions): PrinterPort {
  let loaded: Promise<PdfToPrinter> | undefined;
  const lib = () => (loaded ??= options.loadModule().then(asPdfToPrinter));

  return {
    kind: 'windows',
    listPrinters: async () => {
      const [printers, fallback] = await Promise.all([
        call(() => lib().then((m) => m.getPrinters())),
        call(() => lib().then((m) => m.getDefaultPrinter())),
      ]);
      return printers.map((p) => toPrinterInfo(p.name, p.name === fallback?.name));
    },
    getDefaultPrinter: async () =>
      (await call(() => lib().then((m) => m.getDefaultPrinter())))?.name ?? null,
    getMediaSizes: async (printer): Promise<MediaSizes> => {
      const printers = await call(() => lib().then((m) => m.getPrinters()));
      const found = printers.find((p) => p.name === checkName(printer));
      if (!found) throw noSuchPrinter(printer);
      return {
        sizes: found.paperSizes.map((name) => ({ name, isDefault: false })),
        supportsCustom: false,
      };
    },
    submit: async (document, opts) => submit(await lib(), document, opts),
    // Nothing is ever held: pdf-to-printer cannot hold a job.
    release: async () => {},
    getJob: async (spoolerId) => untracked(spoolerId),
    getJobs: async (ids) => new Map(ids.map((id) => [id, untracked(id)])),
    findUnfinishedJobsByTitle: async () => new Map(),
    cancel: async () => false,
  };
}

/** The exact options given to pdf-to-printer for one print: silent, no scaling by default. */
export function printOptions(opts: SubmitOptions): PdfToPrinterOptions {
  return {
    printer: checkName(opts.printer),
    silent: true,
    paperSize: opts.paperName || windowsPaperName(opts.media),
    scale: SCALE[opts.scale],
    copies: opts.copies,
    orientation: opts.orientation,
  };
}

async function submit(
  lib: PdfToPrinter,
  document: string | Uint8Array,
  opts: SubmitOptions,
): Promise<SubmitResult> {
  const printOpts = printOptions(opts);
  const file = typeof document === 'string' ? null : await writeTemp(document, opts.title);
  try {
    await call(() => lib.print(file?.path ?? (document as string), printOpts));
  } finally {
    await file?.remove();
  }
  return { spoolerId: null, held: false, finished: true, note: NO_JOB_ID };
}

function untracked(spoolerId: string): SpoolerJob {
  return { spoolerId, state: 'unknown', reason: NO_JOB_ID };
}

function toPrinterInfo(name: string, isDefault: boolean): PrinterInfo {
  return { name, isDefault, state: 'unknown', accepting: true, reasons: [], message: '' };
}

async function writeTemp(bytes: Uint8Array, title: string) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'label-station-print-'));
  // SumatraPDF shows the file name as the document name in the Windows queue.
  const file = path.join(dir, `${title.replace(/[^A-Za-z0-9_-]/g, '_')}.pdf`);
  await fs.writeFile(file, bytes);
  return { path: file, remove: () => fs.rm(dir, { recursive: true, force: true }) };
}

/** pdf-to-printer rejects with Errors, and on other systems with a bare string. */
async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof PrinterError) throw error;
    const said = error instanceof Error ? error.message : String(error);
    throw new PrinterError('failed', `Windows printing failed: ${said}`, said);
  }
}

function checkName(name: string): string {
  // Windows printer names may hold spaces; control characters never.
  if (!name || name.length > 256 || /\p{Cc}/u.test(name)) {
    throw new PrinterError(
      'invalid-printer-name',
      `"${name}" is not a Windows printer name. Choose the printer from the list.`,
    );
  }
  return name;
}

function noSuchPrinter(name: string): PrinterError {
  return new PrinterError(
    'no-such-printer',
    `The printer "${name}" does not exist on this computer. ` +
      'Choose another printer in the print settings.',
  );
}

function asPdfToPrinter(mod: unknown): PdfToPrinter {
  // A CommonJS bundle imported from ESM arrives under `default`.
  const m = ((mod as { default?: unknown }).default ?? mod) as Partial<PdfToPrinter>;
  if (typeof m.print !== 'function' || typeof m.getPrinters !== 'function') {
    throw new PrinterError(
      'failed',
      'pdf-to-printer could not be loaded, so Label Station cannot print on Windows.',
    );
  }
  return m as PdfToPrinter;
}
