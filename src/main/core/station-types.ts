/**
 * What the station offers the desktop app, the e2e harness and the CLI: one method per
 * use case, each taking and returning the contract's JSON-safe views.
 */
import type {
  CancelView,
  CreateOrderView,
  EventName,
  EventPayload,
  InventoryView,
  JobView,
  LabelFile,
  LookupRow,
  NewOrderInput,
  PrinterView,
  PrintOutcome,
  SettingsPatch,
  SettingsView,
  ShipmentView,
} from '../../shared/contract';
import type { Sandbox } from '../../sandbox/server';
import type { SettingsStore } from './settings';

/** `app.info`'s answer. */
export interface AppInfoView {
  version: string;
  demo: boolean;
  platform: string;
  dataDir: string;
}

/** Subscribing to what the station pushes (job changes, progress, network state). */
export interface StationEvents {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The use cases of a station. */
export interface Station extends StationEvents {
  readonly dataDir: string;
  /** The settings table (the app keeps its window bounds there). */
  readonly settings: SettingsStore;
  /** The in-process MegaWMS sandbox while in demo mode, else null. */
  readonly sandbox: Sandbox | null;
  getInfo(): AppInfoView;
  getSettings(): SettingsView;
  updateSettings(patch: SettingsPatch): Promise<SettingsView>;
  setSecrets(secrets: { apiKey?: string; trackKey?: string }): Promise<SettingsView>;
  /** One scanned number: look it up (cache first) and print its label(s). */
  scan(number: string, opts?: { confirmDuplicates?: boolean }): Promise<PrintOutcome>;
  lookupLabels(numbers: string[], opts?: { refresh?: boolean }): Promise<LookupRow[]>;
  printLabels(
    numbers: string[],
    opts?: { merge?: boolean; confirmDuplicates?: boolean },
  ): Promise<PrintOutcome>;
  getLabelFile(trackingNumber: string): Promise<LabelFile>;
  createOrder(order: NewOrderInput): Promise<CreateOrderView>;
  cancelOrder(trackingNumber: string): Promise<CancelView>;
  findOrderStatus(numbers: string[], opts?: { refresh?: boolean }): Promise<LookupRow[]>;
  fetchTracking(numbers: string[], opts?: { refresh?: boolean }): Promise<ShipmentView[]>;
  fetchInventory(query: {
    sku?: string;
    warehouseId?: string;
    barcode?: string;
  }): Promise<InventoryView>;
  listWarehouses(): Promise<Array<{ id: string; name: string }>>;
  listJobs(opts?: { limit?: number }): Promise<JobView[]>;
  reprintJob(jobId: number): Promise<JobView>;
  resumeJob(jobId: number): Promise<JobView>;
  cancelJob(jobId: number): Promise<JobView>;
  listPrinters(): Promise<PrinterView[]>;
  /** Stops the queue workers, the demo sandbox and closes the database. */
  close(): Promise<void>;
}
