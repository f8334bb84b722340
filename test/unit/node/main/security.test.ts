import { describe, expect, it } from 'vitest';
import {
  applySessionPolicy,
  CONTENT_SECURITY_POLICY,
  hardenWebContents,
  isAppUrl,
  isSafeExternalUrl,
} from '../../../../src/main/security';

describe('isAppUrl', () => {
  const built = 'file:///opt/label-station/out/renderer/index.html';

  it('accepts the built app page with any hash or query', () => {
    expect(isAppUrl(built, built)).toBe(true);
    expect(isAppUrl(`${built}#/batch`, built)).toBe(true);
    expect(isAppUrl(`${built}?lang=zh-CN`, built)).toBe(true);
  });

  it('refuses another file, even next to the app page', () => {
    expect(isAppUrl('file:///opt/label-station/out/renderer/other.html', built)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', built)).toBe(false);
  });

  it('compares origins for an http app page (dev server, e2e harness)', () => {
    const dev = 'http://127.0.0.1:5173/';
    expect(isAppUrl('http://127.0.0.1:5173/index.html#x', dev)).toBe(true);
    expect(isAppUrl('http://127.0.0.1:5174/', dev)).toBe(false);
    expect(isAppUrl('https://127.0.0.1:5173/', dev)).toBe(false);
  });

  it('refuses a missing, blank or blob sender', () => {
    expect(isAppUrl(null, built)).toBe(false);
    expect(isAppUrl('', built)).toBe(false);
    expect(isAppUrl('about:blank', built)).toBe(false);
    expect(isAppUrl('blob:http://127.0.0.1:5173/0b1c', 'http://127.0.0.1:5173/')).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it('allows plain http and https links', () => {
    expect(isSafeExternalUrl('https://www.ups.com/track?tracknum=1Z999')).toBe(true);
    expect(isSafeExternalUrl('http://my.megawms.com/')).toBe(true);
  });

  it('refuses other schemes and disguised links', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id',
      'https://user:pw@example.com/',
      'not a url',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('the CSP', () => {
  it('allows scripts only from the app and no plugins', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });
});

type Listener = (...args: never[]) => unknown;

/** A webContents reduced to the hooks the policy installs. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((d: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (event: string, fn: Listener) => listeners.set(event, fn),
    setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
  };
  const navigate = (url: string) => {
    let prevented = false;
    (listeners.get('will-navigate') as (e: unknown, url: string) => void)(
      { preventDefault: () => (prevented = true) },
      url,
    );
    return prevented;
  };
  return { contents, navigate, open: (url: string) => openHandler!({ url }), listeners };
}

describe('hardenWebContents', () => {
  const appUrl = 'file:///app/out/renderer/index.html';

  it('refuses navigation away from the app page and keeps navigation within it', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents as never, { appUrl, openExternal: () => undefined });
    expect(fake.navigate('https://evil.example/')).toBe(true);
    expect(fake.navigate(`${appUrl}#/queue`)).toBe(false);
  });

  it('denies every window.open and sends only safe links to the system browser', () => {
    const fake = fakeContents();
    const opened: string[] = [];
    hardenWebContents(fake.contents as never, { appUrl, openExternal: (url) => opened.push(url) });
    expect(fake.open('https://www.fedex.com/track')).toEqual({ action: 'deny' });
    expect(fake.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.fedex.com/track']);
  });

  it('refuses to attach a webview', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents as never, { appUrl, openExternal: () => undefined });
    let prevented = false;
    (fake.listeners.get('will-attach-webview') as (e: unknown) => void)({
      preventDefault: () => (prevented = true),
    });
    expect(prevented).toBe(true);
  });
});

describe('applySessionPolicy', () => {
  function fakeSession() {
    const hooks: Record<string, Listener> = {};
    const session = {
      webRequest: { onHeadersReceived: (fn: Listener) => (hooks.headers = fn) },
      setPermissionRequestHandler: (fn: Listener) => (hooks.request = fn),
      setPermissionCheckHandler: (fn: Listener) => (hooks.check = fn),
    };
    return { session, hooks };
  }

  it('adds the CSP header to app documents and not to other resources', () => {
    const { session, hooks } = fakeSession();
    applySessionPolicy(session as never);
    const answer = (resourceType: string) => {
      let out: Record<string, string[]> = {};
      (hooks.headers as (d: unknown, cb: (r: { responseHeaders: typeof out }) => void) => void)(
        { resourceType, responseHeaders: { 'Content-Type': ['text/html'] } },
        (r) => (out = r.responseHeaders),
      );
      return out;
    };
    expect(answer('mainFrame')['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(answer('script')['Content-Security-Policy']).toBeUndefined();
    expect(answer('script')['Content-Type']).toEqual(['text/html']);
  });

  it('refuses every permission request and check', () => {
    const { session, hooks } = fakeSession();
    applySessionPolicy(session as never);
    let granted: boolean | undefined;
    (hooks.request as (c: unknown, p: string, cb: (ok: boolean) => void) => void)(
      {},
      'media',
      (ok) => (granted = ok),
    );
    expect(granted).toBe(false);
    expect((hooks.check as () => boolean)()).toBe(false);
  });
});
