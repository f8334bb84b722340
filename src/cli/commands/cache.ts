/**
 * `station cache stats` and `station cache prune`, and the one way every command opens the
 * cache: the station's SQLite file in the data folder, shared with the desktop app.
 */
import { openDatabase } from '../../main/core/db/database';
import { createCacheStore, type CacheStore } from '../../main/core/cache/cache-store';
import {
  createLookupService,
  type LookupOrigin,
  type LookupService,
} from '../../main/core/cache/lookup-service';
import { DEFAULT_RETENTION_DAYS } from '../../main/core/cache/retention';
import type { CacheStats } from '../../main/core/cache/types';
import type { Command, OptionSpec, OptionValues } from '../command';
import { printJson } from '../command';
import { UsageError, type CliContext } from '../context';
import { accountKeyOf, DEMO_ACCOUNT_KEY } from '../../main/core/cache/account-key';

/** Opens the cache of the data folder; it is closed when the command ends. */
export function openCache(ctx: CliContext): CacheStore {
  const db = openDatabase(ctx.dataDir);
  ctx.onClose(() => {
    db.close();
  });
  return createCacheStore(db);
}

/**
 * The lookup service of the account in use. Offline, no client is built (and no sandbox
 * started): the account key alone is enough, so no API key is needed either.
 */
export async function openLookupService(
  ctx: CliContext,
  opts: { offline?: boolean } = {},
): Promise<LookupService> {
  const store = openCache(ctx);
  if (opts.offline) return createLookupService({ store, account: offlineAccountKey(ctx) });
  const [account, client] = await Promise.all([ctx.getAccount(), ctx.getClient()]);
  return createLookupService({ store, client, account: account.accountKey });
}

function offlineAccountKey(ctx: CliContext): string {
  const { demo, cusCode, apiName, baseUrl } = ctx.options;
  if (demo) return DEMO_ACCOUNT_KEY;
  if (!cusCode || !apiName) {
    throw new UsageError(
      'Say whose cache to read: give --cus-code and --api-name (or MEGAWMS_CUS_CODE and ' +
        'MEGAWMS_API_NAME), or --demo for the built-in sandbox.',
    );
  }
  return accountKeyOf({ customerCode: cusCode, apiName }, baseUrl ?? 'http://my.megawms.com');
}

/** The `--offline` and `--refresh` options of a command that reads the cache. */
export const CACHE_OPTIONS = {
  offline: { type: 'boolean' },
  refresh: { type: 'boolean' },
} as const satisfies OptionSpec;

/** Reads `--offline` and `--refresh`; both at once is a usage error (refresh needs MegaWMS). */
export function readCacheOptions(values: OptionValues): { offline: boolean; refresh: boolean } {
  const offline = Boolean(values.offline);
  const refresh = Boolean(values.refresh);
  if (offline && refresh) throw new UsageError('--refresh needs MegaWMS; drop --offline.');
  return { offline, refresh };
}

/** Where an answer came from, as a table cell: `MegaWMS`, `cache`, `cache (offline)`. */
export function describeSource(origin: LookupOrigin): string {
  return `${origin.source === 'cache' ? 'cache' : 'MegaWMS'}${origin.offline ? ' (offline)' : ''}`;
}

/** Where an answer came from and its age: `cache (offline), fetched 5 min ago`. */
export function describeOrigin(origin: LookupOrigin, now: Date = new Date()): string {
  return `${describeSource(origin)}, fetched ${formatAge(origin.fetchedAt, now)}`;
}

/** How long ago, in words a worker reads at a glance: `just now`, `5 min ago`, `3 d ago`. */
export function formatAge(fetchedAt: Date, now: Date = new Date()): string {
  const seconds = Math.max(0, Math.round((now.getTime() - fetchedAt.getTime()) / 1000));
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}

export const cacheStatsCommand: Command = {
  name: 'cache stats',
  usage: 'cache stats',
  summary: 'Show what the offline cache holds and its size on disk.',
  async run(ctx) {
    const stats = openCache(ctx).stats();
    if (ctx.options.json) printJson(ctx, stats);
    else ctx.io.out(describeStats(stats));
    return 0;
  },
};

export const cachePruneCommand: Command = {
  name: 'cache prune',
  usage: `cache prune [--days N]`,
  summary: `Remove cached orders, labels, tracking older than N days (${DEFAULT_RETENTION_DAYS}).`,
  options: { days: { type: 'string' } },
  async run(ctx, _positionals, values) {
    const days = values.days === undefined ? DEFAULT_RETENTION_DAYS : Number(values.days);
    if (!Number.isInteger(days) || days < 0) {
      throw new UsageError(
        `--days wants a whole number of days, 0 or more (got "${values.days}").`,
      );
    }
    const store = openCache(ctx);
    const removed = store.prune({ olderThanDays: days });
    const stats = store.stats();
    if (ctx.options.json) printJson(ctx, { removed, stats });
    else {
      ctx.io.out(
        `Removed ${removed.orders} orders (with their labels), ${removed.shipments} tracked ` +
          `shipments and ${removed.inventorySnapshots} stock lists older than ${days} days.`,
      );
      ctx.io.out(describeStats(stats));
    }
    return 0;
  },
};

function describeStats(stats: CacheStats): string {
  const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
  const c = stats.counts;
  const rows = [
    ['orders', String(c.orders)],
    ['pieces', String(c.pieces)],
    ['label files', String(c.labelFiles)],
    ['numbers indexed', String(c.identifiers)],
    ['tracked shipments', `${c.shipments} (${c.trackEvents} events)`],
    ['stock lists', `${c.inventorySnapshots} (${c.inventoryRows} rows)`],
    ['accounts', String(c.accounts)],
    [
      'oldest order',
      stats.oldest ? `${stats.oldest.toISOString()} (${formatAge(stats.oldest)})` : '—',
    ],
    [
      'newest order',
      stats.newest ? `${stats.newest.toISOString()} (${formatAge(stats.newest)})` : '—',
    ],
    [
      'size on disk',
      `${mb(stats.bytes.total)} (file ${mb(stats.bytes.db)}, log ${mb(stats.bytes.wal)})`,
    ],
  ];
  const width = Math.max(...rows.map(([name]) => name!.length));
  return [stats.file, ...rows.map(([name, value]) => `  ${name!.padEnd(width)}  ${value}`)].join(
    '\n',
  );
}
