/**
 * Wiring of the handler table to Electron's ipcMain, and of the station's events to the
 * window. Only Electron types are imported: the tests pass a fake ipcMain at this boundary.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { events, type EventName, type EventPayload } from '../../shared/contract';
import { CHANNEL_NAMES, ipcChannel, ipcEvent } from '../../shared/station-api';
import type { StationEvents } from '../core/station';
import type { IpcDispatcher } from './dispatch';

/** The part of ipcMain used here. */
export interface IpcMainPort {
  handle(
    channel: string,
    listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown,
  ): void;
  removeHandler(channel: string): void;
}

/** Registers one ipcMain handler per contract channel; returns the function that removes them. */
export function registerIpcHandlers(ipcMain: IpcMainPort, dispatcher: IpcDispatcher): () => void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(ipcChannel(channel), (event, input) =>
      dispatcher.invoke(channel, input, { url: senderUrl(event) }),
    );
  }
  return () => {
    for (const channel of CHANNEL_NAMES) ipcMain.removeHandler(ipcChannel(channel));
  };
}

// senderFrame is null once the frame navigated away or was destroyed: such a call is refused.
function senderUrl(event: IpcMainInvokeEvent): string | null {
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    return null;
  }
}

/** Sends a pushed event to the renderer (`webContents.send` in the app). */
export type EventSink = (channel: string, payload: unknown) => void;

/** Forwards every station event to `send` under its wire name; returns the unsubscriber. */
export function forwardStationEvents(station: StationEvents, send: EventSink): () => void {
  const offs = (Object.keys(events) as EventName[]).map((name) =>
    station.on(name, (payload: EventPayload<typeof name>) => send(ipcEvent(name), payload)),
  );
  return () => offs.forEach((off) => off());
}
