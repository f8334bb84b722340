/**
 * The expected failures of the station's use cases (a label not in the cache, a print job
 * that does not exist, a printer that is missing), each with a stable code and a message
 * written for the person at the station.
 */

/** Stable codes the renderer names in words; they overlap the contract's `FailureCode`. */
export type StationErrorCode =
  | 'not-found'
  | 'no-label-file'
  | 'invalid-label'
  | 'printer-missing'
  | 'printer-problem'
  | 'offline-not-cached'
  | 'refused'
  | 'server-error'
  | 'invalid-input'
  | 'secure-storage'
  | 'config';

/** A failure the station expected and can explain; crosses IPC with its own code. */
export class StationError extends Error {
  readonly code: StationErrorCode;
  readonly detail?: string;

  constructor(code: StationErrorCode, message: string, detail?: string) {
    super(message);
    this.name = 'StationError';
    this.code = code;
    this.detail = detail;
  }
}

/** The error for a lookup that failed as a whole (inventory, one label file). */
export function lookupError(failure: { code: string; message: string }): StationError {
  const codes: Record<string, StationErrorCode> = {
    'not-found': 'not-found',
    invalid: 'not-found',
    'offline-not-cached': 'offline-not-cached',
    refused: 'refused',
  };
  return new StationError(codes[failure.code] ?? 'server-error', failure.message);
}
