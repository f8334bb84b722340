/**
 * The read calls that take lists of numbers (GetTrackingNo, GetLabel, GetTrack) and
 * Inventory. Lists are split to the vendor's limits, fetched with bounded concurrency and
 * joined again in the caller's order; one number failing is a result for that number only.
 */
import type {
  InventoryQuery,
  InventoryRow,
  ItemResult,
  Label,
  Shipment,
  TrackingNumberResult,
} from '../../../shared/domain';
import type { BatchOptions } from './api';
import { chunk, runBounded } from './batch';
import { ensureSuccess, ensureTrackSuccess, requireAccount, type ClientContext } from './context';
import { BATCH_LIMITS, type EndpointName } from './endpoints';
import { MegaWmsError } from './errors';
import {
  toGetLabelRequest,
  toGetTrackingNoRequest,
  toGetTrackRequest,
  toInventoryRequest,
  toInventoryRow,
  toLabel,
  toShipment,
} from './map';
import {
  GetLabelResponse,
  GetTrackingNoResponse,
  GetTrackResponse,
  InventoryResponse,
  parseWire,
} from './wire';

/** The answer for one number: a value, or MegaWMS's reason for that number. */
type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/** Numbers compare without padding and case: scanners and the vendor disagree on both. */
export function matchKey(number: string): string {
  return number.trim().toUpperCase();
}

/**
 * Shared shape of the list calls: drop blanks, ask each distinct number once, in batches of
 * `limit`, and hand every caller's entry its number's outcome.
 */
async function lookUpNumbers<T>(
  ctx: ClientContext,
  numbers: string[],
  limit: number,
  opts: BatchOptions,
  fetchBatch: (batch: string[], signal: AbortSignal) => Promise<Map<string, Outcome<T>>>,
): Promise<ItemResult<T>[]> {
  const keys = numbers.map(matchKey);
  const distinct = new Map<string, { number: string; uses: number }>();
  keys.forEach((key, i) => {
    if (key === '') return;
    const entry = distinct.get(key);
    if (entry) entry.uses++;
    else distinct.set(key, { number: numbers[i]!.trim(), uses: 1 });
  });

  const total = numbers.length;
  let done = keys.filter((k) => k === '').length;
  opts.onProgress?.(done, total);

  const outcomes = new Map<string, Outcome<T>>();
  const batches = chunk([...distinct.values()], limit);
  // Limitation: a batch that fails as a whole (after its retries) fails the call, and the
  // batches already answered are dropped with it, so the caller gets one typed error
  // (offline or not) for every number. Keeping them would need an error code per item.
  await runBounded(batches, ctx.concurrency, opts.signal, async (batch, signal) => {
    const answer = await fetchBatch(
      batch.map((e) => e.number),
      signal,
    );
    for (const [key, outcome] of answer) outcomes.set(key, outcome);
    done += batch.reduce((sum, e) => sum + e.uses, 0);
    opts.onProgress?.(done, total);
  });

  return numbers.map((query, i): ItemResult<T> => {
    if (keys[i] === '') return { ok: false, query, message: 'An empty number was skipped.' };
    const outcome = outcomes.get(keys[i]!);
    if (outcome?.ok) return { ok: true, query, value: outcome.value };
    const message = outcome?.message ?? `MegaWMS returned nothing for ${query.trim()}.`;
    return { ok: false, query, message };
  });
}

function callOpts(opts: BatchOptions, signal: AbortSignal) {
  return { signal, timeoutMs: opts.timeoutMs };
}

// ---- GetTrackingNo ----------------------------------------------------------------------

/** GetTrackingNo; an item whose `Message` is not `OK` fails alone with that message. */
export async function fetchTrackingNumbers(
  ctx: ClientContext,
  numbers: string[],
  by: 'orderNo' | 'referenceNo',
  opts: BatchOptions = {},
): Promise<ItemResult<TrackingNumberResult>[]> {
  requireAccount(ctx, 'GetTrackingNo', ['customerCode', 'apiKey']);
  return lookUpNumbers(ctx, numbers, BATCH_LIMITS.GetTrackingNo, opts, async (batch, signal) => {
    const body = toGetTrackingNoRequest(batch, by, ctx.creds);
    const raw = await ctx.post('GetTrackingNo', body, 'read', callOpts(opts, signal));
    ensureSuccess(ctx, 'GetTrackingNo', raw);
    const res = parseWire('GetTrackingNo', GetTrackingNoResponse, raw);

    const byOrderNo = new NumberIndex(res.OrderList, (item) => [item.OrderNo]);
    const byReference = new NumberIndex(res.OrderList, (item) => [item.CsRefNo]);
    const [first, second] = by === 'orderNo' ? [byOrderNo, byReference] : [byReference, byOrderNo];
    const outcomes = new Map<string, Outcome<TrackingNumberResult>>();
    for (const number of batch) {
      const key = matchKey(number);
      const item = first.get(number)?.[0] ?? second.get(number)?.[0];
      if (!item) continue;
      outcomes.set(
        key,
        item.Message.trim().toUpperCase() === 'OK'
          ? {
              ok: true,
              value: {
                orderNo: item.OrderNo,
                referenceNo: item.CsRefNo,
                trackingNumber: item.Tracknumber,
              },
            }
          : { ok: false, message: ctx.scrub(item.Message.trim() || 'MegaWMS gave no reason.') },
      );
    }
    return outcomes;
  });
}

// ---- GetLabel ---------------------------------------------------------------------------

/**
 * GetLabel. A label belongs to every number asked that it carries as piece or master
 * tracking number, order number, reference number or piece number.
 */
export async function fetchLabels(
  ctx: ClientContext,
  numbers: string[],
  opts: BatchOptions = {},
): Promise<ItemResult<Label[]>[]> {
  requireAccount(ctx, 'GetLabel', ['customerCode', 'apiName', 'apiKey']);
  return lookUpNumbers(ctx, numbers, BATCH_LIMITS.GetLabel, opts, async (batch, signal) => {
    const body = toGetLabelRequest(batch, ctx.creds);
    const raw = await ctx.post('GetLabel', body, 'read', callOpts(opts, signal));
    ensureSuccess(ctx, 'GetLabel', raw);
    const res = parseWire('GetLabel', GetLabelResponse, raw);

    const labels = distinctLabels(res.Labels.map(toLabel));
    const index = new NumberIndex(labels, (l) => [
      l.trackingNumber,
      l.masterTrackingNumber,
      l.orderNo,
      l.referenceNo,
      l.pieceNo,
    ]);
    const outcomes = new Map<string, Outcome<Label[]>>();
    for (const number of batch) {
      const key = matchKey(number);
      const found = index.get(number);
      outcomes.set(
        key,
        found
          ? { ok: true, value: found }
          : { ok: false, message: `MegaWMS has no label for ${number}.` },
      );
    }
    return outcomes;
  });
}

/**
 * Asking for a piece and for its order in one batch may bring the same label twice; a
 * piece is kept once (same piece number and tracking number).
 */
function distinctLabels(labels: Label[]): Label[] {
  const seen = new Set<string>();
  return labels.filter((l) => {
    if (!l.pieceNo && !l.trackingNumber) return true;
    const key = `${l.pieceNo}|${l.trackingNumber}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Items under every non-empty number they carry. `get` tries the number as given first
 * and only then without regard to case: most answers repeat the number exactly, and
 * upper-casing every key of every label was a measurable share of a batch.
 */
class NumberIndex<T> {
  private readonly exact = new Map<string, T[]>();
  private folded: Map<string, T[]> | undefined;

  /** `keys` gives the numbers an item carries, already trimmed (the wire schemas trim). */
  constructor(
    private readonly items: T[],
    private readonly keys: (item: T) => string[],
  ) {
    for (const item of items) for (const key of keys(item)) add(this.exact, key, item);
  }

  get(number: string): T[] | undefined {
    const found = this.exact.get(number.trim());
    if (found) return found;
    if (!this.folded) {
      this.folded = new Map();
      for (const item of this.items) {
        for (const key of this.keys(item)) add(this.folded, matchKey(key), item);
      }
    }
    return this.folded.get(matchKey(number));
  }
}

/** Files `item` under `key`, once: an item carrying one number twice is listed once. */
function add<T>(index: Map<string, T[]>, key: string, item: T): void {
  if (key === '') return;
  const list = index.get(key);
  if (!list) index.set(key, [item]);
  else if (list[list.length - 1] !== item) list.push(item);
}

// ---- GetTrack ---------------------------------------------------------------------------

/** GetTrack with the tracking key; a number MegaWMS does not know fails alone. */
export async function fetchTracking(
  ctx: ClientContext,
  numbers: string[],
  opts: BatchOptions = {},
): Promise<ItemResult<Shipment>[]> {
  requireAccount(ctx, 'GetTrack', ['trackKey']);
  return lookUpNumbers(ctx, numbers, BATCH_LIMITS.GetTrack, opts, async (batch, signal) => {
    const body = toGetTrackRequest(batch, ctx.creds);
    const raw = await ctx.post('GetTrack', body, 'read', callOpts(opts, signal));
    ensureTrackSuccess(ctx, raw);
    const res = parseWire('GetTrack', GetTrackResponse, raw);

    const index = new NumberIndex(res.TrackingNos, (t) => [t.TrackingNo, t.OrderNo]);
    const outcomes = new Map<string, Outcome<Shipment>>();
    for (const number of batch) {
      const key = matchKey(number);
      const item = index.get(number)?.[0];
      outcomes.set(
        key,
        item
          ? { ok: true, value: toShipment(item) }
          : { ok: false, message: `MegaWMS has no tracking for ${number}.` },
      );
    }
    return outcomes;
  });
}

// ---- Inventory --------------------------------------------------------------------------

/** Pages an `all` query may take; past this MegaWMS is not paging as documented. */
const MAX_INVENTORY_PAGES = 1000;

/** Inventory: one page, or with `all` every page (1000 rows each) in page order. */
export async function fetchInventory(
  ctx: ClientContext,
  query: InventoryQuery & { all?: boolean; page?: number; pageSize?: number },
  opts: BatchOptions = {},
): Promise<{ rows: InventoryRow[]; totalRows: number }> {
  requireAccount(ctx, 'Inventory', ['customerCode', 'apiKey']);
  const { page, pageSize } = inventoryPage(query);

  const first = await fetchInventoryPage(ctx, query, page, pageSize, opts);
  if (!query.all) return { rows: first.rows, totalRows: first.totalRows };

  const pages = Math.ceil(first.totalRows / pageSize);
  if (pages > MAX_INVENTORY_PAGES) throw tooManyRows(first.totalRows, pageSize);
  opts.onProgress?.(first.rows.length, first.totalRows);
  // A short first page means there is no second one, whatever TotalRows says.
  if (pages <= 1 || first.rows.length < pageSize) return first;

  let fetched = first.rows.length;
  const numbers = Array.from({ length: pages - 1 }, (_, i) => i + 2);
  const rest = await runBounded(numbers, ctx.concurrency, opts.signal, async (n, signal) => {
    const result = await fetchInventoryPage(ctx, query, n, pageSize, { ...opts, signal });
    fetched += result.rows.length;
    opts.onProgress?.(Math.min(fetched, first.totalRows), first.totalRows);
    return result.rows;
  });
  return { rows: first.rows.concat(...rest), totalRows: first.totalRows };
}

/** The page asked for; `all` reads from page 1 in pages of the most MegaWMS allows. */
function inventoryPage(query: { all?: boolean; page?: number; pageSize?: number }) {
  const limit = BATCH_LIMITS.InventoryPageSize;
  const pageSize = query.all ? limit : (query.pageSize ?? limit);
  const page = query.all ? 1 : (query.page ?? 1);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > limit) {
    throw new MegaWmsError('config', 'Inventory', `An inventory page holds 1 to ${limit} rows.`);
  }
  if (!Number.isInteger(page) || page < 1) {
    throw new MegaWmsError('config', 'Inventory', 'Inventory pages are numbered from 1.');
  }
  return { page, pageSize };
}

function tooManyRows(totalRows: number, pageSize: number): MegaWmsError {
  return new MegaWmsError(
    'bad-response',
    'Inventory',
    `MegaWMS reports ${totalRows} inventory rows, more than Label Station reads at once. ` +
      'Narrow the query by SKU, warehouse or barcode.',
    { detail: `Inventory: TotalRows: ${totalRows} is over ${MAX_INVENTORY_PAGES * pageSize}` },
  );
}

async function fetchInventoryPage(
  ctx: ClientContext,
  query: InventoryQuery,
  page: number,
  pageSize: number,
  opts: BatchOptions,
): Promise<{ rows: InventoryRow[]; totalRows: number }> {
  const body = toInventoryRequest(query, page, pageSize, ctx.creds);
  const raw = await ctx.post('Inventory' satisfies EndpointName, body, 'read', opts);
  ensureSuccess(ctx, 'Inventory', raw);
  const res = parseWire('Inventory', InventoryResponse, raw);

  // A server that ignores PageNow would send page 1 forever; its echo tells.
  if (res.PageNow !== null && res.PageNow !== page) {
    const detail = `Inventory: PageNow: asked for page ${page}, got page ${res.PageNow}`;
    throw new MegaWmsError(
      'bad-response',
      'Inventory',
      `MegaWMS sent the wrong inventory page (${detail}). Try again; if it keeps happening, ` +
        'tell your MegaWMS contact.',
      { detail },
    );
  }
  // Limitation: a server that neither echoes PageNow nor pages would repeat rows; only the
  // page count from the first TotalRows bounds it. A row identity check would lift this.
  return { rows: res.Detail.map(toInventoryRow), totalRows: res.TotalRows };
}
