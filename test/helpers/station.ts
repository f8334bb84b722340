/**
 * A real station for integration tests: a temp data folder (real SQLite), the demo
 * sandbox over real HTTP, the CUPS port, and the handler table behind the same dispatcher
 * Electron registers. `call` plays the renderer: it sends from the app's own URL unless told
 * otherwise.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Channel, ChannelOutput, IpcResult } from '../../src/shared/contract';
import {
  createMemorySecretStore,
  type SecretStore,
  type SecretStoreFactory,
} from '../../src/main/core/settings';
import { createStation, type Station, type StationOptions } from '../../src/main/core/station';
import { createPrinterPort } from '../../src/main/core/printing/create-printer-port';
import { createIpcDispatcher, type IpcDispatcher } from '../../src/main/ipc/dispatch';
import { createHandlerTable } from '../../src/main/ipc/handlers';
import { isAppUrl } from '../../src/main/security';
import { createVirtualPrinter, type VirtualPrinter } from './cups';
import { waitFor } from './wait';

/** The URL the test's "app page" has; the dispatcher trusts it and nothing else. */
export const TEST_APP_URL = 'file:///opt/label-station/out/renderer/index.html';

export interface TestStation {
  station: Station;
  dataDir: string;
  dispatcher: IpcDispatcher;
  /** A CUPS printer chosen as the label printer (when asked for). */
  printer: VirtualPrinter | null;
  /** Calls a channel as the renderer would; `from` overrides the sender URL. */
  call<C extends Channel>(
    channel: C,
    input?: unknown,
    from?: string | null,
  ): Promise<IpcResult<ChannelOutput<C>>>;
  /** Calls a channel and returns its value, failing the test on an error result. */
  value<C extends Channel>(channel: C, input?: unknown): Promise<ChannelOutput<C>>;
  close(): Promise<void>;
}

export interface TestStationOptions extends Partial<Omit<StationOptions, 'secrets'>> {
  secrets?: SecretStore | SecretStoreFactory;
  /** Create a cups-pdf printer and make it the label printer. */
  printer?: string;
}

/** Opens a station in a fresh temp folder (demo mode unless told otherwise). */
export async function openTestStation(opts: TestStationOptions = {}): Promise<TestStation> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'station-ipc-'));
  const ownsDir = !opts.dataDir;
  const printer = opts.printer ? createVirtualPrinter(opts.printer) : null;
  let station: Station;
  try {
    station = await createStation({
      demo: true,
      printerPort: createPrinterPort(),
      queuePollMs: 100,
      client: { timeoutMs: 3_000, retries: 0, backoffMs: 10 },
      ...opts,
      dataDir,
      secrets: opts.secrets ?? createMemorySecretStore(),
    });
  } catch (error) {
    printer?.remove();
    if (ownsDir) fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  if (printer) await station.updateSettings({ labelPrinter: printer.name });

  const dispatcher = createIpcDispatcher({
    handlers: createHandlerTable(station),
    isTrustedSender: (url) => isAppUrl(url, TEST_APP_URL),
    checkOutput: true,
  });
  const call = <C extends Channel>(
    channel: C,
    input?: unknown,
    from: string | null = TEST_APP_URL,
  ) => dispatcher.invoke(channel, input, { url: from }) as Promise<IpcResult<ChannelOutput<C>>>;
  return {
    station,
    dataDir,
    dispatcher,
    printer,
    call,
    value: async (channel, input) => {
      const result = await call(channel, input);
      if (!result.ok)
        throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    close: async () => {
      await station.close();
      printer?.remove();
      if (ownsDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` every 50 ms until it returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs = 20_000,
): Promise<T> {
  return waitFor(check, { what, timeoutMs });
}
