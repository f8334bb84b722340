/**
 * Offline cache benchmark: builds a cache of 1,000,000 orders (2,000,000 pieces) in a temp
 * folder through the real store, then times lookups by each kind of number.
 *
 *   npm run bench:cache            (CACHE_BENCH_ORDERS=100000 for a quick run)
 *
 * Each order is stored as the station stores it: full GetOrderMsg details plus one label
 * row per piece. Label rows carry no file bytes (file NULL, size 0): the bench measures the
 * index and the rows, not 1 M PDFs (a 4 KB label adds about one page per piece).
 * The build runs in batches of 50,000 orders with a 256 MB page cache (PRAGMA cache_size)
 * so it fits in a few minutes; then the log is checkpointed, as a running station does,
 * and every kind of lookup is warmed up before it is timed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Db } from '../src/main/core/db/database';
import { createCacheStore, type CacheStore } from '../src/main/core/cache/cache-store';
import { normaliseScan } from '../src/main/core/cache/normalise';
import type { Label, Order } from '../src/shared/domain';

const ORDERS = Number(process.env.CACHE_BENCH_ORDERS ?? 1_000_000);
const BATCH = Number(process.env.CACHE_BENCH_BATCH ?? 50_000);
const CACHE_MB = Number(process.env.CACHE_BENCH_CACHE_MB ?? 256);
const LOOKUPS = 10_000;
const ACCOUNT = '80000|OOPSTON1|http://my.megawms.com';

let seed = 20250901;
/** mulberry32: the same numbers every run. */
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const alnum = (n: number) =>
  Array.from({ length: n }, () => ALNUM[Math.floor(random() * 34)]).join('');

interface Numbers {
  orderNo: string;
  referenceNo: string;
  master: string;
  pieces: [string, string];
}

function makeOrder(i: number): { numbers: Numbers; order: Order; labels: Label[] } {
  const orderNo = `HTFLY${String(1_000_000_000 + i)}YQ`;
  const numbers: Numbers = {
    orderNo,
    referenceNo: `SO-${digits(8)}-${i}`,
    master: `1Z${alnum(6)}03${digits(8)}`,
    pieces: ['', `1Z${alnum(6)}03${digits(8)}`],
  };
  numbers.pieces[0] = numbers.master;
  const order: Order = {
    orderNo,
    referenceNo: numbers.referenceNo,
    trackingNumber: numbers.master,
    statusCode: 6,
    statusText: '已发货',
    consigneeName: 'Anthony Walker',
    country: 'US',
    channel: 'UPS-Ground',
    state: 'CA',
    city: 'LOS ANGELES',
    address1: `${1000 + (i % 9000)} Main St`,
    address2: 'Unit 13',
    zipcode: '90012-0508',
    contact: '7531852968',
    warehouseId: '381',
    companyName: '',
    remark: '',
    recipientEmail: '',
    pieceCount: 2,
    createdAt: new Date(1_750_000_000_000 + i * 1000),
    shippedAt: null,
  };
  const labels = numbers.pieces.map((tracking, p) => ({
    orderNo,
    referenceNo: numbers.referenceNo,
    masterTrackingNumber: numbers.master,
    trackingNumber: tracking,
    pieceNo: `${orderNo}_00${p + 1}x002`,
    pieceIndex: p + 1,
    pieceCount: 2,
    fileType: 'pdf' as const,
    file: null,
    htmlUrl: '',
  }));
  return { numbers, order, labels };
}

const fmtUs = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'station-cache-bench-'));
  const db = openDatabase(dir);
  db.pragma(`cache_size = -${CACHE_MB * 1024}`);
  try {
    const store = createCacheStore(db);
    const sample = build(store);
    db.pragma('wal_checkpoint(TRUNCATE)');
    measureLookups(store, db, sample);
    measureSmallBatches(store);
    report(store);
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Inserts every order in batches of 10,000 (one transaction each); keeps a lookup sample. */
function build(store: CacheStore): Numbers[] {
  const sample: Numbers[] = [];
  const every = Math.max(1, Math.floor(ORDERS / LOOKUPS));
  const started = performance.now();
  for (let start = 0; start < ORDERS; start += BATCH) {
    const made = Array.from({ length: Math.min(BATCH, ORDERS - start) }, (_, k) =>
      makeOrder(start + k),
    );
    for (const [k, m] of made.entries()) if ((start + k) % every === 0) sample.push(m.numbers);
    store.storeBatch(ACCOUNT, {
      orders: made.map((m) => m.order),
      labels: made.flatMap((m) => m.labels),
    });
    sampleRss();
    if ((start / BATCH) % 20 === 19) {
      const rate = (start + BATCH) / ((performance.now() - started) / 1000);
      process.stdout.write(`  … ${start + BATCH} orders, ${Math.round(rate)} orders/s\n`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`built ${ORDERS} orders (${ORDERS * 2} pieces) in ${seconds.toFixed(1)} s`);
  console.log(
    `batch insert rate: ${Math.round(ORDERS / seconds)} orders/s ` +
      `(batches of ${BATCH}, page cache ${CACHE_MB} MB)`,
  );
  return sample;
}

const KINDS: Array<[string, (n: Numbers) => string]> = [
  ['order number', (n) => n.orderNo],
  ['reference number', (n) => n.referenceNo],
  ['master tracking', (n) => n.master],
  ['piece tracking', (n) => n.pieces[1]],
  ['piece number', (n) => `${n.orderNo}_002x002`],
];

interface Timing {
  median: number;
  p95: number;
  p99: number;
  /** CPU time over wall time: well under 1 means other processes took the cores. */
  cpuShare: number;
}

/** Times `lookup` on LOOKUPS random orders of the sample (wall clock, ms per call). */
function time(sample: Numbers[], lookup: (n: Numbers) => void): Timing {
  const picks = Array.from(
    { length: LOOKUPS },
    () => sample[Math.floor(random() * sample.length)]!,
  );
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (const numbers of picks) {
    const t0 = performance.now();
    lookup(numbers);
    times.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuShare = (cpu.user + cpu.system) / 1000 / (performance.now() - wall0);
  times.sort((a, b) => a - b);
  const at = (p: number) =>
    times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
  return { median: at(50), p95: at(95), p99: at(99), cpuShare };
}

function printTiming(name: string, t: Timing, baseline?: Timing): void {
  const ratio = baseline ? `  ×${(t.median / baseline.median).toFixed(1)} of baseline` : '';
  const over = t.p99 < 1 ? '' : '  (over the 1 ms target)';
  console.log(
    `  ${name.padEnd(26)} median ${fmtUs(t.median).padStart(9)}  p95 ${fmtUs(t.p95).padStart(9)}` +
      `  p99 ${fmtUs(t.p99).padStart(9)}  cpu ${(t.cpuShare * 100).toFixed(0)}%${over}${ratio}`,
  );
}

function measureLookups(store: CacheStore, db: Db, sample: Numbers[]): void {
  const raw = db.prepare(
    'SELECT order_id FROM cache_identifiers WHERE account_id = 1 AND value = ?',
  );
  const find = (number: string) => {
    const match = store.findMatch(ACCOUNT, normaliseScan(number).lookupKeys);
    if (match.labels.length === 0) throw new Error(`lookup of ${number} found nothing`);
  };
  for (const numbers of sample.slice(0, 2000)) for (const [, pick] of KINDS) find(pick(numbers));

  console.log(`\nlookups: ${LOOKUPS} random numbers per kind (normalise + findMatch, warm)`);
  console.log(
    `  load average before: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const baseline = time(sample, (n) => raw.get(n.orderNo));
  printTiming('baseline: bare index query', baseline);
  for (const [name, pick] of KINDS)
    printTiming(
      name,
      time(sample, (n) => find(pick(n))),
      baseline,
    );
  sampleRss();
}

/** What a station does all day: batches of 100 scanned orders into the full cache. */
function measureSmallBatches(store: CacheStore): void {
  const times: number[] = [];
  for (let b = 0; b < 50; b++) {
    const made = Array.from({ length: 100 }, (_, k) => makeOrder(ORDERS + b * 100 + k));
    const t0 = performance.now();
    store.storeBatch(ACCOUNT, {
      orders: made.map((m) => m.order),
      labels: made.flatMap((m) => m.labels),
    });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[25]!;
  console.log(
    `\nbatches of 100 orders into the full cache: median ${median.toFixed(1)} ms a batch ` +
      `(${Math.round(100 / (median / 1000))} orders/s), slowest ${times.at(-1)!.toFixed(1)} ms`,
  );
}

function report(store: CacheStore): void {
  const stats = store.stats();
  const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
  console.log(`\nfile: ${mb(stats.bytes.db)} + wal ${mb(stats.bytes.wal)}`);
  console.log(
    `file size per 1,000 orders: ${(((stats.bytes.total / stats.counts.orders) * 1000) / 1024).toFixed(0)} KiB`,
  );
  console.log(`rows: ${JSON.stringify(stats.counts)}`);
  sampleRss();
  const maxRss = process.resourceUsage().maxRSS * 1024;
  console.log(
    `peak RSS: ${mb(Math.max(peakRss, maxRss))} (sampled ${mb(peakRss)}, maxRSS ${mb(maxRss)})`,
  );
}

main();
