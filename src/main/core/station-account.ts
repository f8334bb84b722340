/**
 * Which MegaWMS the station talks to, and the client and lookup service for it. With no
 * account set up (or demo mode chosen) that is the built-in sandbox, started in-process on
 * a free loopback port with the demo credentials. Rebuilt whenever the account changes.
 */
import { DEMO_ACCOUNT_KEY } from './cache/account-key';
import type { Credentials } from '../../shared/domain';
import { accountKeyOf } from './cache/account-key';
import type { CacheStore } from './cache/cache-store';
import { createLookupService, type LookupService } from './cache/lookup-service';
import type { MegaWmsClient } from './megawms/api';
import { createMegaWmsClient, type ClientConfig } from './megawms/client';
import type { SecretStore, StationSettings } from './settings';
import type { Sandbox } from '../../sandbox/server';

export { DEMO_ACCOUNT_KEY };

/** The MegaWMS side of a running station. */
export interface AccountLink {
  demo: boolean;
  /** Null when the real account is incomplete: lookups then answer from the cache only. */
  client: MegaWmsClient | null;
  lookup: LookupService;
  accountKey: string;
  /** The in-process sandbox of demo mode. */
  sandbox: Sandbox | null;
  /** Why the client is missing, for messages ("set the customer code…"). */
  missing: string | null;
}

export interface LinkOptions {
  settings: StationSettings;
  secrets: SecretStore;
  store: CacheStore;
  /** Forces demo mode on (CLI `--demo`, the e2e harness) or off. */
  forceDemo?: boolean;
  client?: Partial<Omit<ClientConfig, 'credentials' | 'baseUrl'>>;
}

/** True when the settings and secrets name a complete MegaWMS account. */
export function hasAccount(settings: StationSettings, secrets: SecretStore): boolean {
  return Boolean(settings.customerCode && settings.apiName && secrets.get('apiKey'));
}

/** Demo mode: forced, else chosen in settings, else on exactly when no account is set. */
export function isDemo(opts: Pick<LinkOptions, 'settings' | 'secrets' | 'forceDemo'>): boolean {
  return opts.forceDemo ?? opts.settings.demo ?? !hasAccount(opts.settings, opts.secrets);
}

/** Connects the station to its MegaWMS (starting the sandbox in demo mode). */
export async function openAccountLink(opts: LinkOptions): Promise<AccountLink> {
  if (isDemo(opts)) {
    const { startSandbox, DEMO_CREDENTIALS } = await import('../../sandbox/server');
    const sandbox = await startSandbox({ port: 0 });
    const client = createMegaWmsClient({
      ...opts.client,
      credentials: DEMO_CREDENTIALS,
      baseUrl: sandbox.url,
    });
    const lookup = createLookupService({ store: opts.store, client, account: DEMO_ACCOUNT_KEY });
    return { demo: true, client, lookup, accountKey: DEMO_ACCOUNT_KEY, sandbox, missing: null };
  }

  const { settings, secrets } = opts;
  const accountKey = accountKeyOf(settings, settings.baseUrl);
  const missing = missingParts(settings, secrets);
  const credentials: Credentials = {
    customerCode: settings.customerCode,
    apiName: settings.apiName,
    apiKey: secrets.get('apiKey') ?? '',
    trackKey: secrets.get('trackKey') ?? '',
  };
  const client = missing
    ? null
    : createMegaWmsClient({ ...opts.client, credentials, baseUrl: settings.baseUrl });
  const lookup = createLookupService({
    store: opts.store,
    client: client ?? undefined,
    account: accountKey,
  });
  return { demo: false, client, lookup, accountKey, sandbox: null, missing };
}

function missingParts(settings: StationSettings, secrets: SecretStore): string | null {
  const parts = [
    settings.customerCode ? null : 'the customer code',
    settings.apiName ? null : 'the integration name',
    secrets.get('apiKey') ? null : 'the API key',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : null;
}

/** Stops what the link started (the demo sandbox). */
export async function closeAccountLink(link: AccountLink): Promise<void> {
  // A test may have stopped the sandbox already (to go offline): closing twice is fine.
  await link.sandbox?.close().catch(() => undefined);
}
