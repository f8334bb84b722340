/**
 * Message keys for the codes the main process sends: failure codes, job and printer states,
 * MegaWMS order status codes. One table each, so a new code fails the type check here.
 */
import type { FailureCode, JobState, Language, PrinterView } from '../../shared/contract';
import { ORDER_STATUS, type OrderStatusName } from '../../shared/domain';
import type { MessageKey } from './i18n';

const FAILURE_TITLE: Record<FailureCode, MessageKey> = {
  'not-found': 'failure.notFound',
  'offline-not-cached': 'failure.offlineNotCached',
  refused: 'failure.refused',
  'no-label-file': 'failure.noLabelFile',
  'invalid-label': 'failure.invalidLabel',
  'printer-missing': 'failure.printerMissing',
  'printer-problem': 'failure.printerProblem',
  'needs-confirmation': 'failure.needsConfirmation',
  unexpected: 'failure.unexpected',
};

const FAILURE_HINT: Record<FailureCode, MessageKey> = {
  'not-found': 'hint.notFound',
  'offline-not-cached': 'hint.offlineNotCached',
  refused: 'hint.refused',
  'no-label-file': 'hint.noLabelFile',
  'invalid-label': 'hint.invalidLabel',
  'printer-missing': 'hint.printerMissing',
  'printer-problem': 'hint.printerProblem',
  'needs-confirmation': 'hint.needsConfirmation',
  unexpected: 'hint.unexpected',
};

// Codes of IPC errors (not lookup failures) that have their own words.
const ERROR_TITLE: Record<string, MessageKey> = {
  'invalid-input': 'error.invalidInput',
  bridge: 'error.bridge',
  unreachable: 'failure.offlineNotCached',
  offline: 'failure.offlineNotCached',
  timeout: 'error.timeout',
  config: 'error.config',
  'job-cancelled': 'error.jobCancelled',
  'printer-waiting': 'failure.printerProblem',
};

const ERROR_HINT: Record<string, MessageKey> = {
  bridge: 'hint.bridge',
  timeout: 'hint.timeout',
  config: 'hint.config',
  unreachable: 'hint.offlineNotCached',
  offline: 'hint.offlineNotCached',
  'printer-waiting': 'hint.printerWaiting',
};

function isFailureCode(code: string): code is FailureCode {
  return Object.hasOwn(FAILURE_TITLE, code);
}

/** The headline for a failure or error code; a generic one for codes the renderer lacks. */
export function failureTitleKey(code: string): MessageKey {
  if (isFailureCode(code)) return FAILURE_TITLE[code];
  return ERROR_TITLE[code] ?? 'error.generic';
}

/** What the worker should do about a failure, when the code has advice. */
export function failureHintKey(code: string): MessageKey | null {
  if (isFailureCode(code)) return FAILURE_HINT[code];
  return ERROR_HINT[code] ?? null;
}

/**
 * Failures whose headline and hint already say everything the main process's (English)
 * sentence says: in another language that sentence is left out rather than shown untranslated.
 * The others keep it, because it carries what no hint can: MegaWMS's own words, a printer's
 * state, what is wrong in a label file.
 */
const SAID_BY_HINT: ReadonlySet<string> = new Set<FailureCode>([
  'offline-not-cached',
  'no-label-file',
  'printer-missing',
  'needs-confirmation',
]);

/** The main process's sentence for a failure, as it is shown in `language` ('' for none). */
export function failureReason(code: string, message: string, language: Language): string {
  return language !== 'en' && SAID_BY_HINT.has(code) ? '' : message;
}

const JOB_STATE: Record<JobState, MessageKey> = {
  queued: 'job.queued',
  submitting: 'job.submitting',
  sent: 'job.sent',
  done: 'job.done',
  failed: 'job.failed',
  cancelled: 'job.cancelled',
};

/** A print job's state in words. */
export function jobStateKey(state: JobState): MessageKey {
  return JOB_STATE[state];
}

const ORDER_STATUS_KEY: Record<OrderStatusName, MessageKey> = {
  draft: 'status.draft',
  pending: 'status.pending',
  paid: 'status.paid',
  shipped: 'status.shipped',
  deleted: 'status.deleted',
  processing: 'status.processing',
  outOfStock: 'status.outOfStock',
};

/** A MegaWMS order status code named; null for codes outside the documented table. */
export function orderStatusKey(code: number | null): MessageKey | null {
  if (code === null || !Object.hasOwn(ORDER_STATUS, code)) return null;
  return ORDER_STATUS_KEY[ORDER_STATUS[code as keyof typeof ORDER_STATUS]];
}

const PRINTER_STATE: Record<PrinterView['state'], MessageKey> = {
  idle: 'printer.idle',
  printing: 'printer.printing',
  stopped: 'printer.stopped',
  unknown: 'printer.unknown',
};

/** A printer's state in words. */
export function printerStateKey(state: PrinterView['state']): MessageKey {
  return PRINTER_STATE[state];
}

/** IPP printer-state-reasons keywords the renderer says in the worker's language. */
const PRINTER_REASON: Record<string, MessageKey> = {
  'media-empty': 'printerReason.mediaEmpty',
  'media-needed': 'printerReason.mediaNeeded',
  'media-low': 'printerReason.mediaLow',
  'media-jam': 'printerReason.mediaJam',
  'media-tray-missing': 'printerReason.mediaTrayMissing',
  paused: 'printerReason.paused',
  offline: 'printerReason.offline',
  'door-open': 'printerReason.doorOpen',
  'cover-open': 'printerReason.coverOpen',
  'marker-supply-empty': 'printerReason.markerSupplyEmpty',
  'marker-supply-low': 'printerReason.markerSupplyLow',
  'toner-empty': 'printerReason.tonerEmpty',
  'toner-low': 'printerReason.tonerLow',
  'output-area-full': 'printerReason.outputAreaFull',
  'connecting-to-device': 'printerReason.connectingToDevice',
  'timed-out': 'printerReason.timedOut',
  shutdown: 'printerReason.shutdown',
  'moving-to-paused': 'printerReason.movingToPaused',
  'spool-area-full': 'printerReason.spoolAreaFull',
  other: 'printerReason.other',
  'interlock-open': 'printerReason.coverOpen',
};

/** A printer's reason in the worker's language; main's English words for keywords unknown here. */
export function printerReasonText(
  reason: PrinterView['reasons'][number],
  t: (key: MessageKey) => string,
): string {
  const key = Object.hasOwn(PRINTER_REASON, reason.code) ? PRINTER_REASON[reason.code] : undefined;
  return key ? t(key) : reason.words;
}
