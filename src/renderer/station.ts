/**
 * The one door from the renderer to the main process. Only store actions use it; a
 * component never calls `window.station` itself.
 */
import type { IpcError, IpcResult } from '../shared/contract';
import type { StationApi } from '../shared/station-api';

/** The preload's bridge, `window.station`. */
export function station(): StationApi {
  return window.station;
}

/**
 * Awaits a bridge call and turns a rejected promise (the bridge itself broke) into the
 * same `{ ok: false }` shape every handler answers with, so callers handle one shape.
 */
export async function settle<T>(call: () => Promise<IpcResult<T>>): Promise<IpcResult<T>> {
  try {
    return await call();
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    const error: IpcError = { code: 'bridge', message: detail };
    return { ok: false, error };
  }
}
