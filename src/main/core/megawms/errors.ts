/**
 * Typed errors of the MegaWMS client. Each message is written for the person at the
 * station: what happened and what to do. None ever carries the API key or tracking key.
 */

export type MegaWmsErrorCode =
  /** DNS failure, refused or reset before the request was sent. */
  | 'unreachable'
  | 'timeout'
  | 'aborted'
  /** A non-2xx status with no usable MegaWMS answer. */
  | 'http'
  /** The body is not JSON; `detail` holds its first 200 characters. */
  | 'not-json'
  /** MegaWMS answered `Success: false`; `message` is its `Message` verbatim. */
  | 'refused'
  /** JSON that does not match the documented shape; `detail` names the field. */
  | 'bad-response'
  /** Missing account settings, a batch the client cannot send. */
  | 'config';

/** The one error type the client throws. `call` is the endpoint, e.g. `GetLabel`. */
export class MegaWmsError extends Error {
  readonly code: MegaWmsErrorCode;
  readonly call: string;
  readonly detail?: string;
  readonly status?: number;

  constructor(
    code: MegaWmsErrorCode,
    call: string,
    message: string,
    extra: { detail?: string; status?: number; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'MegaWmsError';
    this.code = code;
    this.call = call;
    this.detail = extra.detail;
    this.status = extra.status;
  }
}

/** True when the error means "MegaWMS cannot be reached now" (so cached data should serve). */
export function isOfflineError(error: unknown): boolean {
  return (
    error instanceof MegaWmsError &&
    (error.code === 'unreachable' ||
      error.code === 'timeout' ||
      (error.code === 'http' && (error.status ?? 0) >= 500))
  );
}
