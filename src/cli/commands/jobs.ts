/**
 * `station jobs`: the print queue and its history, newest first. Sent jobs are asked about
 * first, so the states shown are the spooler's own; nothing is sent by this command.
 */
import { formatTable, printJson } from '../command';
import type { Command } from '../command';
import { UsageError } from '../context';
import { openPrinting } from './print';

export const jobsCommand: Command = {
  name: 'jobs',
  usage: 'jobs [--limit N] [--unfinished]',
  summary: 'The print queue and history: state, printer, pages, and why a job waits or failed.',
  options: { limit: { type: 'string' }, unfinished: { type: 'boolean' } },
  async run(ctx, _positionals, values) {
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1)
      throw new UsageError('--limit must be a whole number of jobs.');
    const { queue } = openPrinting(ctx, { start: false });
    await queue
      .refresh()
      .catch((error: Error) =>
        ctx.io.err(`Could not ask the printer about sent jobs: ${error.message}`),
      );

    const jobs = queue.listJobs({ limit, unfinishedOnly: Boolean(values.unfinished) });
    if (ctx.options.json) {
      printJson(ctx, jobs);
      return 0;
    }
    const rows = jobs.map((j) => [
      String(j.id),
      j.createdAt.toISOString().slice(0, 19).replace('T', ' '),
      j.state,
      j.printer,
      String(j.pageCount),
      summarise(j.pieces.map((p) => p.trackingNumber || p.query)),
      j.reprintOf ? `reprint of ${j.reprintOf}` : '',
      j.reason,
    ]);
    ctx.io.out(
      formatTable(['job', 'created', 'state', 'printer', 'pages', 'labels', '', 'reason'], rows),
    );
    return 0;
  },
};

function summarise(names: string[]): string {
  return names.length <= 3
    ? names.join(' ')
    : `${names.slice(0, 2).join(' ')} … +${names.length - 2}`;
}
