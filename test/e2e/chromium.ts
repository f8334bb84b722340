/** How the e2e tests and the UI benchmark start Chromium (see shared ENVIRONMENT.md). */

/** Debian's Chromium; Playwright cannot download its own here. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // The Scan screen's sounds play without a click, as they do in the app.
  '--autoplay-policy=no-user-gesture-required',
];
