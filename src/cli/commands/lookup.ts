/**
 * `station lookup`: find labels by whatever number is at hand (order, reference, tracking,
 * piece number or a raw carrier barcode), from the cache first; `--offline` never asks
 * MegaWMS, so it works with the network down.
 */
import type { Command } from '../command';
import { formatTable, printJson, reportFailures } from '../command';
import { requireNumbers } from '../input';
import type { LabelLookup } from '../../main/core/cache/lookup-service';
import {
  CACHE_OPTIONS,
  describeSource,
  formatAge,
  openLookupService,
  readCacheOptions,
} from './cache';
import { writeLabelFiles } from './labels';

export const lookupCommand: Command = {
  name: 'lookup',
  usage: 'lookup <number...> [--file F] [--offline] [--refresh] [--out DIR]',
  summary: 'Find labels by any number: cache first, MegaWMS on a miss (--offline: never).',
  options: {
    file: { type: 'string' },
    out: { type: 'string' },
    ...CACHE_OPTIONS,
  },
  async run(ctx, positionals, values) {
    const numbers = requireNumbers(positionals, values.file as string | undefined);
    const { offline, refresh } = readCacheOptions(values);

    const service = await openLookupService(ctx, { offline });
    const results = await service.findLabels(numbers, {
      offline,
      refresh,
      onProgress: (done, total) => ctx.io.progress('lookup', done, total),
    });
    const labels = results.flatMap((r) => (r.ok ? r.labels : []));
    const written = await writeLabelFiles(labels, values.out as string | undefined);

    if (ctx.options.json) printJson(ctx, { results, written });
    else ctx.io.out(describeResults(results));
    return reportFailures(ctx, results);
  },
};

function describeResults(results: LabelLookup[]): string {
  const now = new Date();
  const rows = results.flatMap((r) => {
    if (!r.ok) return [];
    const from = describeSource(r);
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
