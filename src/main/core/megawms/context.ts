/**
 * What every MegaWMS call needs: the account, the address of each endpoint, the limits, and
 * `post`, which sends one request with the right timeout and retry policy. Built once by
 * `createMegaWmsClient`; the call modules (orders.ts, lookups.ts) receive it.
 */
import type { Credentials } from '../../../shared/domain';
import type { CallOptions } from './api';
import { ENDPOINT_NAMES, endpointPath, type EndpointName } from './endpoints';
import { MegaWmsError } from './errors';
import { postJson } from './http';
import { Envelope, parseWire, TrackEnvelope } from './wire';
import { registerSecret } from '../log';

/** How `createMegaWmsClient` is set up. Times in ms. */
export interface ClientConfig {
  credentials: Credentials;
  /** Default `http://my.megawms.com`. */
  baseUrl?: string;
  /** A full URL per endpoint, over the base (GetOrderMsg is documented on another host). */
  endpointUrls?: Partial<Record<EndpointName, string>>;
  /** Per try; default 15000. */
  timeoutMs?: number;
  /** Calls of one batch in flight at once; default 4. */
  concurrency?: number;
  /** Extra tries of a read after a network error or 5xx; default 3. */
  retries?: number;
  /** First backoff step, doubled each retry; default 300. */
  backoffMs?: number;
  /**
   * Asked before every read; what it answers overrides the retries and caps the timeout.
   * The station answers `{ retries: 0, timeoutMs: 4000 }` while it knows MegaWMS is out of
   * reach, so a scan then fails over to the cache at once instead of after every retry.
   */
  readPolicy?: () => ReadPolicy | undefined;
}

/** How the next read may try: see `ClientConfig.readPolicy`. */
export interface ReadPolicy {
  retries?: number;
  timeoutMs?: number;
}

/** The vendor's documented server. */
export const DEFAULT_BASE_URL = 'http://my.megawms.com';

/**
 * Answers read with their repeated keys numbered. The vendor shows a duplicate only in
 * InvalidOrder (`OrderNo` twice); AddOrder is small and rare, so it is checked as well.
 * Limitation: elsewhere a repeated key keeps its last value, as `JSON.parse` does; scanning
 * every answer for duplicates cost about a tenth of the client's time on label batches.
 */
const NUMBERED_DUPLICATES: ReadonlySet<EndpointName> = new Set(['InvalidOrder', 'AddOrder']);

/** Whether a call changes state (never retried blindly) or only reads. */
export type CallKind = 'read' | 'write';

/** The settled configuration the call modules work from. */
export interface ClientContext {
  readonly creds: Credentials;
  readonly baseUrl: string;
  readonly urls: Readonly<Record<EndpointName, string>>;
  readonly timeoutMs: number;
  readonly concurrency: number;
  /** Replaces the API key and the tracking key by `***`. */
  scrub(text: string): string;
  /** Sends one request and returns the decoded JSON answer. */
  post(call: EndpointName, body: unknown, kind: CallKind, opts?: CallOptions): Promise<unknown>;
}

/** Checks the configuration and builds the context; a bad address is a `config` error. */
export function createContext(config: ClientConfig): ClientContext {
  const creds = config.credentials;
  registerSecret(creds.apiKey);
  registerSecret(creds.trackKey);

  const baseUrl = checkUrl(config.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const urls = Object.fromEntries(
    ENDPOINT_NAMES.map((name) => {
      const override = config.endpointUrls?.[name];
      return [name, override ? checkUrl(override) : baseUrl + endpointPath(name)];
    }),
  ) as Record<EndpointName, string>;

  const secrets = [creds.apiKey, creds.trackKey].filter((s) => s && s.length >= 4);
  const scrub = (text: string) => secrets.reduce((t, s) => t.split(s).join('***'), text);
  const timeoutMs = positive(config.timeoutMs, 15_000);
  const retries = Math.max(0, Math.floor(config.retries ?? 3));
  const backoffMs = Math.max(0, config.backoffMs ?? 300);

  return {
    creds,
    baseUrl,
    urls,
    timeoutMs,
    concurrency: Math.max(1, Math.floor(positive(config.concurrency, 4))),
    scrub,
    post: (call, body, kind, opts = {}) => {
      // Writes never take the read policy: their outcome must not be cut short.
      const policy = kind === 'read' ? config.readPolicy?.() : undefined;
      const timeout = opts.timeoutMs ?? timeoutMs;
      return postJson({
        call,
        url: urls[call],
        body,
        timeoutMs: policy?.timeoutMs ? Math.min(timeout, policy.timeoutMs) : timeout,
        signal: opts.signal,
        retries: kind === 'read' ? (policy?.retries ?? retries) : 0,
        backoffMs,
        scrub,
        duplicates: NUMBERED_DUPLICATES.has(call) ? 'number' : 'last',
      });
    },
  };
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

function checkUrl(url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url.trim());
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new MegaWmsError(
      'config',
      'settings',
      `"${url}" is not a web address. Enter the MegaWMS server address in Settings, ` +
        `for example ${DEFAULT_BASE_URL}.`,
    );
  }
  return url.trim();
}

type AccountField = 'customerCode' | 'apiName' | 'apiKey' | 'trackKey';

const FIELD_NAMES: Record<AccountField, string> = {
  customerCode: 'customer code',
  apiName: 'API name',
  apiKey: 'API key',
  trackKey: 'tracking key',
};

/** Throws `config` when a part of the account this call needs is empty. */
export function requireAccount(ctx: ClientContext, call: string, fields: AccountField[]): void {
  const missing = fields.filter((f) => !ctx.creds[f]?.trim());
  if (missing.length === 0) return;
  const names = missing.map((f) => FIELD_NAMES[f]).join(' and ');
  throw new MegaWmsError(
    'config',
    call,
    `The MegaWMS account is not set up: the ${names} ${missing.length > 1 ? 'are' : 'is'} ` +
      'missing. Enter it in Settings.',
  );
}

/** Throws `refused` with MegaWMS's own `Message` when a PubApi/wsapi answer says no. */
export function ensureSuccess(ctx: ClientContext, call: string, body: unknown): void {
  const envelope = parseWire(call, Envelope, body);
  if (!envelope.Success) throw refusedError(ctx, call, envelope.Message);
}

/** The same for GetTrack, whose keys are lower-case and whose reason may be in `error`. */
export function ensureTrackSuccess(ctx: ClientContext, body: unknown): void {
  const envelope = parseWire('GetTrack', TrackEnvelope, body);
  if (!envelope.success) {
    throw refusedError(ctx, 'GetTrack', envelope.error.trim() || envelope.message);
  }
}

function refusedError(ctx: ClientContext, call: string, message: string): MegaWmsError {
  const text = ctx.scrub(message);
  return new MegaWmsError(
    'refused',
    call,
    text.trim() ? text : `MegaWMS refused the request (${call}) without giving a reason.`,
    { detail: `${call} answered Success: false` },
  );
}
