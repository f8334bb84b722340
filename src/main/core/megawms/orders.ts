/**
 * The order calls: AddOrder and InvalidOrder (writes, never retried blindly) and
 * GetOrderMsg (a read, also used to settle an AddOrder whose answer was lost).
 */
import { randomBytes } from 'node:crypto';

import type { CancelResult, ItemResult, NewOrder, Order } from '../../../shared/domain';
import type { BatchOptions, CallOptions, CreateOrderOutcome, OrderQuery } from './api';
import { chunk, runBounded } from './batch';
import { ensureSuccess, requireAccount, type ClientContext } from './context';
import { BATCH_LIMITS } from './endpoints';
import { MegaWmsError } from './errors';
import { isOutcomeUnknown } from './http';
import { matchKey } from './lookups';
import {
  toAddOrderRequest,
  toCancelResult,
  toCreatedOrder,
  toGetOrderMsgRequest,
  toInvalidOrderRequest,
  toOrder,
} from './map';
import { AddOrderResponse, GetOrderMsgResponse, InvalidOrderResponse, parseWire } from './wire';
import { createLogger } from '../log';

const log = createLogger('MegaWMS');

/**
 * A reference number for an order that came without one: `LS` + UTC yyMMddHHmmss + 6 random
 * hex digits (20 characters, within the vendor's 50). With it, a lost AddOrder answer can
 * always be settled by GetOrderMsg, and MegaWMS refuses a second order with the same one.
 */
export function generateReferenceNo(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/\D/g, '').slice(2, 14);
  return `LS${stamp}${randomBytes(3).toString('hex').toUpperCase()}`;
}

// ---- AddOrder ---------------------------------------------------------------------------

/** AddOrder; a lost answer is settled by asking GetOrderMsg for the reference number. */
export async function createOrder(
  ctx: ClientContext,
  order: NewOrder,
  opts: CallOptions = {},
): Promise<CreateOrderOutcome> {
  requireAccount(ctx, 'AddOrder', ['customerCode', 'apiName', 'apiKey']);
  const referenceNo = order.referenceNo.trim() || generateReferenceNo();
  const body = toAddOrderRequest(order, referenceNo, ctx.creds);

  try {
    const raw = await ctx.post('AddOrder', body, 'write', opts);
    ensureSuccess(ctx, 'AddOrder', raw);
    const created = toCreatedOrder(parseWire('AddOrder', AddOrderResponse, raw));
    return {
      kind: 'created',
      order: { ...created, referenceNo: created.referenceNo || referenceNo },
    };
  } catch (error) {
    if (error instanceof MegaWmsError && error.code === 'aborted') {
      throw new MegaWmsError(
        'aborted',
        'AddOrder',
        `Cancelled before MegaWMS answered. The order may have been created: look up ` +
          `reference number ${referenceNo} before creating it again.`,
      );
    }
    if (!isOutcomeUnknown(error)) throw error;
    return settleLostAnswer(ctx, referenceNo, error as MegaWmsError, opts);
  }
}

/**
 * The request may have been processed. GetOrderMsg (retried like any read) tells whether
 * an order with this reference number exists now.
 */
async function settleLostAnswer(
  ctx: ClientContext,
  referenceNo: string,
  lost: MegaWmsError,
  opts: CallOptions,
): Promise<CreateOrderOutcome> {
  log.warn(`AddOrder answer lost (${lost.code}); asking GetOrderMsg for ${referenceNo}`);
  let found: ItemResult<Order[]>;
  try {
    [found] = (await fetchOrders(ctx, [{ referenceNo }], opts)) as [ItemResult<Order[]>];
  } catch (checkError) {
    const reason = checkError instanceof Error ? checkError.message : String(checkError);
    throw new MegaWmsError(
      lost.code,
      'AddOrder',
      `${lost.message} Label Station could not check whether the order was created ` +
        `(${reason}). Look up reference number ${referenceNo} in MegaWMS before creating it again.`,
      { status: lost.status, detail: lost.detail },
    );
  }

  const order = found.ok ? found.value[0] : undefined;
  if (order) {
    log.info(
      `AddOrder ${referenceNo} was created as ${order.orderNo} although its answer was lost`,
    );
    return { kind: 'created-unconfirmed', order };
  }
  // Limitation: a server still working on the lost request could create the order after
  // this check. Trying again with the same reference number is safe: MegaWMS refuses a
  // reference used twice. Waiting and asking a second time would narrow the gap.
  return {
    kind: 'not-created',
    referenceNo,
    reason:
      `${lost.message} MegaWMS has no order with reference number ${referenceNo}, so it was ` +
      'not created. Try again with the same reference number.',
  };
}

// ---- InvalidOrder -----------------------------------------------------------------------

/** InvalidOrder. MegaWMS's refusal (e.g. the carrier's void period) is a result, verbatim. */
export async function cancelOrder(
  ctx: ClientContext,
  trackingNumber: string,
  opts: CallOptions = {},
): Promise<CancelResult> {
  requireAccount(ctx, 'InvalidOrder', ['customerCode', 'apiName', 'apiKey']);
  const number = trackingNumber.trim();
  if (!number) {
    throw new MegaWmsError(
      'config',
      'InvalidOrder',
      'Enter the tracking number of the order to cancel.',
    );
  }

  let raw: unknown;
  try {
    raw = await ctx.post('InvalidOrder', toInvalidOrderRequest(number, ctx.creds), 'write', opts);
  } catch (error) {
    if (!isOutcomeUnknown(error)) throw error;
    const lost = error as MegaWmsError;
    throw new MegaWmsError(
      lost.code,
      'InvalidOrder',
      `${lost.message} The order may have been cancelled; check its status before trying again.`,
      { status: lost.status, detail: lost.detail },
    );
  }
  const res = parseWire('InvalidOrder', InvalidOrderResponse, raw);
  const result = toCancelResult(res, number);
  return { ...result, message: ctx.scrub(result.message) };
}

// ---- GetOrderMsg ------------------------------------------------------------------------

/** The number a query is known by: the server looks by reference, then tracking, then order. */
function queryLabel(q: OrderQuery): string {
  return q.referenceNo?.trim() || q.trackingNumber?.trim() || q.orderNo?.trim() || '';
}

/** GetOrderMsg in batches of 500; a query no order matches fails alone. */
export async function fetchOrders(
  ctx: ClientContext,
  queries: OrderQuery[],
  opts: BatchOptions = {},
): Promise<ItemResult<Order[]>[]> {
  requireAccount(ctx, 'GetOrderMsg', ['customerCode', 'apiKey']);
  const indexed = queries.map((q, index) => ({ q, index })).filter((e) => queryLabel(e.q) !== '');
  const results: ItemResult<Order[]>[] = queries.map(() => ({
    ok: false,
    query: '',
    message: 'Give a reference number, tracking number or order number.',
  }));

  let done = queries.length - indexed.length;
  opts.onProgress?.(done, queries.length);
  const batches = chunk(indexed, BATCH_LIMITS.GetOrderMsg);
  await runBounded(batches, ctx.concurrency, opts.signal, async (batch, signal) => {
    const body = toGetOrderMsgRequest(
      batch.map((e) => e.q),
      ctx.creds,
    );
    const raw = await ctx.post('GetOrderMsg', body, 'read', { signal, timeoutMs: opts.timeoutMs });
    ensureSuccess(ctx, 'GetOrderMsg', raw);
    const orders = parseWire('GetOrderMsg', GetOrderMsgResponse, raw).OrderList.map(toOrder);
    for (const { q, index } of batch) results[index] = matchOrders(q, orders);
    done += batch.length;
    opts.onProgress?.(done, queries.length);
  });
  return results;
}

/** The orders of one query, found the way the server looks them up. */
function matchOrders(q: OrderQuery, orders: Order[]): ItemResult<Order[]> {
  const query = queryLabel(q);
  const lookups: Array<[string | undefined, (o: Order) => string, string]> = [
    [q.referenceNo, (o) => o.referenceNo, 'reference number'],
    [q.trackingNumber, (o) => o.trackingNumber, 'tracking number'],
    [q.orderNo, (o) => o.orderNo, 'order number'],
  ];
  for (const [wanted, field] of lookups) {
    if (!wanted?.trim()) continue;
    const key = matchKey(wanted);
    const matching = orders.filter((o) => matchKey(field(o)) === key);
    if (matching.length > 0) return { ok: true, query, value: matching };
  }
  const [, , what] = lookups.find(([wanted]) => wanted?.trim()) ?? lookups[0]!;
  return { ok: false, query, message: `MegaWMS has no order with ${what} ${query}.` };
}
