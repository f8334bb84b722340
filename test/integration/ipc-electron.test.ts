/**
 * The Electron boundary, faked at exactly that boundary: ipcMain and ipcRenderer become a
 * pair of in-process objects passing (event, ...args) as Electron does, the preload's API
 * is built over the fake ipcRenderer, and everything behind ipcMain is the real handler
 * table and station.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, ipcChannel, ipcEvent, type StationApi } from '../../src/shared/station-api';
import { buildStationApi, type IpcRendererPort } from '../../src/preload/build-api';
import {
  forwardStationEvents,
  registerIpcHandlers,
  type IpcMainPort,
} from '../../src/main/ipc/register';
import { openTestStation, TEST_APP_URL, type TestStation } from '../helpers/station';

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
type RendererListener = (event: unknown, ...args: unknown[]) => void;

/** One window's IPC: what main registered, what the page listens to, and the frame URL. */
function fakeIpc(frameUrl: () => string | null) {
  const handlers = new Map<string, InvokeHandler>();
  const listeners = new Map<string, Set<RendererListener>>();
  const sent: Array<{ channel: string; args: unknown[] }> = [];
  const ipcMain: IpcMainPort = {
    handle: (channel, fn) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, fn);
    },
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const ipcRenderer: IpcRendererPort & { sent: typeof sent } = {
    sent,
    invoke: async (channel, ...args) => {
      sent.push({ channel, args });
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      const url = frameUrl();
      const event = { senderFrame: url === null ? null : { url } } as unknown as IpcMainInvokeEvent;
      // Electron sends results through structured clone: nothing but data survives.
      return structuredClone(await handler(event, ...args));
    },
    on: (channel, fn) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(fn);
    },
    removeListener: (channel, fn) => void listeners.get(channel)?.delete(fn),
  };
  const webContentsSend = (channel: string, payload: unknown) => {
    for (const fn of listeners.get(channel) ?? [])
      fn({ sender: 'ipcRenderer' }, structuredClone(payload));
  };
  return { ipcMain, ipcRenderer, handlers, listeners, webContentsSend };
}

let t: TestStation;
let frame: string | null = TEST_APP_URL;
let ipc: ReturnType<typeof fakeIpc>;
let api: StationApi;
let unregister: () => void;
let stopEvents: () => void;

beforeAll(async () => {
  t = await openTestStation();
  ipc = fakeIpc(() => frame);
  unregister = registerIpcHandlers(ipc.ipcMain, t.dispatcher);
  stopEvents = forwardStationEvents(t.station, ipc.webContentsSend);
  api = buildStationApi(ipc.ipcRenderer);
});

afterAll(async () => {
  stopEvents?.();
  await t?.close();
});

describe('preload and ipcMain', () => {
  it('registers exactly one ipcMain handler per contract channel', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map(ipcChannel).sort());
  });

  it('gives the page one named function per channel and nothing else', () => {
    const names = Object.entries(api).flatMap(([domain, group]) =>
      typeof group === 'function' ? [domain] : Object.keys(group).map((a) => `${domain}.${a}`),
    );
    expect(names.sort()).toEqual([...CHANNEL_NAMES, 'on'].sort());
  });

  it('sends each call on its own channel with exactly one argument', async () => {
    const call = api.settings.get as unknown as (...args: unknown[]) => Promise<unknown>;
    const result = await call(undefined, 'extra', { sneaky: true });
    expect(result).toMatchObject({ ok: true, value: { demo: true } });
    expect(ipc.ipcRenderer.sent.at(-1)).toEqual({
      channel: ipcChannel('settings.get'),
      args: [undefined],
    });
  });

  it('answers a page call through the real station', async () => {
    const result = await api.app.info();
    expect(result).toMatchObject({ ok: true, value: { demo: true, dataDir: t.dataDir } });
  });

  it('refuses a call once the sender frame is gone or another page', async () => {
    frame = null;
    expect(await api.app.info()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    frame = 'https://evil.example/';
    expect(await api.app.info()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    frame = TEST_APP_URL;
  });

  it('delivers pushed events as the payload alone, never the IPC event object', async () => {
    const seen: unknown[][] = [];
    const off = api.on('progress', (...args: unknown[]) => seen.push(args));
    const numbers = t.station.sandbox!.sample().trackingNumbers.slice(0, 2);
    await api.labels.lookup({ numbers });
    off();
    await api.labels.lookup({ numbers });

    expect(seen.length).toBeGreaterThan(0);
    for (const args of seen) expect(args).toHaveLength(1);
    expect(seen.at(-1)![0]).toEqual({ task: 'labels.lookup', done: 2, total: 2 });
    expect(ipc.listeners.get(ipcEvent('progress'))?.size).toBe(0);
  });

  it('refuses to subscribe to an event the contract does not have', () => {
    expect(() => api.on('shell.open' as never, () => undefined)).toThrow(/no event/);
  });

  it('removes every handler when unregistered', () => {
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });
});
