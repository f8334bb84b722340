/**
 * The API key and tracking key: stored encrypted with safeStorage in the settings table
 * (safeStorage is the one thing faked, at its boundary), used by the real client against
 * the sandbox over HTTP, and never in any IPC result — refusals included.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../src/shared/station-api';
import { DATABASE_FILE } from '../../src/main/core/db/database';
import { startSandbox, DEMO_CREDENTIALS, type Sandbox } from '../../src/sandbox/server';
import {
  createSafeStorageSecretStore,
  type SafeStoragePort,
} from '../../src/main/secrets-electron';
import { openTestStation, type TestStation } from '../helpers/station';

/** safeStorage at its boundary: a reversible cipher so the stored bytes differ from the key. */
function fakeSafeStorage(available = true): SafeStoragePort & { calls: number } {
  const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    calls: 0,
    isEncryptionAvailable: () => available,
    encryptString(text) {
      this.calls++;
      return flip(Buffer.from(`v10${text}`, 'utf8'));
    },
    decryptString: (data) => flip(data).toString('utf8').slice(3),
    getSelectedStorageBackend: () => 'gnome_libsecret',
  };
}

let sandbox: Sandbox;
let t: TestStation;
const safe = fakeSafeStorage();
const results: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  t = await openTestStation({
    demo: undefined,
    secrets: (settings) => createSafeStorageSecretStore(safe, settings),
  });
  // Every result this file sees is kept, to be searched for the keys at the end.
  const call = t.call;
  t.call = async (channel, input, from) => {
    const result = await call(channel, input, from);
    results.push(JSON.stringify(result));
    return result;
  };
});

afterAll(async () => {
  await t?.close();
  await sandbox?.close();
});

describe('secrets', () => {
  it('starts in demo mode while no account is set', async () => {
    expect(await t.value('settings.get')).toMatchObject({
      demo: true,
      hasApiKey: false,
      hasTrackKey: false,
    });
  });

  it('leaves demo mode once the account is complete, and shows only that a key is set', async () => {
    await t.value('settings.update', {
      customerCode: DEMO_CREDENTIALS.customerCode,
      apiName: DEMO_CREDENTIALS.apiName,
      baseUrl: sandbox.url,
    });
    const view = await t.value('settings.setSecrets', {
      apiKey: DEMO_CREDENTIALS.apiKey,
      trackKey: DEMO_CREDENTIALS.trackKey,
    });
    expect(view).toMatchObject({
      demo: false,
      hasApiKey: true,
      hasTrackKey: true,
      baseUrl: sandbox.url,
    });
    expect(Object.keys(view)).not.toContain('apiKey');
    expect(safe.calls).toBe(2);
  });

  it('keeps the keys encrypted in the settings table', () => {
    const db = new Database(path.join(t.dataDir, DATABASE_FILE), { readonly: true });
    try {
      const rows = db
        .prepare("SELECT key, value FROM settings WHERE key LIKE 'secret.%'")
        .all() as Array<{ key: string; value: string }>;
      expect(rows.map((r) => r.key).sort()).toEqual(['secret.apiKey', 'secret.trackKey']);
      const all = JSON.stringify(db.prepare('SELECT * FROM settings').all());
      expect(all).not.toContain(DEMO_CREDENTIALS.apiKey);
      expect(all).not.toContain(DEMO_CREDENTIALS.trackKey);
    } finally {
      db.close();
    }
  });

  it('uses the real account against MegaWMS (the sandbox over HTTP)', async () => {
    const number = sandbox.sample().trackingNumbers[0]!;
    const [row] = await t.value('labels.lookup', { numbers: [number] });
    expect(row).toMatchObject({ ok: true, source: 'network' });
    const [shipment] = await t.value('tracking.get', { numbers: [number] });
    expect(shipment!.ok).toBe(true);
    expect(sandbox.requestCount('GetLabel')).toBeGreaterThan(0);
  });

  it('turns a wrong key into a refusal that does not carry the key', async () => {
    const wrong = 'wrong-key-0c5a9e1d-7f4b-4d0e-9d6c-2b8e7a1f3c55';
    await t.value('settings.setSecrets', { apiKey: wrong });
    const [row] = await t.value('labels.lookup', {
      numbers: [sandbox.sample().trackingNumbers[7]!],
      refresh: true,
    });
    expect(row).toMatchObject({ ok: false, failure: { code: 'refused' } });
    expect(JSON.stringify(results)).not.toContain(wrong);
    await t.value('settings.setSecrets', { apiKey: DEMO_CREDENTIALS.apiKey });
  });

  it('puts no key in the result of any channel', async () => {
    const number = sandbox.sample().trackingNumbers[0]!;
    const inputs: Record<string, unknown> = {
      'scan.submit': { number },
      'labels.lookup': { numbers: [number] },
      'labels.print': { numbers: [number] },
      'labels.file': { trackingNumber: number },
      'orders.status': { numbers: [number] },
      'orders.cancel': { trackingNumber: sandbox.sample().shippedTrackingNumber },
      'tracking.get': { numbers: [number] },
      'inventory.fetch': { sku: 'no-such-sku' },
      'queue.reprint': { jobId: 1 },
      'queue.resume': { jobId: 1 },
      'queue.cancel': { jobId: 1 },
      'orders.create': { style: 'warehouse' },
      'settings.update': { sounds: false },
      'settings.setSecrets': {},
    };
    for (const channel of CHANNEL_NAMES) await t.call(channel, inputs[channel]);
    const everything = results.join('\n');
    expect(results.length).toBeGreaterThanOrEqual(CHANNEL_NAMES.length);
    expect(everything).not.toContain(DEMO_CREDENTIALS.apiKey);
    expect(everything).not.toContain(DEMO_CREDENTIALS.trackKey);
  });

  it('reads the keys back after a restart on the same data folder', async () => {
    const again = await openTestStation({
      dataDir: t.dataDir,
      demo: undefined,
      secrets: (settings) => createSafeStorageSecretStore(fakeSafeStorage(), settings),
    });
    try {
      expect(await again.value('settings.get')).toMatchObject({
        demo: false,
        hasApiKey: true,
        hasTrackKey: true,
      });
    } finally {
      await again.station.close();
    }
  });
});

describe('without secure storage', () => {
  it('refuses to save a key and says why, keeping nothing', async () => {
    const s = await openTestStation({
      secrets: (settings) => createSafeStorageSecretStore(fakeSafeStorage(false), settings),
    });
    try {
      const result = await s.call('settings.setSecrets', { apiKey: 'k-1234567890' });
      expect(result).toMatchObject({ ok: false, error: { code: 'secure-storage' } });
      expect(JSON.stringify(result)).not.toContain('k-1234567890');
      expect(await s.value('settings.get')).toMatchObject({ hasApiKey: false });
    } finally {
      await s.close();
    }
  });
});
