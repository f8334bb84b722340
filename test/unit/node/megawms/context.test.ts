import { describe, expect, it } from 'vitest';

import { createContext, DEFAULT_BASE_URL } from '../../../../src/main/core/megawms/context';
import { formatSeconds } from '../../../../src/main/core/megawms/http';
import type { Credentials } from '../../../../src/shared/domain';

const CREDS: Credentials = {
  customerCode: '80000',
  apiName: 'OOPSTON1',
  apiKey: 'api-key-123456',
  trackKey: 'track-key-654321',
};

describe('client settings', () => {
  it('defaults to http://my.megawms.com, 15 s and 4 calls at once', () => {
    const ctx = createContext({ credentials: CREDS });
    expect(ctx.baseUrl).toBe(DEFAULT_BASE_URL);
    expect(ctx.timeoutMs).toBe(15_000);
    expect(formatSeconds(ctx.timeoutMs)).toBe('15 s');
    expect(ctx.concurrency).toBe(4);
    expect(ctx.urls.GetLabel).toBe('http://my.megawms.com/PubApi/GetLabel.aspx');
    expect(ctx.urls.Inventory).toBe('http://my.megawms.com/wsapi/Inventory.aspx');
  });

  it('takes a base address with a trailing slash and a full URL per endpoint', () => {
    const ctx = createContext({
      credentials: CREDS,
      baseUrl: 'http://127.0.0.1:8080/',
      endpointUrls: { GetOrderMsg: 'https://status.example.test/PubApi/GetOrderMsg.aspx' },
    });
    expect(ctx.urls.AddOrder).toBe('http://127.0.0.1:8080/PubApi/AddOrder.aspx');
    expect(ctx.urls.GetOrderMsg).toBe('https://status.example.test/PubApi/GetOrderMsg.aspx');
  });

  it('refuses an address that is not http(s), and bad numbers fall back to defaults', () => {
    expect(() => createContext({ credentials: CREDS, baseUrl: 'ftp://x' })).toThrow(
      'is not a web address',
    );
    expect(() => createContext({ credentials: CREDS, endpointUrls: { GetLabel: 'nope' } })).toThrow(
      '"nope" is not a web address',
    );
    const ctx = createContext({ credentials: CREDS, timeoutMs: -1, concurrency: 0 });
    expect([ctx.timeoutMs, ctx.concurrency]).toEqual([15_000, 4]);
  });

  it('scrubs both keys from any text', () => {
    const ctx = createContext({ credentials: CREDS });
    expect(ctx.scrub('a api-key-123456 b track-key-654321 api-key-123456')).toBe('a *** b *** ***');
  });

  it('formats timeouts in seconds', () => {
    expect([
      formatSeconds(500),
      formatSeconds(200),
      formatSeconds(1500),
      formatSeconds(60_000),
    ]).toEqual(['0.5 s', '0.2 s', '1.5 s', '60 s']);
  });
});
