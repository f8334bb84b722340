/**
 * `npm run bench:client`: 1,000 labels (10 GetLabel batches of 100) fetched through the
 * MegaWMS client, against the same batches as plain `fetch` + `JSON.parse`, in one run.
 *
 * The sandbox runs in a child process (this file again, with `--serve-sandbox`), so its
 * PDF rendering and HTTP serving do not share the event loop or the RSS being measured.
 * Both sides send 4 batches at a time (the client's default concurrency). Rounds alternate
 * which side goes first, after one warm-up round each. The child renders (and the sandbox
 * memoises) every label before the parent starts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { createMegaWmsClient } from '../src/main/core/megawms/client';
import { endpointPath } from '../src/main/core/megawms/endpoints';
import type { Credentials } from '../src/shared/domain';

const LABELS = 1000;
const BATCH = 100;
const CONCURRENCY = 4;
// Each round is ~50 ms: 40 rounds keep the medians steady on a busy 2-core machine.
const ROUNDS = 40;

interface SandboxInfo {
  url: string;
  credentials: Credentials;
  pieceNos: string[];
}

// ---- child: the sandbox -----------------------------------------------------------------

async function serveSandbox(): Promise<void> {
  const { startSandbox, DEMO_CREDENTIALS } = await import('../src/sandbox/server');
  // 800 seeded orders hold well over 1,000 labelled pieces.
  const sb = await startSandbox({ port: 0, orderCount: 800 });
  const pieceNos = sb.data.orders
    .filter((o) => o.trackingNumber && o.statusCode !== 8)
    .flatMap((o) => o.pieces.map((p) => p.pieceNo));
  const info: SandboxInfo = { url: sb.url, credentials: DEMO_CREDENTIALS, pieceNos };
  // Render (and memoise) every label once before measuring: the bench times the client.
  for (let i = 0; i < LABELS; i += BATCH) await postGetLabel(info, pieceNos.slice(i, i + BATCH));
  process.stdout.write(JSON.stringify(info) + '\n');
  // The parent closes stdin when it is done (or dies).
  process.stdin.resume();
  process.stdin.on('end', () => void sb.close().then(() => process.exit(0)));
}

async function startChild(): Promise<{ child: ChildProcess; info: SandboxInfo }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve-sandbox'],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the sandbox exited (${code}) before starting`)));
  });
  return { child, info: JSON.parse(first) as SandboxInfo };
}

// ---- parent: the measurement ------------------------------------------------------------

/** Runs `task` over `items` with at most `limit` at once. */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

/**
 * The baselines: the same GetLabel bodies, posted with fetch, parsed with JSON.parse; with
 * `decodeFiles`, each label's base64 is also turned into bytes — the least any program must
 * do to hold the label files the client returns.
 */
async function fetchPlain(
  info: SandboxInfo,
  numbers: string[],
  decodeFiles = false,
): Promise<number> {
  const batches: string[][] = [];
  for (let i = 0; i < numbers.length; i += BATCH) batches.push(numbers.slice(i, i + BATCH));
  let labels = 0;
  await pool(batches, CONCURRENCY, async (batch) => {
    const body = JSON.parse(await postGetLabel(info, batch)) as {
      Labels: Array<{ LabelBase64: string }>;
    };
    if (decodeFiles) for (const l of body.Labels) Buffer.from(l.LabelBase64, 'base64');
    labels += body.Labels.length;
  });
  return labels;
}

/** One GetLabel POST, its body as text. Tried twice: a keep-alive socket may be reset. */
async function postGetLabel(info: SandboxInfo, batch: string[], tries = 2): Promise<string> {
  try {
    const res = await fetch(info.url + endpointPath('GetLabel'), {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' },
      body: JSON.stringify({
        CusApiName: info.credentials.apiName,
        CusCode: info.credentials.customerCode,
        LabelType: '1',
        ApiKey: info.credentials.apiKey,
        TrackNumbers: batch.map((TrackNumber) => ({ TrackNumber })),
      }),
    });
    return await res.text();
  } catch (error) {
    if (tries <= 1) throw error;
    return postGetLabel(info, batch, tries - 1);
  }
}

interface Run {
  ms: number;
  /** CPU time of this process (user + system): the client's own cost, load or not. */
  cpuMs: number;
  rss: number;
  labels: number;
}

/** Runs `fn`, returning its wall and CPU time and the highest RSS sampled meanwhile. */
async function measure(fn: () => Promise<number>): Promise<Run> {
  // memoryUsage.rss() is the cheap probe; the full memoryUsage() would cost the side that
  // runs longer more samples, and so more time.
  let rss = process.memoryUsage.rss();
  const sampler = setInterval(() => (rss = Math.max(rss, process.memoryUsage.rss())), 20);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const labels = await fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  return {
    ms,
    cpuMs: (used.user + used.system) / 1000,
    rss: Math.max(rss, process.memoryUsage.rss()),
    labels,
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  const { child, info } = await startChild();
  try {
    if (info.pieceNos.length < LABELS) throw new Error(`only ${info.pieceNos.length} pieces`);
    const numbers = info.pieceNos.slice(0, LABELS);
    const client = createMegaWmsClient({ credentials: info.credentials, baseUrl: info.url });
    const viaClient = async () => {
      const results = await client.fetchLabels(numbers);
      return results.reduce((n, r) => n + (r.ok ? r.value.length : 0), 0);
    };
    const viaPlain = () => fetchPlain(info, numbers);
    const viaFiles = () => fetchPlain(info, numbers, true);
    const via = { client: viaClient, plain: viaPlain, files: viaFiles };

    console.log(
      `Label Station client bench: ${LABELS} labels, ${LABELS / BATCH} GetLabel calls of ${BATCH}, ${CONCURRENCY} at a time`,
    );
    console.log(`sandbox in a child process at ${info.url}; warm-up round, then ${ROUNDS} rounds`);
    await viaPlain();
    await viaFiles();
    await viaClient();

    type Side = keyof typeof via;
    const sides: Side[] = ['client', 'plain', 'files'];
    const runs = { client: [] as number[], plain: [] as number[], files: [] as number[] };
    const cpu = { client: [] as number[], plain: [] as number[], files: [] as number[] };
    const peak = { client: 0, plain: 0, files: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate who goes first, so no side always runs on a warmer or colder process.
      const order = sides.map((_, i) => sides[(i + round) % sides.length]!);
      for (const side of order) {
        const r = await measure(via[side]);
        if (r.labels !== LABELS) throw new Error(`${side} got ${r.labels} labels, not ${LABELS}`);
        runs[side].push(r.ms);
        cpu[side].push(r.cpuMs);
        peak[side] = Math.max(peak[side], r.rss);
      }
    }

    const row = (side: Side) =>
      `${side.padEnd(7)} median ${percentile(runs[side], 50).toFixed(1).padStart(7)} ms   ` +
      `p95 ${percentile(runs[side], 95).toFixed(1).padStart(7)} ms   ` +
      `min ${Math.min(...runs[side])
        .toFixed(1)
        .padStart(7)} ms   ` +
      `CPU median ${percentile(cpu[side], 50).toFixed(1).padStart(6)} ms   peak RSS ${mb(peak[side])}`;
    console.log(row('client'));
    console.log(row('plain'));
    console.log(row('files'));
    console.log('(plain: fetch + JSON.parse; files: the same plus base64 → bytes of each label)');
    for (const base of ['plain', 'files'] as const) {
      const ratio = percentile(runs.client, 50) / percentile(runs[base], 50);
      // The same round's two sides ran back to back: their ratio cancels the machine's
      // drift (another process taking a core for a few seconds) that medians only dilute.
      const paired = runs.client.map((ms, i) => ms / runs[base][i]!);
      const pairedMedian = percentile(paired, 50);
      const verdict = pairedMedian <= 1.15 ? 'within' : 'OVER';
      const cpuRatio = percentile(cpu.client, 50) / percentile(cpu[base], 50);
      console.log(
        `ratio client/${base}: per round median ${pairedMedian.toFixed(3)} ` +
          `(p95 ${percentile(paired, 95).toFixed(3)}), of medians ${ratio.toFixed(3)}: ` +
          `${verdict} the 1.15 target; CPU ${cpuRatio.toFixed(3)}`,
      );
    }
    console.log(`process peak RSS (maxRSS) ${mb(process.resourceUsage().maxRSS * 1024)}`);
  } finally {
    child.stdin!.end();
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

if (process.argv.includes('--serve-sandbox')) {
  await serveSandbox();
} else {
  await main();
}
