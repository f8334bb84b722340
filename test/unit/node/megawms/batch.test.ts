import { describe, expect, it } from 'vitest';

import { chunk, runBounded } from '../../../../src/main/core/megawms/batch';

/** A task whose promise the test settles by hand, to control the finishing order. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function waitUntil(check: () => boolean) {
  const deadline = Date.now() + 2000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((r) => setImmediate(r));
  }
}

describe('chunk', () => {
  it('splits 250 numbers into 100, 100 and 50 in order', () => {
    const numbers = Array.from({ length: 250 }, (_, i) => i);
    const chunks = chunk(numbers, 100);
    expect(chunks.map((c) => c.length)).toEqual([100, 100, 50]);
    expect(chunks.flat()).toEqual(numbers);
  });

  it('gives no chunk for an empty list and one for a list at the limit', () => {
    expect(chunk([], 100)).toEqual([]);
    expect(chunk(Array(500).fill(0), 500)).toHaveLength(1);
  });
});

describe('runBounded', () => {
  it('never runs more than the limit at once and returns results in input order', async () => {
    const tasks = Array.from({ length: 6 }, () => deferred<string>());
    let running = 0;
    let peak = 0;
    const run = runBounded([0, 1, 2, 3, 4, 5], 2, undefined, async (i) => {
      running++;
      peak = Math.max(peak, running);
      try {
        return await tasks[i]!.promise;
      } finally {
        running--;
      }
    });

    await waitUntil(() => running === 2);
    // Finish in reverse of start order.
    tasks[1]!.resolve('b');
    await waitUntil(() => running === 2);
    tasks[0]!.resolve('a');
    await waitUntil(() => running === 2);
    for (const i of [5, 4, 3, 2]) {
      await waitUntil(() => running > 0);
      tasks[i]!.resolve('abcdef'[i]!);
    }
    await expect(run).resolves.toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(peak).toBe(2);
  });

  it('throws the first failure and cancels the tasks still running', async () => {
    const slow = deferred<string>();
    const signals: AbortSignal[] = [];
    const run = runBounded([0, 1, 2, 3], 2, undefined, async (i, signal) => {
      signals.push(signal);
      if (i === 1) throw new Error('batch 2 failed');
      signal.addEventListener('abort', () => slow.reject(new Error('cancelled')));
      return slow.promise;
    });
    await expect(run).rejects.toThrow('batch 2 failed');
    expect(signals.every((s) => s.aborted)).toBe(true);
    expect(signals).toHaveLength(2);
  });

  it('hands the caller abort to every task', async () => {
    const outer = new AbortController();
    const run = runBounded([0, 1], 2, outer.signal, (_i, signal) => {
      return new Promise((_res, rej) =>
        signal.addEventListener('abort', () => rej(new Error('aborted by caller'))),
      );
    });
    outer.abort();
    await expect(run).rejects.toThrow('aborted by caller');
  });

  it('reports each finished input', async () => {
    const done: number[] = [];
    await runBounded(
      [1, 2, 3],
      4,
      undefined,
      async (i) => i * 2,
      (i) => done.push(i),
    );
    expect(done.sort()).toEqual([1, 2, 3]);
  });
});
