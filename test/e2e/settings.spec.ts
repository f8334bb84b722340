/**
 * The Settings screen over the real station: the API key is a password field that never
 * shows the stored key, plain http is warned about, and a saved setting sticks.
 */
import { expect, test } from './harness';
import { openScreen } from './station-page';

test('settings mask the API key, warn about plain http and save the printer choice', async ({
  app,
  page,
}) => {
  await openScreen(page, 'settings');
  const apiKey = page.getByLabel('API key', { exact: true });
  await expect(apiKey).toHaveAttribute('type', 'password');
  await expect(apiKey).toHaveValue('');
  await expect(page.getByText('Not set.').first()).toBeVisible();

  const secret = 'ls-test-key-6f1d2c';
  await page.getByLabel('Customer code').fill('80000');
  await page.getByLabel('Integration name').fill('OOPSTON1');
  await apiKey.fill(secret);
  await page.getByRole('button', { name: 'Save account' }).click();
  await expect(apiKey).toHaveValue('');
  await expect(apiKey).toHaveAttribute('placeholder', 'set — type a new key to replace it');
  expect(app.station.getSettings().hasApiKey).toBe(true);
  await expect(page.locator('body')).not.toContainText(secret);
  expect(await page.content()).not.toContain(secret);

  await page.getByLabel('MegaWMS server address').fill('http://127.0.0.1:9');
  await expect(page.getByRole('note')).toContainText('Plain http: the API key travels unencrypted');
  await page.getByLabel('When a label was printed before').selectOption('warn');
  // Offered once, under its own name: connected, not "(not connected)".
  const offered = page.getByLabel('Label printer').locator(`option[value="${app.printer}"]`);
  await expect(offered).toHaveCount(1);
  await expect(offered).toHaveText(app.printer);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  expect(app.station.getSettings()).toMatchObject({
    duplicatePolicy: 'warn',
    labelPrinter: app.printer,
  });
  await app.screenshot('settings');
});
