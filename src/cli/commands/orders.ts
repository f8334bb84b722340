/** Order commands: tracking numbers again, status, create and cancel. */
import fs from 'node:fs';
import { NewOrderInput } from '../../shared/contract';
import { ORDER_STATUS, type Order, type OrderStatusCode } from '../../shared/domain';
import type { Command } from '../command';
import { formatTable, printJson, reportFailures } from '../command';
import { requireNumbers } from '../input';
import { UsageError } from '../context';
import { CACHE_OPTIONS, formatAge, openLookupService, readCacheOptions } from './cache';

export const trackingNumbersCommand: Command = {
  name: 'tracking-numbers',
  usage: 'tracking-numbers <order-number...> [--by-ref] [--file F]',
  summary: 'Fetch tracking numbers again by order number (or reference number).',
  options: { 'by-ref': { type: 'boolean' }, file: { type: 'string' } },
  async run(ctx, positionals, values) {
    const numbers = requireNumbers(positionals, values.file as string | undefined);
    const client = await ctx.getClient();
    const by = values['by-ref'] ? 'referenceNo' : 'orderNo';
    const results = await client.fetchTrackingNumbers(numbers, by, {
      onProgress: (d, t) => ctx.io.progress('tracking numbers', d, t),
    });
    if (ctx.options.json) printJson(ctx, results);
    else {
      const rows = results.flatMap((r) =>
        r.ok ? [[r.value.orderNo, r.value.referenceNo, r.value.trackingNumber]] : [],
      );
      ctx.io.out(formatTable(['order number', 'reference', 'tracking number'], rows));
    }
    return reportFailures(ctx, results);
  },
};

/** The status name a person reads, e.g. `6 shipped (已发货)`. */
export function describeStatus(order: Order): string {
  const name = ORDER_STATUS[order.statusCode as OrderStatusCode] ?? 'unknown';
  return `${order.statusCode ?? '?'} ${name}${order.statusText ? ` (${order.statusText})` : ''}`;
}

export const statusCommand: Command = {
  name: 'status',
  usage: 'status <number...> [--file F] [--refresh] [--offline]',
  summary: 'Order status by any number, with its age: cached, or fetched when asked (--refresh).',
  options: { file: { type: 'string' }, ...CACHE_OPTIONS },
  async run(ctx, positionals, values) {
    const numbers = requireNumbers(positionals, values.file as string | undefined);
    const { offline, refresh } = readCacheOptions(values);
    const service = await openLookupService(ctx, { offline });
    // MegaWMS tries CsRefNo, then Tracknumber, then OrderNo: an unknown number fills all three.
    const results = await service.findOrders(numbers, {
      offline,
      refresh,
      onProgress: (d, t) => ctx.io.progress('status', d, t),
    });
    if (ctx.options.json) printJson(ctx, results);
    else {
      const now = new Date();
      const rows = results.flatMap((r) =>
        r.ok
          ? r.orders.map(({ order: o, detailFetchedAt, seenAt }) => [
              r.query,
              o.orderNo,
              o.trackingNumber,
              detailFetchedAt ? describeStatus(o) : 'not fetched yet',
              o.channel,
              `${formatAge(detailFetchedAt ?? seenAt, now)}${r.offline ? ' (offline)' : ''}`,
            ])
          : [],
      );
      const header = ['asked', 'order number', 'tracking', 'status', 'channel', 'as of'];
      ctx.io.out(formatTable(header, rows));
    }
    return reportFailures(ctx, results);
  },
};

export const orderCreateCommand: Command = {
  name: 'order create',
  usage: 'order create --file ORDER.json',
  summary: "Create an order from a JSON file (the fields of the app's order form).",
  options: { file: { type: 'string' } },
  async run(ctx, _positionals, values) {
    if (!values.file) throw new UsageError('Give the order as --file ORDER.json.');
    const parsed = NewOrderInput.safeParse(
      JSON.parse(fs.readFileSync(values.file as string, 'utf8')),
    );
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new UsageError(`${values.file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    const client = await ctx.getClient();
    const outcome = await client.createOrder(parsed.data);
    if (ctx.options.json) {
      printJson(ctx, outcome);
    } else if (outcome.kind === 'created') {
      const o = outcome.order;
      ctx.io.out(
        `Created ${o.orderNo} (reference ${o.referenceNo}), tracking ${o.trackingNumber || '—'}`,
      );
      for (const l of o.labels)
        ctx.io.out(`  piece ${l.pieceIndex}/${l.pieceCount}: ${l.trackingNumber}`);
      if (o.message) ctx.io.out(`MegaWMS: ${o.message}`);
    } else if (outcome.kind === 'created-unconfirmed') {
      ctx.io.out(
        `The answer was lost, but MegaWMS has the order: ${outcome.order.orderNo} ` +
          `(reference ${outcome.order.referenceNo}). It was created once; do not submit again.`,
      );
    }
    if (outcome.kind === 'not-created') {
      ctx.io.err(`Not created: ${outcome.reason}`);
      return 1;
    }
    return 0;
  },
};

export const orderCancelCommand: Command = {
  name: 'order cancel',
  usage: 'order cancel <tracking-number>',
  summary: "Cancel an order by its tracking number; shows MegaWMS's refusal word for word.",
  async run(ctx, positionals) {
    if (positionals.length !== 1) throw new UsageError('Give exactly one tracking number.');
    const client = await ctx.getClient();
    const result = await client.cancelOrder(positionals[0]!);
    if (ctx.options.json) printJson(ctx, result);
    else if (result.cancelled)
      ctx.io.out(`Cancelled ${result.orderNo} (${result.trackingNumber}).`);
    if (!result.cancelled) {
      ctx.io.err(`${positionals[0]}: MegaWMS refused: ${result.message}`);
      return 1;
    }
    return 0;
  },
};
