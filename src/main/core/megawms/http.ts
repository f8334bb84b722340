/**
 * One MegaWMS POST: JSON out, lenient JSON back, a timeout and the caller's AbortSignal on
 * every try, and retries with exponential backoff and jitter for reads. Every failure
 * becomes a `MegaWmsError` whose text a station worker can act on; body excerpts and
 * causes pass through `scrub` so no key leaves this module.
 */
import { MegaWmsError } from './errors';
import { NotJsonError, parseLenientJson, type DuplicateKeys } from './lenient-json';
import { createLogger } from '../log';

const log = createLogger('MegaWMS');

/** Longest wait between two tries, whatever the backoff says. */
const MAX_BACKOFF_MS = 10_000;

/** One request: where, what, and how long and how often to try. */
export interface PostOptions {
  /** Endpoint name for messages and logs, e.g. `GetLabel`. */
  call: string;
  url: string;
  body: unknown;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Extra tries after the first on network errors and 5xx; 0 for AddOrder/InvalidOrder. */
  retries: number;
  backoffMs: number;
  /** Removes the account's secrets from any text that goes into an error. */
  scrub: (text: string) => string;
  /** How a repeated key in the answer is read (see lenient-json.ts); default numbered. */
  duplicates?: DuplicateKeys;
}

// Errors after which the request may have reached MegaWMS (the connection dropped while
// waiting for the answer). AddOrder must settle those by asking GetOrderMsg.
const droppedAfterSend = new WeakSet<MegaWmsError>();

/**
 * True when the request may have been processed although no usable answer came back:
 * a timeout, a dropped connection, a 5xx, or a body that cannot be read.
 */
export function isOutcomeUnknown(error: unknown): boolean {
  if (!(error instanceof MegaWmsError)) return false;
  switch (error.code) {
    case 'timeout':
    case 'not-json':
    case 'bad-response':
      return true;
    case 'http':
      return (error.status ?? 0) >= 500;
    case 'unreachable':
      return droppedAfterSend.has(error);
    default:
      return false;
  }
}

/** POSTs `body` and returns the decoded JSON answer, retrying reads where that is safe. */
export async function postJson(opts: PostOptions): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await postOnce(opts);
    } catch (error) {
      if (!isRetryable(error) || attempt >= opts.retries) throw error;
      const delay = backoffDelay(opts.backoffMs, attempt);
      const reason = (error as Error).message;
      log.warn(
        `${opts.call} failed (${reason}); retry ${attempt + 1}/${opts.retries} in ${delay} ms`,
      );
      await waitFor(delay, opts);
    }
  }
}

/**
 * Network errors and 5xx may pass; a refusal, a 4xx or an unreadable body will not. A
 * timeout is not retried either: the worker has already waited `timeoutMs`, and three more
 * tries would make a scan wait a minute before it says MegaWMS is not answering.
 */
function isRetryable(error: unknown): boolean {
  if (!(error instanceof MegaWmsError)) return false;
  return error.code === 'unreachable' || (error.code === 'http' && (error.status ?? 0) >= 500);
}

/** Exponential backoff with "equal jitter": half fixed, half random, so clients spread out. */
function backoffDelay(baseMs: number, attempt: number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

function waitFor(ms: number, opts: PostOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const signal = opts.signal;
    if (signal?.aborted) return reject(abortedError(opts.call));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(opts.call));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const TIMED_OUT = Symbol('timed out');

async function postOnce(opts: PostOptions): Promise<unknown> {
  if (opts.signal?.aborted) throw abortedError(opts.call);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(TIMED_OUT), opts.timeoutMs);
  const onAbort = () => controller.abort(opts.signal?.reason);
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const started = Date.now();

  let status: number;
  let text: string;
  try {
    const res = await fetch(opts.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' },
      body: JSON.stringify(opts.body),
      signal: controller.signal,
    });
    status = res.status;
    // The timeout also covers a body that stalls half-way.
    text = await res.text();
  } catch (error) {
    if (controller.signal.aborted) {
      throw controller.signal.reason === TIMED_OUT
        ? timeoutError(opts.call, opts.timeoutMs)
        : abortedError(opts.call);
    }
    throw networkError(opts, error);
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }

  log.debug(`${opts.call} answered HTTP ${status} in ${Date.now() - started} ms`);
  return decodeAnswer(opts, status, text);
}

/**
 * The vendor says to decide success from `Success` only, never from the HTTP status, so a
 * non-2xx body that is a MegaWMS answer is handled as one. Anything else non-2xx is an
 * HTTP error.
 */
function decodeAnswer(opts: PostOptions, status: number, text: string): unknown {
  let body: unknown;
  try {
    body = parseLenientJson(text, opts.duplicates);
  } catch (error) {
    if (!(error instanceof NotJsonError)) throw error;
    if (status < 200 || status > 299) throw httpError(opts, status, text);
    throw notJsonError(opts, text);
  }
  if ((status < 200 || status > 299) && !isMegaWmsAnswer(body)) {
    throw httpError(opts, status, text);
  }
  return body;
}

function isMegaWmsAnswer(body: unknown): boolean {
  return typeof body === 'object' && body !== null && ('Success' in body || 'success' in body);
}

// ---- Errors -----------------------------------------------------------------------------

/** Causes that mean the request never left the station. */
const NEVER_SENT: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'server name not found',
  EAI_AGAIN: 'server name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENETDOWN: 'network down',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  CERT_HAS_EXPIRED: 'certificate expired',
};

/** Causes after which the request may have been received. */
const DROPPED: Record<string, string> = {
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  UND_ERR_SOCKET: 'connection closed',
  UND_ERR_CLOSED: 'connection closed',
};

function networkError(opts: PostOptions, error: unknown): MegaWmsError {
  const code = causeCode(error);
  const origin = originOf(opts.url);
  const cause = safeCause(error, opts.scrub);

  const neverSent = code ? NEVER_SENT[code] : undefined;
  if (neverSent || !code) {
    const reason = neverSent ?? 'network error';
    return new MegaWmsError(
      'unreachable',
      opts.call,
      `Cannot reach MegaWMS at ${origin} (${reason}). ` +
        'Check the network or the server address in Settings.',
      { cause },
    );
  }
  const reason = DROPPED[code] ?? code.toLowerCase();
  const lost = new MegaWmsError(
    'unreachable',
    opts.call,
    `The connection to MegaWMS at ${origin} was lost before it answered (${reason}). ` +
      'Check the network and try again.',
    { cause },
  );
  droppedAfterSend.add(lost);
  return lost;
}

/** The system error code of a fetch failure (fetch wraps it in `cause`, sometimes twice). */
function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A plain copy of the failure with its code; nothing of the request is kept. */
function safeCause(error: unknown, scrub: (text: string) => string): Error {
  const copy = new Error(scrub(error instanceof Error ? error.message : String(error)));
  const code = causeCode(error);
  if (code) Object.assign(copy, { code });
  copy.stack = undefined;
  return copy;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** 15000 → "15 s", 500 → "0.5 s". */
export function formatSeconds(ms: number): string {
  return `${Math.round(ms / 10) / 100} s`;
}

function timeoutError(call: string, timeoutMs: number): MegaWmsError {
  return new MegaWmsError(
    'timeout',
    call,
    `MegaWMS did not answer within ${formatSeconds(timeoutMs)}. ` +
      'Try again; if it keeps happening, check the network or whether MegaWMS is down.',
  );
}

function abortedError(call: string): MegaWmsError {
  return new MegaWmsError('aborted', call, 'Cancelled before MegaWMS answered.');
}

function httpError(opts: PostOptions, status: number, text: string): MegaWmsError {
  let advice = 'Try again; if it keeps happening, tell your MegaWMS contact.';
  if (status >= 500) advice = 'The server has a problem; try again in a few minutes.';
  else if (status === 404) advice = 'Check the server address in Settings.';
  else if (status === 401 || status === 403) advice = 'Check the account in Settings.';
  return new MegaWmsError('http', opts.call, `MegaWMS answered HTTP ${status}. ${advice}`, {
    status,
    detail: excerpt(opts, text),
  });
}

/** The first 200 characters of a body, scrubbed before cutting so no key leaks in part. */
function excerpt(opts: PostOptions, text: string): string {
  return opts.scrub(text.slice(0, 400)).slice(0, 200);
}

function notJsonError(opts: PostOptions, text: string): MegaWmsError {
  return new MegaWmsError(
    'not-json',
    opts.call,
    `MegaWMS sent an answer that is not JSON (${opts.call}). The server may be failing or ` +
      'the address may point elsewhere; try again or check the server address in Settings.',
    { detail: excerpt(opts, text) },
  );
}
