/**
 * Turns whatever a use case threw into the one IPC error shape. Expected failures (MegaWMS
 * unreachable or refusing, a label not in the cache, a printer problem) keep their plain
 * message; anything else is logged with its context and crosses as `unexpected`. Every
 * message passes through the logger's redaction, so a secret can never cross.
 */
import type { IpcError } from '../../shared/contract';
import { SchemaTooNewError } from '../core/db/database';
import { redact, createLogger } from '../core/log';
import { MegaWmsError, isOfflineError } from '../core/megawms/errors';
import { LabelFileError } from '../core/printing/label-document';
import { LabelSizeError } from '../core/printing/label-size';
import { PrintQueueError } from '../core/printing/print-queue';
import { PrintSettingsError } from '../core/printing/print-settings';
import { PrinterError } from '../core/printing/printer-port';
import { StationError } from '../core/station-errors';

const log = createLogger('Ipc');

/** Codes an `IpcError` carries besides the per-number `FailureCode`s of a lookup. */
export const IPC_ERROR_CODES = [
  'invalid-input',
  'forbidden',
  'unknown-channel',
  'offline',
  'refused',
  'server-error',
  'config',
  'aborted',
  'data-too-new',
  'unexpected',
] as const;

const MEGAWMS_CODES: Record<MegaWmsError['code'], string> = {
  unreachable: 'offline',
  timeout: 'offline',
  aborted: 'aborted',
  http: 'server-error',
  'not-json': 'server-error',
  refused: 'refused',
  'bad-response': 'server-error',
  config: 'config',
};

/** Maps a thrown value to an `IpcError`; logs it when it was not an expected failure. */
export function toIpcError(error: unknown, context: { channel: string }): IpcError {
  if (error instanceof StationError) {
    return withDetail(error.code, error.message, error.detail);
  }
  if (error instanceof MegaWmsError) {
    const code = isOfflineError(error) ? 'offline' : MEGAWMS_CODES[error.code];
    return withDetail(code, error.message, error.detail);
  }
  if (error instanceof SchemaTooNewError) return withDetail('data-too-new', error.message);
  const printing = printingCode(error);
  if (printing)
    return withDetail(printing, (error as Error).message, (error as PrinterError).detail);

  log.error('unexpected failure', { channel: context.channel, error });
  return {
    code: 'unexpected',
    message:
      'Something went wrong inside Label Station. Try again; if it keeps happening, ' +
      'send the log file from the data folder to your supervisor.',
    detail: redact(error instanceof Error ? `${error.name}: ${error.message}` : String(error)),
  };
}

/** The code of a printing failure, or null when `error` is not one. */
function printingCode(error: unknown): string | null {
  if (error instanceof PrinterError) {
    return error.code === 'no-such-printer' ? 'printer-missing' : 'printer-problem';
  }
  if (error instanceof PrintQueueError) return 'not-found';
  if (error instanceof LabelFileError) return 'invalid-label';
  if (error instanceof LabelSizeError || error instanceof PrintSettingsError)
    return 'invalid-input';
  return null;
}

function withDetail(code: string, message: string, detail?: string): IpcError {
  const out: IpcError = { code, message: redact(message) };
  if (detail) out.detail = redact(detail);
  return out;
}

/** The refusal of a call from a frame that is not the app's own page. */
export function forbiddenError(): IpcError {
  return {
    code: 'forbidden',
    message: 'This request did not come from the Label Station window, so it was refused.',
  };
}

/** The refusal of a channel the contract does not know. */
export function unknownChannelError(channel: string): IpcError {
  return {
    code: 'unknown-channel',
    message: `Label Station has no function called "${channel.slice(0, 60)}".`,
  };
}
