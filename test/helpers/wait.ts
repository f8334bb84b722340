/** The one way tests wait: poll a state until it holds, with a deadline — never a fixed sleep. */

export interface WaitOptions {
  /** Named in the error when the deadline passes. */
  what?: string;
  timeoutMs?: number;
  /** Between polls; 0 yields to the event loop only (for states that change within a tick). */
  intervalMs?: number;
}

/** Resolves with the first truthy value `probe` returns; rejects after `timeoutMs`. */
export async function waitFor<T>(
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  opts: WaitOptions = {},
): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${opts.what ?? 'a state'}.`);
    }
    await pause(opts.intervalMs ?? 50);
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));
}
