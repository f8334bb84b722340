/**
 * From the core's types (Dates, bytes, cache records) to the contract's JSON-safe views
 * the renderer shows. Pure functions; the station calls them on the way out.
 */
import type {
  FailureCode,
  InventoryView,
  JobView,
  LookupRow,
  OrderView,
  PieceView,
  PrinterView,
  ShipmentView,
} from '../../shared/contract';
import type { Label, Shipment } from '../../shared/domain';
import type { LookupFailure, LookupFailureCode } from './cache/lookup-results';
import type { CachedOrder, InventorySnapshot } from './cache/types';
import type { PrintJob } from './printing/print-queue';
import type { PrinterInfo } from './printing/printer-port';

/** When a piece was last printed on this station (null when never). */
export type PrintedAt = (trackingNumber: string) => Date | null;

const iso = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);

/** The order facts a result card shows, with the time they were fetched. */
export function toOrderView(cached: CachedOrder): OrderView {
  const o = cached.order;
  return {
    orderNo: o.orderNo,
    referenceNo: o.referenceNo,
    trackingNumber: o.trackingNumber,
    statusCode: o.statusCode,
    statusText: o.statusText,
    consigneeName: o.consigneeName,
    country: o.country,
    city: o.city,
    state: o.state,
    channel: o.channel,
    pieceCount: o.pieceCount,
    createdAt: iso(o.createdAt),
    shippedAt: iso(o.shippedAt),
    fetchedAt: iso(cached.detailFetchedAt ?? cached.seenAt),
  };
}

/** One piece of a label lookup, with whether (and when) it was printed before. */
export function toPieceView(label: Label, printedAt: PrintedAt): PieceView {
  return {
    trackingNumber: label.trackingNumber,
    pieceNo: label.pieceNo,
    pieceIndex: label.pieceIndex,
    pieceCount: label.pieceCount,
    orderNo: label.orderNo,
    hasFile: label.file !== null && label.file.length > 0,
    printedAt: iso(label.trackingNumber ? printedAt(label.trackingNumber) : null),
  };
}

const FAILURE_CODES: Record<LookupFailureCode, FailureCode> = {
  'not-found': 'not-found',
  'offline-not-cached': 'offline-not-cached',
  refused: 'refused',
  // An empty scan finds nothing; the message says the scan held no number.
  invalid: 'not-found',
  error: 'unexpected',
};

/** The lookup row of a number that failed. */
export function failedRow(failure: LookupFailure, code?: FailureCode): LookupRow {
  return {
    query: failure.query,
    ok: false,
    failure: { code: code ?? FAILURE_CODES[failure.code], message: failure.message },
    orders: [],
    pieces: [],
    source: null,
    offline: failure.code === 'offline-not-cached',
  };
}

/** The lookup row of a number that was found. */
export function foundRow(
  found: { query: string; source: 'cache' | 'network'; offline: boolean },
  orders: CachedOrder[],
  labels: Label[],
  printedAt: PrintedAt,
): LookupRow {
  return {
    query: found.query,
    ok: true,
    failure: null,
    orders: orders.map(toOrderView),
    pieces: labels.map((label) => toPieceView(label, printedAt)),
    source: found.source,
    offline: found.offline,
  };
}

/** A shipment's events for the timeline (already oldest first, unknown times last). */
export function toShipmentView(
  query: string,
  shipment: Shipment,
  meta: { fetchedAt: Date; offline: boolean },
): ShipmentView {
  return {
    query,
    ok: true,
    message: null,
    trackingNumber: shipment.trackingNumber,
    orderNo: shipment.orderNo,
    country: shipment.country,
    status: shipment.status,
    events: shipment.events.map((e) => ({
      time: iso(e.time),
      descriptionEn: e.descriptionEn,
      descriptionCn: e.descriptionCn,
    })),
    fetchedAt: iso(meta.fetchedAt),
    offline: meta.offline,
  };
}

/** A shipment that could not be tracked, with the reason. */
export function failedShipmentView(failure: LookupFailure): ShipmentView {
  return {
    query: failure.query,
    ok: false,
    message: failure.message,
    trackingNumber: '',
    orderNo: '',
    country: '',
    status: '',
    events: [],
    fetchedAt: null,
    offline: failure.code === 'offline-not-cached',
  };
}

/** An inventory snapshot with its age. */
export function toInventoryView(snapshot: InventorySnapshot, offline: boolean): InventoryView {
  return {
    rows: snapshot.rows.map((row) => ({ ...row })),
    totalRows: snapshot.totalRows,
    takenAt: snapshot.takenAt.toISOString(),
    offline,
  };
}

/** A print job as the queue screen and the result card show it. */
export function toJobView(job: PrintJob): JobView {
  return {
    id: job.id,
    state: job.state,
    printer: job.printer,
    pieces: job.pieces.map((p) => p.trackingNumber || p.pieceNo || p.query),
    pageCount: job.pageCount,
    copies: job.options.copies,
    reason: job.reason === '' ? null : job.reason,
    spoolerId: job.spoolerId,
    attempts: job.attempts,
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    reprintOf: job.reprintOf,
  };
}

/** A printer with its state reasons in plain words. */
export function toPrinterView(printer: PrinterInfo): PrinterView {
  return {
    name: printer.name,
    isDefault: printer.isDefault,
    state: printer.state,
    accepting: printer.accepting,
    reasons: printer.reasons.map(({ code, words }) => ({ code, words })),
  };
}
