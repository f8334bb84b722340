/**
 * Splitting long lists to MegaWMS's per-call limits and running the calls with bounded
 * concurrency. Results come back in the caller's order whatever order the calls finish in.
 */

/** Splits `items` into consecutive chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * Runs `task` for every input, at most `concurrency` at a time, and returns the results in
 * input order. The first failure cancels the calls still running (through the signal each
 * task gets) and is the one thrown, so the caller sees the cause, not the cancellations.
 */
export async function runBounded<T, R>(
  inputs: readonly T[],
  concurrency: number,
  signal: AbortSignal | undefined,
  task: (input: T, signal: AbortSignal) => Promise<R>,
  onDone?: (input: T) => void,
): Promise<R[]> {
  const results = new Array<R>(inputs.length);
  const inner = new AbortController();
  const onAbort = () => inner.abort(signal?.reason);
  if (signal?.aborted) inner.abort(signal.reason);
  signal?.addEventListener('abort', onAbort, { once: true });

  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < inputs.length && !failure) {
      const index = next++;
      try {
        results[index] = await task(inputs[index]!, inner.signal);
        onDone?.(inputs[index]!);
      } catch (error) {
        failure ??= { error };
        inner.abort(error);
      }
    }
  };

  try {
    const workers = Math.max(1, Math.min(concurrency, inputs.length));
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (failure) throw failure.error;
  return results;
}
