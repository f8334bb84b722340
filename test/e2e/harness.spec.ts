/**
 * Proves the harness itself: the page's window.station runs the real handler table over the
 * real station, the sender check sees real frame URLs, pushed events arrive, and the app's
 * CSP (header and meta tag) lets the built renderer load without a single violation.
 */
import { expect, test } from './harness';

// The node type world has no DOM: page functions reach the page's globals through these.
interface FrameElement {
  src: string;
  onload: (() => void) | null;
  contentWindow: unknown;
}
interface PageDocument {
  createElement(tag: 'iframe'): FrameElement;
  body: { append(node: FrameElement): void };
  addEventListener(
    type: 'securitypolicyviolation',
    fn: (e: { violatedDirective: string; blockedURI: string }) => void,
  ): void;
}
interface PageGlobals {
  document: PageDocument;
  Blob: new (parts: string[], opts: { type: string }) => object;
  URL: { createObjectURL(blob: object): string };
}

interface StationWindow {
  station: {
    app: { info(): Promise<unknown> };
    settings: { get(): Promise<unknown> };
    labels: { lookup(input: unknown): Promise<unknown> };
    on(event: string, fn: (payload: unknown) => void): () => void;
  };
  __progress: unknown[];
  __violations: string[];
}

test('the page calls app.info and settings.get through the real handlers', async ({
  app,
  page,
}) => {
  const info = await page.evaluate(() =>
    (globalThis as unknown as StationWindow).station.app.info(),
  );
  expect(info).toMatchObject({ ok: true, value: { demo: true, dataDir: app.dataDir } });

  const settings = await page.evaluate(() =>
    (globalThis as unknown as StationWindow).station.settings.get(),
  );
  expect(settings).toMatchObject({
    ok: true,
    value: { demo: true, hasApiKey: false, labelPrinter: app.printer },
  });
  expect(JSON.stringify(settings)).not.toMatch(/apiKey"\s*:/);
});

test('a call from a frame that is not the app page is refused', async ({ page }) => {
  const result = await page.evaluate(async () => {
    const g = globalThis as unknown as PageGlobals;
    const frame = g.document.createElement('iframe');
    frame.src = g.URL.createObjectURL(new g.Blob(['<p>label</p>'], { type: 'text/html' }));
    await new Promise<void>((resolve) => {
      frame.onload = resolve;
      g.document.body.append(frame);
    });
    const inner = frame.contentWindow as unknown as StationWindow;
    return inner.station.app.info();
  });
  expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});

test('invalid input is refused with the field named', async ({ page }) => {
  const result = await page.evaluate(() =>
    (globalThis as unknown as StationWindow).station.labels.lookup({ numbers: [] }),
  );
  expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  expect((result as { error: { message: string } }).error.message).toContain('numbers');
});

test('pushed events reach the listeners of window.station.on', async ({ app, page }) => {
  const numbers = app.sandbox.sample().trackingNumbers.slice(0, 3);
  const rows = await page.evaluate(async (asked) => {
    const w = globalThis as unknown as StationWindow;
    w.__progress = [];
    w.station.on('progress', (p) => w.__progress.push(p));
    return w.station.labels.lookup({ numbers: asked });
  }, numbers);
  expect(rows).toMatchObject({ ok: true });
  await expect
    .poll(() => page.evaluate(() => (globalThis as unknown as StationWindow).__progress))
    .toContainEqual({ task: 'labels.lookup', done: 3, total: 3 });
});

test('the built renderer loads under the app CSP without a violation', async ({ app, page }) => {
  await page.context().addInitScript(() => {
    const w = globalThis as unknown as StationWindow;
    w.__violations = [];
    (globalThis as unknown as PageGlobals).document.addEventListener(
      'securitypolicyviolation',
      (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(app.url);
  await expect(page.locator('#root')).not.toBeEmpty();
  const violations = await page.evaluate(
    () => (globalThis as unknown as StationWindow).__violations,
  );
  // The renderer sets zod's jitless mode, so not even zod's eval probe trips the CSP.
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
  await app.screenshot('harness-home');
});
