/**
 * The IPC contract between the renderer and the main process: every channel once, with a
 * zod schema for its input and its result. The preload and the renderer derive their types
 * from here; main parses every input against it before calling the core. Values that cross
 * are JSON-safe: times as ISO strings, file bytes as base64.
 */
import { z } from 'zod';

const IsoTime = z.string().nullable();
const Numbers = z.array(z.string().trim().min(1).max(200)).min(1).max(20_000);

/** One error shape across IPC; `code` is stable, `message` is for the user. */
export const IpcError = z.object({
  code: z.string(),
  message: z.string(),
  detail: z.string().optional(),
});
export type IpcError = z.infer<typeof IpcError>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const Language = z.enum(['en', 'zh-CN']);
export type Language = z.infer<typeof Language>;

export const MediaSize = z.union([
  z.enum(['4x6in', '100x150mm', '100x100mm']),
  z.string().regex(/^\d+(\.\d+)?x\d+(\.\d+)?(mm|in)$/),
]);
export type MediaSize = z.infer<typeof MediaSize>;

export const DuplicatePolicy = z.enum(['ask', 'warn', 'allow']);
export type DuplicatePolicy = z.infer<typeof DuplicatePolicy>;

/** What the renderer may know of the settings: never a secret, only whether one is set. */
export const SettingsView = z.object({
  customerCode: z.string(),
  apiName: z.string(),
  hasApiKey: z.boolean(),
  hasTrackKey: z.boolean(),
  baseUrl: z.string(),
  demo: z.boolean(),
  labelPrinter: z.string().nullable(),
  documentPrinter: z.string().nullable(),
  media: MediaSize,
  orientation: z.enum(['portrait', 'landscape']),
  copies: z.number().int().min(1).max(20),
  duplicatePolicy: DuplicatePolicy,
  mergeBatches: z.boolean(),
  sounds: z.boolean(),
  retentionDays: z.number().int().min(1).max(3650),
  language: Language,
});
export type SettingsView = z.infer<typeof SettingsView>;

/** Settings the renderer may change; secrets go through `settings.setSecrets` only. */
export const SettingsPatch = SettingsView.omit({ hasApiKey: true, hasTrackKey: true })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const SecretsInput = z
  .object({ apiKey: z.string().max(200).optional(), trackKey: z.string().max(200).optional() })
  .strict();

export const AppInfo = z.object({
  version: z.string(),
  demo: z.boolean(),
  platform: z.string(),
  dataDir: z.string(),
});

/** The order facts a result card or a table row shows. */
export const OrderView = z.object({
  orderNo: z.string(),
  referenceNo: z.string(),
  trackingNumber: z.string(),
  statusCode: z.number().nullable(),
  statusText: z.string(),
  consigneeName: z.string(),
  country: z.string(),
  city: z.string(),
  state: z.string(),
  channel: z.string(),
  pieceCount: z.number().nullable(),
  createdAt: IsoTime,
  shippedAt: IsoTime,
  fetchedAt: IsoTime,
});
export type OrderView = z.infer<typeof OrderView>;

export const PieceView = z.object({
  trackingNumber: z.string(),
  pieceNo: z.string(),
  pieceIndex: z.number(),
  pieceCount: z.number(),
  orderNo: z.string(),
  hasFile: z.boolean(),
  /** When this piece was printed before, the last time (else null). */
  printedAt: IsoTime,
});
export type PieceView = z.infer<typeof PieceView>;

export const JobState = z.enum(['queued', 'submitting', 'sent', 'done', 'failed', 'cancelled']);
export type JobState = z.infer<typeof JobState>;

export const JobView = z.object({
  id: z.number(),
  state: JobState,
  printer: z.string(),
  pieces: z.array(z.string()),
  pageCount: z.number(),
  copies: z.number(),
  reason: z.string().nullable(),
  spoolerId: z.string().nullable(),
  attempts: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  reprintOf: z.number().nullable(),
});
export type JobView = z.infer<typeof JobView>;

/** Why a lookup or print of one number failed, in codes the renderer names in words. */
export const FailureCode = z.enum([
  'not-found',
  'offline-not-cached',
  'refused',
  'no-label-file',
  'invalid-label',
  'printer-missing',
  'printer-problem',
  'needs-confirmation',
  'unexpected',
]);
export type FailureCode = z.infer<typeof FailureCode>;

/** One number of a lookup: what was found, from where, and how old it is. */
export const LookupRow = z.object({
  query: z.string(),
  ok: z.boolean(),
  failure: z.object({ code: FailureCode, message: z.string() }).nullable(),
  orders: z.array(OrderView),
  pieces: z.array(PieceView),
  source: z.enum(['cache', 'network']).nullable(),
  offline: z.boolean(),
});
export type LookupRow = z.infer<typeof LookupRow>;

/** The result of a scan or a print request: the lookup plus the job(s) it queued. */
export const PrintOutcome = z.object({
  rows: z.array(LookupRow),
  jobIds: z.array(z.number()),
  /** The jobs each row went into, row by row: the one job of a merged print, or its own. */
  rowJobIds: z.array(z.array(z.number())),
  /** Pieces printed before; with policy 'ask' nothing was queued until confirmed. */
  duplicates: z.array(PieceView),
  needsConfirmation: z.boolean(),
});
export type PrintOutcome = z.infer<typeof PrintOutcome>;

export const PrintInput = z
  .object({
    numbers: Numbers,
    merge: z.boolean().optional(),
    confirmDuplicates: z.boolean().optional(),
  })
  .strict();

const Text = (max: number) => z.string().trim().max(max);
const Positive = z.number().positive().max(100_000);

/** The order form, as the renderer fills it; main maps it to the domain's NewOrder. */
export const NewOrderInput = z
  .object({
    style: z.enum(['warehouse', 'transfer']),
    sender: z.object({
      name: Text(100),
      address: Text(200),
      phone: Text(50),
      email: Text(100),
      company: Text(100),
    }),
    consignee: z.object({
      name: Text(100).min(1),
      company: Text(100),
      address1: Text(200).min(1),
      address2: Text(200),
      city: Text(100).min(1),
      state: Text(100),
      zipcode: Text(20).min(1),
      country: z.string().regex(/^[A-Z]{2}$/),
      phone: Text(50),
      email: Text(100),
    }),
    channelId: Text(20).min(1),
    referenceNo: Text(50),
    confirm: z.boolean(),
    warehouseId: Text(20),
    remark: Text(500),
    pieces: z
      .array(
        z.object({ weightKg: Positive, lengthCm: Positive, widthCm: Positive, heightCm: Positive }),
      )
      .min(1)
      .max(999),
    products: z
      .array(
        z.object({
          sku: Text(100),
          nameEn: Text(200).min(1),
          nameCn: Text(200),
          quantity: z.number().int().positive(),
          unitWeightKg: Positive,
          unitPriceUsd: z.number().min(0).max(1_000_000),
          hsCode: Text(20),
          origin: Text(50),
        }),
      )
      .min(1)
      .max(200),
  })
  .strict();
export type NewOrderInput = z.infer<typeof NewOrderInput>;

export const CreateOrderView = z.object({
  outcome: z.enum(['created', 'created-unconfirmed', 'not-created']),
  orderNo: z.string(),
  referenceNo: z.string(),
  trackingNumber: z.string(),
  message: z.string(),
  pieces: z.array(PieceView),
});
export type CreateOrderView = z.infer<typeof CreateOrderView>;

export const CancelView = z.object({
  cancelled: z.boolean(),
  orderNo: z.string(),
  referenceNo: z.string(),
  trackingNumber: z.string(),
  /** MegaWMS's Message, word for word. */
  message: z.string(),
});
export type CancelView = z.infer<typeof CancelView>;

export const ShipmentView = z.object({
  query: z.string(),
  ok: z.boolean(),
  message: z.string().nullable(),
  trackingNumber: z.string(),
  orderNo: z.string(),
  country: z.string(),
  status: z.string(),
  events: z.array(
    z.object({ time: IsoTime, descriptionEn: z.string(), descriptionCn: z.string() }),
  ),
  fetchedAt: IsoTime,
  offline: z.boolean(),
});
export type ShipmentView = z.infer<typeof ShipmentView>;

export const InventoryQueryInput = z
  .object({
    sku: Text(100).optional(),
    warehouseId: Text(20).optional(),
    barcode: Text(100).optional(),
  })
  .strict();

export const InventoryView = z.object({
  rows: z.array(
    z.object({
      sku: z.string(),
      name: z.string(),
      warehouseName: z.string(),
      onHand: z.number(),
      inbound: z.number(),
      warningLevel: z.number(),
      salesWarning: z.number(),
      reserved: z.number(),
      available: z.number(),
      backordered: z.number(),
    }),
  ),
  totalRows: z.number(),
  takenAt: z.string(),
  offline: z.boolean(),
});
export type InventoryView = z.infer<typeof InventoryView>;

export const PrinterView = z.object({
  name: z.string(),
  isDefault: z.boolean(),
  state: z.enum(['idle', 'printing', 'stopped', 'unknown']),
  accepting: z.boolean(),
  /** printer-state-reasons: the IPP keyword (`media-empty`) and plain English words. */
  reasons: z.array(z.object({ code: z.string(), words: z.string() })),
});
export type PrinterView = z.infer<typeof PrinterView>;

export const LabelFile = z.object({
  trackingNumber: z.string(),
  fileType: z.literal('pdf'),
  base64: z.string(),
});
export type LabelFile = z.infer<typeof LabelFile>;

const Empty = z.object({}).strict().optional();
const JobRef = z.object({ jobId: z.number().int().positive() }).strict();

/** Every request/response channel: `domain.action` → input and result schemas. */
export const channels = {
  'app.info': { input: Empty, output: AppInfo },
  'settings.get': { input: Empty, output: SettingsView },
  'settings.update': { input: SettingsPatch, output: SettingsView },
  'settings.setSecrets': { input: SecretsInput, output: SettingsView },
  'scan.submit': {
    input: z.object({ number: z.string().max(200), confirmDuplicates: z.boolean().optional() }),
    output: PrintOutcome,
  },
  'labels.lookup': {
    input: z.object({ numbers: Numbers, refresh: z.boolean().optional() }).strict(),
    output: z.array(LookupRow),
  },
  'labels.print': { input: PrintInput, output: PrintOutcome },
  'labels.file': {
    input: z.object({ trackingNumber: z.string().min(1).max(200) }).strict(),
    output: LabelFile,
  },
  'orders.create': { input: NewOrderInput, output: CreateOrderView },
  'orders.cancel': {
    input: z.object({ trackingNumber: z.string().trim().min(1).max(200) }).strict(),
    output: CancelView,
  },
  'orders.status': {
    input: z.object({ numbers: Numbers, refresh: z.boolean().optional() }).strict(),
    output: z.array(LookupRow),
  },
  'tracking.get': {
    input: z.object({ numbers: Numbers.max(500), refresh: z.boolean().optional() }).strict(),
    output: z.array(ShipmentView),
  },
  'inventory.fetch': { input: InventoryQueryInput, output: InventoryView },
  'inventory.warehouses': {
    input: Empty,
    output: z.array(z.object({ id: z.string(), name: z.string() })),
  },
  'queue.list': {
    input: z
      .object({ limit: z.number().int().min(1).max(5000).optional() })
      .strict()
      .optional(),
    output: z.array(JobView),
  },
  'queue.reprint': { input: JobRef, output: JobView },
  'queue.resume': { input: JobRef, output: JobView },
  'queue.cancel': { input: JobRef, output: JobView },
  'printers.list': { input: Empty, output: z.array(PrinterView) },
} as const;

export type Channel = keyof typeof channels;
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = z.infer<(typeof channels)[C]['output']>;

/** Events the main process pushes to the renderer. */
export const events = {
  'job.changed': JobView,
  progress: z.object({ task: z.string(), done: z.number(), total: z.number() }),
  'network.changed': z.object({ online: z.boolean() }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
