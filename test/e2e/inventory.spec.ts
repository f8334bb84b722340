/**
 * The Inventory screen over the real station: every page of the account's stock is fetched
 * (3,000 rows at MegaWMS's 1,000 a page), sortable, low rows marked, the snapshot's age shown.
 */
import { expect, test } from './harness';
import { openScreen } from './station-page';

test('inventory fetches every page, sorts, and marks stock below its warning level', async ({
  app,
  page,
}) => {
  const total = app.sandbox.data.inventory.length;
  expect(total).toBeGreaterThan(1000);
  const calls = app.sandbox.requestCount('Inventory');
  await openScreen(page, 'inventory');

  await page.getByRole('button', { name: 'Fetch inventory' }).click();
  const summary = page.getByRole('status').filter({ hasText: 'below warning level' });
  await expect(summary).toContainText(`${total} rows of ${total}`, { timeout: 60_000 });
  await expect(summary).toContainText('Snapshot taken just now');
  expect(app.sandbox.requestCount('Inventory') - calls).toBe(Math.ceil(total / 1000));

  const table = page.getByRole('table', { name: 'Inventory' });
  await expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
  await table.getByRole('button', { name: /Available/ }).click();
  await expect(table.getByRole('columnheader', { name: /Available/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  const lowest = Math.min(...app.sandbox.data.inventory.map((row) => row.enableNum));
  await expect(table.getByRole('row').nth(1).getByRole('cell').nth(6)).toContainText(
    String(lowest),
  );

  const low = app.sandbox.data.inventory.filter(
    (row) => row.expectNum > 0 && row.enableNum < row.expectNum,
  );
  expect(low.length).toBeGreaterThan(0);
  await expect(table.getByText('Low', { exact: true }).first()).toBeVisible();
  await app.screenshot('inventory');
});

test('the warehouse filter asks MegaWMS for that warehouse only', async ({ app, page }) => {
  await openScreen(page, 'inventory');
  const warehouse = page.getByLabel('Warehouse');
  await expect(warehouse.locator('option[value="381"]')).toHaveCount(1);
  await warehouse.selectOption('381');
  await page.getByRole('button', { name: 'Fetch inventory' }).click();
  const expected = app.sandbox.data.inventory.filter((row) => row.warehouseId === '381').length;
  await expect(page.getByRole('status').filter({ hasText: 'below warning level' })).toContainText(
    `${expected} rows of ${expected}`,
  );
  const names = await page
    .getByRole('table', { name: 'Inventory' })
    .getByRole('row')
    .nth(1)
    .getByRole('cell')
    .nth(2)
    .textContent();
  expect(names).toContain('LAX');
});
