/**
 * What every `station` command gets: the resolved options, output helpers, and lazily
 * built core parts (the MegaWMS client, and with `--demo` an in-process sandbox).
 */
import type { Credentials } from '../shared/domain';
import type { MegaWmsClient } from '../main/core/megawms/api';
import { defaultDataDir } from '../main/core/paths';
import { registerSecret } from '../main/core/log';
import { accountKeyOf, DEMO_ACCOUNT_KEY } from '../main/core/cache/account-key';

/** A usage or configuration error: the command exits with 2 and prints the message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ResolvedAccount {
  credentials: Credentials;
  baseUrl: string;
  accountKey: string;
}

export interface GlobalOptions {
  baseUrl?: string;
  cusCode?: string;
  apiName?: string;
  apiKey?: string;
  trackKey?: string;
  dataDir?: string;
  demo: boolean;
  json: boolean;
}

export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** Shows `label done/total` on stderr when it is a terminal; silent otherwise. */
  progress(label: string, done: number, total: number): void;
}

export interface CliContext {
  options: GlobalOptions;
  io: Output;
  dataDir: string;
  /** The client for the configured account, or for the in-process sandbox with --demo. */
  getClient(): Promise<MegaWmsClient>;
  /**
   * The account in use. `accountKey` is what cache rows are keyed by: stable across runs
   * (`demo` for the sandbox, whose port changes every run), so `--offline` finds them.
   */
  getAccount(): Promise<ResolvedAccount>;
  /** Registers a clean-up run when the command ends (servers, databases). */
  onClose(fn: () => Promise<void> | void): void;
  close(): Promise<void>;
}

/** Options from flags, falling back to the MEGAWMS_* / STATION_DATA_DIR variables. */
export function resolveOptions(
  flags: Partial<GlobalOptions>,
  env: NodeJS.ProcessEnv,
): GlobalOptions {
  return {
    baseUrl: flags.baseUrl ?? env.MEGAWMS_BASE_URL,
    cusCode: flags.cusCode ?? env.MEGAWMS_CUS_CODE,
    apiName: flags.apiName ?? env.MEGAWMS_API_NAME,
    apiKey: flags.apiKey ?? env.MEGAWMS_API_KEY,
    trackKey: flags.trackKey ?? env.MEGAWMS_TRACK_KEY,
    dataDir: flags.dataDir ?? env.STATION_DATA_DIR,
    demo: flags.demo ?? false,
    json: flags.json ?? false,
  };
}

/** Builds the context; nothing touches the network until a command asks for the client. */
export function createContext(options: GlobalOptions, io: Output): CliContext {
  const closers: Array<() => Promise<void> | void> = [];
  let account: Promise<ResolvedAccount> | undefined;
  let client: Promise<MegaWmsClient> | undefined;
  registerSecret(options.apiKey);
  registerSecret(options.trackKey);

  const getAccount = () => (account ??= resolveAccount(options, closers));
  return {
    options,
    io,
    dataDir: options.dataDir ?? defaultDataDir(),
    getAccount,
    getClient: () =>
      (client ??= getAccount().then(async ({ credentials, baseUrl }) => {
        const { createMegaWmsClient } = await import('../main/core/megawms/client');
        return createMegaWmsClient({ credentials, baseUrl });
      })),
    onClose: (fn) => closers.push(fn),
    close: async () => {
      for (const fn of closers.reverse()) await fn();
    },
  };
}

async function resolveAccount(
  options: GlobalOptions,
  closers: Array<() => Promise<void> | void>,
): Promise<ResolvedAccount> {
  if (options.demo) {
    const { startSandbox, DEMO_CREDENTIALS } = await import('../sandbox/server');
    const sandbox = await startSandbox({ port: 0 });
    closers.push(() => sandbox.close());
    return { credentials: DEMO_CREDENTIALS, baseUrl: sandbox.url, accountKey: DEMO_ACCOUNT_KEY };
  }
  const missing = [
    ['--cus-code', 'MEGAWMS_CUS_CODE', options.cusCode],
    ['--api-name', 'MEGAWMS_API_NAME', options.apiName],
    ['--api-key', 'MEGAWMS_API_KEY', options.apiKey],
  ].filter(([, , value]) => !value);
  if (missing.length > 0) {
    const names = missing.map(([flag, env]) => `${flag} (or ${env})`).join(', ');
    throw new UsageError(
      `No MegaWMS account is set: give ${names}, or add --demo to use the built-in sandbox.`,
    );
  }
  const baseUrl = options.baseUrl ?? 'http://my.megawms.com';
  return {
    accountKey: accountKeyOf(
      { customerCode: options.cusCode!, apiName: options.apiName! },
      baseUrl,
    ),
    credentials: {
      customerCode: options.cusCode!,
      apiName: options.apiName!,
      apiKey: options.apiKey!,
      trackKey: options.trackKey ?? '',
    },
    baseUrl,
  };
}
/** Output to the process's streams, with a one-line progress display on a terminal. */
export function processOutput(): Output {
  const tty = Boolean(process.stderr.isTTY);
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
    progress: (label, done, total) => {
      if (!tty) return;
      process.stderr.write(`\r${label} ${done}/${total}${done >= total ? '\n' : ''}`);
    },
  };
}
