/**
 * Builds `window.station` from the contract's channel list: one named function per
 * channel, each bound to its own IPC channel, plus `on(event, listener)`. Nothing else is
 * exposed — no generic invoke, no ipcRenderer, no event objects.
 */
import { events, type EventName } from '../shared/contract';
import { CHANNEL_NAMES, ipcChannel, ipcEvent, type StationApi } from '../shared/station-api';

/** The part of Electron's ipcRenderer the preload uses. */
export interface IpcRendererPort {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const EVENT_NAMES = new Set<string>(Object.keys(events));

/** The `StationApi` over an ipcRenderer; exposed with contextBridge by the preload. */
export function buildStationApi(ipc: IpcRendererPort): StationApi {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNEL_NAMES) {
    const [domain, action] = channel.split('.') as [string, string];
    const wire = ipcChannel(channel);
    const group = (api[domain] ??= {}) as Record<string, unknown>;
    // Exactly one argument crosses, whatever the page passes.
    group[action] = (input?: unknown) => ipc.invoke(wire, input);
  }

  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!EVENT_NAMES.has(event)) throw new Error(`Label Station has no event called "${event}".`);
    if (typeof listener !== 'function') throw new Error('station.on needs a listener function.');
    // The page gets the payload only: the IPC event object would hand it ipcRenderer.
    const forward = (_event: unknown, payload: unknown) => listener(payload);
    ipc.on(ipcEvent(event), forward);
    return () => void ipc.removeListener(ipcEvent(event), forward);
  };
  return api as StationApi;
}
