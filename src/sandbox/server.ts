/**
 * The MegaWMS sandbox: a real HTTP server (node:http) answering the seven documented calls
 * from seeded, deterministic demo data. It is the app's demo and training mode and the
 * server every client test talks to, so it refuses, misbehaves and quirks like the real one.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ENDPOINT_NAMES, endpointPath, type EndpointName } from '../main/core/megawms/endpoints';
import { createLogger } from '../main/core/log';
import { DEMO_CREDENTIALS } from './demo-account';
import { createFaultSwitch, type FaultSwitch, type SandboxFaults } from './faults';
import { handleApiCall, type ApiContext } from './handlers';
import { createLabelStore } from './label-store';
import type { SandboxData, SandboxSample } from './model';
import { findPrintPageOrders, isPrintPagePath, renderPrintPage } from './print-page';
import { createSandboxState } from './state';
import { encodeAnswer, writeErrorPage, writeHtml } from './wire';

export { DEMO_CREDENTIALS } from './demo-account';
export type { SandboxFaults } from './faults';
export type {
  SandboxData,
  SandboxInventoryRow,
  SandboxOrder,
  SandboxPiece,
  SandboxSample,
  SandboxTrackEvent,
} from './model';

/** A running sandbox. `url` has no trailing slash, e.g. `http://127.0.0.1:40123`. */
export interface Sandbox {
  url: string;
  port: number;
  /** Replaces the active faults (see `SandboxFaults`). */
  setFaults(f: SandboxFaults): void;
  clearFaults(): void;
  /** API calls received so far (faulted ones included), for one endpoint or all seven. */
  requestCount(endpoint?: EndpointName): number;
  data: SandboxData;
  /** Numbers from the current state for tests: labelled pieces, a shipped order, a draft… */
  sample(): SandboxSample;
  close(): Promise<void>;
}

/** How to start a sandbox; every field has a default that suits demo mode. */
export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback only: defaults to 127.0.0.1. */
  host?: string;
  /** Same seed, same demo data (default 1). */
  seed?: number;
  /** Seeded orders (default 300). */
  orderCount?: number;
  /** Seeded inventory rows (default 3000). */
  inventoryRows?: number;
  /** Answer with the vendor's quirks (text/html JSON, BOM, odd spellings). Default true. */
  quirks?: boolean;
}

const log = createLogger('Sandbox');

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** The largest request body the sandbox reads; a real IIS refuses far smaller ones too. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** Starts a sandbox on 127.0.0.1 (port 0 by default) and resolves once it listens. */
export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const host = opts.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) {
    throw new RangeError(`The sandbox listens on loopback only (127.0.0.1, ::1), not ${host}`);
  }
  const ctx: ServerContext = {
    state: createSandboxState({
      seed: opts.seed ?? 1,
      orderCount: opts.orderCount ?? 300,
      inventoryRows: opts.inventoryRows ?? 3000,
    }),
    faults: createFaultSwitch(),
    counts: new Map(),
    labels: createLabelStore(),
    quirks: opts.quirks ?? true,
    baseUrl: '',
  };
  const server = createServer((req, res) => onRequest(ctx, req, res));
  await listen(server, opts.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;
  ctx.baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const { state, faults, counts } = ctx;
  return {
    url: ctx.baseUrl,
    port,
    setFaults: (f) => faults.set(f),
    clearFaults: () => faults.clear(),
    requestCount: (endpoint) =>
      endpoint ? (counts.get(endpoint) ?? 0) : [...counts.values()].reduce((sum, n) => sum + n, 0),
    data: state,
    sample: () => state.sample(),
    close: () => closeServer(server),
  };
}

/** What the request handlers of one sandbox share. */
interface ServerContext extends ApiContext {
  faults: FaultSwitch;
  counts: Map<EndpointName, number>;
}

function onRequest(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): void {
  const endpoint = findEndpoint(req.url ?? '/');
  if (endpoint) ctx.counts.set(endpoint, (ctx.counts.get(endpoint) ?? 0) + 1);
  serve(ctx, req, res, endpoint).catch((error: unknown) => {
    // A bug in the sandbox shows as what ASP.NET would send: a 500 error page.
    log.error(`failed to answer ${req.url}`, { error: String(error) });
    if (res.headersSent) res.destroy();
    else writeErrorPage(res, 500, 'Internal Server Error', true);
  });
}

async function serve(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  endpoint: EndpointName | undefined,
): Promise<void> {
  const body = await readBody(req);
  if (body === undefined) return writeErrorPage(res, 413, 'Request Entity Too Large');
  if (!endpoint) return servePage(ctx, req, res);

  const fault = ctx.faults.take(endpoint);
  if (fault.drop === 'before') return void res.destroy();
  if (fault.status5xx !== undefined || fault.htmlErrorPage) {
    // The call never reached MegaWMS's code: nothing is processed.
    await delay(fault.latencyMs);
    if (fault.status5xx !== undefined) return writeErrorPage(res, fault.status5xx, 'Error', false);
    return writeErrorPage(res, 500, 'Internal Server Error', true);
  }

  const answer = await handleApiCall(endpoint, req.method ?? 'GET', body, ctx);
  await delay(fault.latencyMs);
  if (fault.drop === 'after') return void res.destroy();
  const encoded = encodeAnswer(endpoint, answer, ctx.quirks);
  const bytes = fault.malformedJson ? truncate(encoded) : encoded;
  res.writeHead(200, {
    'Content-Type': ctx.quirks ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    'Content-Length': bytes.length,
    'X-Powered-By': 'ASP.NET',
  });
  res.end(bytes);
}

function servePage(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', ctx.baseUrl);
  if (!isPrintPagePath(url.pathname)) return writeErrorPage(res, 404, 'Not Found', true);
  writeHtml(res, renderPrintPage(findPrintPageOrders(ctx.state, url)));
}

/**
 * `station sandbox --port N`: starts a sandbox, prints its address and the demo account, and
 * resolves once SIGINT or SIGTERM has closed it.
 */
export async function serveSandboxForever(
  opts: SandboxOptions & { print?: (line: string) => void } = {},
): Promise<void> {
  const print = opts.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const sandbox = await startSandbox(opts);
  print(`MegaWMS sandbox listening on ${sandbox.url}`);
  print(
    `Demo account: CusCode ${DEMO_CREDENTIALS.customerCode}, ` +
      `CusApiName ${DEMO_CREDENTIALS.apiName}`,
  );
  print(`  ApiKey ${DEMO_CREDENTIALS.apiKey}`);
  print(`  tracking key ${DEMO_CREDENTIALS.trackKey}`);
  print('Press Ctrl+C to stop.');

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await sandbox.close();
  print('MegaWMS sandbox stopped.');
}

/** MegaWMS runs on IIS, where paths are case-insensitive; a query string is ignored. */
function findEndpoint(rawUrl: string): EndpointName | undefined {
  const path = rawUrl.split('?')[0]!.toLowerCase();
  return ENDPOINT_NAMES.find((name) => endpointPath(name).toLowerCase() === path);
}

/** Reads the whole body; undefined when it exceeds MAX_BODY_BYTES. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Cuts an answer in the middle, as a proxy or a crashed worker would leave it. */
function truncate(bytes: Buffer): Buffer {
  return bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2)));
}

function delay(ms: number | undefined): Promise<void> {
  if (!ms || ms <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Closes the server, cutting keep-alive connections so tests do not wait for idle timeouts. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
