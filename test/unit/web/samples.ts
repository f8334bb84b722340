/**
 * Contract-shaped values for renderer unit tests: an order, its pieces, lookup rows and
 * print outcomes, each overridable.
 */
import type {
  JobView,
  LookupRow,
  OrderView,
  PieceView,
  PrintOutcome,
  SettingsView,
} from '../../../src/shared/contract';

export function order(over: Partial<OrderView> = {}): OrderView {
  return {
    orderNo: 'R800001707210005',
    referenceNo: 'RLV336256521',
    trackingNumber: '1Z999AA10123456784',
    statusCode: 3,
    statusText: '待处理',
    consigneeName: 'Maria Lopez',
    country: 'US',
    city: 'Austin',
    state: 'TX',
    channel: 'UPS-Ground',
    pieceCount: 1,
    createdAt: '2024-05-01T09:30:00.000Z',
    shippedAt: null,
    fetchedAt: new Date().toISOString(),
    ...over,
  };
}

export function piece(over: Partial<PieceView> = {}): PieceView {
  return {
    trackingNumber: '1Z999AA10123456784',
    pieceNo: 'R800001707210005_001x001',
    pieceIndex: 1,
    pieceCount: 1,
    orderNo: 'R800001707210005',
    hasFile: true,
    printedAt: null,
    ...over,
  };
}

export function foundRow(query: string, over: Partial<LookupRow> = {}): LookupRow {
  return {
    query,
    ok: true,
    failure: null,
    orders: [order()],
    pieces: [piece({ trackingNumber: query })],
    source: 'network',
    offline: false,
    ...over,
  };
}

export function failedRow(
  query: string,
  code: 'not-found' | 'offline-not-cached',
  message = '',
): LookupRow {
  return {
    query,
    ok: false,
    failure: { code, message },
    orders: [],
    pieces: [],
    source: null,
    offline: code === 'offline-not-cached',
  };
}

export function outcome(over: Partial<PrintOutcome> = {}): PrintOutcome {
  return {
    rows: [],
    jobIds: [],
    rowJobIds: [],
    duplicates: [],
    needsConfirmation: false,
    ...over,
  };
}

export function job(id: number, over: Partial<JobView> = {}): JobView {
  return {
    id,
    state: 'queued',
    printer: 'ls-label',
    pieces: ['1Z999AA10123456784'],
    pageCount: 1,
    copies: 1,
    reason: null,
    spoolerId: null,
    attempts: 0,
    createdAt: '2024-05-01T09:30:00.000Z',
    updatedAt: '2024-05-01T09:30:01.000Z',
    reprintOf: null,
    ...over,
  };
}

export function settings(over: Partial<SettingsView> = {}): SettingsView {
  return {
    customerCode: '80000',
    apiName: 'OOPSTON1',
    hasApiKey: true,
    hasTrackKey: false,
    baseUrl: 'http://my.megawms.com',
    demo: false,
    labelPrinter: 'ls-label',
    documentPrinter: null,
    media: '4x6in',
    orientation: 'portrait',
    copies: 1,
    duplicatePolicy: 'warn',
    mergeBatches: true,
    sounds: true,
    retentionDays: 90,
    language: 'en',
    ...over,
  };
}
