/**
 * Whether MegaWMS can be reached, as the station last saw it. Every call's outcome is a
 * sighting; a change is announced once. While unreachable, a plain TCP connect to the
 * server's port (no request, no key sent) tells when it is back, so the offline badge clears
 * without waiting for the next scan.
 */
import net from 'node:net';

export interface NetworkWatch {
  readonly online: boolean;
  /** Records what a call found; announces a change. */
  note(online: boolean): void;
  /** Starts over for another server (the account changed). */
  reset(baseUrl: string | null): void;
  stop(): void;
}

const PROBE_EVERY_MS = 15_000;
const PROBE_TIMEOUT_MS = 3_000;

/** A watch that calls `onChange(online)` on every change. */
export function createNetworkWatch(
  baseUrl: string | null,
  onChange: (online: boolean) => void,
  probeEveryMs = PROBE_EVERY_MS,
): NetworkWatch {
  let online = true;
  let target = baseUrl;
  let timer: NodeJS.Timeout | undefined;

  const stopProbe = () => {
    clearInterval(timer);
    timer = undefined;
  };
  const startProbe = () => {
    if (timer || !target) return;
    const url = target;
    timer = setInterval(() => {
      void canConnect(url).then((ok) => ok && url === target && note(true));
    }, probeEveryMs);
    timer.unref();
  };
  const note = (now: boolean) => {
    if (now === online) return;
    online = now;
    if (online) stopProbe();
    else startProbe();
    onChange(online);
  };

  return {
    get online() {
      return online;
    },
    note,
    reset(next) {
      stopProbe();
      target = next;
      note(true);
    },
    stop: stopProbe,
  };
}

/** True when a TCP connection to the URL's host and port opens within a few seconds. */
export function canConnect(url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return Promise.resolve(false);
  }
  const port = Number(parsed.port) || (parsed.protocol === 'https:' ? 443 : 80);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: timeoutMs });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}
