import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/core/db/database';
import { createCacheStore } from '../../src/main/core/cache/cache-store';
import { waitFor as pollUntil } from '../helpers/wait';

const CHILD = fileURLToPath(new URL('./cache-crash-writer.child.ts', import.meta.url));
const ACCOUNT = '80000|OOPSTON1|crash-test';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'station-cache-crash-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function waitFor(what: string, check: () => boolean, ms = 60_000): Promise<void> {
  await pollUntil(check, { what, timeoutMs: ms, intervalMs: 0 });
}

it('leaves a readable cache with the killed batch absent when the process dies mid-write', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, ACCOUNT, '60000'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );

  try {
    await waitFor('the first batch', () => output.includes('B started'));
    const wal = path.join(dir, 'station.db-wal');
    const walAtStart = fs.statSync(wal).size;
    // The log grows while the open transaction spills pages: the batch is half written.
    await waitFor('the big batch to spill', () => fs.statSync(wal).size > walAtStart + 16e6);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
  } finally {
    child.kill('SIGKILL');
  }
  expect(output).not.toContain('B committed');

  const db = openDatabase(dir);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const count = (prefix: string) =>
      (
        db
          .prepare('SELECT count(*) AS n FROM cache_orders WHERE order_no LIKE ?')
          .get(`${prefix}-%`) as { n: number }
      ).n;
    expect(count('A')).toBe(200);
    expect(count('B')).toBe(0);
    const store = createCacheStore(db);
    const match = store.findMatch(ACCOUNT, ['T-A-199-2']);
    expect(match.labels).toMatchObject([{ pieceIndex: 2, size: 2048 }]);
    expect(store.stats().counts).toMatchObject({ orders: 200, pieces: 400, labelFiles: 400 });
  } finally {
    db.close();
  }
}, 120_000);
