/**
 * The security policy of the desktop app: the Content-Security-Policy, which URLs count as
 * the app's own, which links may open in the system browser, and the session and
 * webContents hooks that deny navigation, new windows, webviews and permission requests.
 * Only Electron *types* are imported, so the e2e harness and the tests reuse the same
 * policy in plain Node.
 */
import type { App, Session, Shell, WebContents } from 'electron';
import { createLogger } from './core/log';

const log = createLogger('Security');

/**
 * The CSP of the renderer, sent as a header and repeated in index.html's meta tag.
 * style-src keeps 'unsafe-inline' because the renderer's components set style attributes
 * (virtualised rows are positioned that way); blob: frames show the label preview.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' data: blob:",
  "object-src 'none'",
  "connect-src 'self'",
  'frame-src blob:',
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * True when `url` is the app's own page: the same origin for an http(s) app URL (dev server,
 * e2e harness), the same file for a file: app URL (the built app). Query and hash are ignored.
 */
export function isAppUrl(url: string | null | undefined, appUrl: string): boolean {
  if (!url) return false;
  const candidate = parseUrl(url);
  const app = parseUrl(appUrl);
  if (!candidate || !app) return false;
  if (app.protocol === 'file:') {
    return candidate.protocol === 'file:' && candidate.pathname === app.pathname;
  }
  if (app.protocol !== 'http:' && app.protocol !== 'https:') return false;
  // A blob: URL carries its creator's origin; a blob frame (label preview) is not the app.
  return candidate.protocol === app.protocol && candidate.origin === app.origin;
}

/**
 * True when a link may open in the system browser: http or https only, a host present, no
 * user name or password in it (a classic way to disguise where a link goes).
 */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  return parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Adds the CSP header to every response the session loads and refuses every permission. */
export function applySessionPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    // Only the app's documents get the policy; a label page rendered to PDF keeps its own.
    if (details.resourceType === 'mainFrame' || details.resourceType === 'subFrame') {
      headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    }
    callback({ responseHeaders: headers });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('permission request denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}

/** What a webContents may do: stay on the app's page, open safe links in the browser only. */
export interface WebContentsPolicy {
  appUrl: string;
  openExternal: (url: string) => unknown;
}

/**
 * Denies navigation away from the app, every `window.open` (an http(s) link goes to the
 * system browser instead) and every `<webview>`.
 */
export function hardenWebContents(contents: WebContents, policy: WebContentsPolicy): void {
  const refuseNavigation = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url, policy.appUrl)) return;
    event.preventDefault();
    log.warn('navigation refused', { url: describeUrl(url) });
  };
  // Main-process loadURL calls (the app page, a label page to render) emit no will-navigate;
  // only navigations the page itself starts do, and those must stay on the app.
  contents.on('will-navigate', refuseNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void policy.openExternal(url);
    else log.warn('window.open refused', { url: describeUrl(url) });
    return { action: 'deny' };
  });
}

/** Hardens every webContents the app ever creates, including ones made later. */
export function applyAppPolicy(app: App, shell: Pick<Shell, 'openExternal'>, appUrl: string): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { appUrl, openExternal: (url) => shell.openExternal(url) });
  });
}

// Scheme and host only: a refused URL may carry a query with data in it.
function describeUrl(url: string): string {
  const parsed = parseUrl(url);
  return parsed ? `${parsed.protocol}//${parsed.host}` : 'not a URL';
}
