/**
 * The printing use cases of a station: scan or list of numbers → lookup (cache first) →
 * print service → queue, answered as the contract's `PrintOutcome`; a label's PDF for the
 * preview; the queue's jobs. HTML-only labels are rendered to PDF first (by the app's
 * hidden window) and then take the same way as every other label.
 */
import type { JobView, LabelFile, LookupRow, PieceView, PrintOutcome } from '../../shared/contract';
import type { Label } from '../../shared/domain';
import type { LabelLookup as CacheLabelLookup } from './cache/lookup-results';
import { foldIdentifier, normaliseScan } from './cache/normalise';
import type { CachedOrder } from './cache/types';
import { createLogger } from './log';
import { detectLabelFileKind, toLabelPdf } from './printing/label-document';
import { parseLabelSize } from './printing/label-size';
import type { PrintedPiece } from './printing/print-queue';
import {
  createPrintService,
  pieceKeyOf,
  type LabelLookup as SourceLookup,
  type PrintResult,
} from './printing/print-service';
import { getPrintSettings } from './printing/print-settings';
import { noteLookups, progressOf, type StationCore } from './station-core';
import { lookupError, StationError } from './station-errors';
import { failedRow, foundRow, toJobView, toPieceView, type PrintedAt } from './station-views';

const log = createLogger('Station');

/** Looks the numbers up and queues their labels, in the order given. */
export async function printLabels(
  core: StationCore,
  numbers: string[],
  opts: { merge?: boolean; confirmDuplicates?: boolean },
): Promise<PrintOutcome> {
  const lookups = await core.link().lookup.findLabels(numbers, {
    onProgress: numbers.length > 1 ? progressOf(core, 'labels.print') : undefined,
  });
  noteLookups(core, lookups);

  const { media } = getPrintSettings(core.db);
  const sourced = await Promise.all(lookups.map((lookup) => withFiles(core, lookup, media)));
  // Read before queueing: the new job itself would count as "printed before" afterwards.
  const printedAt = printedAtOf(core, sourced);
  const service = createPrintService({
    db: core.db,
    port: core.port,
    queue: core.queue,
    labelSource: async () => sourced,
  });
  const result = await service.printNumbers(numbers, {
    merge: opts.merge,
    confirmDuplicates: opts.confirmDuplicates,
  });
  // The job is queued already; the card's consignee and status may take a moment longer.
  const detailed = numbers.length <= DETAIL_LIMIT ? await withOrderDetails(core, lookups) : lookups;
  return toOutcome(detailed, sourced, result, printedAt);
}

/** Scans and small prints fetch the order details a label lookup lacks (consignee, status). */
const DETAIL_LIMIT = 20;

async function withOrderDetails(
  core: StationCore,
  lookups: CacheLabelLookup[],
): Promise<CacheLabelLookup[]> {
  const missing = new Set<string>();
  for (const l of lookups) {
    if (l.ok)
      for (const o of l.orders)
        if (!o.detailFetchedAt && o.order.orderNo) missing.add(o.order.orderNo);
  }
  // Offline, the card shows what the cache has rather than wait for an answer that won't come.
  if (missing.size === 0 || !core.network.online) return lookups;
  try {
    const found = await core.link().lookup.findOrders([...missing]);
    noteLookups(core, found);
    const byNo = new Map(
      found.flatMap((f) => (f.ok ? f.orders : [])).map((o) => [o.order.orderNo, o]),
    );
    return lookups.map((l) =>
      l.ok ? { ...l, orders: l.orders.map((o) => byNo.get(o.order.orderNo) ?? o) } : l,
    );
  } catch (error) {
    log.warn('order details could not be fetched', { error });
    return lookups;
  }
}

/** The lookup as the print service takes it, HTML-only labels rendered to PDF. */
async function withFiles(
  core: StationCore,
  lookup: CacheLabelLookup,
  media: string,
): Promise<SourceLookup> {
  if (!lookup.ok)
    return { query: lookup.query, ok: false, message: lookup.message, code: lookup.code };
  const labels = await Promise.all(
    lookup.labels.map((l) => withHtmlFile(core, l, lookup.orders, media)),
  );
  return { query: lookup.query, ok: true, labels };
}

async function withHtmlFile(
  core: StationCore,
  label: Label,
  orders: CachedOrder[],
  media: string,
): Promise<Label> {
  if (label.file || !core.htmlLabels) return label;
  const url = label.htmlUrl || orders.find((o) => o.order.orderNo === label.orderNo)?.printUrl;
  if (!url) return label;
  try {
    const file = await core.htmlLabels(url, media);
    return { ...label, file, fileType: 'pdf' };
  } catch (error) {
    // Left without a file: the print service then names the piece as having none.
    log.warn('HTML label could not be rendered', { trackingNumber: label.trackingNumber, error });
    return label;
  }
}

function printedAtOf(core: StationCore, sourced: SourceLookup[]): PrintedAt {
  const labels = sourced.flatMap((s) => (s.ok ? s.labels : []));
  const seen = new Map<string, Date>();
  // Newest first: the first sighting of a piece is its last print.
  for (const p of core.queue.findPrintedPieces(labels.map(pieceKeyOf))) {
    if (!seen.has(p.trackingNumber)) seen.set(p.trackingNumber, p.printedAt);
  }
  return (trackingNumber) => seen.get(trackingNumber) ?? null;
}

function toOutcome(
  lookups: CacheLabelLookup[],
  sourced: SourceLookup[],
  result: PrintResult,
  printedAt: PrintedAt,
): PrintOutcome {
  const rows = lookups.map((lookup, i): LookupRow => {
    if (!lookup.ok) return failedRow(lookup);
    const source = sourced[i];
    const row = foundRow(
      lookup,
      lookup.orders,
      source?.ok ? source.labels : lookup.labels,
      printedAt,
    );
    const outcome = result.numbers[i];
    if (outcome && !outcome.ok && outcome.failure) {
      return { ...row, ok: false, failure: { code: outcome.failure, message: outcome.message } };
    }
    return row;
  });
  const labels = sourced.flatMap((s) => (s.ok ? s.labels : []));
  return {
    rows,
    jobIds: result.jobIds,
    rowJobIds: lookups.map((_, i) => result.numbers[i]?.jobIds ?? []),
    duplicates: result.duplicates.map((p) => duplicateView(p, labels)),
    needsConfirmation: result.status === 'needs-confirmation',
  };
}

function duplicateView(printed: PrintedPiece, labels: Label[]): PieceView {
  const label = labels.find((l) => pieceKeyOf(l) === printed.pieceKey);
  if (label) return toPieceView(label, () => printed.printedAt);
  return {
    trackingNumber: printed.trackingNumber,
    pieceNo: printed.pieceNo,
    pieceIndex: 1,
    pieceCount: 1,
    orderNo: printed.orderNo,
    hasFile: true,
    printedAt: printed.printedAt.toISOString(),
  };
}

/** One piece's label as a PDF of the label size, for the preview. */
export async function getLabelFile(core: StationCore, trackingNumber: string): Promise<LabelFile> {
  const [lookup] = await core.link().lookup.findLabels([trackingNumber]);
  if (!lookup) throw new StationError('not-found', `No label was found for ${trackingNumber}.`);
  noteLookups(core, [lookup]);
  if (!lookup.ok) throw lookupError(lookup);

  const wanted = foldIdentifier(normaliseScan(trackingNumber).value);
  const label =
    lookup.labels.find((l) => foldIdentifier(l.trackingNumber) === wanted) ?? lookup.labels[0];
  if (!label) throw new StationError('not-found', `MegaWMS has no label for ${trackingNumber}.`);

  const settings = getPrintSettings(core.db);
  const { file } = await withHtmlFile(core, label, lookup.orders, settings.media);
  if (!file) {
    throw new StationError(
      'no-label-file',
      `MegaWMS gave no label file for ${label.trackingNumber || trackingNumber}.`,
    );
  }
  const pdf =
    detectLabelFileKind(file) === 'pdf'
      ? file
      : await toLabelPdf(file, { size: parseLabelSize(settings.media), scale: settings.scale });
  return {
    trackingNumber: label.trackingNumber,
    fileType: 'pdf',
    base64: Buffer.from(pdf).toString('base64'),
  };
}

/** Newest jobs first. */
export function listJobs(core: StationCore, limit = 200): JobView[] {
  return core.queue.listJobs({ limit }).map(toJobView);
}

export function reprintJob(core: StationCore, jobId: number): JobView {
  return toJobView(core.queue.reprint(jobId));
}

export function resumeJob(core: StationCore, jobId: number): JobView {
  return toJobView(core.queue.resume(jobId));
}

export async function cancelJob(core: StationCore, jobId: number): Promise<JobView> {
  return toJobView(await core.queue.cancel(jobId));
}
