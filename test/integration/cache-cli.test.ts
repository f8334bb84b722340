import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/server';
import { runStation } from '../helpers/cli';

let dir: string;
let sandbox: Sandbox;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'station-cache-cli-'));
  // The default seed, as `--demo`'s in-process sandbox uses: the same numbers exist there.
  sandbox = await startSandbox({ port: 0 });
});

afterAll(async () => {
  await sandbox.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function checksums(folder: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(folder)
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(fs.readFileSync(path.join(folder, name)))
          .digest('hex'),
      ]),
  );
}

describe('station lookup and the cache', () => {
  it('returns the same label bytes offline, with the sandbox gone, as `labels` fetched', async () => {
    const data = path.join(dir, 'shared-data');
    const sample = sandbox.sample();
    const multi = sandbox.data.findOrder(sample.multiPieceOrderNo)!;
    const numbers = [
      ...sample.trackingNumbers.slice(0, 3),
      multi.orderNo,
      multi.pieces[1]!.pieceNo,
    ];
    const online = path.join(dir, 'online');
    const offline = path.join(dir, 'offline');

    const fetched = await runStation([
      '--demo',
      '--data-dir',
      data,
      'labels',
      ...numbers,
      '--out',
      online,
    ]);
    expect(fetched.stderr).toBe('');
    expect(fetched.code).toBe(0);

    // No --demo sandbox runs now: --offline builds no client and asks no server.
    const found = await runStation([
      '--demo',
      '--data-dir',
      data,
      'lookup',
      '--offline',
      ...numbers,
      '--out',
      offline,
    ]);
    expect(found.stderr).toBe('');
    expect(found.code).toBe(0);
    expect(found.stdout).toContain('cache (offline)');

    const expected = checksums(online);
    expect(Object.keys(expected).length).toBe(3 + multi.pieces.length);
    expect(checksums(offline)).toEqual(expected);
  }, 120_000);

  it('fails a number the cache lacks with a clear offline message and exit code 1', async () => {
    const data = path.join(dir, 'empty-data');
    const run = await runStation([
      '--demo',
      '--data-dir',
      data,
      'lookup',
      '--offline',
      'R800009999999999',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/R800009999999999: Offline, not in cache/);
  }, 60_000);

  it('needs no API key to read the cache offline, only whose cache it is', async () => {
    const data = path.join(dir, 'account-data');
    const run = await runStation(['--data-dir', data, 'lookup', '--offline', 'X1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--cus-code and --api-name');
    const named = await runStation([
      '--data-dir',
      data,
      '--cus-code',
      '80000',
      '--api-name',
      'OOPSTON1',
      'lookup',
      '--offline',
      'X1',
    ]);
    expect(named.code).toBe(1);
    expect(named.stderr).toContain('Offline, not in cache');
  }, 60_000);

  it('shows status from the cache with its age, and offline once fetched', async () => {
    const data = path.join(dir, 'status-data');
    const orderNo = sandbox.sample().orderNos[3]!;
    const first = await runStation(['--demo', '--data-dir', data, 'status', orderNo]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('just now');
    const cached = await runStation([
      '--demo',
      '--data-dir',
      data,
      '--json',
      'status',
      '--offline',
      orderNo,
    ]);
    expect(cached.code).toBe(0);
    const [result] = JSON.parse(cached.stdout) as Array<{
      source: string;
      offline: boolean;
      orders: Array<{ order: { orderNo: string } }>;
    }>;
    expect(result).toMatchObject({
      source: 'cache',
      offline: true,
      orders: [{ order: { orderNo } }],
    });
  }, 60_000);

  it('reports the cache size and prunes it by age', async () => {
    const data = path.join(dir, 'prune-data');
    const numbers = sandbox.sample().trackingNumbers.slice(5, 9);
    expect((await runStation(['--demo', '--data-dir', data, 'labels', ...numbers])).code).toBe(0);

    const stats = await runStation(['--data-dir', data, '--json', 'cache', 'stats']);
    expect(stats.code).toBe(0);
    const before = JSON.parse(stats.stdout) as {
      counts: { orders: number; labelFiles: number };
      bytes: { total: number };
    };
    // A master tracking number brings every piece of its order.
    expect(before.counts.labelFiles).toBeGreaterThanOrEqual(4);
    expect(before.bytes.total).toBeGreaterThan(0);

    const kept = await runStation(['--data-dir', data, 'cache', 'prune']);
    expect(kept.stdout).toContain('Removed 0 orders');
    const pruned = await runStation([
      '--data-dir',
      data,
      '--json',
      'cache',
      'prune',
      '--days',
      '0',
    ]);
    const after = JSON.parse(pruned.stdout) as {
      removed: { orders: number };
      stats: { counts: { labelFiles: number } };
    };
    expect(after.removed.orders).toBe(before.counts.orders);
    expect(after.stats.counts.labelFiles).toBe(0);

    const bad = await runStation(['--data-dir', data, 'cache', 'prune', '--days', 'soon']);
    expect(bad.code).toBe(2);
  }, 90_000);
});
