/**
 * The composition root of a station, shared by the desktop app, the e2e harness and the
 * CLI: it opens the SQLite file, reads the settings, links to MegaWMS (the in-process
 * sandbox in demo mode), and builds the cache lookup, the print queue and the use cases
 * the IPC handlers call. Nothing here imports Electron; the app passes its pieces in.
 */
import type { EventName, EventPayload, SettingsPatch, SettingsView } from '../../shared/contract';
import { createCacheStore } from './cache/cache-store';
import { openDatabase, type Db } from './db/database';
import { createLogger } from './log';
import { createPrinterPort } from './printing/create-printer-port';
import { createPrintQueue } from './printing/print-queue';
import {
  getPrintSettings,
  savePrintSettings,
  type PrintSettingsPatch,
} from './printing/print-settings';
import type { PrinterPort } from './printing/printer-port';
import {
  createSettingsStore,
  readStationSettings,
  writeStationSettings,
  type SecretStore,
  type SecretStoreFactory,
  type SettingsStore,
  type StationSettings,
} from './settings';
import {
  closeAccountLink,
  openAccountLink,
  type AccountLink,
  type LinkOptions,
} from './station-account';
import type { HtmlLabelRenderer, StationCore } from './station-core';
import { StationError } from './station-errors';
import * as lookups from './station-lookups';
import { createNetworkWatch } from './station-network';
import * as printing from './station-print';
import type { Station } from './station-types';
import { toJobView, toPrinterView } from './station-views';

export type { Station, StationEvents, AppInfoView } from './station-types';

const log = createLogger('Station');

export interface StationOptions {
  /** The data folder: the SQLite file and the log live here. */
  dataDir: string;
  /** Where the API key and tracking key are kept (a factory when it needs the settings table). */
  secrets: SecretStore | SecretStoreFactory;
  /** The spooler; default: CUPS or Windows by platform. */
  printerPort?: PrinterPort;
  /** Forces demo mode on or off; default: the setting, else demo exactly when no account is set. */
  demo?: boolean;
  /** better-sqlite3 build for Electron's ABI (see native-binding.ts). */
  nativeBinding?: string;
  /** Renders HTML-only labels to PDF; only the desktop app has one. */
  htmlLabels?: HtmlLabelRenderer;
  version?: string;
  /** Client tuning (tests use short timeouts). */
  client?: LinkOptions['client'];
  /** How often the print queue asks the spooler about sent jobs, in ms. */
  queuePollMs?: number;
}

const STATION_FIELDS = [
  'customerCode',
  'apiName',
  'baseUrl',
  'demo',
  'sounds',
  'retentionDays',
  'language',
] as const;
const ACCOUNT_FIELDS = ['customerCode', 'apiName', 'baseUrl', 'demo'] as const;

/**
 * Reads while MegaWMS is known to be out of reach: one try, 4 s at most. A scan of an
 * unsaved number then says "offline, not saved" at once rather than after every retry;
 * the first answer that comes back marks the station online again.
 */
const OFFLINE_READS = { retries: 0, timeoutMs: 4_000 } as const;

/** Opens a station; `close()` it when done. */
export async function createStation(options: StationOptions): Promise<Station> {
  const db = openDatabase(options.dataDir, { nativeBinding: options.nativeBinding });
  try {
    return await assemble(db, options);
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The station's own parts besides the core: settings, secrets, the account link. */
interface Parts {
  options: StationOptions;
  settings: SettingsStore;
  secrets: SecretStore;
  on: Station['on'];
  relink(): Promise<void>;
  close(): Promise<void>;
}

async function assemble(db: Db, options: StationOptions): Promise<Station> {
  const settings = createSettingsStore(db);
  const secrets =
    typeof options.secrets === 'function' ? options.secrets(settings) : options.secrets;
  const store = createCacheStore(db);
  const events = createEmitter();
  // Pointed at the server once the link is open; the link's client asks it before every read.
  const network = createNetworkWatch(null, (online) => events.emit('network.changed', { online }));
  const readPolicy = () => (network.online ? undefined : OFFLINE_READS);
  const linkOptions = (): LinkOptions => ({
    settings: readStationSettings(settings),
    secrets,
    store,
    forceDemo: options.demo,
    client: { readPolicy, ...options.client },
  });

  let link: AccountLink = await openAccountLink(linkOptions());
  network.reset(link.client?.baseUrl ?? null);
  const port = options.printerPort ?? createPrinterPort();
  const queue = createPrintQueue({ db, port, pollMs: options.queuePollMs });
  const tasks = new Set<Promise<unknown>>();
  const core: StationCore = {
    ...{ db, store, queue, port, network, emit: events.emit },
    htmlLabels: options.htmlLabels ?? null,
    link: () => link,
    track: (task) => {
      tasks.add(task);
      void task.finally(() => tasks.delete(task));
    },
  };
  pruneCache(core, readStationSettings(settings));
  const stopJobEvents = queue.onJobChange((job) => events.emit('job.changed', toJobView(job)));
  const report = queue.start();
  if (report.unfinished.length > 0) {
    log.info('unfinished print jobs resumed', { jobs: report.unfinished.map((j) => j.id) });
  }

  const relink = async () => {
    const old = link;
    link = await openAccountLink(linkOptions());
    network.reset(link.client?.baseUrl ?? null);
    await closeAccountLink(old);
  };
  const close = async () => {
    network.stop();
    stopJobEvents();
    await Promise.allSettled([...tasks]);
    await queue.stop();
    await closeAccountLink(link);
    db.close();
  };
  return useCases(core, { options, settings, secrets, on: events.on, relink, close });
}

/** The station's methods: each a line calling one use case. */
function useCases(core: StationCore, parts: Parts): Station {
  const { options, settings, secrets } = parts;
  const view = (): SettingsView =>
    settingsView(readStationSettings(settings), secrets, core.db, core.link());
  return {
    dataDir: options.dataDir,
    settings,
    get sandbox() {
      return core.link().sandbox;
    },
    getInfo: () => ({
      version: options.version ?? process.env.npm_package_version ?? 'dev',
      demo: core.link().demo,
      platform: process.platform,
      dataDir: options.dataDir,
    }),
    getSettings: view,
    updateSettings: async (patch) => {
      if (applyPatch(core.db, settings, patch)) await parts.relink();
      return view();
    },
    setSecrets: async (input) => {
      if (input.apiKey !== undefined) secrets.set('apiKey', input.apiKey.trim() || null);
      if (input.trackKey !== undefined) secrets.set('trackKey', input.trackKey.trim() || null);
      await parts.relink();
      return view();
    },
    scan: (number, opts = {}) => printing.printLabels(core, [number], { merge: true, ...opts }),
    lookupLabels: (numbers, opts = {}) => lookups.lookupLabels(core, numbers, opts.refresh),
    printLabels: (numbers, opts = {}) => printing.printLabels(core, numbers, opts),
    getLabelFile: (trackingNumber) => printing.getLabelFile(core, trackingNumber),
    createOrder: (order) => lookups.createOrder(core, order),
    cancelOrder: (trackingNumber) => lookups.cancelOrder(core, trackingNumber),
    findOrderStatus: (numbers, opts = {}) => lookups.findOrderStatus(core, numbers, opts.refresh),
    fetchTracking: (numbers, opts = {}) => lookups.fetchTracking(core, numbers, opts.refresh),
    fetchInventory: (query) => lookups.fetchInventory(core, query),
    listWarehouses: async () => lookups.listWarehouses(core),
    listJobs: async (opts = {}) => printing.listJobs(core, opts.limit),
    reprintJob: async (jobId) => printing.reprintJob(core, jobId),
    resumeJob: async (jobId) => printing.resumeJob(core, jobId),
    cancelJob: (jobId) => printing.cancelJob(core, jobId),
    listPrinters: async () => (await core.port.listPrinters()).map(toPrinterView),
    on: parts.on,
    close: parts.close,
  };
}

/** A small typed event hub: the station's pushed events. */
function createEmitter() {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    for (const fn of listeners.get(event) ?? []) (fn as (p: EventPayload<E>) => void)(payload);
  };
  const on: Station['on'] = (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener as (payload: never) => void);
    return () => void set.delete(listener as (payload: never) => void);
  };
  return { emit, on };
}

/** Writes a settings patch; true when the MegaWMS account (or demo mode) changed. */
function applyPatch(db: Db, settings: SettingsStore, patch: SettingsPatch): boolean {
  const before = readStationSettings(settings);
  const stationPart: Partial<StationSettings> = {};
  const printPart: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if ((STATION_FIELDS as readonly string[]).includes(key))
      Object.assign(stationPart, { [key]: value });
    else printPart[key] = value;
  }
  if (stationPart.baseUrl !== undefined) stationPart.baseUrl = checkBaseUrl(stationPart.baseUrl);
  if (Object.keys(printPart).length > 0) savePrintSettings(db, printPart as PrintSettingsPatch);
  writeStationSettings(settings, stationPart);
  const after = readStationSettings(settings);
  return ACCOUNT_FIELDS.some((field) => before[field] !== after[field]);
}

function checkBaseUrl(value: string): string {
  const trimmed = value.trim().replace(/\/+$/, '');
  let url: URL | null;
  try {
    url = new URL(trimmed);
  } catch {
    url = null;
  }
  if (
    !url ||
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.username ||
    url.password
  ) {
    throw new StationError(
      'invalid-input',
      `baseUrl: "${value.slice(0, 100)}" is not a server address; write it like http://my.megawms.com.`,
    );
  }
  return trimmed;
}

function settingsView(
  s: StationSettings,
  secrets: SecretStore,
  db: Db,
  link: AccountLink,
): SettingsView {
  const p = getPrintSettings(db);
  return {
    customerCode: s.customerCode,
    apiName: s.apiName,
    hasApiKey: secrets.get('apiKey') !== null,
    hasTrackKey: secrets.get('trackKey') !== null,
    baseUrl: s.baseUrl,
    demo: link.demo,
    labelPrinter: p.labelPrinter,
    documentPrinter: p.documentPrinter,
    media: p.media,
    orientation: p.orientation,
    copies: p.copies,
    duplicatePolicy: p.duplicatePolicy,
    mergeBatches: p.mergeBatches,
    sounds: s.sounds,
    retentionDays: s.retentionDays,
    language: s.language,
  };
}

// Old orders and labels leave the cache on start; a failure must not keep the station down.
function pruneCache(core: StationCore, s: StationSettings): void {
  try {
    core.store.prune({ olderThanDays: s.retentionDays });
  } catch (error) {
    log.warn('cache clean-up failed', { error });
  }
}
