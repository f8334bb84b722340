/**
 * The print service: numbers in, print jobs out. It asks an injected LabelSource for the
 * labels of each number (the cache, falling back to MegaWMS), turns every label into a PDF
 * of the label size, applies the duplicate policy, and queues one merged job (the default
 * for batches) or one job per label, always in the order asked.
 */
import crypto from 'node:crypto';
import type { Label } from '../../../shared/domain';
import type { Db } from '../db/database';
import {
  buildLabelDocument,
  LabelFileError,
  prepareLabel,
  type PreparedLabel,
} from './label-document';
import { parseLabelSize } from './label-size';
import { getPrintSettings, PrintSettingsError, type PrintSettings } from './print-settings';
import {
  normalisePieceKey,
  type NewPrintJob,
  type PrintedPiece,
  type PrintJob,
  type PrintJobOptions,
  type PrintQueue,
} from './print-queue';
import type { Orientation, PrinterInfo, PrinterPort } from './printer-port';
import type { ScaleMode } from './label-document';

/** The labels of one number, or why there are none (MegaWMS's reason or the cache's). */
export type LabelLookup =
  | { query: string; ok: true; labels: Label[] }
  | { query: string; ok: false; message: string; code?: string };

/** Finds the labels of each number, answering in the order asked. */
export type LabelSource = (numbers: string[]) => Promise<LabelLookup[]>;

/** What the caller may set for one print; anything left out comes from the settings. */
export interface PrintRequest {
  printer?: string;
  copies?: number;
  media?: string;
  orientation?: Orientation;
  scale?: ScaleMode;
  /** One job per label even for a batch. */
  separate?: boolean;
  /** Overrides the merge-batches setting. */
  merge?: boolean;
  /** Print pieces printed before without asking (the answer to `needs-confirmation`). */
  confirmDuplicates?: boolean;
}

/** Why a number printed nothing (the lookup's own code when the lookup failed). */
export type NumberFailure =
  | 'not-found'
  | 'offline-not-cached'
  | 'refused'
  | 'unexpected'
  | 'no-label-file'
  | 'invalid-label'
  | 'printer-missing';

/** One piece on its way: which label, how many pages, what was done to fit it. */
export interface QueuedPiece {
  pieceKey: string;
  trackingNumber: string;
  orderNo: string;
  pieceNo: string;
  pages: number;
  notes: string[];
  jobId: number | null;
}

/** What happened to one number. */
export interface NumberOutcome {
  query: string;
  ok: boolean;
  failure: NumberFailure | null;
  message: string;
  pieces: QueuedPiece[];
  jobIds: number[];
  /** Pieces of this number printed before (or twice in this request). */
  duplicates: PrintedPiece[];
}

/** The whole answer: per number, plus the jobs queued. */
export interface PrintResult {
  /** `needs-confirmation`: duplicates under policy 'ask'; nothing was queued. */
  status: 'queued' | 'needs-confirmation' | 'nothing-printed';
  printer: string | null;
  numbers: NumberOutcome[];
  jobIds: number[];
  duplicates: PrintedPiece[];
}

export interface PrintService {
  printNumbers(numbers: string[], request?: PrintRequest): Promise<PrintResult>;
  reprint(jobId: number, opts?: { printer?: string }): PrintJob;
  listPrinters(): Promise<PrinterInfo[]>;
  onJobChange(listener: (job: PrintJob) => void): () => void;
}

export interface PrintServiceOptions {
  db: Db;
  port: PrinterPort;
  queue: PrintQueue;
  labelSource: LabelSource;
}

interface Candidate {
  outcome: NumberOutcome;
  label: Label;
  prepared: PreparedLabel;
  piece: QueuedPiece;
  sha256: string;
}

/** The print service over a queue and a label source. */
export function createPrintService(options: PrintServiceOptions): PrintService {
  const { db, port, queue, labelSource } = options;
  return {
    printNumbers: (numbers, request = {}) =>
      printNumbers(db, port, queue, labelSource, numbers, request),
    reprint: (jobId, opts) => queue.reprint(jobId, opts),
    listPrinters: () => port.listPrinters(),
    onJobChange: (listener) => queue.onJobChange(listener),
  };
}

async function printNumbers(
  db: Db,
  port: PrinterPort,
  queue: PrintQueue,
  labelSource: LabelSource,
  numbers: string[],
  request: PrintRequest,
): Promise<PrintResult> {
  const settings = getPrintSettings(db);
  const jobOptions = resolveOptions(settings, request);
  const printer = request.printer ?? settings.labelPrinter ?? (await port.getDefaultPrinter());
  const lookups = await labelSource(numbers);
  const outcomes = numbers.map((query, i) => newOutcome(lookups[i] ?? missing(query)));

  if (!printer) {
    for (const o of outcomes)
      fail(
        o,
        'printer-missing',
        'No label printer is chosen and this computer has no default printer. ' +
          'Choose the label printer in the print settings.',
      );
    return {
      status: 'nothing-printed',
      printer: null,
      numbers: outcomes,
      jobIds: [],
      duplicates: [],
    };
  }

  const candidates = await prepareAll(outcomes, lookups, jobOptions);
  // 'allow' prints again without a word, so it need not look.
  const duplicates = settings.duplicatePolicy === 'allow' ? [] : findDuplicates(queue, candidates);
  if (duplicates.length > 0 && settings.duplicatePolicy === 'ask' && !request.confirmDuplicates) {
    return { status: 'needs-confirmation', printer, numbers: outcomes, jobIds: [], duplicates };
  }
  if (candidates.length === 0) {
    return { status: 'nothing-printed', printer, numbers: outcomes, jobIds: [], duplicates };
  }

  const merge = !request.separate && (request.merge ?? settings.mergeBatches);
  const groups = merge ? [candidates] : candidates.map((c) => [c]);
  const jobs = queue.enqueueMany(
    await Promise.all(groups.map((g) => toNewJob(printer, jobOptions, g))),
  );
  jobs.forEach((job, i) => {
    for (const c of groups[i]!) {
      c.piece.jobId = job.id;
      if (!c.outcome.jobIds.includes(job.id)) c.outcome.jobIds.push(job.id);
    }
  });
  return {
    status: 'queued',
    printer,
    numbers: outcomes,
    jobIds: jobs.map((j) => j.id),
    duplicates,
  };
}

function resolveOptions(settings: PrintSettings, request: PrintRequest): PrintJobOptions {
  const copies = request.copies ?? settings.copies;
  if (!Number.isInteger(copies) || copies < 1 || copies > 20) {
    throw new PrintSettingsError(`Copies must be a whole number from 1 to 20, not ${copies}.`);
  }
  return {
    copies,
    media: parseLabelSize(request.media ?? settings.media).id,
    orientation: request.orientation ?? settings.orientation,
    scale: request.scale ?? settings.scale,
    paperName: settings.paperName,
  };
}

/** Every label of every number laid out, in the order asked; refusals go to their number. */
async function prepareAll(
  outcomes: NumberOutcome[],
  lookups: LabelLookup[],
  options: PrintJobOptions,
): Promise<Candidate[]> {
  const layout = { size: parseLabelSize(options.media), scale: options.scale };
  const candidates: Candidate[] = [];
  for (const [i, outcome] of outcomes.entries()) {
    const lookup = lookups[i];
    if (!lookup?.ok) continue;
    if (lookup.labels.length === 0)
      fail(outcome, 'not-found', 'MegaWMS has no label for this number.');
    for (const label of lookup.labels) {
      const piece = toPiece(label);
      if (!label.file) {
        fail(
          outcome,
          'no-label-file',
          `Piece ${describePiece(label)} has no label file (the account may only have the ` +
            'HTML label). Print it from MegaWMS.',
        );
        continue;
      }
      try {
        const prepared = await prepareLabel(label.file, layout);
        piece.pages = prepared.pageCount;
        piece.notes = prepared.notes;
        outcome.pieces.push(piece);
        candidates.push({ outcome, label, prepared, piece, sha256: sha256(label.file) });
      } catch (error) {
        if (!(error instanceof LabelFileError)) throw error;
        fail(outcome, 'invalid-label', `Piece ${describePiece(label)}: ${error.message}`);
      }
    }
  }
  return candidates;
}

/** Pieces printed before, and pieces asked twice in this one request. */
function findDuplicates(queue: PrintQueue, candidates: Candidate[]): PrintedPiece[] {
  const keys = candidates.map((c) => c.piece.pieceKey);
  const before = queue.findPrintedPieces(keys);
  const byKey = new Map(before.map((p) => [p.pieceKey, p]));
  const seen = new Set<string>();
  const repeats: PrintedPiece[] = [];
  for (const c of candidates) {
    const key = c.piece.pieceKey;
    const earlier = byKey.get(key);
    if (earlier && !c.outcome.duplicates.includes(earlier)) c.outcome.duplicates.push(earlier);
    if (seen.has(key)) {
      const repeat = { ...repeatOf(c), printedAt: new Date() };
      repeats.push(repeat);
      c.outcome.duplicates.push(repeat);
    }
    seen.add(key);
  }
  return [...before, ...repeats];
}

function repeatOf(c: Candidate): Omit<PrintedPiece, 'printedAt'> {
  return {
    pieceKey: c.piece.pieceKey,
    query: c.outcome.query,
    orderNo: c.label.orderNo,
    trackingNumber: c.label.trackingNumber,
    pieceNo: c.label.pieceNo,
    // Asked twice in this request: there is no earlier job.
    jobId: 0,
    printer: '',
    state: 'queued',
  };
}

async function toNewJob(
  printer: string,
  options: PrintJobOptions,
  group: Candidate[],
): Promise<NewPrintJob> {
  let firstPage = 1;
  const pieces = group.map((c) => {
    const piece = {
      pieceKey: c.piece.pieceKey,
      query: c.outcome.query,
      orderNo: c.label.orderNo,
      trackingNumber: c.label.trackingNumber,
      pieceNo: c.label.pieceNo,
      firstPage,
      pageCount: c.prepared.pageCount,
      fileType: c.prepared.kind,
      labelSha256: c.sha256,
    };
    firstPage += c.prepared.pageCount;
    return piece;
  });
  const document = await buildLabelDocument(group.map((c) => c.prepared));
  return { printer, options, document, pageCount: firstPage - 1, pieces };
}

/** A piece's identity: its tracking number, else its piece number, else order and index. */
export function pieceKeyOf(label: Label): string {
  const key = label.trackingNumber || label.pieceNo || `${label.orderNo}#${label.pieceIndex}`;
  return normalisePieceKey(key);
}

function toPiece(label: Label): QueuedPiece {
  return {
    pieceKey: pieceKeyOf(label),
    trackingNumber: label.trackingNumber,
    orderNo: label.orderNo,
    pieceNo: label.pieceNo,
    pages: 0,
    notes: [],
    jobId: null,
  };
}

function newOutcome(lookup: LabelLookup): NumberOutcome {
  const outcome: NumberOutcome = {
    query: lookup.query,
    ok: true,
    failure: null,
    message: '',
    pieces: [],
    jobIds: [],
    duplicates: [],
  };
  if (!lookup.ok) fail(outcome, lookupFailure(lookup.code), lookup.message);
  return outcome;
}

function lookupFailure(code: string | undefined): NumberFailure {
  if (code === undefined || code === 'not-found') return 'not-found';
  return code === 'offline-not-cached' || code === 'refused' ? code : 'unexpected';
}

function fail(outcome: NumberOutcome, failure: NumberFailure, message: string): void {
  outcome.ok = false;
  outcome.failure ??= failure;
  outcome.message = outcome.message ? `${outcome.message} ${message}` : message;
}

function missing(query: string): LabelLookup {
  return { query, ok: false, message: 'The label lookup gave no answer for this number.' };
}

function describePiece(label: Label): string {
  const name = label.trackingNumber || label.pieceNo || label.orderNo;
  return label.pieceCount > 1 ? `${name} (${label.pieceIndex} of ${label.pieceCount})` : name;
}

function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}
