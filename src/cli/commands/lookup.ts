/**
 * `station lookup`: find labels by whatever number is at hand (order, reference, tracking,
 * piece number or a raw carrier barcode), from the cache first; `--offline` never asks
 * MegaWMS, so it works with the network down.
 */
import type { Command } from '../command';
import { formatTable, printJson, reportFailures } from '../command';
import { collectNumbers } from '../input';
import { UsageError } from '../context';
import type { LabelLookup } from '../../main/core/cache/lookup-service';
import { formatAge, openLookupService } from './cache';
import { writeLabelFiles } from './labels';

export const lookupCommand: Command = {
  name: 'lookup',
  usage: 'lookup <number...> [--file F] [--offline] [--refresh] [--out DIR]',
  summary: 'Find labels by any number: cache first, MegaWMS on a miss (--offline: never).',
  options: {
    file: { type: 'string' },
    offline: { type: 'boolean' },
    refresh: { type: 'boolean' },
    out: { type: 'string' },
  },
  async run(ctx, positionals, values) {
    const numbers = collectNumbers(positionals, values.file as string | undefined);
    if (numbers.length === 0) throw new UsageError('Give at least one number, or --file.');
    const offline = Boolean(values.offline);
    if (offline && values.refresh) throw new UsageError('--refresh needs MegaWMS; drop --offline.');

    const service = await openLookupService(ctx, { offline });
    const results = await service.findLabels(numbers, {
      offline,
      refresh: Boolean(values.refresh),
      onProgress: (done, total) => ctx.io.progress('lookup', done, total),
    });
    const labels = results.flatMap((r) => (r.ok ? r.labels : []));
    const written = await writeLabelFiles(labels, values.out as string | undefined);

    if (ctx.options.json) printJson(ctx, { results, written });
    else ctx.io.out(describeResults(results));
    return reportFailures(
      ctx,
      results.flatMap((r) => (r.ok ? [] : [r])),
    );
  },
};

function describeResults(results: LabelLookup[]): string {
  const now = new Date();
  const rows = results.flatMap((r) => {
    if (!r.ok) return [];
    const from = `${r.source === 'cache' ? 'cache' : 'MegaWMS'}${r.offline ? ' (offline)' : ''}`;
    return r.labels.map((l) => [
      r.query,
      l.orderNo,
      l.trackingNumber,
      `${l.pieceIndex}/${l.pieceCount}`,
      l.file ? `${l.fileType} ${l.size} B` : 'no file',
      from,
      formatAge(l.fetchedAt, now),
    ]);
  });
  const header = ['asked', 'order number', 'tracking number', 'piece', 'label', 'from', 'fetched'];
  return formatTable(header, rows);
}
