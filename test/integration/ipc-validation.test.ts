/**
 * The handler table behind the dispatcher, over a real station (demo sandbox over HTTP, a
 * SQLite file in a temp folder): input parsed against the contract with the field named,
 * calls from anything but the app page refused before the core runs, results that match
 * the contract.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../src/shared/station-api';
import { openTestStation, TEST_APP_URL, type TestStation } from '../helpers/station';

let t: TestStation;

beforeAll(async () => {
  t = await openTestStation();
});

afterAll(async () => {
  await t?.close();
});

describe('input validation', () => {
  const cases: Array<[string, unknown, string]> = [
    ['scan.submit', { number: 42 }, 'number'],
    ['scan.submit', undefined, 'input'],
    ['labels.lookup', { numbers: ['1Z999AA10123456784', ''] }, 'numbers[1]'],
    ['labels.lookup', { numbers: [] }, 'numbers'],
    ['labels.print', { numbers: ['A'], sneaky: true }, 'sneaky'],
    ['settings.update', { copies: 50 }, 'copies'],
    ['settings.update', { media: 'A4 please' }, 'media'],
    ['settings.update', { hasApiKey: true }, 'hasApiKey'],
    ['settings.setSecrets', { apiKey: 7 }, 'apiKey'],
    ['queue.reprint', { jobId: -1 }, 'jobId'],
    ['queue.list', { limit: 0 }, 'limit'],
    ['tracking.get', { numbers: Array.from({ length: 501 }, (_, i) => `N${i}`) }, 'numbers'],
    ['orders.cancel', { trackingNumber: '   ' }, 'trackingNumber'],
  ];

  it.each(cases)('%s refuses %j naming %s', async (channel, input, field) => {
    const result = await t.call(channel as never, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.message).toContain(channel);
    expect(result.error.message).toContain(field);
  });

  it('names the nested field of an order form', async () => {
    const result = await t.call('orders.create', {
      ...validOrder(),
      consignee: { ...validOrder().consignee, country: 'usa' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!result.ok) expect(result.error.message).toContain('consignee.country');
  });

  it('accepts the same order form once it is valid (the failure was the field)', async () => {
    const result = await t.call('orders.create', validOrder());
    expect(result).toMatchObject({ ok: true, value: { outcome: 'created' } });
  });

  it('refuses a channel the contract does not have', async () => {
    const result = await t.dispatcher.invoke('shell.openExternal', 'file:///etc/passwd', {
      url: TEST_APP_URL,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('refuses a channel name taken from Object.prototype', async () => {
    const result = await t.dispatcher.invoke('constructor', {}, { url: TEST_APP_URL });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });
});

describe('sender check', () => {
  it.each([
    ['another page', 'https://evil.example/'],
    ['another file', 'file:///tmp/evil.html'],
    ['a blob frame', 'blob:file:///5b1c'],
    ['a destroyed frame', null],
  ])('refuses a call from %s before the core runs', async (_what, url) => {
    const before = await t.value('settings.get');
    const result = await t.call('settings.update', { sounds: !before.sounds }, url);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await t.value('settings.get')).sounds).toBe(before.sounds);
  });

  it('lets the app page change the same setting', async () => {
    const before = await t.value('settings.get');
    const after = await t.value('settings.update', { sounds: !before.sounds });
    expect(after.sounds).toBe(!before.sounds);
  });
});

describe('results', () => {
  it('answers every read-only channel with a result that matches the contract', async () => {
    const reads = [
      'app.info',
      'settings.get',
      'inventory.warehouses',
      'queue.list',
      'printers.list',
    ] as const;
    for (const channel of reads) {
      const result = await t.call(channel);
      expect(result, channel).toMatchObject({ ok: true });
    }
    expect(CHANNEL_NAMES).toEqual(expect.arrayContaining([...reads]));
  });

  it('turns a missing print job into a plain not-found error', async () => {
    const result = await t.call('queue.reprint', { jobId: 999_999 });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    if (!result.ok) expect(result.error.message).toContain('999999');
  });

  it('refuses a server address that is not http(s), naming the field', async () => {
    const result = await t.call('settings.update', { baseUrl: 'ftp://my.megawms.com' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (!result.ok) expect(result.error.message).toContain('baseUrl');
  });
});

function validOrder() {
  return {
    style: 'warehouse' as const,
    sender: { name: 'Packing Station 3', address: '1 Dock Rd', phone: '', email: '', company: '' },
    consignee: {
      name: 'Ada Lovelace',
      company: '',
      address1: '12 Analytical Way',
      address2: '',
      city: 'Portland',
      state: 'OR',
      zipcode: '97201',
      country: 'US',
      phone: '5035550100',
      email: '',
    },
    channelId: '201',
    referenceNo: `LS-VALIDATION-${Date.now()}`,
    confirm: true,
    warehouseId: '302',
    remark: '',
    pieces: [{ weightKg: 1.2, lengthCm: 30, widthCm: 20, heightCm: 10 }],
    products: [
      {
        sku: 'SKU-1',
        nameEn: 'Cotton shirt',
        nameCn: '',
        quantity: 2,
        unitWeightKg: 0.3,
        unitPriceUsd: 12,
        hsCode: '620520',
        origin: 'CN',
      },
    ],
  };
}
