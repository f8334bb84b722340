/**
 * The printer port: everything the print queue needs from the system's spooler, behind one
 * interface. CUPS (Linux, macOS) and Windows (pdf-to-printer) implement it; the queue and
 * the print service never know which one they talk to.
 */
import type { LabelSize } from './label-size';
import type { ScaleMode } from './label-document';

export type PrinterState = 'idle' | 'printing' | 'stopped' | 'unknown';

/** One printer-state reason: the spooler's code and the same in plain words. */
export interface PrinterReason {
  /** The keyword without its severity suffix: `media-empty`, `paused`, `offline`. */
  code: string;
  severity: 'error' | 'warning' | 'report';
  words: string;
}

/** A printer as the spooler describes it. */
export interface PrinterInfo {
  name: string;
  isDefault: boolean;
  state: PrinterState;
  accepting: boolean;
  reasons: PrinterReason[];
  /** The spooler's own message (`cupsdisable -r`), empty when none. */
  message: string;
}

/** The paper sizes a printer's driver offers. */
export interface MediaSizes {
  sizes: Array<{ name: string; isDefault: boolean }>;
  /** The driver takes any size (`Custom.WxH`), so every label size can be asked for. */
  supportsCustom: boolean;
}

export type Orientation = 'portrait' | 'landscape';

/** How a document is printed. `title` is the queue's unique token for the job. */
export interface SubmitOptions {
  printer: string;
  copies: number;
  media: LabelSize;
  orientation: Orientation;
  scale: ScaleMode;
  title: string;
  /**
   * Ask the spooler to hold the job until `release`: the queue records the spooler id in
   * between, so a crash in that moment leaves a held job to find by title, never a
   * printed one the queue does not know about.
   */
  hold?: boolean;
  /** The driver's own paper name (Windows), when the derived one is not right. */
  paperName?: string | null;
}

/** What the spooler said when it took the document. */
export interface SubmitResult {
  /** The spooler's job id (`Zebra-12`), or null when the spooler gives none (Windows). */
  spoolerId: string | null;
  held: boolean;
  /** True when the port cannot follow the job and it is finished as far as it can tell. */
  finished: boolean;
  /** Plain words on how far the job can be followed. */
  note: string;
}

export type SpoolerJobState =
  'queued' | 'held' | 'printing' | 'done' | 'failed' | 'cancelled' | 'unknown';

/** A spooler job's state, with the printer's reasons when it waits on the printer. */
export interface SpoolerJob {
  spoolerId: string;
  state: SpoolerJobState;
  /** Plain words: why it failed, or what it waits for. Empty when there is nothing to say. */
  reason: string;
}

/** What the spooler offers Label Station. */
export interface PrinterPort {
  readonly kind: 'cups' | 'windows';
  listPrinters(): Promise<PrinterInfo[]>;
  getDefaultPrinter(): Promise<string | null>;
  getMediaSizes(printer: string): Promise<MediaSizes>;
  /** Sends a PDF (a path, or bytes written to a temporary file) and returns the job id. */
  submit(document: string | Uint8Array, options: SubmitOptions): Promise<SubmitResult>;
  /** Lets a job submitted with `hold` print. A job already finished is left as it is. */
  release(spoolerId: string): Promise<void>;
  getJob(spoolerId: string): Promise<SpoolerJob>;
  /** Several jobs at once (fewer spooler calls when a batch is followed). */
  getJobs(spoolerIds: string[]): Promise<Map<string, SpoolerJob>>;
  /**
   * Jobs the spooler has not finished on `printer`, by title: how the queue finds a job it
   * submitted but could not record (crash between submit and write).
   */
  findUnfinishedJobsByTitle(printer: string, titles: string[]): Promise<Map<string, string>>;
  /** Cancels a job; false when the spooler had already finished it. */
  cancel(spoolerId: string): Promise<boolean>;
}

/** The spooler failed or refused; `code` tells the queue whether waiting can help. */
export class PrinterError extends Error {
  constructor(
    readonly code:
      'no-such-printer' | 'not-accepting' | 'spooler-down' | 'invalid-printer-name' | 'failed',
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'PrinterError';
  }
}

const REASON_WORDS: Record<string, string> = {
  'media-empty': 'out of labels',
  'media-needed': 'needs labels loaded',
  'media-low': 'labels running low',
  'media-jam': 'labels jammed',
  'media-tray-missing': 'label tray missing',
  paused: 'paused',
  offline: 'offline',
  'door-open': 'door open',
  'cover-open': 'cover open',
  'interlock-open': 'cover open',
  'marker-supply-empty': 'out of ribbon or ink',
  'marker-supply-low': 'ribbon or ink running low',
  'toner-empty': 'out of toner',
  'toner-low': 'toner running low',
  'output-area-full': 'output tray full',
  'connecting-to-device': 'connecting to the printer',
  'timed-out': 'not answering',
  shutdown: 'switched off',
  'moving-to-paused': 'pausing',
  'spool-area-full': 'spooler disk full',
  'cups-missing-filter': 'driver filter missing',
  'cups-insecure-filter': 'driver filter refused as insecure',
  other: 'has a problem',
};

/** A printer-state-reasons keyword in plain words; `none` gives null. */
export function describePrinterReason(keyword: string): PrinterReason | null {
  const match = /^(.*?)(?:-(error|warning|report))?$/.exec(keyword.trim());
  const code = match?.[1] ?? keyword;
  if (!code || code === 'none') return null;
  const severity = (match?.[2] as PrinterReason['severity'] | undefined) ?? 'error';
  const words = REASON_WORDS[code] ?? code.replace(/^cups-/, '').replace(/-/g, ' ');
  return { code, severity, words };
}

/** "paused, out of labels": a printer's reasons in one phrase (empty when none). */
export function describePrinterProblem(printer: PrinterInfo): string {
  const words = printer.reasons.filter((r) => r.severity !== 'report').map((r) => r.words);
  if (printer.state === 'stopped' && words.length === 0) words.push('stopped');
  if (!printer.accepting) words.push('not accepting jobs');
  const message =
    printer.message && !words.includes(printer.message) ? ` (${printer.message})` : '';
  return words.length > 0 ? `${words.join(', ')}${message}` : '';
}
