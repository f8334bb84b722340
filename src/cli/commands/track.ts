/** `station track`: the tracking events of shipments, oldest first. */
import type { Command } from '../command';
import { printJson, reportFailures } from '../command';
import { collectNumbers } from '../input';
import { UsageError } from '../context';

export const trackCommand: Command = {
  name: 'track',
  usage: 'track <number...> [--file F]',
  summary: 'Tracking events of shipments (tracking or order numbers).',
  options: { file: { type: 'string' } },
  async run(ctx, positionals, values) {
    const numbers = collectNumbers(positionals, values.file as string | undefined);
    if (numbers.length === 0) throw new UsageError('Give at least one number, or --file.');
    const client = await ctx.getClient();
    const results = await client.fetchTracking(numbers);
    if (ctx.options.json) printJson(ctx, results);
    else {
      for (const r of results) {
        if (!r.ok) continue;
        const s = r.value;
        ctx.io.out(`${s.trackingNumber}  ${s.orderNo}  ${s.country}  ${s.status}`);
        for (const e of s.events) {
          const when = e.time
            ? e.time.toISOString().replace('T', ' ').slice(0, 19)
            : 'time unknown';
          ctx.io.out(`  ${when.padEnd(19)}  ${e.descriptionEn || e.descriptionCn}`);
        }
      }
    }
    return reportFailures(
      ctx,
      results.flatMap((r) => (r.ok ? [] : [r])),
    );
  },
};
