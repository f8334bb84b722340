import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, startSandbox, type Sandbox } from '../../src/sandbox/server';
import { runStation } from '../helpers/cli';

let dir: string;
let sandbox: Sandbox;
let closed: boolean;
let env: NodeJS.ProcessEnv;

interface Origin {
  query: string;
  ok: boolean;
  source?: 'cache' | 'network';
  offline?: boolean;
  fetchedAt?: string;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'station-cli-track-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

// A sandbox and a data folder of its own per test: some tests take the sandbox away.
beforeEach(async (test) => {
  sandbox = await startSandbox({ port: 0 });
  closed = false;
  env = {
    MEGAWMS_BASE_URL: sandbox.url,
    MEGAWMS_CUS_CODE: DEMO_CREDENTIALS.customerCode,
    MEGAWMS_API_NAME: DEMO_CREDENTIALS.apiName,
    MEGAWMS_API_KEY: DEMO_CREDENTIALS.apiKey,
    MEGAWMS_TRACK_KEY: DEMO_CREDENTIALS.trackKey,
    STATION_DATA_DIR: path.join(dir, test.task.id),
  };
});

afterEach(async () => {
  if (!closed) await sandbox.close();
});

// Limitation: another test file could bind the freed port in the seconds that follow and
// answer in its place; a listener that refuses every connection would lift it.
async function takeSandboxAway(): Promise<void> {
  await sandbox.close();
  closed = true;
}

async function runJson<T>(args: string[]): Promise<{ code: number; stderr: string; value: T }> {
  const run = await runStation(['--json', ...args], env);
  return { code: run.code, stderr: run.stderr, value: JSON.parse(run.stdout) as T };
}

type TrackingAnswer = Origin & { shipment?: { trackingNumber: string; events: unknown[] } };

describe('station track through the cache', () => {
  it('asks MegaWMS once, then answers from the cache until --refresh', async () => {
    const numbers = sandbox.sample().trackingNumbers.slice(0, 2);

    const first = await runJson<TrackingAnswer[]>(['track', ...numbers]);
    expect(first.code).toBe(0);
    expect(first.value.map((r) => [r.query, r.source, r.offline])).toEqual(
      numbers.map((n) => [n, 'network', false]),
    );
    expect(first.value[0]!.shipment!.events.length).toBeGreaterThan(0);
    expect(sandbox.requestCount('GetTrack')).toBe(1);

    const again = await runStation(['track', ...numbers], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`${numbers[0]}  `);
    expect(again.stdout).toContain('[cache, fetched just now]');
    expect(sandbox.requestCount('GetTrack')).toBe(1);

    const refreshed = await runJson<TrackingAnswer[]>(['track', '--refresh', ...numbers]);
    expect(refreshed.code).toBe(0);
    expect(refreshed.value.map((r) => r.source)).toEqual(['network', 'network']);
    expect(sandbox.requestCount('GetTrack')).toBe(2);
  }, 60_000);

  it('serves tracking kept earlier, marked offline with its age, when the sandbox is gone', async () => {
    const [kept, never] = sandbox.sample().trackingNumbers.slice(3, 5) as [string, string];
    const fetched = await runJson<TrackingAnswer[]>(['track', kept]);
    expect(fetched.code).toBe(0);
    await takeSandboxAway();

    // A kept shipment needs no network at all; asked to refresh it, the cache stands in.
    const cached = await runJson<TrackingAnswer[]>(['track', kept]);
    expect(cached.code).toBe(0);
    expect(cached.value[0]).toMatchObject({ source: 'cache', offline: false });
    const unreachable = await runJson<TrackingAnswer[]>(['track', '--refresh', kept, never]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.value[0]).toMatchObject({
      source: 'cache',
      offline: true,
      fetchedAt: fetched.value[0]!.fetchedAt,
      shipment: fetched.value[0]!.shipment,
    });
    expect(unreachable.value[1]).toMatchObject({ query: never, ok: false });
    expect(unreachable.stderr).toMatch(
      new RegExp(`^${never}: Offline, not in cache: .*MegaWMS cannot be reached`, 'm'),
    );

    const offline = await runStation(['track', '--offline', kept, never], env);
    expect(offline.code).toBe(1);
    expect(offline.stdout).toContain(`${kept}  `);
    expect(offline.stdout).toContain('[cache (offline), fetched just now]');
    expect(offline.stdout).not.toContain(never);
    expect(offline.stderr).toMatch(new RegExp(`^${never}: Offline, not in cache`, 'm'));
    expect(offline.stderr).not.toContain(kept);
  }, 60_000);

  it('refuses --refresh with --offline as a usage error', async () => {
    const run = await runStation(['track', '--offline', '--refresh', 'R1'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--refresh needs MegaWMS; drop --offline.');
  });
});

type InventoryAnswer = Origin & {
  rows?: Array<{ sku: string; onHand: number }>;
  totalRows?: number;
  takenAt?: string;
};

describe('station inventory through the cache', () => {
  it('keeps the stock list it fetched and serves it, with its age, when the sandbox is gone', async () => {
    const online = path.join(dir, 'stock-online.csv');
    const offline = path.join(dir, 'stock-offline.csv');
    const query = ['inventory', '--warehouse', '302', '--all'];

    const fetched = await runJson<InventoryAnswer>([...query, '--csv', online]);
    expect(fetched.code).toBe(0);
    expect(fetched.value).toMatchObject({ ok: true, source: 'network', offline: false });
    expect(fetched.value.rows!.length).toBe(fetched.value.totalRows);
    expect(fetched.value.rows!.length).toBeGreaterThan(0);
    await takeSandboxAway();

    const unreachable = await runJson<InventoryAnswer>(query);
    expect(unreachable.code).toBe(0);
    expect(unreachable.value).toMatchObject({
      source: 'cache',
      offline: true,
      takenAt: fetched.value.takenAt,
      rows: fetched.value.rows,
    });

    const run = await runStation([...query, '--offline', '--csv', offline], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `${fetched.value.rows!.length} of ${fetched.value.totalRows} rows, cache (offline), fetched`,
    );
    expect(fs.readFileSync(offline)).toEqual(fs.readFileSync(online));
  }, 60_000);

  it('fails a stock list never fetched offline, in plain words, with exit code 1', async () => {
    await runJson<InventoryAnswer>(['inventory', '--warehouse', '302']);
    await takeSandboxAway();
    const run = await runStation(['inventory', '--offline', '--warehouse', '381'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^Inventory: Offline, not in cache: the stock list of warehouse 381 \(first page\)/,
    );
    expect(run.stderr).toContain('ask again when MegaWMS can be reached');
  }, 60_000);

  it('asks MegaWMS every time it can, --refresh or not', async () => {
    const query = ['inventory', '--sku', sandbox.data.inventory[0]!.sku];
    const first = await runJson<InventoryAnswer>(query);
    const refreshed = await runJson<InventoryAnswer>([...query, '--refresh']);
    expect([first.value.source, refreshed.value.source]).toEqual(['network', 'network']);
    expect(sandbox.requestCount('Inventory')).toBe(2);
    expect(refreshed.value.rows).toEqual(first.value.rows);
  }, 60_000);
});

function barcodeSku(barcode: string): string {
  return sandbox.data.inventory.find((r) => r.goodsCode === barcode)!.sku;
}

describe('station track and inventory with --demo', () => {
  it('reads what --demo fetched with no sandbox running at all', async () => {
    const data = path.join(dir, 'demo-data');
    const number = sandbox.sample().trackingNumbers[6]!;
    const barcode = sandbox.data.inventory[1]!.goodsCode;
    expect((await runStation(['--demo', '--data-dir', data, 'track', number])).code).toBe(0);
    const stock = await runStation([
      '--demo',
      '--data-dir',
      data,
      'inventory',
      '--barcode',
      barcode,
    ]);
    expect(stock.code).toBe(0);

    // --offline builds no client, so --demo starts no sandbox of its own either.
    const track = await runStation(['--demo', '--data-dir', data, 'track', '--offline', number]);
    expect(track.code).toBe(0);
    expect(track.stdout).toContain('[cache (offline), fetched just now]');
    const kept = await runStation([
      '--demo',
      '--data-dir',
      data,
      'inventory',
      '--offline',
      '--barcode',
      barcode,
    ]);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain(barcodeSku(barcode));
    expect(kept.stdout).toMatch(/\n[1-9]\d* of \d+ rows, cache \(offline\), fetched just now/);
  }, 60_000);
});
