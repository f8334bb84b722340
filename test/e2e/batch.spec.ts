/**
 * The Batch screen over the real station: 200 pasted numbers are looked up with progress
 * and printed as ONE merged print job whose labels follow the list order, through CUPS; each
 * row's status follows that job until it is printed.
 */
import fs from 'node:fs';
import { expect, test } from './harness';
import { jobsAfter, lastJobId, openScreen, waitForJobDone } from './station-page';

/** Numbers that each stand for exactly one label (a master number brings every piece). */
function singleLabelNumbers(app: Parameters<Parameters<typeof test>[2]>[0]['app']): string[] {
  return app.sandbox.sample().trackingNumbers.filter((number) => {
    const order = app.sandbox.data.findOrder(number);
    return order !== undefined && (order.pieces.length === 1 || order.trackingNumber !== number);
  });
}

test('a batch of 200 prints as one job in list order', async ({ app, page }) => {
  // Reversed, so list order is not the order the sandbox made them in.
  const numbers = singleLabelNumbers(app).slice(0, 200).reverse();
  expect(numbers).toHaveLength(200);
  await openScreen(page, 'batch');
  await expect(page.getByRole('heading', { level: 1, name: 'Batch' })).toBeVisible();

  await page.getByLabel(/^Numbers/).fill(numbers.join('\n'));
  await expect(page.getByText('200 numbers')).toBeVisible();
  await page.getByRole('button', { name: 'Look up all' }).click();
  await expect(page.getByRole('status').filter({ hasText: '200 of 200 found' })).toBeVisible({
    timeout: 60_000,
  });

  const table = page.getByRole('table', { name: 'Batch results' });
  await expect(table).toHaveAttribute('aria-rowcount', '201');
  await expect(table.getByRole('row').nth(1)).toContainText(numbers[0] ?? '');
  // The table scrolls inside its own box and draws only the rows in sight (and a few more).
  const box = await table.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
  expect(box.scroll).toBeGreaterThan(box.client);
  expect(await table.getByRole('row').count()).toBeLessThan(60);
  await app.screenshot('batch');

  const before = await lastJobId(app);
  await page.getByRole('button', { name: 'Print all (200)' }).click();
  await expect(page.getByText(/200 labels sent as print job #\d+/)).toBeVisible({
    timeout: 60_000,
  });

  const jobs = await jobsAfter(app, before);
  expect(jobs).toHaveLength(1);
  expect(jobs[0]?.pieces).toEqual(numbers);
  expect(jobs[0]?.pageCount).toBe(200);
  const done = await waitForJobDone(app, jobs[0]?.id ?? 0, 110_000);
  expect(done.spoolerId).toBeTruthy();
  await expect(page.getByRole('status').filter({ hasText: 'Printed' })).toBeVisible();
  // The rows follow the job too: the table and the summary say the same thing.
  await expect(table.getByRole('row').nth(1)).toContainText('Printed');
  await expect(table.getByText('Sent to printer')).toHaveCount(0);
  await table.evaluate((box) => box.scrollTo({ top: box.scrollHeight }));
  const lastRow = table.getByRole('row').filter({ hasText: numbers[199] ?? '' });
  await expect(lastRow).toHaveAttribute('aria-rowindex', '201');
  await expect(lastRow).toContainText('Printed');
  await expect(table.getByRole('row').filter({ hasText: numbers[0] ?? '' })).toHaveCount(0);
  await app.screenshot('batch-printed');
});

test('batch results export as CSV, one line per number', async ({ app, page }) => {
  const numbers = [...singleLabelNumbers(app).slice(0, 3), 'NO-SUCH-1'];
  await openScreen(page, 'batch');
  await page.getByLabel(/^Numbers/).fill(numbers.join(', '));
  await page.getByRole('button', { name: 'Look up all' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: '3 of 4 found, 1 with problems' }),
  ).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^label-station-batch-\d{8}-\d{4}\.csv$/);
  const csv = fs
    .readFileSync(await download.path(), 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(csv[0]).toBe(
    'Number,Order number,Tracking number,Recipient,Pieces,MegaWMS status,Result,Error code,Problem',
  );
  expect(csv.slice(1).map((line) => line.split(',')[0])).toEqual(numbers);
  expect(csv[4]).toContain('not-found');
});
