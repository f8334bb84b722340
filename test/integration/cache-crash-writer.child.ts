/**
 * Child process of cache-crash.test.ts: stores one small batch, says so, then stores a
 * batch large enough that the parent can kill the process while it is being written.
 */
import fs from 'node:fs';
import { openDatabase } from '../../src/main/core/db/database';
import { createCacheStore } from '../../src/main/core/cache/cache-store';
import type { Label } from '../../src/shared/domain';

const [dir, account, bigCount] = process.argv.slice(2) as [string, string, string];

function labels(prefix: string, orders: number): Label[] {
  const file = new Uint8Array(2048).fill(0x25);
  return Array.from({ length: orders * 2 }, (_, i) => {
    const orderNo = `${prefix}-${Math.floor(i / 2)}`;
    const piece = (i % 2) + 1;
    return {
      orderNo,
      referenceNo: `REF-${orderNo}`,
      masterTrackingNumber: `M-${orderNo}`,
      trackingNumber: `T-${orderNo}-${piece}`,
      pieceNo: `${orderNo}_00${piece}x002`,
      pieceIndex: piece,
      pieceCount: 2,
      fileType: 'pdf',
      file,
      htmlUrl: '',
    };
  });
}

const store = createCacheStore(openDatabase(dir));
store.storeBatch(account, { labels: labels('A', 200) });
fs.writeSync(1, 'A committed\n');
const big = labels('B', Number(bigCount));
fs.writeSync(1, 'B started\n');
store.storeBatch(account, { labels: big });
fs.writeSync(1, 'B committed\n');
