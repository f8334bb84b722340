/**
 * `station track`: the tracking events of shipments, oldest first, through the offline
 * cache: a shipment seen before is shown with its age unless `--refresh` asks again, and
 * `--offline` never asks MegaWMS.
 */
import type { Command } from '../command';
import { printJson, reportFailures } from '../command';
import { requireNumbers } from '../input';
import type { TrackingLookup } from '../../main/core/cache/lookup-service';
import { CACHE_OPTIONS, describeOrigin, openLookupService, readCacheOptions } from './cache';

export const trackCommand: Command = {
  name: 'track',
  usage: 'track <number...> [--file F] [--refresh] [--offline]',
  summary: 'Tracking events by tracking or order number, with their age (--refresh: ask again).',
  options: { file: { type: 'string' }, ...CACHE_OPTIONS },
  async run(ctx, positionals, values) {
    const numbers = requireNumbers(positionals, values.file as string | undefined);
    const { offline, refresh } = readCacheOptions(values);

    const service = await openLookupService(ctx, { offline });
    const results = await service.findTracking(numbers, {
      offline,
      refresh,
      onProgress: (done, total) => ctx.io.progress('tracking', done, total),
    });

    if (ctx.options.json) printJson(ctx, results);
    else for (const line of describeTracking(results)) ctx.io.out(line);
    return reportFailures(ctx, results);
  },
};

/** Each shipment's line (with where it came from and its age), then its events. */
function describeTracking(results: TrackingLookup[]): string[] {
  const now = new Date();
  const lines: string[] = [];
  for (const r of results) {
    if (!r.ok) continue;
    const s = r.shipment;
    const head = [s.trackingNumber, s.orderNo, s.country, s.status, `[${describeOrigin(r, now)}]`];
    lines.push(head.join('  '));
    for (const e of s.events) {
      const when = e.time ? e.time.toISOString().replace('T', ' ').slice(0, 19) : 'time unknown';
      lines.push(`  ${when.padEnd(19)}  ${e.descriptionEn || e.descriptionCn}`);
    }
  }
  return lines;
}
