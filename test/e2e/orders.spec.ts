/**
 * The Orders screen over the real station and sandbox: create an order from the form,
 * print its labels through CUPS, cancel it; a shipped order's cancel is refused and
 * MegaWMS's message is shown word for word; status codes are named.
 */
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { expect, type StationApp, test } from './harness';
import { openScreen, waitForJobDone } from './station-page';

/** The share of near-white pixels in a PNG screenshot. */
function whiteShare(png: Buffer): number {
  const { data, width, height } = PNG.sync.read(png);
  let white = 0;
  for (let i = 0; i < data.length; i += 4) {
    if ((data[i] ?? 0) > 235 && (data[i + 1] ?? 0) > 235 && (data[i + 2] ?? 0) > 235) white += 1;
  }
  return white / (width * height);
}

/** A stocked SKU in a warehouse the form offers (the document's four, before any inventory fetch). */
async function stockedSku(app: StationApp): Promise<{ sku: string; warehouseId: string }> {
  const offered = new Set((await app.station.listWarehouses()).map((warehouse) => warehouse.id));
  const row = app.sandbox.data.inventory.find((candidate) => offered.has(candidate.warehouseId));
  if (!row) throw new Error('the sandbox has no stock in an offered warehouse');
  return { sku: row.sku, warehouseId: row.warehouseId };
}

async function fillOrder(page: Page, sku: string, warehouseId: string): Promise<void> {
  const order = page.getByRole('group', { name: 'Order', exact: true });
  await order.getByLabel('Warehouse').selectOption(warehouseId);
  await order.getByLabel('Channel ID').fill('201');

  const recipient = page.getByRole('group', { name: 'Recipient' });
  await recipient.getByLabel('Name', { exact: true }).fill('Ana Torres');
  await recipient.getByLabel('Address line 1').fill('500 Harbor Blvd');
  await recipient.getByLabel('City').fill('Long Beach');
  await recipient.getByLabel('State / province').fill('CA');
  await recipient.getByLabel('Postcode').fill('90802');

  const pieceRow = page.getByRole('group', { name: 'Piece 1' });
  await pieceRow.getByLabel('Weight (kg)').fill('1.2');
  await pieceRow.getByLabel('Length (cm)').fill('30');
  await pieceRow.getByLabel('Width (cm)').fill('20');
  await pieceRow.getByLabel('Height (cm)').fill('10');

  const line = page.getByRole('group', { name: 'Customs line 1' });
  await line.getByLabel('SKU').fill(sku);
  await line.getByLabel('Name in English').fill('Cotton T-shirt');
  await line.getByLabel('Unit weight (kg)').fill('0.3');
  await line.getByLabel('Unit price (USD)').fill('12.5');
}

test('create → print → cancel an order, and the refused cancel of a shipped one', async ({
  app,
  page,
}) => {
  const stock = await stockedSku(app);
  await openScreen(page, 'orders');
  const reference = page.getByLabel('Reference number');
  const referenceNo = await reference.inputValue();
  expect(referenceNo).toMatch(/^LS-\d{8}-\d{6}-[0-9a-f]{4}$/);

  // As the worker types, a wrong field says so under itself.
  const country = page.getByRole('group', { name: 'Recipient' }).getByLabel('Country');
  await country.fill('usa');
  await country.blur();
  await expect(page.getByText('Two capital letters, e.g. US')).toBeVisible();
  await country.fill('us');
  await expect(country).toHaveValue('US');
  await expect(page.getByText('Two capital letters, e.g. US')).toBeHidden();

  await fillOrder(page, stock.sku, stock.warehouseId);
  await app.screenshot('orders-create');
  await page.getByRole('button', { name: 'Create and confirm order' }).click();

  const result = page.getByRole('region', { name: 'Order created' });
  await expect(result).toBeVisible({ timeout: 30_000 });
  const created = app.sandbox.data.orders.at(-1);
  expect(created?.referenceNo).toBe(referenceNo);
  expect(created?.consignee.name).toBe('Ana Torres');
  await expect(result).toContainText(created?.orderNo ?? '—');
  await expect(result).toContainText(created?.trackingNumber ?? '—');

  await result.getByRole('button', { name: /^Print labels/ }).click();
  const sent = result.getByText(/Labels sent as print job #(\d+)/);
  await expect(sent).toBeVisible();
  const jobId = Number(/#(\d+)/.exec((await sent.textContent()) ?? '')?.[1]);
  await waitForJobDone(app, jobId);
  await app.screenshot('orders-created');

  // The label preview shows the PDF's own bytes from a blob: URL, nothing from the network.
  await result.getByRole('button', { name: 'Preview' }).first().click();
  const preview = page.getByRole('dialog', { name: `Label ${created?.trackingNumber}` });
  const frame = preview.locator('iframe');
  await expect(frame).toHaveAttribute('src', /^blob:http:\/\/127\.0\.0\.1/);
  // Chromium's PDF viewer draws the label a moment after the frame loads: wait until the
  // white label paper shows in the frame.
  await expect
    .poll(async () => whiteShare(await frame.screenshot()), { timeout: 15_000 })
    .toBeGreaterThan(0.2);
  await app.screenshot('label-preview');
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();

  await page.getByRole('tab', { name: 'Cancel an order' }).click();
  await page.getByLabel('Tracking number').fill(created?.trackingNumber ?? '');
  await page.getByRole('button', { name: 'Cancel order…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel this order?' });
  await expect(dialog).toContainText(created?.trackingNumber ?? '—');
  await dialog.getByRole('button', { name: 'Yes, cancel it' }).click();
  const cancelled = page.getByRole('status', { name: 'Cancel result' });
  await expect(cancelled).toContainText(`Order ${created?.orderNo} cancelled`);
  expect(app.sandbox.data.findOrder(created?.orderNo ?? '')?.statusCode).toBe(8);

  // A shipped order: the carrier's void window has passed and MegaWMS refuses.
  const shipped = app.sandbox.sample().shippedTrackingNumber;
  await page.getByLabel('Tracking number').fill(shipped);
  await page.getByRole('button', { name: 'Cancel order…' }).click();
  await dialog.getByRole('button', { name: 'Yes, cancel it' }).click();
  const refused = page.getByRole('alert', { name: 'Cancel result' });
  await expect(refused).toContainText('MegaWMS refused to cancel');
  const expected = (await app.station.cancelOrder(shipped)).message;
  expect(expected).toMatch(/^取消 .+ 订单失败;错误编码:/);
  await expect(refused.locator('blockquote')).toHaveText(expected);
  expect(app.sandbox.data.findOrder(shipped)?.statusCode).toBe(6);
  await app.screenshot('orders-cancel-refused');
});

test('a retry after a refusal keeps the same reference number', async ({ app, page }) => {
  const stock = await stockedSku(app);
  await openScreen(page, 'orders');
  const referenceNo = await page.getByLabel('Reference number').inputValue();
  await fillOrder(page, stock.sku, stock.warehouseId);
  // Channel 999 is not in the account's channel table: MegaWMS refuses, nothing is created.
  await page
    .getByRole('group', { name: 'Order', exact: true })
    .getByLabel('Channel ID')
    .fill('999');
  const ordersBefore = app.sandbox.data.orders.length;
  await page.getByRole('button', { name: 'Create and confirm order' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  expect(app.sandbox.data.orders.length).toBe(ordersBefore);

  await page
    .getByRole('group', { name: 'Order', exact: true })
    .getByLabel('Channel ID')
    .fill('201');
  await page.getByRole('button', { name: 'Create and confirm order' }).click();
  await expect(page.getByRole('region', { name: 'Order created' })).toBeVisible({
    timeout: 30_000,
  });
  expect(app.sandbox.data.orders.at(-1)?.referenceNo).toBe(referenceNo);
});

test('order status for many numbers names the status codes', async ({ app, page }) => {
  const sample = app.sandbox.sample();
  await openScreen(page, 'orders');
  await page.getByRole('tab', { name: 'Order status' }).click();
  await page
    .getByLabel('Order, tracking or reference numbers')
    .fill([sample.shippedTrackingNumber, sample.draftOrderNo, 'NO-SUCH-ORDER'].join('\n'));
  await page.getByRole('button', { name: 'Look up status' }).click();
  const table = page.getByRole('table', { name: 'Order status' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table).toContainText('Shipped');
  await expect(table).toContainText('Draft');
  await expect(table).toContainText('Not found');
  await app.screenshot('orders-status');
});
