/**
 * The parts a running station is made of, handed to the use-case modules
 * (station-print.ts, station-lookups.ts). Built once by `createStation`; `link()` gives
 * the current MegaWMS link, which changes when the account does.
 */
import type { EventName, EventPayload } from '../../shared/contract';
import type { CacheStore } from './cache/cache-store';
import type { Db } from './db/database';
import type { PrintQueue } from './printing/print-queue';
import type { PrinterPort } from './printing/printer-port';
import type { AccountLink } from './station-account';
import type { NetworkWatch } from './station-network';

/** Renders an HTML label page to a PDF of the label size (the app's hidden window). */
export type HtmlLabelRenderer = (url: string, media: string) => Promise<Uint8Array>;

export interface StationCore {
  db: Db;
  store: CacheStore;
  queue: PrintQueue;
  port: PrinterPort;
  network: NetworkWatch;
  htmlLabels: HtmlLabelRenderer | null;
  link(): AccountLink;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Keeps a background task (a status refresh) so `close` waits for it. */
  track(task: Promise<unknown>): void;
}

/** A progress callback that pushes `progress` events for one task. */
export function progressOf(core: StationCore, task: string) {
  return (done: number, total: number) => core.emit('progress', { task, done, total });
}

/**
 * Records what a batch of lookups says about the network: an answer from MegaWMS means it
 * is reachable; an answer marked offline (when MegaWMS was to be asked) means it is not.
 */
export function noteLookups(
  core: StationCore,
  results: ReadonlyArray<{ ok: boolean; source?: string; offline?: boolean; code?: string }>,
): void {
  if (!core.link().client) return;
  if (results.some((r) => r.ok && r.source === 'network')) core.network.note(true);
  else if (results.some((r) => (r.ok && r.offline) || r.code === 'offline-not-cached')) {
    core.network.note(false);
  }
}
